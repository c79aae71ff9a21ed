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
_OWN = re.compile(r"#|data:image/(?:png|jpeg|gif|webp);base64,", re.IGNORECASE)  # a part of the SVG itself, or a picture inside it
_URL_IN_STYLE = re.compile(r"url\(\s*['\"]?\s*(?!#)|@import", re.IGNORECASE)
_NOT_PICTURES = {"script", "foreignobject", "iframe", "object", "embed", "handler", "listener"}


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
    try:
        root = etree.fromstring(path.read_bytes(), _SVG_PARSER)
    except etree.XMLSyntaxError as exc:
        return f"'{shown}' is not an SVG file that can be read ({exc.msg}); save it again as SVG"
    dtd = root.getroottree().docinfo.internalDTD
    if dtd is not None and list(dtd.iterentities()):
        return f"'{shown}' declares entities (<!ENTITY ...>); save it again as plain SVG"
    for element in root.iter():
        if not isinstance(element.tag, str):
            continue
        name = etree.QName(element).localname.lower()
        if name in _NOT_PICTURES:
            return f"'{shown}' holds <{name}>, which is not part of a picture; a logo may hold no script or embedded document: save it again as plain SVG"
        if name == "style" and _URL_IN_STYLE.search(element.text or ""):
            return f"'{shown}' has a style that loads something from elsewhere; a logo may load nothing: save it again as plain SVG"
        for attribute, value in element.attrib.items():
            local = etree.QName(attribute).localname.lower()
            if local.startswith("on"):
                return f"'{shown}' has an event handler ({local}=), which would run script; save it again as plain SVG"
            if local in ("href", "src") and not _OWN.match(value.strip()):
                return f"'{shown}' refers to something outside it ('{value[:80]}'); a logo may load nothing from elsewhere: save it again as plain SVG"
            if local == "style" and _URL_IN_STYLE.search(value):
                return f"'{shown}' has a style that loads something from elsewhere; a logo may load nothing: save it again as plain SVG"
    return None


class IconError(ValueError):
    """The logo could not be drawn (a broken SVG or image)."""


def _svg(path: Path, box: int, colour: str | None) -> Image.Image:
    import resvg_py
    from PIL import Image

    style = f"* {{ fill: {colour} }}" if colour else None
    try:
        drawn = Image.open(io.BytesIO(bytes(resvg_py.svg_to_bytes(svg_path=str(path), width=box, style_sheet=style))))
        if drawn.height > box:
            drawn = Image.open(io.BytesIO(bytes(resvg_py.svg_to_bytes(svg_path=str(path), height=box, style_sheet=style))))
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
