"""A training pack as a slide deck: a title slide; a divider per session; for each case study, readable
slides of its narrative and a slide of its questions; slides for question sets, behaviours, tools and
the ready reckoner; speaker notes carrying the source of each slide and the trainer's notes, marked
as the trainer's. Slide text is the portfolio's, word for word."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pptx.enum.text import MSO_AUTO_SIZE
from pptx.util import Pt

from ...load import Project
from ...model.trainers import Pack
from ..edition import Edition
from ..sources import source_of, title_of
from ..text import Run, plain, runs
from .chunks import WORDS_PER_SLIDE, Line, chunk
from .deck import BODIES, TITLES, Layouts, add_runs, no_bullet, numbered, open_presentation, placeholder, remove_empty_placeholders, set_properties
from .items import ITEM_SLIDES

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

    def item_notes(self, kind: str, entry: Any, note: str | None) -> list[str]:
        """Speaker notes of an item's slides: its source, then the trainer's note, labelled."""
        found = [source_of(self.project, kind, entry)]
        if note:
            found.append(TRAINER_LABEL + " ".join(plain_paragraphs(note)))
        return found


def plain_paragraphs(text: str) -> list[str]:
    """A note's paragraphs, its Markdown kept (notes are a text box: one paragraph each)."""
    return [part.strip() for part in text.split("\n\n") if part.strip()]


def pack_deck(path: Path, project: Project, edition: Edition, pack: Pack) -> None:
    presentation = open_presentation(edition)
    deck = Deck(presentation, Layouts(presentation), edition, project)
    kind = "Example training pack" if pack.example else "Training pack"
    set_properties(presentation, edition, plain(pack.title), f"{kind} made from Working with Resistance")
    _title_slide(deck, pack, kind)
    for number, session in enumerate(pack.sessions, 1):
        agenda = [Line(tuple(title_of(item.kind, _entry(project, item))), "bullet") for item in session.items]
        lead = [Line((Run("Duration: ", bold=True), *runs(session.duration)))] if session.duration else []
        deck.text_slide([Run(f"Session {number}: "), *runs(session.title)], [*lead, *agenda], "", [], deck.layouts.section)
        for item in session.items:
            entry = _entry(project, item)
            ITEM_SLIDES[item.kind](deck, entry, deck.item_notes(item.kind, entry, item.notes))
    address = edition.address(f"packs/{pack.id}.md")
    closing = [Line(tuple(runs(edition.made_from))),
               Line((Run("The speaker notes give each slide’s source; notes marked “Trainer’s note” are the pack’s own words, not the portfolio’s."),))]
    if address:
        closing.append(Line((Run("This pack online: "), Run(address, href=address))))
    deck.text_slide([Run("About these slides")], closing, "", [])
    presentation.save(str(path))


def _title_slide(deck: Deck, pack: Pack, kind: str) -> None:
    edition = deck.edition
    slide = deck.slide(deck.layouts.title, runs(pack.title))
    lines = [[Run(kind)], [Run("For: "), *runs(pack.audience), Run(" · Duration: "), *runs(pack.duration)],
             [Run(f"{edition.committee} · {edition.settings.site_name}, version {edition.settings.version}, built {edition.build_date}")]]
    body = placeholder(slide, BODIES)
    if body is not None:
        for index, line in enumerate(lines):
            paragraph = body.text_frame.paragraphs[0] if index == 0 else body.text_frame.add_paragraph()
            add_runs(paragraph, line, lambda href: None)
    notes = [edition.made_from]
    if pack.about:
        notes.append(TRAINER_LABEL + " ".join(plain_paragraphs(pack.about)))
    deck.notes(slide, notes)
    remove_empty_placeholders(slide)


def _entry(project: Project, item) -> Any:
    return getattr(project.data, item.kind) if item.entry_id is None else project.data.by_id[item.kind][item.entry_id]



# Each kind's slide deck (the registry's `slides` names the file).
WRITERS = {"packs": pack_deck}
