"""Text cut into slide-sized pieces: whole paragraphs where they fit, else whole sentences, never
a sentence cut in two, so every slide can be read from the back of a room."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from ..text import Block, ListBlock, Paragraph, Quote, Run, blocks, paragraphs

WORDS_PER_SLIDE = 70
_SENTENCE_END = re.compile(r"(?<=[.?!…”’\"')])\s+(?=[A-Z0-9“‘\"'(])")


@dataclass(frozen=True)
class Line:
    """One paragraph of a slide: plain, a bullet, or a numbered item (its number kept across slides)."""

    runs: tuple[Run, ...]
    style: str = "plain"
    number: int | None = None


def words(found) -> int:
    return sum(len(run.text.split()) for run in found)


def sentences(found: tuple[Run, ...]) -> list[tuple[Run, ...]]:
    """A paragraph's runs, cut at the ends of its sentences (a run may be cut, its formatting kept)."""
    pieces: list[list[Run]] = [[]]
    for run in found:
        parts = [run.text] if run.line_break else _SENTENCE_END.split(run.text)
        for index, part in enumerate(parts):
            if index:
                pieces.append([])
            if part or run.line_break:
                pieces[-1].append(replace(run, text=part + (" " if index < len(parts) - 1 else "")))
    return [tuple(piece) for piece in pieces if words(piece)]


def lines(text: str | None, style: str = "plain") -> list[Line]:
    """Data text as slide lines: paragraphs plain (or `style`), list items as bullets or numbers."""
    return [line for block in blocks(text) for line in _block_lines(block, style)]


def _block_lines(block: Block, style: str) -> list[Line]:
    if isinstance(block, (Paragraph, Quote)):
        return [Line(p.runs, style) for p in paragraphs(block)]
    if isinstance(block, ListBlock):
        found = []
        for number, item in enumerate(block.items, 1):
            for inner in item:
                found += [Line(p.runs, "number" if block.ordered else "bullet", number if block.ordered else None) for p in paragraphs(inner)]
        return found
    return []


def items(texts: list[str], numbered: bool) -> list[Line]:
    """Questions or indicators, each one line (its paragraphs joined), bulleted or numbered."""
    found = []
    for number, text in enumerate(texts, 1):
        joined: list[Run] = []
        for block in blocks(text):
            for paragraph in paragraphs(block):
                joined += ([Run(" ")] if joined else []) + list(paragraph.runs)
        found.append(Line(tuple(joined), "number" if numbered else "bullet", number if numbered else None))
    return found


def chunk(found: list[Line], limit: int = WORDS_PER_SLIDE) -> list[list[Line]]:
    """Lines packed into slides of at most `limit` words (a longer sentence gets a slide of its own)."""
    slides: list[list[Line]] = [[]]
    count = 0
    for line in found:
        pieces = sentences(line.runs) if words(line.runs) > limit else [line.runs]
        current: list[Run] = []
        for piece in pieces:
            used = count + words(current)
            if used and used + words(piece) > limit:
                if current:
                    slides[-1].append(replace(line, runs=tuple(current)))
                    current = []
                slides.append([])
                count = 0
            current.extend(piece)
        if current:
            slides[-1].append(replace(line, runs=tuple(current)))
            count += words(current)
    return [slide for slide in slides if slide]
