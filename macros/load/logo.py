"""A committee's logo, checked before anything reads it as a picture, and drawn at a size (for the phone's
icons, macros/offline/icons.py): it is copied into the site as it is,
shown in every page's header and in the offline copy, and drawn for the phone's icons.

So it must be small (a large file is downloaded with every saved copy), of a sane size in pixels,
checked from the file's header before any pixel is decoded (a small file can declare a picture too
big for memory), and, as an SVG, a picture only: no script, no event handler, nothing fetched from
elsewhere (an SVG opened on its own is a document, where script would run).
"""

from __future__ import annotations

import io
import re
import warnings
from pathlib import Path
from typing import TYPE_CHECKING

from lxml import etree

if TYPE_CHECKING:
    from PIL import Image


MAX_BYTES = 2 * 1024 * 1024
MAX_SIDE = 4096
LOGO_TYPES = (".svg", ".png", ".jpg", ".jpeg")
_SVG_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False)

# An SVG logo is checked against what a still picture needs, and refused (never cleaned) when it holds
# anything else: it is served as assets/images/logo.svg, and an SVG opened on its own is a document of
# the site's, where script would run and anything it loads would be fetched.
SVG, XLINK, XML = "http://www.w3.org/2000/svg", "http://www.w3.org/1999/xlink", "http://www.w3.org/XML/1998/namespace"
# Elements of a still drawing: shapes, text, gradients, patterns, clipping, masks, filters, markers and
# pictures inside the file (their addresses are checked below). <style> is allowed as Illustrator writes
# it (class rules), its text checked like a style attribute.
STILL = frozenset({
    "svg", "g", "defs", "symbol", "use", "switch", "path", "rect", "circle", "ellipse", "line", "polyline", "polygon",
    "text", "tspan", "textPath", "title", "desc", "metadata", "linearGradient", "radialGradient", "stop", "clipPath",
    "mask", "pattern", "marker", "image", "style", "filter", "feBlend", "feColorMatrix", "feComponentTransfer",
    "feComposite", "feConvolveMatrix", "feDiffuseLighting", "feDisplacementMap", "feDistantLight", "feDropShadow",
    "feFlood", "feFuncA", "feFuncB", "feFuncG", "feFuncR", "feGaussianBlur", "feImage", "feMerge", "feMergeNode",
    "feMorphology", "feOffset", "fePointLight", "feSpecularLighting", "feSpotLight", "feTile", "feTurbulence",
    "flowRoot", "flowRegion", "flowPara", "flowSpan", "flowDiv",  # Inkscape 0.92's flowed text, which browsers do not draw
})
MOVING = frozenset({"set", "animate", "animateMotion", "animateTransform", "animateColor", "discard", "mpath"})
_NOT_PICTURES = {"script", "foreignobject", "iframe", "object", "embed", "handler", "listener"}
# What drawing programs write about the drawing, which no browser or renderer acts on: Inkscape's and
# Sodipodi's editor settings (sodipodi:namedview, inkscape:grid, inkscape:page...) and the RDF / Dublin
# Core / Creative Commons description in <metadata>. Elements in these namespaces are allowed, with any
# attributes but event handlers; elements in any other namespace (XHTML, MathML, Adobe's XMP) are refused.
METADATA = frozenset({
    "http://www.inkscape.org/namespaces/inkscape", "http://sodipodi.sourceforge.net/DTD/sodipodi-0.dtd",
    "http://www.w3.org/1999/02/22-rdf-syntax-ns#", "http://purl.org/dc/elements/1.1/", "http://purl.org/dc/terms/",
    "http://creativecommons.org/ns#", "http://web.resource.org/cc/",
})
# Attributes (in no namespace) of shapes and their styling: geometry, presentation, filters, and inert
# labels (data-*, aria-*). Namespaced attributes are allowed (no browser acts on them) but for xlink:
# and xml:, which are, and of which only these are: xlink:href, xlink:title, xml:space, xml:lang.
ATTRIBUTES = frozenset("""
    id class style lang role focusable version baseProfile width height x y x1 y1 x2 y2 cx cy r rx ry fx fy fr d points
    pathLength viewBox preserveAspectRatio offset gradientUnits gradientTransform spreadMethod patternUnits
    patternContentUnits patternTransform clipPathUnits maskUnits maskContentUnits markerUnits markerWidth markerHeight
    refX refY orient dx dy rotate textLength lengthAdjust startOffset method spacing side path href systemLanguage
    requiredFeatures requiredExtensions type media enable-background
    alignment-baseline baseline-shift clip clip-path clip-rule color color-interpolation color-interpolation-filters
    color-rendering direction display dominant-baseline fill fill-opacity fill-rule filter flood-color flood-opacity
    font font-family font-size font-size-adjust font-stretch font-style font-variant font-weight
    glyph-orientation-horizontal glyph-orientation-vertical image-rendering inline-size isolation kerning
    letter-spacing lighting-color marker marker-end marker-mid marker-start mask mask-type mix-blend-mode opacity
    overflow paint-order pointer-events shape-rendering solid-color solid-opacity stop-color stop-opacity stroke
    stroke-dasharray stroke-dashoffset stroke-linecap stroke-linejoin stroke-miterlimit stroke-opacity stroke-width
    text-anchor text-decoration text-rendering transform transform-box transform-origin unicode-bidi vector-effect
    visibility white-space word-spacing writing-mode
    filterUnits primitiveUnits in in2 result mode operator k1 k2 k3 k4 values stdDeviation edgeMode tableValues slope
    intercept amplitude exponent radius baseFrequency numOctaves seed stitchTiles kernelMatrix kernelUnitLength order
    divisor bias targetX targetY preserveAlpha surfaceScale specularConstant specularExponent diffuseConstant azimuth
    elevation pointsAtX pointsAtY pointsAtZ limitingConeAngle z scale xChannelSelector yChannelSelector filterRes
""".split())
_NAMESPACED = {XLINK: {"href", "title"}, XML: {"space", "lang"}}
_NOT_CSS = frozenset({"id", "class", "d", "points", "viewBox", "href", "lang", "role", "requiredExtensions", "requiredFeatures", "systemLanguage"})
_OWN = re.compile(r"#|data:image/(?:png|jpeg|gif|webp);base64,", re.IGNORECASE)  # a part of the SVG itself, or a picture inside it
# In a style or a presentation attribute (which browsers read as CSS): the functions a drawing uses; url()
# only as url(#id), a part of the SVG itself.
_FUNCTIONS = frozenset({"url", "rgb", "rgba", "hsl", "hsla", "matrix", "translate", "translatex", "translatey", "scale",
                        "scalex", "scaley", "rotate", "skewx", "skewy"})
