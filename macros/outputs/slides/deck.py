"""The base of every slide deck: the committee's PowerPoint template (its masters, layouts, fonts and
colours; its own slides left out), or a plain 16:9 default made in code. Slides use the layouts'
placeholders, so each slide has a real title (PowerPoint's outline, screen readers) and the
committee's design; text goes in as runs in British English, never as fields or macros.
"""

from __future__ import annotations

import functools
import io
from datetime import datetime
from pathlib import Path

from pptx import Presentation
from pptx.enum.lang import MSO_LANGUAGE_ID
from pptx.enum.shapes import PP_PLACEHOLDER
from pptx.oxml.ns import qn
from pptx.util import Emu

from ..edition import LANGUAGE, PORTFOLIO, Edition
from ..packages import TemplateProblem, as_document
from ..text import Run, property_text, xml_safe

WIDE = (Emu(12192000), Emu(6858000))  # 16:9, 13.333 by 7.5 inches
_TEMPLATE_TYPE = b"application/vnd.openxmlformats-officedocument.presentationml.template.main+xml"
_DECK_TYPE = b"application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml"
# The default's text sizes (hundredths of a point): python-pptx's are for a 4:3 screen of few words.
_DEFAULT_SIZES = {"titleStyle": {"lvl1pPr": 4000}, "bodyStyle": {"lvl1pPr": 2800, "lvl2pPr": 2400, "lvl3pPr": 2000}}
DEFAULT_LAYOUTS = ("Title Slide", "Title and Content", "Section Header", "Title Only")
TITLES = (PP_PLACEHOLDER.TITLE, PP_PLACEHOLDER.CENTER_TITLE)
BODIES = (PP_PLACEHOLDER.BODY, PP_PLACEHOLDER.OBJECT, PP_PLACEHOLDER.SUBTITLE)


def open_presentation(edition: Edition):
    template = edition.slides_template
    key = (str(template), template.stat().st_mtime_ns, template.stat().st_size) if template else None
    return Presentation(io.BytesIO(_base(key)))


@functools.lru_cache(maxsize=4)
def _base(template: tuple[str, int, int] | None) -> bytes:
    if template is None:
        deck = Presentation()
        for layout in list(deck.slide_layouts):  # every deck would carry (and write) all eleven
            if layout.name not in DEFAULT_LAYOUTS:
                deck.slide_layouts.remove(layout)
        _widen(deck)
        _resize_default_text(deck)
    else:
        deck = Presentation(io.BytesIO(_template_bytes(Path(template[0]))))
        slides = deck.slides._sldIdLst
        for slide in list(slides):  # the template's own example slides are not ours to keep
            deck.part.drop_rel(slide.rId)
            slides.remove(slide)
    out = io.BytesIO()
    deck.save(out)
    return out.getvalue()


def _template_bytes(path: Path) -> bytes:
    return as_document(path, _TEMPLATE_TYPE, _DECK_TYPE, "a PowerPoint Presentation (.pptx)")


def check_template(path: Path) -> None:
    """Raise TemplateProblem when the committee's template cannot be used for slides."""
    from ..packages import plain_reason

    try:
        deck = Presentation(io.BytesIO(_template_bytes(path)))
        Layouts(deck)
    except TemplateProblem:
        raise
    except Exception as exc:  # noqa: BLE001 - python-pptx raises many kinds; the reason is what matters
        raise TemplateProblem(f"slides cannot be made from it ({type(exc).__name__}: {plain_reason(exc)})") from None


def _widen(deck) -> None:
    """python-pptx's default is 4:3: make it 16:9 and move the master's and layouts' placeholders to fit."""
    factor = WIDE[0] / deck.slide_width
    deck.slide_width, deck.slide_height = WIDE
    shapes = list(deck.slide_master.shapes) + [shape for layout in deck.slide_layouts for shape in layout.placeholders]
    for shape in shapes:
        if shape._element.xpath("./p:spPr/a:xfrm"):
            shape.left, shape.width = Emu(int(shape.left * factor)), Emu(int(shape.width * factor))


