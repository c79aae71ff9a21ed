"""A slide deck from the document a kind makes (model/document.py; a training pack's): a title slide; a divider
per session; each item's slides (slides/items.py); speaker notes carrying the source of each slide and the
trainer's notes, marked as the trainer's. Slide text is the portfolio's, word for word."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pptx.enum.text import MSO_AUTO_SIZE
from pptx.util import Pt

from ...load import Project
from ...model.document import Document, Item
from ..edition import Edition
from ..text import Run, plain, runs
from .chunks import WORDS_PER_SLIDE, Line, chunk
from .deck import BODIES, TITLES, Layouts, add_runs, no_bullet, numbered, open_presentation, placeholder, remove_empty_placeholders, set_properties
from .items import item_slides

TRAINER_LABEL = "Trainer’s note (not from the portfolio): "


@dataclass
class Deck:
    """One deck being written: the presentation, its layouts, and what its slides' links resolve against."""

    presentation: Any
    layouts: Layouts
    edition: Edition
    project: Project

    def slide(self, layout, title: list[Run], base_src: str = ""):
        slide = self.presentation.slides.add_slide(layout)
        heading = placeholder(slide, TITLES)
        heading.text_frame.text = ""
        add_runs(heading.text_frame.paragraphs[0], title, lambda href: self.edition.link(href, base_src))
        return slide

    def text_slide(self, title: list[Run], found: list[Line], base_src: str, notes: list[str], layout=None):
        """A slide of lines (plain, bulleted or numbered), with speaker notes."""
        slide = self.slide(layout or self.layouts.content, title, base_src)
        body = placeholder(slide, BODIES)
        frame = body.text_frame
        frame.word_wrap = True
        frame.auto_size = MSO_AUTO_SIZE.TEXT_TO_FIT_SHAPE  # shrink rather than overflow, in a committee's larger fonts
        for index, line in enumerate(found):
            paragraph = frame.paragraphs[0] if index == 0 else frame.add_paragraph()
            add_runs(paragraph, list(line.runs), lambda href: self.edition.link(href, base_src))
            if line.style == "plain":
                no_bullet(paragraph)
                paragraph.space_after = Pt(10)
            elif line.style == "number":
                numbered(paragraph, line.number or 1)
        self.notes(slide, notes)
        remove_empty_placeholders(slide)
        return slide

    def chunked(self, title: list[Run], found: list[Line], base_src: str, notes: list[str], limit: int = WORDS_PER_SLIDE):
        """As many slides as the text needs, titled "(2 of 3)" when there are several; notes on each."""
        pieces = chunk(found, limit)
        for index, piece in enumerate(pieces, 1):
            suffix = [Run(f" ({index} of {len(pieces)})")] if len(pieces) > 1 else []
            self.text_slide([*title, *suffix], piece, base_src, notes)

    def notes(self, slide, notes: list[str]) -> None:
        frame = slide.notes_slide.notes_text_frame
        for index, text in enumerate(notes):
            paragraph = frame.paragraphs[0] if index == 0 else frame.add_paragraph()
            if text.startswith(TRAINER_LABEL):
                label = paragraph.add_run()
                label.text, label.font.bold = TRAINER_LABEL, True
                text = text[len(TRAINER_LABEL):]
            add_runs(paragraph, runs(text), lambda href: self.edition.link(href, ""))

    def item_notes(self, item: Item, note: str | None) -> list[str]:
        """Speaker notes of an item's slides: its source, then the trainer's note, labelled."""
        found = [item.source]
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
        if part.heading:
            agenda = [Line(tuple(runs(entry.item.title)), "bullet") for entry in part.entries]
            lead = [Line((Run("Duration: ", bold=True), *runs(part.duration)))] if part.duration else []
            deck.text_slide(runs(part.heading), [*lead, *agenda], "", [], deck.layouts.section)
        for entry in part.entries:
            item_slides(deck, entry.item, deck.item_notes(entry.item, entry.note))
    address = edition.address(document.page)
    closing = [Line(tuple(runs(edition.made_from))),
               Line((Run("The speaker notes give each slide’s source; notes marked “Trainer’s note” are the pack’s own words, not the portfolio’s."),))]
    if address:
        closing.append(Line((Run(f"{document.online}: "), Run(address, href=address))))
    deck.text_slide([Run("About these slides")], closing, "", [])
    presentation.save(str(path))


def _title_slide(deck: Deck, document: Document) -> None:
    edition, cover = deck.edition, document.cover
    slide = deck.slide(deck.layouts.title, runs(document.title))
    lines = [[Run(cover.label)], [run for index, (label, value) in enumerate(cover.facts) for run in [Run(f"{' · ' if index else ''}{label}: "), *runs(value)]]] if cover else []
    lines.append([Run(f"{edition.committee} · {edition.settings.site_name}, edition {edition.version}, built {edition.built}")])
    body = placeholder(slide, BODIES)
    if body is not None:
        for index, line in enumerate(lines):
            paragraph = body.text_frame.paragraphs[0] if index == 0 else body.text_frame.add_paragraph()
            add_runs(paragraph, line, lambda href: None)
    notes = [edition.made_from]
    if cover and cover.about:
        notes.append(TRAINER_LABEL + " ".join(plain_paragraphs(cover.about)))
    deck.notes(slide, notes)
    remove_empty_placeholders(slide)
