"""A slide deck from the document a kind makes (model/document.py; a training pack's facilitator's guide): a title
slide; a divider per session; each item's slides (slides/items.py), the trainer's own items marked "From the
trainer"; speaker notes on every slide, carrying its source (or that it is the trainer's), the timings, and the
trainer's notes, marked as the trainer's. Slide text is the portfolio's, word for word, or the trainer's, marked."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pptx.enum.text import MSO_AUTO_SIZE, PP_ALIGN
from pptx.util import Pt

from ...load import Project
from ...model.document import Document, Item
from ..edition import Edition
from ..text import Run, plain, runs
from .chunks import Line
from .deck import BODIES, TITLES, Layouts, add_runs, no_bullet, numbered, open_presentation, placeholder, remove_empty_placeholders, set_properties
from .fit import MOST_WORDS, counted, split
from .items import item_slides
from .setting import body_size, fit_cover, frames, like_the_body, mark_bounds, place, room_for, sized, title_choice

TRAINER_LABEL = "Trainer’s note (not from the portfolio): "
FROM_THE_TRAINER = "From the trainer"
TRAINER_SOURCE = "From the trainer: this slide is the pack’s own, not the portfolio’s."


@dataclass
class Deck:
    """One deck being written: the presentation, its layouts, and what its slides' links resolve against."""

    presentation: Any
    layouts: Layouts
    edition: Edition
    project: Project

    def slide(self, layout, title: list[Run], base_src: str = "", shorter: tuple = ()):
        """A slide titled on one line: `title`, else one of the `shorter` ones, else at a smaller size (slides/fit.py)."""
        slide = self.presentation.slides.add_slide(layout)
        heading = placeholder(slide, TITLES)
        heading.text_frame.text = ""
        title, size = title_choice(self, layout, [title, *shorter])
        add_runs(heading.text_frame.paragraphs[0], title, lambda href: self.edition.link(href, base_src))
        sized(heading, size)
        return slide

    def text_slide(self, title: list[Run], found: list[Line], base_src: str, notes: list[str], layout=None, mark: bool = False,
                   size: float | None = None, shorter: tuple = ()):
        """A slide of lines (plain, bulleted or numbered), with speaker notes; `mark`: the trainer's own, so marked;
        `size`: the body's size where the template's would not fit (slides/fit.py)."""
        layout = layout or self.layouts.content
        slide = self.slide(layout, title, base_src, shorter)
        body = placeholder(slide, BODIES)
        place(body, frames(self, layout)[1])
        frame = body.text_frame
        frame.word_wrap = True
        frame.auto_size = MSO_AUTO_SIZE.NONE  # measured to fit (slides/fit.py): LibreOffice's shrinking would make it smaller still
        for index, line in enumerate(found):
            paragraph = frame.paragraphs[0] if index == 0 else frame.add_paragraph()
            add_runs(paragraph, list(line.runs), lambda href: self.edition.link(href, base_src))
            if line.style == "plain":
                no_bullet(paragraph)
                paragraph.space_after = Pt(10)
            elif line.style == "number":
                numbered(paragraph, line.number or 1)
        area = frames(self, layout)[1]
        size = body_size(self, layout, found, mark) if size is None else size
        sized(body, None if area is None or size == area.size else size)
        self.notes(slide, notes)
        if mark:
            self.mark(slide, layout)
        remove_empty_placeholders(slide)
        return slide

    def mark(self, slide, layout=None) -> None:
        """"From the trainer", small, at the foot of a slide the trainer wrote (where the portfolio's would be sourced), inside the
        body's area, clear of the template's footers."""
        box = slide.shapes.add_textbox(*mark_bounds(self, layout or self.layouts.content))
        box.name = FROM_THE_TRAINER
        paragraph = box.text_frame.paragraphs[0]
        paragraph.alignment = PP_ALIGN.RIGHT
        add_runs(paragraph, [Run(FROM_THE_TRAINER, italic=True)], lambda href: None)
        paragraph.runs[0].font.size = Pt(12)
        like_the_body(self, paragraph)

    def pieces(self, found: list[Line], limit: int = MOST_WORDS, mark: bool = False, layout=None) -> list[tuple[list[Line], float]]:
        """The lines as slides of the layout's body (slides/fit.py): each (its lines, its size)."""
        frame = frames(self, layout or self.layouts.content)[1]
        if frame is None:
            return [(found, 0.0)] if found else []
        return split(found, frame, min(limit, MOST_WORDS), room_for(frame, mark))

    def chunked(self, title: list[Run], found: list[Line], base_src: str, notes: list[str], limit: int = MOST_WORDS, mark: bool = False,
                layout=None, later_notes: list[str] | None = None, shorter: tuple = ()):
        """As many slides as the text needs, titled "· 2/3" when there are several; the notes on the first, `later_notes`
        (else the same) on the others."""
        layout = layout or self.layouts.content
        pieces = self.pieces(found, limit, mark, layout)
        for index, (piece, size) in enumerate(pieces, 1):
            self.text_slide(counted(title, index, len(pieces)), piece, base_src, notes if index == 1 or later_notes is None else later_notes,
                            layout, mark=mark, size=size or None, shorter=tuple(counted(t, index, len(pieces)) for t in shorter))
        return len(pieces)

    def notes(self, slide, notes: list[str]) -> None:
        frame = slide.notes_slide.notes_text_frame
        for index, text in enumerate(notes):
            paragraph = frame.paragraphs[0] if index == 0 else frame.add_paragraph()
            for prefix in (TRAINER_LABEL, "Time: ", f"{FROM_THE_TRAINER}: "):
                if text.startswith(prefix):
                    label = paragraph.add_run()
                    label.text, label.font.bold = prefix, True
                    text = text[len(prefix):]
            add_runs(paragraph, runs(text), lambda href: self.edition.link(href, ""))

    def item_notes(self, item: Item, note: str | None, timing: str | None = None, session: str | None = None) -> list[str]:
        """Speaker notes of an item's slides: its source (or that it is the trainer's), its timing and its session's,
        then the trainer's note, labelled."""
        found = [TRAINER_SOURCE if item.trainer else item.source]
        if timing:
            found.append(f"Time: {timing}")
        if session:
            found.append(session)
        if note:
            found.append(TRAINER_LABEL + " ".join(plain_paragraphs(note)))
        return found


