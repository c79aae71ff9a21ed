"""Setting text into a slide's placeholders as slides/fit.py measured it: the body's frame moved clear of the
template's footers, sizes set where the template's would overflow, titles kept to one line, and the small
"From the trainer" mark and the reckoner's table kept inside the content area."""

from __future__ import annotations

from pptx.util import Emu, Pt

from ..text import Run
from .chunks import Line
from .deck import BODIES
from .fit import FLOOR_PT, one_line, size_for
from .geometry import EMU_PER_PT, TITLE_TYPES, Frame, content_frame

MARK_PT = 12
MARK_ROOM_PT = 22  # the mark's line, kept free at the foot of the body


def frames(deck, layout) -> tuple[Frame | None, Frame | None]:
    """(title frame, body frame) of a layout in this deck, worked out once per layout."""
    cache = deck.__dict__.setdefault("_frames", {})
    key = id(layout)
    if key not in cache:
        width, height = deck.presentation.slide_width, deck.presentation.slide_height
        types = [shape.placeholder_format.type for shape in layout.placeholders]
        title = next((kind for kind in types if kind in TITLE_TYPES), None)
        body = next((kind for kind in types if kind in BODIES), None)
        cache[key] = (content_frame(layout, title, width, height) if title is not None else None,
                      content_frame(layout, body, width, height) if body is not None else None)
    return cache[key]


def content_area(deck) -> Frame | None:
    """Where a table goes: the body of the deck's text layout, clear of its footers."""
    return frames(deck, deck.layouts.content)[1]


def sized(frame_shape, size: float | None) -> None:
    """Every run of the shape at `size` (where the template's size would not fit)."""
    if size is None:
        return
    for paragraph in frame_shape.text_frame.paragraphs:
        for run in paragraph.runs:
            run.font.size = Pt(size)


def place(shape, frame: Frame | None) -> None:
    """The shape on the frame's bounds, where they differ from what it inherits (kept clear of a footer)."""
    if frame is None:
        return
    if (int(shape.left), int(shape.top), int(shape.width), int(shape.height)) != (frame.left, frame.top, frame.width, frame.height):
        shape.left, shape.top, shape.width, shape.height = Emu(frame.left), Emu(frame.top), Emu(frame.width), Emu(frame.height)


def title_choice(deck, layout, candidates: list[list[Run]]) -> tuple[list[Run], float | None]:
    return one_line(candidates, frames(deck, layout)[0])


def body_size(deck, layout, found, mark: bool = False, most_lines: int = 6) -> float | None:
    """The size the body is set at when the template's would not fit (None: the template's own)."""
    frame = frames(deck, layout)[1]
    if frame is None:
        return None
    size = size_for(found, frame, most_lines, room_for(frame, mark)) or FLOOR_PT
    return None if size == frame.size else size


def room_for(frame: Frame | None, mark: bool) -> float | None:
    if frame is None:
        return None
    return frame.room_height - (MARK_ROOM_PT if mark else 0)


def mark_bounds(deck, layout) -> tuple[Emu, Emu, Emu, Emu]:
    """The "From the trainer" mark's box: the foot of the body, at its right."""
    frame = frames(deck, layout)[1] or content_area(deck)
    if frame is None:
        width, height = deck.presentation.slide_width, deck.presentation.slide_height
        return Emu(int(width * 0.70)), Emu(int(height * 0.88)), Emu(int(width * 0.28)), Emu(int(height * 0.06))
    box = int(MARK_ROOM_PT * EMU_PER_PT)
    return Emu(frame.left + frame.width // 2), Emu(frame.bottom - box), Emu(frame.width // 2), Emu(box)


def fit_cover(deck, layout, lines: list[list[Run]]):
    """The title slide's lines under its title: (those that fit, their size if not the template's, those left off for
    the notes, the frame they go in) -- a committee's large subtitle style must not run off the slide. The frame may
    grow down into free space above the footers; the last line goes first, then the first (the label), then the rest."""
    frame = frames(deck, layout)[1]
    if frame is None:
        return lines, None, [], None
    frame = _grown(deck, layout, frame)
    kept, left_out = list(lines), []
    while True:
        size = size_for([Line(tuple(line), "cover") for line in kept], frame, most_lines=99)
        if size is not None or len(kept) <= 1:
            size = size or FLOOR_PT
            return kept, (None if size == frame.size else size), left_out, frame
        dropped = kept.pop(-1 if len(left_out) != 1 or len(kept) < 2 else 0)
        left_out.append(dropped)


def _grown(deck, layout, frame: Frame) -> Frame:
    """`frame` taken down to the top of the first footer or band below it (or near the slide's foot)."""
    from dataclasses import replace

    from .geometry import obstacles

    height = int(deck.presentation.slide_height)
    below = [top for left, top, width, _ in obstacles(layout, int(deck.presentation.slide_width), height)
             if top >= frame.bottom and left < frame.left + frame.width and left + width > frame.left]
    limit = min(below, default=int(height * 0.95))
    return replace(frame, height=max(frame.height, limit - frame.top - int(4 * EMU_PER_PT)))


def like_the_body(deck, paragraph) -> None:
    """A text box's runs in the colour the master gives body text (white on a dark design), not the theme's default."""
    import copy

    from pptx.oxml.ns import qn

    styles = deck.presentation.slide_master._element.find(qn("p:txStyles"))
    body = styles.find(qn("p:bodyStyle")) if styles is not None else None
    level = body.find(qn("a:lvl1pPr")) if body is not None else None
    found = level.find(qn("a:defRPr")) if level is not None else None
    fill = found.find(qn("a:solidFill")) if found is not None else None
    if fill is None:
        return
    for run in paragraph.runs:
        properties = run._r.get_or_add_rPr()
        for old in properties.findall(qn("a:solidFill")):
            properties.remove(old)
        properties.insert(0, copy.deepcopy(fill))
