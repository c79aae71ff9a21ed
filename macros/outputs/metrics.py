"""How wide text is, measured with real font metrics (Pillow's FreeType), so slides and the one-page form are laid
out before PowerPoint, Word or LibreOffice ever open them.

A template names its fonts (a theme's "Calibri", "Cambria", or any other); the measures use Debian's metric-
compatible fonts for those: Carlito for Calibri, Caladea for Cambria (fonts-crosextra-carlito, -caladea), and
DejaVu Sans for anything else (fonts-dejavu-core), which is wider than most fonts and so errs on the safe side.
Without any of them (a machine without the packages), a width of 0.6 em a character stands in, wider still.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable
from pathlib import Path

FONT_DIRS = (Path("/usr/share/fonts"), Path("/usr/local/share/fonts"))
# A typeface as the template names it (lower case) -> the file family measured for it.
STAND_INS = {"calibri": "Carlito", "carlito": "Carlito", "calibri light": "Carlito", "cambria": "Caladea", "caladea": "Caladea"}
FALLBACK = "DejaVuSans"
_STYLES = {(False, False): "Regular", (True, False): "Bold", (False, True): "Italic", (True, True): "BoldItalic"}
_DEJAVU = {(False, False): "", (True, False): "-Bold", (False, True): "-Oblique", (True, True): "-BoldOblique"}
UNITS = 1000  # fonts are loaded at this size and scaled: one load per face
LINE = 1.2  # a line's height, in ems, at single spacing


@functools.cache
def _font_files() -> dict[str, Path]:
    found: dict[str, Path] = {}
    for folder in FONT_DIRS:
        if folder.is_dir():
            for path in sorted(folder.rglob("*.ttf")):
                found.setdefault(path.stem, path)
    return found


def family(typeface: str | None) -> str:
    """The font file family measured for a template's typeface."""
    return STAND_INS.get((typeface or "").strip().lower(), FALLBACK)


@functools.cache
def _face(name: str, bold: bool, italic: bool):
    from PIL import ImageFont

    files = _font_files()
    stem = f"{name}{_DEJAVU[bold, italic]}" if name == FALLBACK else f"{name}-{_STYLES[bold, italic]}"
    path = files.get(stem) or files.get(f"{name}-Regular") or files.get(FALLBACK)
    return ImageFont.truetype(str(path), UNITS) if path else None


def width(text: str, size_pt: float, typeface: str | None = None, bold: bool = False, italic: bool = False) -> float:
    """The width of `text` in points, at `size_pt`."""
    return _units(text, family(typeface), bold, italic) * size_pt / UNITS


@functools.lru_cache(maxsize=65536)
def _units(text: str, name: str, bold: bool, italic: bool) -> float:
    face = _face(name, bold, italic)
    return len(text) * UNITS * 0.6 if face is None else face.getlength(text)


def wrap(pieces: Iterable[tuple[str, bool, bool]], room_pt: float, size_pt: float, typeface: str | None = None) -> int:
    """How many lines text of (text, bold, italic) pieces takes in `room_pt`, wrapped at spaces as PowerPoint and
    Word wrap it (a word wider than the line gets lines of its own)."""
    words: list[tuple[str, bool, bool]] = []
    for text, bold, italic in pieces:
        for index, word in enumerate(text.split(" ")):
            if index and words:
                words.append((" ", bold, italic))
            if word:
                words.append((word, bold, italic))
    lines, used, space = 1, 0.0, 0.0
    for word, bold, italic in words:
        measured = width(word, size_pt, typeface, bold, italic)
        if word == " ":
            space = measured
            continue
        if used and used + space + measured > room_pt:
            lines += 1 + int(measured // room_pt) if measured > room_pt else 1
            used = measured % room_pt if measured > room_pt else measured
        else:
            used += (space if used else 0.0) + measured
        space = 0.0
    return lines


def missing_fonts() -> list[str]:
    """The stand-in font families not installed here (the measures then guess)."""
    files = _font_files()
    return [name for name in ("Carlito", "Caladea", FALLBACK) if not any(stem.startswith(name) for stem in files)]