_FUNCTION = re.compile(r"([A-Za-z_-][\w-]*)?\s*\(")
_OWN_URL = re.compile(r"url\(\s*(['\"]?)#[\w.:-]+\1\s*\)", re.IGNORECASE)
_INTERNAL_SUBSET = re.compile(rb"<!DOCTYPE[^>\[]*\[")


def logo_problem(logo: str, data_dir: Path) -> str | None:
    """Why the logo named in the settings (`logo`, a path from data/) cannot be used, if it cannot."""
    root = data_dir.resolve()
    path = (root / logo).resolve()
    if not path.is_relative_to(root):
        return f"'{logo}' is outside {data_dir.name}/; put the logo in {data_dir.name}/local/ and give its path from {data_dir.name}/, e.g. local/logo.svg"
    if path.suffix.lower() not in LOGO_TYPES:
        return f"'{logo}' is not an .svg, .png or .jpg file"
    if not path.is_file():
        return f"there is no file {data_dir.name}/{Path(logo).as_posix()}; give the logo's path from {data_dir.name}/, e.g. local/logo.svg"
    problem = _file_problem(path, logo)
    if problem:
        return problem
    try:  # it becomes the site's icon on a phone's home screen
        logo_at(path, 16)
    except IconError as exc:
        return f"'{logo}' cannot be drawn for the site's icon ({exc}); save it again as an .svg, .png or .jpg file"
    return None


def _file_problem(path: Path, shown: str) -> str | None:
    """Why the file cannot be a logo, found without decoding a pixel."""
    size = path.stat().st_size
    if size > MAX_BYTES:
        return f"'{shown}' is {size / 1024 / 1024:.1f} MB; a logo may be at most 2 MB: save it smaller (an SVG, or a PNG at most {MAX_SIDE} pixels wide)"
    return _svg_problem(path, shown) if path.suffix.lower() == ".svg" else _bitmap_problem(path, shown)


