"""QR codes of page addresses for printed handouts, drawn at build time (no network)."""

from __future__ import annotations

import functools

from markupsafe import Markup


@functools.lru_cache(maxsize=256)  # the preview draws the same addresses again on every save
def qr_svg(address: str | None) -> Markup | None:
    """An SVG QR code of `address` that scales to whatever size print.css gives it (a viewBox, no fixed size)."""
    if not address:
        return None
    import segno  # only hosted builds draw QR codes; importing it costs every other build 12 ms

    return Markup(segno.make(address, error="m").svg_inline(scale=3, border=4, dark="#000", light="#fff", omitsize=True))
