"""What a trainer sees of each slide, measured with real font metrics (macros/outputs/metrics.py): for every
placeholder, its lines and height at the size its runs are set at, against its frame; its body's words; every
table's and text box's bounds against the slide, the content area and the template's footers."""

from __future__ import annotations

import re
from pathlib import Path

from pptx import Presentation

from macros.outputs import metrics
from macros.outputs.slides.geometry import EMU_PER_PT, TITLE_TYPES, frame_of, obstacles
from tests.office import SENTENCE_END

MOST_WORDS, MOST_LINES, FLOOR_PT = 45, 6, 20


def _paragraph_size(paragraph, default: float) -> float:
    sizes = [run.font.size.pt for run in paragraph.runs if run.font.size is not None]
    return min(sizes) if sizes else default


def measured(shape, layout, slide_width: int, slide_height: int) -> dict:
    """A placeholder's text as set: its lines, its height and its room (points), its smallest size, its words."""
    kind = shape.placeholder_format.type
    frame = frame_of(layout, kind)
    room_width = (int(shape.width) - frame.insets[0] - frame.insets[2]) / EMU_PER_PT
    lines, height, smallest = 0, 0.0, frame.size
    for index, paragraph in enumerate(shape.text_frame.paragraphs):
        size = _paragraph_size(paragraph, frame.size)
        smallest = min(smallest, size)
        bulleted = paragraph._p.pPr is None or paragraph._p.pPr.get("marL") != "0"
        room = room_width - (frame.indent / EMU_PER_PT if bulleted and kind not in TITLE_TYPES else 0)
        pieces = [(run.text, bool(run.font.bold), bool(run.font.italic)) for run in paragraph.runs] or [("", False, False)]
        count = metrics.wrap(pieces, room, size, frame.typeface)
        lines += count
        height += count * size * metrics.LINE * frame.spacing + (frame.before_pt + frame.before_pct * size if index else 0)
        height += paragraph.space_after.pt if paragraph.space_after is not None else 0
    text = shape.text_frame.text
    return {"lines": lines, "height": height, "room": (int(shape.height) - frame.insets[1] - frame.insets[3]) / EMU_PER_PT,
            "size": smallest, "words": len(text.split()), "sentences": len([s for s in SENTENCE_END.split(text.strip()) if s.strip()]),
            "bounds": (int(shape.left), int(shape.top), int(shape.width), int(shape.height)), "kind": kind}


def overlaps(a, b) -> bool:
    return a[0] < b[0] + b[2] and b[0] < a[0] + a[2] and a[1] < b[1] + b[3] and b[1] < a[1] + a[3]


def problems(path: Path) -> list[str]:
    """Every way a deck's slides break the limits: overflowing text, long bodies, titles over a line, small type,
    tables or boxes off the slide, outside the content area or over a footer, slides without notes, and uneven
    splits (a slide with under a quarter of its siblings' words)."""
    deck = Presentation(str(path))
    width, height = deck.slide_width, deck.slide_height
    found: list[str] = []
    runs: list[tuple[str, list[int]]] = []  # the slides one split made: consecutive slides of one title, by their words
    for number, slide in enumerate(deck.slides, 1):
        layout = slide.slide_layout
        where = f"{path.name} slide {number}"
        blocked = obstacles(layout, width, height)
        title = slide.shapes.title.text_frame.text if slide.shapes.title is not None else ""
        if not (slide.has_notes_slide and slide.notes_slide.notes_text_frame.text.strip()):
            found.append(f"{where}: no speaker notes")
        for shape in slide.shapes:
            bounds = (int(shape.left), int(shape.top), int(shape.width), int(shape.height))
            if bounds[0] < 0 or bounds[1] < 0 or bounds[0] + bounds[2] > width or bounds[1] + bounds[3] > height:
                found.append(f"{where}: {shape.name} runs off the slide")
            if not shape.is_placeholder:
                if any(overlaps(bounds, other) for other in blocked):
                    found.append(f"{where}: {shape.name} is over the template's footer")
                if shape.has_table:
                    for row in shape.table.rows:
                        for cell in row.cells:
                            for paragraph in cell.text_frame.paragraphs:
                                if paragraph.text.strip() and _paragraph_size(paragraph, 18) < FLOOR_PT:
                                    found.append(f"{where}: a table cell at {_paragraph_size(paragraph, 18)} pt")
                continue
            if not shape.has_text_frame or not shape.text_frame.text.strip():
                continue
            text = measured(shape, layout, width, height)
            if text["height"] > text["room"] + 0.5:
                found.append(f"{where}: {title!r}: {shape.name} overflows ({text['height']:.0f} pt in {text['room']:.0f})")
            if text["size"] < FLOOR_PT:
                found.append(f"{where}: {shape.name} at {text['size']} pt")
            if any(overlaps(text["bounds"], other) for other in blocked):
                found.append(f"{where}: {shape.name} is over the template's footer")
            if text["kind"] in TITLE_TYPES:
                if text["lines"] > 1 and number > 1:
                    found.append(f"{where}: title {title!r} takes {text['lines']} lines")
                if "(continued)" in title or re.search(r"\(\d+ of \d+\)", title):
                    found.append(f"{where}: title {title!r} piles up")
            elif number > 1:
                if text["lines"] > MOST_LINES and text["sentences"] > 1:  # a sentence is never cut: a long one has its slide
                    found.append(f"{where}: {title!r}: {text['lines']} lines")
                if text["words"] > MOST_WORDS and text["sentences"] > 1:
                    found.append(f"{where}: {title!r}: {text['words']} words")
                base, dot, _ = title.rpartition(" · ")
                if not runs or runs[-1][0] != (base if dot else title):
                    runs.append((base if dot else title, []))
                if text["words"] <= MOST_WORDS:  # a sentence longer than a slide has one to itself, and is no sibling
                    runs[-1][1].append(text["words"])
    for title, counts in runs:
        if len(counts) > 1 and min(counts) < max(counts) / 4:
            found.append(f"{path.name}: {title!r}: uneven slides {counts}")
    return found