def _bitmap_problem(path: Path, shown: str) -> str | None:
    from PIL import Image

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(path) as opened:  # reads the header only
                width, height = opened.size
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        return f"'{shown}' declares a picture far too large to draw; save it at most {MAX_SIDE} pixels wide and high"
    except OSError:
        return f"'{shown}' is not a PNG or JPEG picture that can be read; save it again as .png or .jpg"
    if max(width, height) > MAX_SIDE:
        return f"'{shown}' is {width}×{height} pixels; a logo may be at most {MAX_SIDE} pixels wide and high: save it smaller"
    return None


def _svg_problem(path: Path, shown: str) -> str | None:
    """Why the SVG is not a still picture that loads nothing, in words saying what to remove; None when it is."""
    try:
        root = etree.fromstring(path.read_bytes(), _SVG_PARSER)
    except etree.XMLSyntaxError as exc:
        return f"'{shown}' is not an SVG file that can be read ({exc.msg}); save it again as SVG"
    tree = root.getroottree()
    dtd = tree.docinfo.internalDTD
    if dtd is not None and list(dtd.iterentities()):
        return f"'{shown}' declares entities (<!ENTITY ...>); save it again as plain SVG"
    if dtd is not None and _INTERNAL_SUBSET.search(etree.tostring(tree)):
        return f"'{shown}' declares rules of its own in its <!DOCTYPE [...]>, which can add to what it holds; save it again as plain SVG"
    if root.tag != f"{{{SVG}}}svg":
        return f"'{shown}' is not an SVG picture (it starts with <{etree.QName(root).localname}>, not an SVG <svg>); save it again as SVG"
    outside = [*root.itersiblings(preceding=True), *root.itersiblings()]
    for node in [*outside, *root.iter()]:
        problem = _node_problem(node, shown)
        if problem:
            return problem
    return None


def _node_problem(node, shown: str) -> str | None:
    if isinstance(node, etree._ProcessingInstruction):
        return (f"'{shown}' holds the instruction <?{node.target} ...?>, which can load a style sheet from elsewhere; "
                "a logo may load nothing: remove it and save it again as plain SVG")
    if not isinstance(node.tag, str):
        return None  # a comment
    name, namespace = etree.QName(node).localname, etree.QName(node).namespace
    if namespace in METADATA:
        handler = next((etree.QName(attribute).localname for attribute in node.attrib if etree.QName(attribute).localname.lower().startswith("on")), None)
        return f"'{shown}' has an event handler ({handler.lower()}=), which would run script; save it again as plain SVG" if handler else None
    if name.lower() in _NOT_PICTURES:
        return f"'{shown}' holds <{name}>, which is not part of a picture; a logo may hold no script or embedded document: save it again as plain SVG"
    if namespace == SVG and name in MOVING:
        return f"'{shown}' holds <{name}>, which is not part of a still picture; a logo may not move or change: remove it and save it again as plain SVG"
    if namespace != SVG or name not in STILL:
        return (f"'{shown}' holds <{name}>, which a logo may not hold; a logo may hold only shapes, text, gradients, patterns, masks, "
                "filters and pictures inside it: remove it and save it again as plain SVG")
    if name == "style":
        if len(node):
            return _style_problem(shown, "a comment or element inside it")
        problem = _css_problem(node.text or "", shown)
        if problem:
            return problem
    for attribute, value in node.attrib.items():
        problem = _attribute_problem(etree.QName(attribute), value, name, shown)
        if problem:
            return problem
    return None


def _attribute_problem(attribute: etree.QName, value: str, element: str, shown: str) -> str | None:
    local, namespace = attribute.localname, attribute.namespace
    if local.lower().startswith("on"):
        return f"'{shown}' has an event handler ({local.lower()}=), which would run script; save it again as plain SVG"
    if namespace in (None, SVG):
        allowed = local in ATTRIBUTES or local.startswith(("data-", "aria-"))
    else:
        allowed = local in _NAMESPACED.get(namespace, ()) or namespace not in (XLINK, XML, "http://www.w3.org/1999/xhtml")
    if not allowed:
        written = f"{'xlink:' if namespace == XLINK else 'xml:' if namespace == XML else ''}{local}"
        return f"'{shown}' has the attribute {written}= on <{element}>, which a logo may not use; remove it and save it again as plain SVG"
    if local == "href" and namespace in (None, SVG, XLINK):
        return None if _OWN.match(value.strip()) else _outside(value, shown)
    if namespace not in (None, SVG) or local in _NOT_CSS or local.startswith(("data-", "aria-")):
        return None
    return _css_problem(value, shown)