def plain_paragraphs(text: str) -> list[str]:
    """A note's paragraphs, its Markdown kept (notes are a text box: one paragraph each)."""
    return [part.strip() for part in text.split("\n\n") if part.strip()]


def write_deck(path: Path, project: Project, edition: Edition, document: Document) -> None:
    """The document as a .pptx at `path`: a title slide, a divider per part (a session), each item's slides."""
    presentation = open_presentation(edition)
    deck = Deck(presentation, Layouts(presentation), edition, project)
    set_properties(presentation, edition, plain(document.title), document.subject)
    _title_slide(deck, document)
    for part in document.parts:
        session = f"{plain(part.heading)}: {part.timing}" if part.heading and part.timing else None
        if part.heading:
            agenda = [Line(tuple(runs(entry.item.title)), "bullet") for entry in part.entries]
            lead = [Line((Run("Duration: ", bold=True), *runs(part.duration)))] if part.duration else []
            timings = [f"Time: {part.timing}"] if part.timing else []
            timings += [f"{plain(entry.item.title)}: {entry.timing}" for entry in part.entries if entry.timing]
            fits = len(deck.pieces([*lead, *agenda], layout=deck.layouts.section)) <= 1  # else on a slide with room for the list
            deck.chunked(runs(part.heading), [*lead, *agenda], "", [*timings, "This slide lists the session’s items, in the pack’s order."],
                         layout=deck.layouts.section if fits else deck.layouts.content)
        for entry in part.entries:
            item_slides(deck, entry.item, deck.item_notes(entry.item, entry.note, entry.timing, session))
    address = edition.address(document.page)
    closing = [Line(tuple(runs(edition.made_from))),
               Line((Run("The speaker notes give each slide’s source; slides marked “From the trainer” and notes marked “Trainer’s note” "
                         "are the pack’s own words, not the portfolio’s."),))]
    if address:
        closing.append(Line((Run(f"{document.online}: "), Run(address, href=address))))
    deck.chunked([Run("About these slides")], closing, "", [edition.made_from])
    presentation.save(str(path))


def _title_slide(deck: Deck, document: Document) -> None:
    edition, cover = deck.edition, document.cover
    slide = deck.slide(deck.layouts.title, runs(document.title))
    lines = [[Run(cover.label)], [run for index, (label, value) in enumerate(cover.facts) for run in [Run(f"{' · ' if index else ''}{label}: "), *runs(value)]]] if cover else []
    names = edition.committee if edition.same_names else f"{edition.committee} · {edition.settings.site_name}"
    lines.append([Run(f"{names}, edition {edition.version}, built {edition.built}")])
    body = placeholder(slide, BODIES)
    notes = [edition.made_from]
    if body is not None:
        lines, size, left_out, frame = fit_cover(deck, deck.layouts.title, lines)
        place(body, frame)
        for index, line in enumerate(lines):
            paragraph = body.text_frame.paragraphs[0] if index == 0 else body.text_frame.add_paragraph()
            add_runs(paragraph, line, lambda href: None)
        sized(body, size)
        notes += ["Left off the title slide, where it would not fit: " + "".join(run.text for run in line) for line in left_out]
    if cover and cover.about:
        notes.append(TRAINER_LABEL + " ".join(plain_paragraphs(cover.about)))
    deck.notes(slide, notes)
    remove_empty_placeholders(slide)
