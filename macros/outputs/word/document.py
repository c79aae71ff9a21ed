"""The base of every Word download: the committee's template (its page set-up, styles, letterhead
headers and footers) with its body emptied, or a plain A4 default made in code; then the
accessibility a document needs whatever its base: Word's built-in styles, British English, and
its title, author (the committee) and subject.
"""

from __future__ import annotations

import copy
import functools
import io
from datetime import datetime
from pathlib import Path
from typing import Any

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_TAB_ALIGNMENT, WD_TAB_LEADER
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Emu, Pt, RGBColor

from ..edition import LANGUAGE, PORTFOLIO, Edition
from ..packages import TemplateProblem, as_document
from ..text import property_text, xml_safe

# Built-in styles the documents use, copied from python-docx's default template when a
# committee's template lacks one (Word saves only the styles a document has used).
BUILT_IN = ("Title", "Subtitle", "Heading 1", "Heading 2", "Heading 3", "List Bullet", "List Number", "Quote", "Table Grid")
# Styles of our own, made only when the template has none of that name, so a committee can restyle them.
TRAINER_NOTE, SITE_NOTE, WRITING_LINE, HYPERLINK = "Trainer Note", "Site Note", "Writing Line", "Hyperlink"
TRAINER_MARK, CONTENTS_LINE = "Trainer Mark", "Contents Line"
DEFAULT_MARGINS_CM = 2.0
_TEMPLATE_TYPE = b"application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml"
_DOCUMENT_TYPE = b"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"


def open_document(edition: Edition, margins_cm: float = DEFAULT_MARGINS_CM) -> tuple[Any, dict[str, str]]:
    """A document with an empty body, and its styles' ids by name: on the committee's template when there is one, else on A4.

    The base (template opened, body emptied, styles and language set) is made once per build
    and kept as bytes: each document then opens a copy, which is several times cheaper.
    """
    template = edition.handout_template
    key = (str(template), template.stat().st_mtime_ns, template.stat().st_size) if template else None
    raw, style_ids = _base(key)
    document = Document(io.BytesIO(raw))
    if template is None and margins_cm != DEFAULT_MARGINS_CM:  # a committee's page set-up is its own
        _set_margins(document, margins_cm)
        for name in (WRITING_LINE, CONTENTS_LINE):
            line = document.styles.element.xpath(f'w:style[@w:styleId="{style_ids[name]}"]')[0]
            for stop in line.iter(qn("w:tab")):
                stop.set(qn("w:pos"), str(Emu(text_width(document)).twips))
    return document, style_ids


def _set_margins(document, margins_cm: float) -> None:
    for section in document.sections:
        section.page_width, section.page_height = Cm(21.0), Cm(29.7)
        section.left_margin = section.right_margin = section.top_margin = section.bottom_margin = Cm(margins_cm)


@functools.lru_cache(maxsize=4)
def _base(template: tuple[str, int, int] | None) -> tuple[bytes, dict[str, str]]:
    if template is None:
        document = Document()
        _drop_unused_table_styles(document)
        _set_margins(document, DEFAULT_MARGINS_CM)
    else:
        document = Document(io.BytesIO(_template_bytes(Path(template[0]))))
        body = document.element.body
        for child in list(body):
            if child.tag != qn("w:sectPr"):
                body.remove(child)
    _ensure_styles(document)
    _set_language(document)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue(), {style.name: style.style_id for style in document.styles}


def _template_bytes(path: Path) -> bytes:
    return as_document(path, _TEMPLATE_TYPE, _DOCUMENT_TYPE, "a Word Document (.docx)")


def check_template(path: Path) -> None:
    """Raise TemplateProblem when the committee's Word template cannot be opened as one."""
    from ..packages import plain_reason

    try:
        Document(io.BytesIO(_template_bytes(path)))
    except TemplateProblem:
        raise
    except Exception as exc:  # noqa: BLE001 - python-docx raises many kinds; the reason is what matters
        raise TemplateProblem(f"Word documents cannot be made from it ({type(exc).__name__}: {plain_reason(exc)})") from None


def _drop_unused_table_styles(document) -> None:
    """python-docx's default holds a hundred table styles (400 KB of XML every document would parse and
    write again); the handouts use one."""
    styles = document.styles.element
    for style in styles.findall(qn("w:style")):
        name = style.find(qn("w:name")).get(qn("w:val"))
        if style.get(qn("w:type")) == "table" and name not in ("Normal Table", "Table Grid"):
            styles.remove(style)


@functools.cache
def _default_styles():
    return Document().styles


