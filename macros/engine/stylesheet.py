"""One stylesheet of the site's own: mkdocs.yml's `extra_css` (the sources in
overrides/assets/stylesheets/, and the committee's colours) joined in that order into one file named
by what it holds. A page then waits for one request of ours instead of three before it shows, and
servers may keep the file for a year (its name changes whenever it does). It is minified (rcssmin):
readers do not need the sources' comments, which stay in overrides/.

It ends with the dark scheme as the device asks for it (`dark_by_device`): every rule of Material's
palette stylesheet and of the site's own that selects the dark scheme (`[data-md-color-scheme=slate]`),
copied for the scheme every page is built with (`default`) under `@media screen and
(prefers-color-scheme: dark)`. A page on a device set to dark is dark from its first paint, with or
without script; the copies come last, so they win over the light rules they mirror, which have the same
specificity (docs/printing-and-offline.md, "Light and dark")."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterator
from pathlib import Path

import rcssmin

from ..render.templates import render
from .state import BuildState

COMMITTEE_CSS = "assets/stylesheets/committee.css"  # made from the committee's settings, not a file
PALETTE_CSS = "assets/stylesheets/palette.*.min.css"  # Material's colour schemes, in the theme's folder
DARK_DEVICE = "screen and (prefers-color-scheme: dark)"  # never on paper, which print.css keeps light
_GROUPS = ("@media", "@supports", "@layer", "@container")  # at-rules that hold rules; the others hold none


def joined_stylesheet(sources: list[str], custom_dir: Path, state: BuildState, palette_css: str = "",
                      schemes: tuple[str, str] | None = None) -> tuple[str, str]:
    """The joined stylesheet's path in the site and its text. `schemes` (the scheme pages are built with,
    and the dark one) and Material's `palette_css` add the dark scheme for a device set to dark."""
    parts = []
    for source in sources:
        if source == COMMITTEE_CSS:
            parts.append(render(state.env, "committee.css", colours=state.data.site.colours))
        else:
            parts.append((custom_dir / source).read_text(encoding="utf-8"))
    text = rcssmin.cssmin("\n".join(parts))
    if schemes:
        text += dark_by_device(palette_css + "\n" + text, *schemes)
    return f"assets/stylesheets/site.{hashlib.sha256(text.encode()).hexdigest()[:8]}.css", text


def palette_stylesheet(theme_dirs: list[str]) -> str:
    """Material's palette stylesheet (the one its base.html links), from the theme's own folders."""
    for folder in theme_dirs:
        for found in sorted(Path(folder).glob(PALETTE_CSS)):
            return found.read_text(encoding="utf-8")
    raise FileNotFoundError(f"the theme has no {PALETTE_CSS}")


def dark_by_device(css: str, built: str, dark: str) -> str:
    """Every rule of `css` for the `dark` scheme, for the `built` scheme too when the device is set to dark."""
    copies = _copies(rcssmin.cssmin(css), _attribute(dark), f"[data-md-color-scheme={built}]")
    return f"@media {DARK_DEVICE}{{{copies}}}" if copies else ""


def _attribute(scheme: str) -> re.Pattern:
    return re.compile(rf"\[data-md-color-scheme=([\"']?){re.escape(scheme)}\1\]")


def _copies(css: str, dark: re.Pattern, built: str) -> str:
    out = []
    for prelude, body in _statements(css):
        if body is None:
            continue
        if prelude.startswith("@"):
            if prelude.lower().startswith(_GROUPS):
                inner = _copies(body, dark, built)
                if inner:
                    out.append(f"{prelude}{{{inner}}}")
            continue
        # A selector that names the dark scheme, not one that excludes it (`:not([…=slate])`).
        selectors = [s for s in _split(prelude) if dark.search(s) and not re.search(r":not\([^)]*data-md-color-scheme", s)]
        if selectors:
            out.append(",".join(dark.sub(lambda _: built, s) for s in selectors) + "{" + body + "}")
    return "".join(out)


def _statements(css: str) -> Iterator[tuple[str, str | None]]:
    """Each top-level statement of minified CSS: (prelude, block), or (statement, None) for one ending in ';'."""
    depth, quote, start, opened = 0, "", 0, 0
    index = 0
    while index < len(css):
        char = css[index]
        if quote:
            if char == "\\":
                index += 1
            elif char == quote:
                quote = ""
        elif char in "\"'":
            quote = char
        elif char == "{":
            if depth == 0:
                opened = index
            depth += 1
        elif char == "}":
            depth -= 1
            if depth == 0:
                yield css[start:opened].strip(), css[opened + 1:index]
                start = index + 1
        elif char == ";" and depth == 0:
            yield css[start:index].strip(), None
            start = index + 1
        index += 1


def _split(selectors: str) -> list[str]:
    """A selector list split at its top-level commas (not those inside :is(), :not() or an attribute)."""
    parts, depth, start = [], 0, 0
    for index, char in enumerate(selectors):
        if char in "([":
            depth += 1
        elif char in ")]":
            depth -= 1
        elif char == "," and depth == 0:
            parts.append(selectors[start:index].strip())
            start = index + 1
    parts.append(selectors[start:].strip())
    return parts
