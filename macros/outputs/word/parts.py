"""The parts handouts share: trainer's notes set apart from the portfolio's text, the site's own
notes, ruled space to write in, accessible tables, the page's address with its QR code, and the
reference list of what the document cites."""

from __future__ import annotations

import io

from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT, WD_ROW_HEIGHT_RULE, WD_TABLE_ALIGNMENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt

from ...model.kinds import CITED
from ..text import Run, blocks, paragraphs, runs, xml_safe
from .document import SITE_NOTE, TRAINER_MARK, TRAINER_NOTE, WRITING_LINE, text_width
from .writer import Writer

TRAINER_LABEL = "Trainer’s note"
FROM_THE_TRAINER = "From the trainer"
HEADER_FILL = "E7E6E6"


def trainer_note(writer: Writer, text: str, base_src: str, label: str = TRAINER_LABEL) -> None:
    """The trainer's own words: in their own style and labelled, so no one reads them as the portfolio's."""
    for index, found in enumerate(_note_paragraphs(text)):
        paragraph = writer.new_paragraph(TRAINER_NOTE)
        if index == 0:
            paragraph.add_run(f"{label} (not from the portfolio): ").bold = True
        writer.add_runs(paragraph, found, base_src)


def trainer_mark(writer: Writer) -> None:
    """"From the trainer": over an item the trainer wrote (an activity, a break), where the portfolio's would give its source."""
    writer.new_paragraph(TRAINER_MARK).add_run(FROM_THE_TRAINER)


def _note_paragraphs(text: str):
    for block in blocks(text):
        for paragraph in paragraphs(block):
            yield paragraph.runs


def site_note(writer: Writer, text: str, base_src: str = "") -> None:
    """Text the site adds (its cross-links, how a document was made), in its own small style."""
    writer.paragraph(text, base_src, SITE_NOTE)


def writing_lines(writer: Writer, count: int) -> None:
    """Ruled lines to write on: each a tab whose leader draws the line (no empty paragraphs), kept together."""
    for number in range(count):
        line = writer.new_paragraph(WRITING_LINE)
        line.paragraph_format.keep_with_next = number < count - 1
        line.add_run("\t")


def field_line(writer: Writer, label: str, hint: str = "") -> None:
    """A label and a ruled line to fill in by hand ("Practitioner: ______")."""
    paragraph = writer.new_paragraph(WRITING_LINE)
    paragraph.paragraph_format.keep_with_next = True
    paragraph.add_run(xml_safe(label)).bold = True
    if hint:
        paragraph.add_run(f" {xml_safe(hint)}")
    paragraph.add_run("\t")


def table(writer: Writer, header: list[list[Run]], rows: list[list[list[Run]]], widths_cm: list[float], caption: str,
          base_src: str = "", font_pt: float | None = None, row_cm: float | None = None):
    """A table in Word's Table Grid style whose first row is marked as the header row, repeated on each
    new page; rows never split across pages, and the table stays with what comes before it; fixed
    column widths, so a long word cannot widen a column."""
    grid = writer.document.add_table(rows=1 + len(rows), cols=len(header))
    grid._tbl.tblPr.style = writer.style_ids["Table Grid"]
    grid.alignment = WD_TABLE_ALIGNMENT.LEFT
    grid.autofit = False
    scale = min(1.0, text_width(writer.document) / Cm(sum(widths_cm)))
    widths = [Cm(w * scale) for w in widths_cm]
    for index, width in enumerate(widths):
        grid.columns[index].width = width
    for row_index, (row, table_row) in enumerate(zip([header, *rows], grid.rows)):
        tr = table_row._tr
        properties = tr.get_or_add_trPr()
        properties.append(OxmlElement("w:cantSplit"))
        if row_cm and row_index:
            table_row.height, table_row.height_rule = Cm(row_cm), WD_ROW_HEIGHT_RULE.AT_LEAST
        if row_index == 0:
            properties.append(OxmlElement("w:tblHeader"))
        for column, (cell_runs, cell) in enumerate(zip(row, table_row.cells)):
            cell.width = widths[column]
            cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
            paragraph = cell.paragraphs[0]
            paragraph.paragraph_format.space_after = Pt(0)
            paragraph.paragraph_format.keep_with_next = row_index < len(rows)
            writer.add_runs(paragraph, cell_runs, base_src)
            for run in paragraph.runs:
                if row_index == 0:
                    run.bold = True
                if font_pt:
                    run.font.size = Pt(font_pt)
            if row_index == 0:
                _shade(cell, HEADER_FILL)
    _describe(grid, caption)
    return grid


def _shade(cell, fill: str) -> None:
    shading = OxmlElement("w:shd")
    for key, value in (("w:val", "clear"), ("w:color", "auto"), ("w:fill", fill)):
        shading.set(qn(key), value)
    cell._tc.get_or_add_tcPr().append(shading)


def _describe(grid, caption: str) -> None:
    """The table's title for assistive technology (Word's Table Properties > Alt Text)."""
    properties = grid._tbl.tblPr
    for tag, value in (("w:tblCaption", caption), ("w:tblDescription", caption)):
        element = OxmlElement(tag)
        element.set(qn("w:val"), xml_safe(value)[:250])
        properties.append(element)


def address(writer: Writer, src: str, lead: str, qr_code: bool = False) -> None:
    """Where the item is on the site: its full address (and QR code) when the site has one; else nothing."""
    url = writer.edition.address(src)
    if not url:  # a site with no public address (no SITE_URL): a path alone would lead nowhere on paper
        return
    paragraph = writer.new_paragraph(SITE_NOTE)
    paragraph.add_run(f"{lead}: ")
    writer.add_runs(paragraph, [Run(url, href=url)], src)
    if qr_code:
        _qr_picture(writer, url)


def _qr_picture(writer: Writer, url: str) -> None:
    import segno

    png = io.BytesIO()
    segno.make(url, error="m").save(png, kind="png", scale=8, border=4)
    png.seek(0)
    shape = writer.document.add_paragraph().add_run().add_picture(png, width=Cm(3))
    properties = shape._inline.docPr
    properties.set("descr", xml_safe(f"QR code of {url}"))
    properties.set("title", "QR code of this page’s address")


def references(writer: Writer, level: int) -> None:
    """The portfolio's reference list entries for every citation in the document, in citation order."""
    known = writer.project.data.by_id[CITED.name]
    cited = [known[ref] for ref in writer.cited if ref in known]
    if not cited:
        return
    writer.heading(level, "References")
    for ref in cited:
        if ref.as_printed:
            writer.paragraph(ref.as_printed)
        else:
            details = f" {ref.details}" if ref.details else ""
            writer.paragraph([*runs(ref.authors), Run(f" ({ref.year}) "), *[Run(r.text, italic=True) for r in runs(ref.title)], *runs(details)])
