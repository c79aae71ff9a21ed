"""Writing data text into a Word document: headings in Word's heading styles, paragraphs of runs
with real bold, italics and hyperlinks, lists, quotes; and the citations met on the way, for the
document's reference list. Text only ever becomes runs of text: never a field code or a macro.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Twips

from ...load import Project
from ..edition import Edition
from ..text import Block, ListBlock, Paragraph, Quote, Run, blocks, paragraphs, runs, xml_safe
from .document import HYPERLINK
from .lists import INDENT, STYLE, Numbering, number

CODE_FONT = "Consolas"


@dataclass
class Writer:
    """One Word document being written, and what its parts share."""

    document: Any
    edition: Edition
    project: Project
    style_ids: dict[str, str]  # style name -> id: python-docx looks a name up by scanning every style
    cited: list[str] = field(default_factory=list)  # reference ids, in the order first cited
    bookmarks: int = 0

    def __post_init__(self):
        self.numbering = Numbering(self.document)

    def heading(self, level: int, text: str | list[Run], base_src: str = "", bookmark: str | None = None, new_page: bool = False):
        """A heading in Word's own style (Title for level 0), so navigation and screen readers find it."""
        style = "Title" if level == 0 else f"Heading {min(level, 3)}"
        paragraph = self.paragraph(runs(text) if isinstance(text, str) else text, base_src, style)
        paragraph.paragraph_format.keep_with_next = True
        if new_page:
            paragraph.paragraph_format.page_break_before = True
        if bookmark:
            add_bookmark(self, paragraph, bookmark)
        return paragraph

    def new_paragraph(self, style: str | None = None):
        """An empty paragraph at the end of the document, in a style given by name."""
        paragraph = self.document.add_paragraph()
        if style:
            paragraph._p.style = self.style_ids[style]
        return paragraph

    def paragraph(self, text: str | list[Run] | tuple[Run, ...], base_src: str = "", style: str | None = None):
        paragraph = self.new_paragraph(style)
        self.add_runs(paragraph, runs(text) if isinstance(text, str) else text, base_src)
        return paragraph

    def markdown(self, text: str | None, base_src: str, style: str | None = None) -> None:
        self.blocks(blocks(text), base_src, style)

    def blocks(self, found: list[Block] | tuple[Block, ...], base_src: str, style: str | None = None, level: int = 0) -> None:
        for block in found:
            if isinstance(block, Paragraph):
                self.paragraph(block.runs, base_src, style)
            elif isinstance(block, Quote):
                self.blocks(block.blocks, base_src, "Quote", level)
            elif isinstance(block, ListBlock):
                self.list(block, base_src, "number" if block.ordered else "bullet", level)

    def list(self, block: ListBlock, base_src: str, kind: str, level: int = 0) -> None:
        """A list of items (each one or more blocks), its nested lists one level in."""
        num_id = self.numbering.new_list(kind, level)
        for item in block.items:
            first = True
            for inner in item:
                if isinstance(inner, ListBlock):
                    self.list(inner, base_src, "number" if inner.ordered else "bullet", level + 1)
                    continue
                for paragraph_block in ([inner] if isinstance(inner, Paragraph) else [*paragraphs(inner)]):
                    paragraph = self.paragraph(paragraph_block.runs, base_src, STYLE[kind])
                    if first:
                        number(paragraph, num_id, level)
                        first = False
                    else:  # a second paragraph of the same item: aligned with its text, no label
                        paragraph._p.style = None
                        paragraph.paragraph_format.left_indent = Twips(INDENT * (level + 1))

    def items(self, texts: list[str] | list[list[Run]], base_src: str, kind: str) -> None:
        """Items (data text such as questions, or runs) as one list of `kind`."""
        found = tuple(tuple(blocks(text)) if isinstance(text, str) else (Paragraph(tuple(text)),) for text in texts)
        self.list(ListBlock(kind.endswith("number"), found), base_src, kind)

    def add_runs(self, paragraph, found, base_src: str) -> None:
        link, link_target = None, None
        for run in found:
            if run.line_break:
                paragraph.add_run().add_break()
                link = None
                continue
            if run.href and run.href.startswith("cite:") and run.href[5:] not in self.cited:
                self.cited.append(run.href[5:])
            target = self.edition.link(run.href, base_src)
            added = paragraph.add_run(xml_safe(run.text))
            added.bold = run.bold or None
            added.italic = run.italic or None
            if run.code:
                added.font.name = CODE_FONT
            if not target:
                link = None
                continue
            if link is None or link_target != target:
                link, link_target = OxmlElement("w:hyperlink"), target
                link.set(qn("r:id"), paragraph.part.relate_to(target, RT.HYPERLINK, is_external=True))
                added._r.addprevious(link)
            link.append(added._r)
            added._r.style = self.style_ids[HYPERLINK]


def internal_link(writer: Writer, paragraph, text: str | list[Run], anchor: str) -> None:
    """A link to a bookmark in the same document (the contents of a pack)."""
    link = OxmlElement("w:hyperlink")
    link.set(qn("w:anchor"), anchor)
    link.set(qn("w:history"), "1")
    paragraph._p.append(link)
    for run in runs(text) if isinstance(text, str) else text:
        added = paragraph.add_run(xml_safe(run.text))
        added.italic = run.italic or None
        added._r.style = writer.style_ids[HYPERLINK]
        link.append(added._r)


def add_bookmark(writer: Writer, paragraph, name: str) -> None:
    writer.bookmarks += 1
    start, end = OxmlElement("w:bookmarkStart"), OxmlElement("w:bookmarkEnd")
    start.set(qn("w:id"), str(writer.bookmarks))
    start.set(qn("w:name"), name)
    end.set(qn("w:id"), str(writer.bookmarks))
    properties = paragraph._p.pPr
    properties.addnext(start) if properties is not None else paragraph._p.insert(0, start)
    paragraph._p.append(end)
