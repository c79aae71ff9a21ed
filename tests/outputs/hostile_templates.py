"""A committee's templates at their most awkward, made in code: slides with 32 pt text in a wide font, a dark
background, and a footer band carrying the committee's name across the foot of every slide, over the body's
placeholder; a letterhead with 4 cm margins all round, in Cambria at 12 pt, with a header and a footer."""

from __future__ import annotations

from pathlib import Path

from docx import Document
from docx.shared import Cm
from docx.shared import Pt as WordPt
from lxml import etree
from pptx import Presentation
from pptx.dml.color import RGBColor
from pptx.enum.shapes import MSO_SHAPE
from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pptx.util import Inches, Pt

BAND_TEXT = "Riverside Child Protection Committee"
LETTERHEAD = "Riverside CPC · training"
A = "http://schemas.openxmlformats.org/drawingml/2006/main"


def hostile_slides(path: Path) -> None:
    deck = Presentation()
    deck.slide_width, deck.slide_height = Inches(10), Inches(7.5)
    master = deck.slide_master
    master.background.fill.solid()
    master.background.fill.fore_color.rgb = RGBColor(0x12, 0x2B, 0x4A)
    styles = master._element.find(f"{{{master._element.nsmap['p']}}}txStyles")
    for size in styles.iter(f"{{{A}}}defRPr"):
        size.set("sz", "3200") if size.getparent().getparent().tag.endswith("bodyStyle") else None
        fill = size.find(f"{{{A}}}solidFill")
        if fill is not None:
            size.remove(fill)
        fill = etree.SubElement(size, f"{{{A}}}solidFill")
        etree.SubElement(fill, f"{{{A}}}srgbClr", val="FFFFFF")
        size.insert(0, fill)
    for layout in deck.slide_layouts:
        for shape in layout.placeholders:
            for size in shape._element.iter(f"{{{A}}}defRPr"):
                if size.get("sz"):
                    size.set("sz", "3200") if shape.placeholder_format.idx == 1 else None
    theme = master.part.part_related_by(RT.THEME)
    root = etree.fromstring(theme.blob)
    for latin in root.iter(f"{{{A}}}latin"):
        if latin.getparent().tag.endswith("minorFont"):
            latin.set("typeface", "Verdana")
    theme._blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
    scratch = deck.slides.add_slide(deck.slide_layouts[6])  # a master has no add_shape: made on a slide, moved to the master
    band = scratch.shapes.add_shape(MSO_SHAPE.RECTANGLE, 0, Inches(6.4), Inches(10), Inches(1.1))
    band.fill.solid()
    band.fill.fore_color.rgb = RGBColor(0xC8, 0x10, 0x2E)
    band.text_frame.text = BAND_TEXT
    band.text_frame.paragraphs[0].runs[0].font.size = Pt(20)
    master.shapes._spTree.append(band._element)
    deck.save(str(path))


def hostile_letterhead(path: Path) -> None:
    document = Document()
    section = document.sections[0]
    section.page_width, section.page_height = Cm(21.0), Cm(29.7)
    section.left_margin = section.right_margin = section.top_margin = section.bottom_margin = Cm(4)
    section.header.paragraphs[0].text = LETTERHEAD
    section.footer.paragraphs[0].text = BAND_TEXT
    document.styles["Normal"].font.name = "Cambria"
    document.styles["Normal"].font.size = WordPt(12)
    document.save(str(path))
