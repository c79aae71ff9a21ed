"""Pages that break well, under any letterhead: headings, the trainer's notes and the labels under a heading kept
with what follows them; the end of a document (its address, references and the line saying what it was made
from) kept together and with the line before it, so no page holds only those; and a form that must fit one page
(the ready reckoner) set smaller, within limits, until it fits the section's page between its margins, measured
with the template's fonts (outputs/metrics.py). Where even the smallest setting would not fit, `one_page_problem`
says so for the build to warn, naming the template."""

from __future__ import annotations

from docx.oxml.ns import qn
from docx.shared import Cm, Pt

from .. import metrics
from .document import SITE_NOTE, TRAINER_MARK, TRAINER_NOTE, WRITING_LINE

KEEP_WITH_NEXT = ("Title", "Subtitle", "Heading 1", "Heading 2", "Heading 3", TRAINER_NOTE, TRAINER_MARK)
LABELS = ("Time: ", "Duration: ")  # a facilitator's lines under a heading
TWIP_PT = 20
_DEFAULT_SIZE, _DEFAULT_AFTER, _DEFAULT_LINE = 11.0, 10.0, 1.15
SCALES = tuple(round(1 - n * 0.05, 2) for n in range(9))  # 100% down to 60%
LEAST_ROW_CM, LEAST_FONT_PT, LEAST_TICK_PT = 0.55, 8.0, 9.0


def keep_together(document) -> None:
    """Headings, trainer's notes and marks, and the labels under a heading, kept with the next paragraph; the
    document's tail kept whole and with the line before it; widows and orphans controlled there."""
    paragraphs = document.paragraphs
    names = _style_names(document)
    styles = [names.get(paragraph._p.style, "normal").lower() for paragraph in paragraphs]
    keep = {name.lower() for name in KEEP_WITH_NEXT}
    for index, paragraph in enumerate(paragraphs):
        label = index and styles[index - 1].startswith("heading") and paragraph.text.startswith(LABELS)
        if (styles[index] in keep or label) and index + 1 < len(paragraphs):
            paragraph.paragraph_format.keep_with_next = True
        # the site's notes (a source, a caveat) go with the text they are about: never alone at the top of a page
        if (index + 1 < len(paragraphs) and styles[index + 1] == SITE_NOTE.lower() and styles[index] != WRITING_LINE.lower()
                and paragraph._p.getnext() is paragraphs[index + 1]._p):
            paragraph.paragraph_format.keep_with_next = True
    _tables_with_their_notes(document, names)
    start = _tail_start(paragraphs, styles)
    tail = paragraphs[start:]
    for paragraph in tail:
        paragraph.paragraph_format.keep_together = True
        paragraph.paragraph_format.widow_control = True
    chained = tail[:-1] if len(tail) <= 12 else [*tail[:2], *tail[-3:-1]]  # a long list: its head, and its last lines together
    for paragraph in chained:
        paragraph.paragraph_format.keep_with_next = True
    if 0 < start < len(paragraphs) and paragraphs[start - 1]._p.getnext() is paragraphs[start]._p:  # not across a table
        paragraphs[start - 1].paragraph_format.keep_with_next = True


def _tables_with_their_notes(document, names: dict[str, str]) -> None:
    """A table's last row kept with the site's note under it (the reckoner's source line)."""
    for table in document.tables:
        following = table._tbl.getnext()
        if following is None or following.tag != qn("w:p") or names.get(following.style, "").lower() != SITE_NOTE.lower():
            continue
        for cell in table.rows[-1].cells:
            for paragraph in cell.paragraphs:
                paragraph.paragraph_format.keep_with_next = True


def _style_names(document) -> dict[str, str]:
    """Style id -> name (python-docx finds a paragraph's style by scanning them all)."""
    return {style.get(qn("w:styleId")): style.find(qn("w:name")).get(qn("w:val")) for style in document.styles.element.findall(qn("w:style"))
            if style.find(qn("w:name")) is not None} | {None: "Normal"}


