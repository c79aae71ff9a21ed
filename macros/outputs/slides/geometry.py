"""Where a template lets text go, and at what size: a layout's placeholder read through its master (position,
insets, the level-1 font size, typeface, line spacing and bullet indent), and its content area, kept clear of the
footer placeholders and of any band the master or layout draws across the foot (or head) of the slide."""

from __future__ import annotations

import functools
from dataclasses import dataclass

from lxml import etree
from pptx.enum.shapes import PP_PLACEHOLDER
from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pptx.oxml.ns import qn

EMU_PER_PT = 12700
FOOTERS = (PP_PLACEHOLDER.FOOTER, PP_PLACEHOLDER.DATE, PP_PLACEHOLDER.SLIDE_NUMBER)
TITLE_TYPES = (PP_PLACEHOLDER.TITLE, PP_PLACEHOLDER.CENTER_TITLE)
_INSETS = {"lIns": 91440, "tIns": 45720, "rIns": 91440, "bIns": 45720}
_NS = {"a": "http://schemas.openxmlformats.org/drawingml/2006/main", "p": "http://schemas.openxmlformats.org/presentationml/2006/main"}


def _x(element, path: str) -> list:
    """XPath with the slide namespaces, on any element (python-pptx's own classes or plain lxml)."""
    return _compiled(path)(element)


@functools.lru_cache(maxsize=64)
def _compiled(path: str):
    return etree.XPath(path, namespaces=_NS)


@dataclass(frozen=True)
class Frame:
    """A text area (EMU), its level-1 text size (points), typeface, line spacing, space before a paragraph (points
    at `size`, or a fraction of the size) and the bullets' indent (EMU)."""

    left: int
    top: int
    width: int
    height: int
    size: float
    typeface: str | None
    spacing: float = 1.0
    before_pt: float = 0.0
    before_pct: float = 0.0
    indent: int = 342900
    insets: tuple[int, int, int, int] = (91440, 45720, 91440, 45720)

    @property
    def room_width(self) -> float:
        """Points of line between the insets."""
        return (self.width - self.insets[0] - self.insets[2]) / EMU_PER_PT

    @property
    def room_height(self) -> float:
        return (self.height - self.insets[1] - self.insets[3]) / EMU_PER_PT

    @property
    def bottom(self) -> int:
        return self.top + self.height


def _level1(element):
    """The level-1 paragraph properties a placeholder's own list style gives, if any."""
    found = _x(element, "./p:txBody/a:lstStyle/a:lvl1pPr") if element is not None else []
    return found[0] if found else None


def _master_shape(master, kind):
    for shape in master.placeholders:
        if shape.placeholder_format.type == kind or (kind in TITLE_TYPES and shape.placeholder_format.type in TITLE_TYPES):
            return shape
    wanted = TITLE_TYPES if kind in TITLE_TYPES else (PP_PLACEHOLDER.BODY,)
    return next((shape for shape in master.placeholders if shape.placeholder_format.type in wanted), None)


@functools.lru_cache(maxsize=16)
def _theme_fonts(theme_blob: bytes) -> dict[str, str]:
    root = etree.fromstring(theme_blob)
    found = {}
    for name, key in (("majorFont", "+mj-lt"), ("minorFont", "+mn-lt")):
        latin = _x(root, f".//a:fontScheme/a:{name}/a:latin/@typeface")
        if latin:
            found[key] = latin[0]
    return found


def theme_fonts(master) -> dict[str, str]:
    try:
        return _theme_fonts(master.part.part_related_by(RT.THEME).blob)
    except (KeyError, etree.XMLSyntaxError):
        return {}


