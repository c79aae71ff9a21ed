"""A Word download, whole, from the document a kind makes (model/document.py): a handout of one item (a case
study, a checklist, the ready reckoner on one A4 page), of every entry of a kind (the resistant behaviours),
or one of a training pack's two editions: a cover (title, audience, duration, edition, committee) with the
build's details on its back, contents with page numbers, the facilitator's running order and materials, each
session's items (the trainer's notes and timings only in the facilitator's guide). Then space for notes, the
page's address (when the site has one), the references cited, and what the document was made from."""

from __future__ import annotations

from pathlib import Path

from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm

from ...load import Project
from ...model.document import Document
from ..edition import Edition
from ..text import Run, plain, runs, xml_safe
from .document import CONTENTS_LINE, _insert_in_order, default_footer, open_document, set_properties
from .fit import finish
from .items import write_item
from .parts import TRAINER_LABEL, address, references, site_note, table, trainer_note, writing_lines
from .writer import Writer, internal_link

# What the settings' schema puts after w:updateFields (Word refuses misordered XML).
_AFTER_UPDATE_FIELDS = tuple(f"w:{name}" for name in (
    "hdrShapeDefaults", "footnotePr", "endnotePr", "compat", "docVars", "rsids", "mathPr", "attachedSchema", "themeFontLang",
    "clrSchemeMapping", "doNotIncludeSubdocsInStats", "doNotAutoCompressPictures", "forceUpgrade", "captions", "readModeInkLockDown",
    "smartTagType", "schemaLibrary", "shapeDefaults", "doNotEmbedSmartTags", "decimalSymbol", "listSeparator"))


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
        _back_of_cover(writer, document)
        _contents(writer, document)
        _update_fields_on_open(opened)
    if document.running_order:
        _running_order(writer, document)
    if document.materials:
        writer.heading(1, "Materials", bookmark="materials")
        writer.items(list(document.materials), document.page, "tick")
    if document.heading:
        writer.heading(1, document.heading, document.page)
    level = 2 if sessions or document.heading else 1
    number = 0
    for index, part in enumerate(document.parts, 1):
        if part.heading:
            writer.heading(1, part.heading, bookmark=f"session_{index}", new_page=bool(document.cover))
        if part.duration:
            writer.paragraph([Run("Duration: ", bold=True), *runs(part.duration)])
        if part.timing and document.trainer_notes:
            writer.paragraph([Run("Time: ", bold=True), *runs(part.timing)])
        for entry in part.entries:
            number += 1
            write_item(writer, entry.item, level, note=entry.note if document.trainer_notes else None,
                       bookmark=f"item_{number}" if document.cover else None, timing=entry.timing if document.trainer_notes else None)
        if part.notes_lines:
            writer.heading(level, "Your notes")
            writing_lines(writer, part.notes_lines)
    outer = 1 if sessions else 2
    if document.notes_lines:
        writer.heading(outer, "Notes", new_page=bool(document.cover), bookmark="notes" if document.cover else None)
        writing_lines(writer, document.notes_lines)
    address(writer, document.page, document.online, qr_code=document.qr)
    references(writer, outer)
    site_note(writer, edition.made_from)
    finish(writer.document, document)
    writer.document.save(str(path))


def _cover(writer: Writer, document: Document) -> None:
    """The cover alone on its page: the title, what it is, the audience and duration, the edition and the committee."""
    edition, cover = writer.edition, document.cover
    writer.heading(0, document.title, document.page)
    writer.paragraph(" · ".join(part for part in (cover.label, cover.edition) if part), style="Subtitle")
    for label, value in (*cover.facts, ("Edition", edition.edition_name)):
        writer.paragraph([Run(f"{label}: ", bold=True), *runs(value)])
    writer.paragraph([Run(edition.committee, bold=True)])