def _tail_start(paragraphs, styles: list[str]) -> int:
    """Where the document's closing run starts: its site notes (the address, what it was made from) and, before
    them, the references under their heading."""
    start = len(paragraphs)
    while start and (styles[start - 1] == SITE_NOTE.lower() or qn("w:drawing") in {e.tag for e in paragraphs[start - 1]._p.iter()}):
        start -= 1  # the site's notes, and the QR code
    for index in range(start - 1, max(-1, start - 60), -1):
        if styles[index].startswith("heading") and paragraphs[index].text == "References":
            return index
    return start


# ---- one page -----------------------------------------------------------------------------------


def _style_value(style, get, default):
    while style is not None:
        value = get(style)
        if value is not None:
            return value
        style = style.base_style
    return default


def _paragraph_height(paragraph, room_pt: float, typeface: str | None, by_id: dict) -> float:
    style = by_id.get(paragraph._p.style) or by_id.get(None)
    own = paragraph.paragraph_format
    sizes = [run.font.size.pt for run in paragraph.runs if run.font.size is not None]
    size = max(sizes) if sizes else _style_value(style, lambda s: s.font.size.pt if s.font.size else None, _DEFAULT_SIZE)
    before = own.space_before.pt if own.space_before is not None else _style_value(
        style, lambda s: s.paragraph_format.space_before.pt if s.paragraph_format.space_before is not None else None, 0.0)
    after = own.space_after.pt if own.space_after is not None else _style_value(
        style, lambda s: s.paragraph_format.space_after.pt if s.paragraph_format.space_after is not None else None, _DEFAULT_AFTER)
    line = _style_value(style, lambda s: s.paragraph_format.line_spacing if isinstance(s.paragraph_format.line_spacing, float) else None,
                        _DEFAULT_LINE)
    indent = own.left_indent.pt if own.left_indent is not None else 0
    pieces = [(run.text.replace("\t", " "), bool(run.bold), bool(run.italic)) for run in paragraph.runs] or [("", False, False)]
    lines = metrics.wrap(pieces, room_pt - indent, size, typeface)
    return before + after + lines * size * metrics.LINE * line


def _table_height(table, typeface: str | None, row_cm: float, by_id: dict) -> float:
    height = 0.0
    for row in table.rows:
        tallest = 0.0
        for cell in row.cells:
            room = (cell.width.pt if cell.width is not None else 100) - 2 * 5.4
            inner = sum(_paragraph_height(p, room, typeface, by_id) for p in cell.paragraphs)
            tallest = max(tallest, inner)
        least = Cm(row_cm).pt if row.height is not None else 0
        height += max(tallest, least) + 1
    return height


def _typeface(document) -> str | None:
    normal = document.styles["Normal"]
    name = _style_value(normal, lambda s: s.font.name, None)
    if name:
        return name
    fonts = document.styles.element.xpath("./w:docDefaults/w:rPrDefault/w:rPr/w:rFonts/@w:ascii")
    return fonts[0] if fonts else "Calibri"  # the theme's body font, Word's default


def room(document) -> tuple[float, float]:
    """(width, height) in points between the margins of the document's last section."""
    section = document.sections[-1]
    return ((section.page_width - section.left_margin - section.right_margin) / 12700,
            (section.page_height - section.top_margin - section.bottom_margin) / 12700)


def _height(document, table, typeface, row_cm: float, elements=None) -> float:
    from docx.text.paragraph import Paragraph

    width, _ = room(document)
    by_id = {style.style_id: style for style in document.styles}
    by_id[None] = document.styles["Normal"]
    total = 0.0
    for child in document.element.body.iterchildren() if elements is None else elements:
        if child is table._tbl:
            total += _table_height(table, typeface, row_cm, by_id)
        elif child.tag == qn("w:p"):
            total += _paragraph_height(Paragraph(child, document._body), width, typeface, by_id)
    return total