def _resize_default_text(deck) -> None:
    """Larger-screen sizes, and no pale tints: the default's grey subtitles are below WCAG AA contrast."""
    for part in [deck.slide_master, *deck.slide_layouts]:
        for tint in part._element.xpath(".//a:tint"):
            tint.getparent().remove(tint)
    styles = deck.slide_master._element.find(qn("p:txStyles"))
    for style_name, levels in _DEFAULT_SIZES.items():
        style = styles.find(qn(f"p:{style_name}"))
        for level, size in levels.items():
            properties = style.find(qn(f"a:{level}")).find(qn("a:defRPr"))
            properties.set("sz", str(size))


class Layouts:
    """The template's layouts for a title slide, a section divider, a slide of text and a title-only slide."""

    def __init__(self, deck):
        layouts = list(deck.slide_layouts)

        def types(layout) -> set:
            return {shape.placeholder_format.type for shape in layout.placeholders}

        def find(wanted, names: tuple[str, ...], needs):
            """The layout of that name if it has the placeholders the slide needs, else the first that has the wanted ones."""
            by_name = [layout for layout in layouts if layout.name.lower() in names and needs(types(layout))]
            return next(iter(by_name + [layout for layout in layouts if wanted(types(layout))]), None)

        def titled(found: set) -> bool:
            return bool(found & set(TITLES))

        def text(found: set) -> bool:
            return titled(found) and bool(found & {PP_PLACEHOLDER.BODY, PP_PLACEHOLDER.OBJECT})

        self.content = find(text, ("title and content",), text)
        if self.content is None:
            raise TemplateProblem("it has no layout with a title and a text placeholder (such as 'Title and Content')")
        self.title = find(lambda t: PP_PLACEHOLDER.CENTER_TITLE in t, ("title slide",), titled) or self.content
        self.section = find(lambda t: False, ("section header", "section title"), text) or self.content
        self.title_only = find(lambda t: titled(t) and not (t & set(BODIES)), ("title only",), titled) or self.content


def placeholder(slide, wanted: tuple):
    return next((shape for shape in slide.placeholders if shape.placeholder_format.type in wanted), None)


def remove_empty_placeholders(slide) -> None:
    """A placeholder left empty shows "Click to add text" and is read out as empty: take it away."""
    for shape in list(slide.placeholders):
        if shape.has_text_frame and not shape.text_frame.text.strip():
            shape._element.getparent().remove(shape._element)


def add_runs(paragraph, found: list[Run], links) -> None:
    """Runs of text into a slide's paragraph: bold, italic and links kept, in British English."""
    for run in found:
        if run.line_break:
            paragraph.add_line_break()
            continue
        added = paragraph.add_run()
        added.text = xml_safe(run.text)
        added.font.language_id = MSO_LANGUAGE_ID.ENGLISH_UK
        if run.bold:
            added.font.bold = True
        if run.italic:
            added.font.italic = True
        target = links(run.href) if run.href else None
        if target:
            added.hyperlink.address = target


def no_bullet(paragraph) -> None:
    properties = paragraph._p.get_or_add_pPr()
    properties.insert(0, properties.makeelement(qn("a:buNone"), {}))
    properties.set("marL", "0")
    properties.set("indent", "0")


def numbered(paragraph, number: int) -> None:
    """A numbered paragraph showing `number` (each starts its own count, so numbers run on across slides)."""
    properties = paragraph._p.get_or_add_pPr()
    properties.append(properties.makeelement(qn("a:buAutoNum"), {"type": "arabicPeriod", "startAt": str(number)}))


def set_properties(deck, edition: Edition, title: str, subject: str) -> None:
    properties = deck.core_properties
    properties.title = property_text(title)
    properties.subject = property_text(subject)
    properties.author = properties.last_modified_by = edition.committee
    properties.category = "Training slides"
    properties.keywords = f"{PORTFOLIO}; child protection; training"
    properties.comments = edition.made_from
    properties.language = LANGUAGE
    properties.version = edition.version
    built = datetime.fromisoformat(edition.build_date)
    properties.created = properties.modified = properties.last_printed = built
    properties.revision = 1