def frame_of(layout, kind) -> Frame | None:
    """The text frame of `layout`'s placeholder of `kind` (its master's, for what the layout leaves out)."""
    shape = next((s for s in layout.placeholders if s.placeholder_format.type == kind), None)
    if shape is None:
        return None
    master = layout.slide_master
    inherited = _master_shape(master, kind)
    style = master._element.find(qn("p:txStyles"))
    style_name = "p:titleStyle" if kind in TITLE_TYPES else "p:bodyStyle"
    chain = [_level1(shape._element), _level1(inherited._element if inherited is not None else None)]
    chain.append(style.find(qn(style_name)).find(qn("a:lvl1pPr")) if style is not None and style.find(qn(style_name)) is not None else None)
    chain = [level for level in chain if level is not None]

    def first(path: str, attribute: str | None = None):
        for level in chain:
            found = _x(level, path + (f"/@{attribute}" if attribute else ""))
            if found:
                return found[0]
        return None

    size = int(first("./a:defRPr", "sz") or (4400 if kind in TITLE_TYPES else 1800)) / 100
    typeface = first("./a:defRPr/a:latin", "typeface") or ("+mj-lt" if kind in TITLE_TYPES else "+mn-lt")
    typeface = theme_fonts(master).get(typeface, typeface if not typeface.startswith("+") else None)
    spacing = int(first("./a:lnSpc/a:spcPct", "val") or 100000) / 100000
    before_pts = first("./a:spcBef/a:spcPts", "val")
    before_pct = first("./a:spcBef/a:spcPct", "val")
    indent = int(first(".", "marL") or 0) if kind not in TITLE_TYPES else 0
    insets = []
    for name, default in _INSETS.items():
        value = None
        for element in (shape._element, inherited._element if inherited is not None else None):
            found = _x(element, f"./p:txBody/a:bodyPr/@{name}") if element is not None else []
            if found:
                value = int(found[0])
                break
        insets.append(default if value is None else value)
    return Frame(int(shape.left), int(shape.top), int(shape.width), int(shape.height), size, typeface, spacing,
                 int(before_pts) / 100 if before_pts else 0.0, int(before_pct) / 100000 if before_pct else 0.0, indent, tuple(insets))


def _bounds(shape) -> tuple[int, int, int, int] | None:
    try:
        if shape.left is None or shape.width is None:
            return None
        return int(shape.left), int(shape.top), int(shape.width), int(shape.height)
    except (AttributeError, ValueError):
        return None


def obstacles(layout, slide_width: int, slide_height: int) -> list[tuple[int, int, int, int]]:
    """What text must keep clear of: the footer placeholders (the layout's, else the master's), and any shape the
    master or layout draws over a wide stretch of the slide's foot or head (a coloured band with the committee's name)."""
    found = []
    footers = [s for s in layout.placeholders if s.placeholder_format.type in FOOTERS]
    footers = footers or [s for s in layout.slide_master.placeholders if s.placeholder_format.type in FOOTERS]
    found += [b for b in map(_bounds, footers) if b]
    for part in (layout.slide_master, layout):
        for shape in part.shapes:
            if shape.is_placeholder:
                continue
            bounds = _bounds(shape)
            if bounds and bounds[2] >= slide_width * 0.4 and (bounds[1] >= slide_height * 0.7 or bounds[1] + bounds[3] <= slide_height * 0.3):
                found.append(bounds)
    return found


def clear_of(frame: Frame, blocked: list[tuple[int, int, int, int]], slide_height: int) -> Frame:
    """`frame` cut back so that nothing in `blocked` overlaps it (a thing below its middle moves its foot up, one
    above moves its head down), and kept on the slide."""
    top, bottom = max(0, frame.top), min(slide_height, frame.bottom)
    for left, b_top, width, height in blocked:
        if left >= frame.left + frame.width or left + width <= frame.left:
            continue
        if b_top >= bottom or b_top + height <= top:
            continue
        if b_top + height / 2 >= (top + bottom) / 2:
            bottom = min(bottom, b_top)
        else:
            top = max(top, b_top + height)
    if bottom - top < frame.height * 0.3:  # an odd template: keep most of the placeholder rather than nothing
        return frame
    return Frame(frame.left, top, frame.width, bottom - top, frame.size, frame.typeface, frame.spacing, frame.before_pt,
                 frame.before_pct, frame.indent, frame.insets)


def content_frame(layout, kind, slide_width: int, slide_height: int) -> Frame | None:
    """The layout's placeholder of `kind`, clear of its footers and bands."""
    frame = frame_of(layout, kind)
    return None if frame is None else clear_of(frame, obstacles(layout, slide_width, slide_height), slide_height)