def fit_one_page(document, row_cm: float, font_pt: float, tick_pt: float, table=None, elements=None) -> bool:
    """The form's table (the document's first) set smaller, step by step, until the whole document (or `elements`,
    the table's own item) fits one page; False if it does not at the smallest setting (it is left at that)."""
    if not document.tables:
        return True
    table = table or document.tables[0]
    typeface = _typeface(document)
    _, height = room(document)
    height *= 0.97  # what the measures cannot see: rounding, a header taller than its margin
    for scale in SCALES:
        _set(table, max(LEAST_ROW_CM, row_cm * scale), max(LEAST_FONT_PT, font_pt * scale), max(LEAST_TICK_PT, tick_pt * scale))
        if _height(document, table, typeface, max(LEAST_ROW_CM, row_cm * scale), elements) <= height:
            return True
    return False


def _set(table, row_cm: float, font_pt: float, tick_pt: float) -> None:
    for row in table.rows:
        if row.height is not None:
            row.height = Cm(row_cm)
        for cell in row.cells:
            for paragraph in cell.paragraphs:
                for run in paragraph.runs:
                    run.font.size = Pt(tick_pt if run.text == "☐" else font_pt)


ONE_PAGE = "Form"  # a Document of this category (the ready reckoner) is one page, to print and fill in


def finish(opened, document) -> bool:
    """The pass every Word download gets before it is saved: paragraphs kept together, and a form fitted to one
    page. False if a form would not fit one page."""
    keep_together(opened)
    if document.category == ONE_PAGE and opened.tables:
        return fit_one_page(opened, *_as_written(opened.tables[0]))
    names = _style_names(opened)
    for table in opened.tables:  # a form in a pack: its heading, fields, table and source on one page
        if "☐" in table._tbl.xml:
            fit_one_page(opened, *_as_written(table), table=table, elements=_item_of(table, names))
    return True


def _item_of(table, names: dict[str, str]) -> list:
    """The table's item: back to its heading, on to the site's note (its source) under it."""
    found = [table._tbl]
    for element in table._tbl.itersiblings(preceding=True):
        found.insert(0, element)
        if element.tag != qn("w:p") or names.get(element.style, "").lower().startswith("heading") or len(found) > 12:
            break
    following = table._tbl.getnext()
    if following is not None and following.tag == qn("w:p") and names.get(following.style, "").lower() == SITE_NOTE.lower():
        found.append(following)
    return found


def _as_written(table) -> tuple[float, float, float]:
    """The form's table as the writer set it: (its rows' least height in cm, its text's size, its tick boxes' size)."""
    rows = [row.height.cm for row in table.rows if row.height is not None] or [LEAST_ROW_CM]
    sizes = {True: [], False: []}
    for row in table.rows:
        for cell in row.cells:
            for paragraph in cell.paragraphs:
                for run in paragraph.runs:
                    if run.font.size is not None:
                        sizes[run.text == "☐"].append(run.font.size.pt)
    return max(rows), max(sizes[False] or [LEAST_FONT_PT]), max(sizes[True] or [LEAST_TICK_PT])


def one_page_problems(project, edition) -> list[str]:
    """What the build should say of a form (the ready reckoner) that will not fit one page under the committee's
    letterhead: written aside, as the build writes it, and measured."""
    import tempfile
    from pathlib import Path

    from docx import Document as open_docx

    from ...model.kinds import BY_NAME
    from ..downloads import plan_downloads

    found = []
    forms = [d for d in plan_downloads(project, edition) if d.format == "docx" and BY_NAME[d.kind].single]
    with tempfile.TemporaryDirectory(prefix="wwr-form-") as folder:
        for download in forms:
            path = Path(folder) / download.name
            download.write(path)
            written = open_docx(str(path))
            if written.core_properties.category != ONE_PAGE or fit_one_page(written, *_as_written(written.tables[0])):
                continue
            width, height = room(written)
            template = f"the margins of data/local/{edition.handout_template.name}" if edition.handout_template else "the default's margins"
            found.append(f"{download.path}: {download.title} does not fit one page within {template} "
                         f"({width / 28.35:.1f} by {height / 28.35:.1f} cm between them), even set smaller: it prints on two pages. "
                         "Make the template's margins (and header) smaller, or print the reckoner from its page on the site")
    return found
