"""Text cut into slide-sized pieces: whole paragraphs where they fit, else whole sentences, and a sentence cut in
two only when no slide can hold it, so every slide can be read from the back of a room."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from ..text import Block, ListBlock, Paragraph, Quote, Run, blocks, paragraphs

_SENTENCE_END = re.compile(r"(?<=[.?!…”’\"')])\s+(?=[A-Z0-9“‘\"'(])")
_CLAUSE_END = re.compile(r"(?<=[,;:—–])\s+")
_WORD_END = re.compile(r"\s+")


@dataclass(frozen=True)
class Line:
    """One paragraph of a slide: plain, a bullet, or a numbered item (its number kept across slides)."""

    runs: tuple[Run, ...]
    style: str = "plain"
    number: int | None = None


def words(found) -> int:
    return sum(len(run.text.split()) for run in found)


def _joined(found) -> str:
    return "".join("\n" if run.line_break else run.text for run in found)


def cut(found: tuple[Run, ...], cuts: list[int]) -> list[tuple[Run, ...]]:
    """Runs cut at offsets of their joined text (a run may be cut, its formatting kept); pieces without words dropped."""
    pieces: list[list[Run]] = [[]]
    at = 0
    for run in found:
        text = "\n" if run.line_break else run.text
        start = 0
        for offset in [c - at for c in cuts if at < c < at + len(text)]:
            if text[start:offset]:
                pieces[-1].append(replace(run, text=text[start:offset]))
            pieces.append([])
            start = offset
        if run.line_break:
            pieces[-1].append(run)
        elif text[start:] or not text:
            pieces[-1].append(replace(run, text=text[start:]))
        if cuts and at + len(text) in cuts:
            pieces.append([])
        at += len(text)
    return [tuple(piece) for piece in pieces if words(piece)]


def sentences(found: tuple[Run, ...]) -> list[tuple[Run, ...]]:
    """A paragraph's runs, cut at the ends of its sentences, found in the paragraph's whole text (a sentence may end
    in one run and the next begin in another, a link)."""
    return cut(found, [match.end() for match in _SENTENCE_END.finditer(_joined(found))])


def halves(found: tuple[Run, ...]) -> tuple[tuple[Run, ...], tuple[Run, ...]] | None:
    """A sentence too long for any slide, in two where it reads best: after the comma, semicolon, colon or dash
    nearest its middle (if one is in its middle half), else between the words nearest its middle; None for one word."""
    joined = _joined(found)
    total = len(joined.split())
    for pattern, near in ((_CLAUSE_END, total / 4), (_WORD_END, total / 2)):
        offsets = [match.end() for match in pattern.finditer(joined) if joined[: match.start()].strip() and joined[match.end():].strip()]
        if offsets:
            offset = min(offsets, key=lambda at: abs(len(joined[:at].split()) - total / 2))
            if abs(len(joined[:offset].split()) - total / 2) <= near:
                first, second = cut(found, [offset])
                return first, second
    return None


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