def _ensure_styles(document) -> None:
    styles = document.styles
    for name in BUILT_IN:
        if name not in styles:
            element = copy.deepcopy(_default_styles()[name].element)
            for tag in ("w:link", "w:rsid"):
                for found in element.findall(qn(tag)):
                    element.remove(found)
            for numbering in element.iter(qn("w:numPr")):
                numbering.getparent().remove(numbering)
            styles.element.append(element)
    if HYPERLINK not in styles:
        link = styles.add_style(HYPERLINK, WD_STYLE_TYPE.CHARACTER)
        link.font.color.rgb, link.font.underline = RGBColor(0x05, 0x63, 0xC1), True
    if SITE_NOTE not in styles:
        note = styles.add_style(SITE_NOTE, WD_STYLE_TYPE.PARAGRAPH)
        note.base_style, note.font.size, note.font.italic = styles["Normal"], Pt(9), True
        note.font.color.rgb = RGBColor(0x4D, 0x4D, 0x4D)
    if TRAINER_NOTE not in styles:
        _trainer_note_style(styles)
    if TRAINER_MARK not in styles:  # "From the trainer": small, bold, in the trainer's colour
        mark = styles.add_style(TRAINER_MARK, WD_STYLE_TYPE.PARAGRAPH)
        mark.base_style, mark.font.size, mark.font.bold = styles["Normal"], Pt(9), True
        mark.font.color.rgb = RGBColor(0x8A, 0x5A, 0x00)
        mark.paragraph_format.keep_with_next = True
    if CONTENTS_LINE not in styles:  # a line of a pack's contents: its title, dots, its page number at the right
        line = styles.add_style(CONTENTS_LINE, WD_STYLE_TYPE.PARAGRAPH)
        line.base_style = styles["Normal"]
        line.paragraph_format.space_after = Pt(2)
        line.paragraph_format.tab_stops.add_tab_stop(text_width(document), WD_TAB_ALIGNMENT.RIGHT, WD_TAB_LEADER.DOTS)
    if WRITING_LINE not in styles:
        line = styles.add_style(WRITING_LINE, WD_STYLE_TYPE.PARAGRAPH)
        line.base_style = styles["Normal"]
        line.paragraph_format.space_before, line.paragraph_format.space_after = Pt(9), Pt(0)
        line.paragraph_format.tab_stops.add_tab_stop(text_width(document), WD_TAB_ALIGNMENT.RIGHT, WD_TAB_LEADER.LINES)


def _trainer_note_style(styles) -> None:
    """Shaded, with a rule at the left: the trainer's words can never be read as the portfolio's."""
    note = styles.add_style(TRAINER_NOTE, WD_STYLE_TYPE.PARAGRAPH)
    note.base_style = styles["Normal"]
    note.paragraph_format.left_indent = Cm(0.4)
    note.paragraph_format.space_before, note.paragraph_format.space_after = Pt(4), Pt(8)
    ppr = note.element.get_or_add_pPr()
    borders = OxmlElement("w:pBdr")
    left = OxmlElement("w:left")
    for key, value in (("w:val", "single"), ("w:sz", "24"), ("w:space", "6"), ("w:color", "8A5A00")):
        left.set(qn(key), value)
    borders.append(left)
    shading = OxmlElement("w:shd")
    for key, value in (("w:val", "clear"), ("w:color", "auto"), ("w:fill", "FFF4DC")):
        shading.set(qn(key), value)
    _insert_in_order(ppr, borders, ("w:shd", "w:tabs", "w:spacing", "w:ind", "w:jc", "w:outlineLvl"))
    _insert_in_order(ppr, shading, ("w:tabs", "w:spacing", "w:ind", "w:jc", "w:outlineLvl"))


def _insert_in_order(parent, child, before: tuple[str, ...]) -> None:
    """Put `child` ahead of the first sibling the schema places after it (Word refuses misordered XML)."""
    for tag in before:
        found = parent.find(qn(tag))
        if found is not None:
            found.addprevious(child)
            return
    parent.append(child)


def _set_language(document) -> None:
    """British English for every run: the document default, and any style that names a language."""
    styles = document.styles.element
    defaults = styles.find(qn("w:docDefaults"))
    if defaults is None:
        defaults = OxmlElement("w:docDefaults")
        styles.insert(0, defaults)
    rpr_default = defaults.find(qn("w:rPrDefault"))
    if rpr_default is None:
        rpr_default = OxmlElement("w:rPrDefault")
        defaults.insert(0, rpr_default)
    rpr = rpr_default.find(qn("w:rPr"))
    if rpr is None:
        rpr = OxmlElement("w:rPr")
        rpr_default.append(rpr)
    if rpr.find(qn("w:lang")) is None:
        _insert_in_order(rpr, OxmlElement("w:lang"), ("w:eastAsianLayout", "w:specVanish", "w:oMath"))
    for lang in styles.iter(qn("w:lang")):
        lang.set(qn("w:val"), LANGUAGE)
    document.core_properties.language = LANGUAGE


def text_width(document):
    """The width between the margins of the document's (last) section."""
    section = document.sections[-1]
    return section.page_width - section.left_margin - section.right_margin


def set_properties(document, edition: Edition, title: str, subject: str, category: str) -> None:
    properties = document.core_properties
    properties.title = property_text(title)
    properties.subject = property_text(subject)
    properties.author = properties.last_modified_by = edition.committee
    properties.category = category
    properties.keywords = f"{PORTFOLIO}; child protection; training"
    properties.comments = edition.made_from
    properties.version = edition.version
    properties.content_status = ""
    properties.identifier = ""
    built = datetime.fromisoformat(edition.build_date)
    properties.created = properties.modified = built
    properties.last_printed = built
    properties.revision = 1
    properties.language = LANGUAGE


def default_footer(document, style_ids: dict[str, str], edition: Edition, title: str) -> None:
    """The plain default's footer: the site, the document and the page number (Word's PAGE field,
    the only field in any download, written here and never from data)."""
    paragraph = document.sections[-1].footer.paragraphs[0]
    paragraph._p.style = style_ids.get("Footer")
    paragraph.add_run(xml_safe(f"{edition.settings.site_name}: {title} · page "))
    field = OxmlElement("w:fldSimple")
    field.set(qn("w:instr"), " PAGE ")
    run = OxmlElement("w:r")
    text = OxmlElement("w:t")
    text.text = "1"
    run.append(text)
    field.append(run)
    paragraph._p.append(field)