def _back_of_cover(writer: Writer, document: Document) -> None:
    """The next page: what the document is, the trainer's words on the pack, and the build's details."""
    edition, cover = writer.edition, document.cover
    writer.heading(1, f"About this {cover.edition.lower() if cover.edition else 'document'}", new_page=True)
    if cover.example:
        site_note(writer, f"This is an example pack from the {edition.settings.site_name} site: it only selects and orders items from the "
                          "portfolio. Copy it and change it for your own training (see “For trainers” on the site).")
    if cover.about:
        trainer_note(writer, cover.about, document.page, label="About this pack")
    for label, value in (*edition.facts, ("Prepared by", edition.committee)):
        writer.paragraph([Run(f"{label}: ", bold=True), *runs(value)])
    own = (f"Shaded paragraphs marked “{TRAINER_LABEL}” and items marked “From the trainer” are the pack’s own words, not the portfolio’s."
           if document.trainer_notes else "Items marked “From the trainer” are the pack’s own words, not the portfolio’s.")
    site_note(writer, f"Every other item is the text of the *Working with Resistance* practitioner portfolio (West of Scotland Child "
                      f"Protection Consortium, 2016), word for word. {own}")


def _contents(writer: Writer, document: Document) -> None:
    """Every part and item, each a link to its heading (Word and PDF readers follow them), with its page number:
    a PAGEREF field of the heading's bookmark, which LibreOffice works out as it lays the pages out and Word updates
    when the document is opened (the fields are written here, never from data)."""
    writer.heading(1, "Contents", new_page=True)
    lines: list[tuple[int, list[Run], str]] = []
    if document.running_order:
        lines.append((0, [Run("Running order")], "running_order"))
    if document.materials:
        lines.append((0, [Run("Materials")], "materials"))
    number = 0
    for index, part in enumerate(document.parts, 1):
        lines.append((0, runs(part.heading or ""), f"session_{index}"))
        for entry in part.entries:
            number += 1
            lines.append((1, runs(entry.item.title), f"item_{number}"))
    if document.notes_lines:
        lines.append((0, [Run("Notes")], "notes"))
    for level, text, anchor in lines:
        line = writer.new_paragraph(CONTENTS_LINE)
        if level:
            line.paragraph_format.left_indent = Cm(0.75)
        internal_link(writer, line, text, anchor)
        line.add_run("\t")
        _page_of(line, anchor)


def _page_of(paragraph, bookmark: str) -> None:
    """A PAGEREF field: the number of the page the bookmark is on."""
    def run(*children):
        element = OxmlElement("w:r")
        for child in children:
            element.append(child)
        paragraph._p.append(element)

    def char(kind: str):
        element = OxmlElement("w:fldChar")
        element.set(qn("w:fldCharType"), kind)
        return element

    instruction = OxmlElement("w:instrText")
    instruction.set(qn("xml:space"), "preserve")
    instruction.text = f" PAGEREF {bookmark} \\h "
    shown = OxmlElement("w:t")
    shown.text = xml_safe("")
    run(char("begin"))
    run(instruction)
    run(char("separate"))
    run(shown)
    run(char("end"))


def _update_fields_on_open(document) -> None:
    """Word works out the contents' page numbers when it opens the document (LibreOffice always does)."""
    settings = document.settings.element
    if settings.find(qn("w:updateFields")) is None:
        update = OxmlElement("w:updateFields")
        update.set(qn("w:val"), "true")
        _insert_in_order(settings, update, _AFTER_UPDATE_FIELDS)


def _running_order(writer: Writer, document: Document) -> None:
    """The day at a glance: each session on a line of its own, in bold with its whole time, then each of its
    items, with its time and what it is."""
    writer.heading(1, "Running order", bookmark="running_order", new_page=True)
    rows = [[[Run(text, bold=True)] if row.session and text else runs(text) for text in (row.session, row.time, row.item, row.activity)]
            for row in document.running_order]
    table(writer, [[Run("Session")], [Run("Time")], [Run("Item")], [Run("Activity")]], rows, [4.5, 3.2, 6.3, 3.0],
          caption="Running order: each item with its session, time and activity", font_pt=10)
