"""Word lists: bullets, numbers and tick boxes, as real Word numbering, so a list is a list to Word's
navigation and to screen readers (each item announced with its place), not typed-in symbols.

Each list gets its own numbering instance, so a numbered list always starts at 1; the definitions
are added to the document's numbering part, whatever a committee's template already holds.
"""

from __future__ import annotations

from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn

# Per kind of list: each level's (format, label). A tick box is a bullet whose label is a box.
LEVELS = {
    "bullet": [("bullet", "•"), ("bullet", "◦"), ("bullet", "▪")],
    "number": [("decimal", "%1."), ("lowerLetter", "%2."), ("lowerRoman", "%3.")],
    "tick": [("bullet", "☐"), ("bullet", "☐"), ("bullet", "☐")],
    "tick-number": [("decimal", "☐ %1."), ("lowerLetter", "☐ %2."), ("lowerRoman", "☐ %3.")],
}
STYLE = {"bullet": "List Bullet", "number": "List Number", "tick": "List Bullet", "tick-number": "List Number"}
# Fonts for the labels, so a box shows as a box: Word falls back along this list's first entry.
BOX_FONT = "Segoe UI Symbol"
INDENT, HANGING = 567, 425  # twentieths of a point (1 cm, 0.75 cm)


def _abstract_xml(abstract_id: int, kind: str) -> str:
    levels = []
    for level, (fmt, label) in enumerate(LEVELS[kind]):
        font = f'<w:rPr><w:rFonts w:ascii="{BOX_FONT}" w:hAnsi="{BOX_FONT}" w:cs="{BOX_FONT}"/></w:rPr>' if "tick" in kind else ""
        hanging = HANGING + (200 if kind == "tick-number" else 0)
        levels.append(
            f'<w:lvl w:ilvl="{level}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/><w:lvlText w:val="{label}"/>'
            f'<w:lvlJc w:val="left"/><w:pPr><w:ind w:left="{INDENT * (level + 1) + (200 if kind == "tick-number" else 0)}" '
            f'w:hanging="{hanging}"/></w:pPr>{font}</w:lvl>'
        )
    return (f'<w:abstractNum {nsdecls("w")} w:abstractNumId="{abstract_id}"><w:multiLevelType w:val="hybridMultilevel"/>'
            + "".join(levels) + "</w:abstractNum>")


class Numbering:
    """The document's list definitions: one abstract definition per kind, one instance per list."""

    def __init__(self, document):
        self.root = document.part.numbering_part.element
        self.abstract: dict[str, int] = {}

    def _abstract_id(self, kind: str) -> int:
        if kind not in self.abstract:
            used = [int(value) for value in self.root.xpath("./w:abstractNum/@w:abstractNumId")]
            abstract_id = max(used, default=-1) + 1
            element = parse_xml(_abstract_xml(abstract_id, kind))
            first_num = self.root.find(qn("w:num"))
            if first_num is not None:
                first_num.addprevious(element)  # the schema puts every abstractNum before the first num
            else:
                cleanup = self.root.find(qn("w:numIdMacAtCleanup"))
                cleanup.addprevious(element) if cleanup is not None else self.root.append(element)
            self.abstract[kind] = abstract_id
        return self.abstract[kind]

    def new_list(self, kind: str, level: int = 0) -> int:
        """A new list of `kind` at `level`, numbered from 1: its numId."""
        num = self.root.add_num(self._abstract_id(kind))
        num.add_lvlOverride(ilvl=min(level, 2)).add_startOverride(1)
        return num.numId


def number(paragraph, num_id: int, level: int) -> None:
    """Make `paragraph` an item of the list `num_id` at `level`."""
    numbering = paragraph._p.get_or_add_pPr().get_or_add_numPr()
    numbering.get_or_add_ilvl().val = min(level, 2)
    numbering.get_or_add_numId().val = num_id
