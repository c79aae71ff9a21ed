"""A Word download, whole, from the document a kind makes (model/document.py): a handout of one item (a case
study, a checklist, the ready reckoner on one A4 page), of every entry of a kind (the resistant behaviours),
or a training pack's (a cover, contents, each session's items with the trainer's notes). Then space for notes,
the page's address, the references cited, and what the document was made from."""

from __future__ import annotations

from pathlib import Path

from ...load import Project
from ...model.document import Document
from ..edition import Edition
from ..text import Run, plain, runs
from .document import default_footer, open_document, set_properties
from .items import write_item
from .lists import STYLE
from .lists import number as numbered
from .parts import TRAINER_LABEL, address, references, site_note, trainer_note, writing_lines
from .writer import Writer, internal_link


def write_document(path: Path, project: Project, edition: Edition, document: Document) -> None:
    """The document as a .docx at `path`: items under their parts' headings (a session's), or under one heading."""
    title = plain(document.title)
    opened, style_ids = open_document(edition, document.margins_cm)
    set_properties(opened, edition, title, document.subject, document.category)
    if edition.handout_template is None:
        default_footer(opened, style_ids, edition, title)
    writer = Writer(opened, edition, project, style_ids)
    sessions = any(part.heading for part in document.parts)
    if document.cover:
        _cover(writer, document)
        _contents(writer, document)
    if document.heading:
        writer.heading(1, document.heading, document.page)
    level = 2 if sessions or document.heading else 1
    number = 0
    for index, part in enumerate(document.parts, 1):
        if part.heading:
            writer.heading(1, part.heading, bookmark=f"session_{index}", new_page=bool(document.cover))
        if part.duration:
            writer.paragraph([Run("Duration: ", bold=True), *runs(part.duration)])
        for entry in part.entries:
            number += 1
            write_item(writer, entry.item, level, note=entry.note, bookmark=f"item_{number}" if document.cover else None)
    outer = 1 if sessions else 2
    if document.notes_lines:
        writer.heading(outer, "Notes", new_page=bool(document.cover))
        writing_lines(writer, document.notes_lines)
    address(writer, document.page, document.online, qr_code=document.qr)
    references(writer, outer)
    site_note(writer, edition.made_from)
    writer.document.save(str(path))


def _cover(writer: Writer, document: Document) -> None:
    edition, cover = writer.edition, document.cover
    writer.heading(0, document.title, document.page)
    writer.paragraph(cover.label, style="Subtitle")
    facts = (*cover.facts, *edition.facts, ("Prepared by", edition.committee))
    for label, value in facts:
        writer.paragraph([Run(f"{label}: ", bold=True), *runs(value)])
    if cover.example:
        site_note(writer, f"This is an example pack from the {edition.settings.site_name} site: it only selects and orders items from the "
                          "portfolio. Copy it and change it for your own training (see “For trainers” on the site).")
    if cover.about:
        trainer_note(writer, cover.about, document.page, label="About this pack")
    site_note(writer, f"Every item is the text of the *Working with Resistance* practitioner portfolio (West of Scotland Child "
                      f"Protection Consortium, 2016), word for word. Shaded paragraphs marked “{TRAINER_LABEL}” are the pack’s "
                      "own words, not the portfolio’s.")


def _contents(writer: Writer, document: Document) -> None:
    """Every part and item, each a link to its heading (Word and PDF readers follow them)."""
    writer.heading(1, "Contents", new_page=True)
    parts = writer.numbering.new_list("number")
    number = 0
    for index, part in enumerate(document.parts, 1):
        line = writer.new_paragraph(STYLE["number"])
        numbered(line, parts, 0)
        internal_link(writer, line, runs(part.heading or ""), f"session_{index}")
        entries = writer.numbering.new_list("bullet", 1)
        for entry in part.entries:
            number += 1
            sub = writer.new_paragraph(STYLE["bullet"])
            numbered(sub, entries, 1)
            internal_link(writer, sub, runs(entry.item.title), f"item_{number}")
