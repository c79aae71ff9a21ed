"""The icons a phone shows for the installed site, made at build time from the committee's logo
(SVG, PNG or JPEG), or, without one, from the theme's own header icon: the logo on the header's
colour, as the header shows it. SVG is drawn by resvg (resvg-py: one self-contained wheel, no system
library, and it never fetches what an SVG names elsewhere); Pillow sizes, places and writes the PNGs.
Drawing them costs about a tenth of a second, so a build keeps them in a cache folder by what they are
made from (a folder no build used for an hour goes), and imports the two libraries only when it draws."""

from __future__ import annotations

import hashlib
import io
import os
from dataclasses import dataclass
from importlib.metadata import version
from pathlib import Path
from typing import TYPE_CHECKING

from ..caches import mark_used, prune_unused
from ..load.logo import logo_at

if TYPE_CHECKING:
    pass


FAVICON = "assets/images/icons/favicon-32.png"


@dataclass(frozen=True)
class Icon:
    path: str
    size: int
    purpose: str  # the manifest's: "any", or "maskable" (a launcher may crop it to a circle); "" for Apple's
    share: float  # how much of the square the logo may fill


# Android's launchers crop a maskable icon to as little as a circle of 80% of its width: the logo
# keeps to a square inside that circle.
ICONS = [
    Icon("assets/images/icons/icon-192.png", 192, "any", 0.75),
    Icon("assets/images/icons/icon-512.png", 512, "any", 0.75),
    Icon("assets/images/icons/maskable-512.png", 512, "maskable", 0.56),
    Icon("assets/images/icons/apple-touch-icon.png", 180, "", 0.7),
    Icon(FAVICON, 32, "", 0.85),  # the browser's tab (the theme's `favicon`), in every build
]


def icon_png(logo: Path, background: str, icon: Icon, colour: str | None = None) -> bytes:
    """One icon: the header's colour, the logo in its middle."""
    from PIL import Image

    square = Image.new("RGBA", (icon.size, icon.size), background)
    drawn = logo_at(logo, round(icon.size * icon.share), colour)
    square.alpha_composite(drawn, ((icon.size - drawn.width) // 2, (icon.size - drawn.height) // 2))
    out = io.BytesIO()
    square.convert("RGB").save(out, "PNG", optimize=True)
    return out.getvalue()


def _fingerprint(source: Path, background: str, colour: str | None) -> str:
    """Everything an icon is made from: the image, the colours, the sizes and the code that draws it."""
    digest = hashlib.sha256(source.read_bytes())
    for part in (background, colour or "", repr(ICONS), version("resvg-py"), version("pillow"), Path(__file__).read_text(encoding="utf-8")):
        digest.update(part.encode() + b"\0")
    return digest.hexdigest()


def _cached(folder: Path) -> dict[str, bytes] | None:
    files = {icon.path: folder / Path(icon.path).name for icon in ICONS}
    try:
        icons = {path: file.read_bytes() for path, file in files.items()}
    except OSError:  # not drawn yet, or pruned by another build meanwhile
        return None
    mark_used(folder)
    return icons


def _keep(folder: Path, icons: dict[str, bytes]) -> None:
    """Whole or not at all: builds may share the cache, so the folder appears with every icon in it."""
    partial = folder.with_name(f".{folder.name}.{os.getpid()}")
    partial.mkdir(parents=True, exist_ok=True)
    for path, png in icons.items():
        (partial / Path(path).name).write_bytes(png)
    try:
        partial.rename(folder)
    except OSError:  # another build kept the same icons first
        for file in partial.iterdir():
            file.unlink()
        partial.rmdir()


def _draw(source: Path, background: str, colour: str | None) -> dict[str, bytes]:
    return {icon.path: icon_png(source, background, icon, colour) for icon in ICONS}


def make_icons(logo: Path | None, default_logo: Path, background: str, on_background: str, cache: Path | None = None) -> dict[str, bytes]:
    """Every icon by its path in the site: from the committee's logo, or the theme's icon in the header's
    text colour; taken from `cache` when those were drawn before."""
    source, colour = (logo, None) if logo else (default_logo, on_background)
    if not cache:
        return _draw(source, background, colour)
    folder = cache / _fingerprint(source, background, colour)
    icons = _cached(folder)
    if icons is None:
        icons = _draw(source, background, colour)
        _keep(folder, icons)
    prune_unused(cache, [folder])  # an earlier logo's or colours' icons
    return icons