def _css_problem(css: str, shown: str) -> str | None:
    """A style (a <style>, a style attribute, or a presentation attribute, which browsers read as CSS) that
    loads nothing and hides nothing: no escapes, comments or at-rules, and only a drawing's functions."""
    if "\\" in css:
        return _style_problem(shown, "a backslash escape")
    if "/*" in css:
        return _style_problem(shown, "a comment")
    if "@" in css:
        return f"'{shown}' has a style that loads something from elsewhere; a logo may load nothing: save it again as plain SVG"
    for call in _FUNCTION.finditer(css):
        function = (call.group(1) or "").lower()
        if function == "url":
            if not _OWN_URL.match(css, call.start()):
                return _outside(css[call.start():css.find(")", call.start()) + 1 or len(css)], shown)
        elif function not in _FUNCTIONS:
            return _style_problem(shown, f"{function}(...)" if function else "a bracket")
    return None


def _style_problem(shown: str, what: str) -> str:
    return (f"'{shown}' has a style written in a way that cannot be checked ({what}); a logo may load nothing: "
            "write the style plainly (fill:#1f4e79) or move it into attributes (fill=\"#1f4e79\"), or save it again as plain SVG")


def _outside(value: str, shown: str) -> str:
    return f"'{shown}' refers to something outside it ('{value.strip()[:80]}'); a logo may load nothing from elsewhere: save it again as plain SVG"


class IconError(ValueError):
    """The logo could not be drawn (a broken SVG or image)."""


def _svg(path: Path, box: int, colour: str | None) -> Image.Image:
    import resvg_py
    from PIL import Image

    style = f"* {{ fill: {colour} }}" if colour else None
    # At CSS's 96 dots to the inch, as browsers draw it: resvg_py's default (0) makes a size given in mm
    # or pt, as Inkscape saves its pages, no size at all.
    try:
        drawn = Image.open(io.BytesIO(bytes(resvg_py.svg_to_bytes(svg_path=str(path), width=box, style_sheet=style, dpi=96))))
        if drawn.height > box:
            drawn = Image.open(io.BytesIO(bytes(resvg_py.svg_to_bytes(svg_path=str(path), height=box, style_sheet=style, dpi=96))))
    except Exception as exc:  # resvg reports a broken SVG as a bare exception
        raise IconError(f"the SVG could not be drawn: {exc}") from None
    return drawn.convert("RGBA")


def _bitmap(path: Path, box: int) -> Image.Image:
    from PIL import Image

    try:
        with Image.open(path) as opened:
            image = opened.convert("RGBA")
    except OSError:
        raise IconError("it is not a PNG or JPEG image that can be read") from None
    scale = box / max(image.size)
    return image.resize((max(1, round(image.width * scale)), max(1, round(image.height * scale))), Image.LANCZOS)


def logo_at(path: Path, box: int, colour: str | None = None) -> Image.Image:
    """The logo scaled to fit a `box`-pixel square; an SVG without colours of its own drawn in `colour`."""
    return _svg(path, box, colour) if path.suffix.lower() == ".svg" else _bitmap(path, box)


LIGHT_ON_WHITE = 1.5  # a pixel's contrast with white paper below which it barely shows (WCAG's 3:1 is for text and icons)


def light_share(path: Path, box: int = 96) -> float:
    """How much of the logo's drawn area (its opaque pixels) would barely show on white paper: for a logo made
    light, for a dark header, printed on the portfolio's cover. IconError when it cannot be drawn."""
    from ..model.colours import contrast

    drawn = logo_at(path, box)
    seen = light = 0
    for red, green, blue, alpha in drawn.getdata():
        if alpha >= 128:
            seen += 1
            light += contrast(f"#{red:02x}{green:02x}{blue:02x}", "#ffffff") < LIGHT_ON_WHITE
    return light / seen if seen else 1.0
