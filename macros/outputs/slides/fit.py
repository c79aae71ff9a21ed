"""Slides that can be read from the back of a room, in any template: each slide's body at most about 45 words and
6 lines, measured with the template's fonts in its placeholder (slides/geometry.py, outputs/metrics.py), shrunk to
no less than 20 pt where a template's size would overflow; text split at sentences (a sentence longer than 45 words
gets a slide of its own, and is cut, at the clause nearest its middle, only when no slide holds it at 20 pt), into
slides of even length, at paragraphs where that costs little; titles on one line."""

from __future__ import annotations

import functools
from dataclasses import dataclass, replace

from .. import metrics
from ..text import Run
from .chunks import Line, halves, sentences, words
from .geometry import EMU_PER_PT, Frame

MOST_WORDS = 45
MOST_LINES = 6
FLOOR_PT = 20
PLAIN_AFTER_PT = 10  # the space after a plain paragraph (slides/pack.py)
BREAK_COST = 100  # what a break inside a paragraph costs, against the squared words a slide is off the mean


def _pieces(found) -> list[tuple[str, bool, bool]]:
    return [(" " if run.line_break else run.text, run.bold, run.italic) for run in found]


def measure(found: list[Line], frame: Frame, size: float) -> tuple[int, float]:
    """(lines, height in points) of `found` in `frame` at `size`."""
    lines, height = 0, 0.0
    for index, line in enumerate(found):
        room = frame.room_width - (frame.indent / EMU_PER_PT if line.style in ("bullet", "number") else 0)
        count = metrics.wrap(_pieces(line.runs), room, size, frame.typeface)
        lines += count
        height += count * size * metrics.LINE * frame.spacing
        if index:
            height += frame.before_pt + frame.before_pct * size
        height += PLAIN_AFTER_PT if line.style == "plain" else 0
    return lines, height


def size_for(found: list[Line], frame: Frame, most_lines: int = MOST_LINES, room: float | None = None) -> float | None:
    """The largest size, from the template's down to 20 pt, at which `found` keeps to `most_lines` and fits; None if none."""
    room = frame.room_height if room is None else room
    size = frame.size
    while True:
        lines, height = measure(found, frame, size)
        if lines <= most_lines and height <= room:
            return size
        if size <= FLOOR_PT:
            return None
        size = max(FLOOR_PT, size - 2)


@dataclass(frozen=True)
class _Unit:
    runs: tuple[Run, ...]
    line: int  # the index of the line (paragraph) it is part of
    words: int


def _units(found: list[Line], most_words: int, frame: Frame, room: float | None) -> list[_Unit]:
    """What slides are cut between: sentences of a paragraph; a whole item of a list (a question), unless it is
    longer than a slide; and the parts of a sentence or question that no slide can hold at 20 pt (`_fitting`)."""
    def pieces(line: Line) -> list:
        whole = line.style in ("bullet", "number") and words(line.runs) <= most_words
        return [line.runs] if whole else (sentences(line.runs) or [line.runs])

    def fits(line: Line, piece: tuple[Run, ...]) -> bool:
        return size_for([replace(line, runs=piece)], frame, room=room) is not None

    return [_Unit(part, index, words(part)) for index, line in enumerate(found)
            for piece in pieces(line) for part in _fitting(piece, functools.partial(fits, line))]


def _fitting(piece: tuple[Run, ...], fits) -> list[tuple[Run, ...]]:
    """A sentence whole where one slide can hold it, else in halves cut where they read best, again until each fits."""
    if fits(piece) or (cut := halves(piece)) is None:
        return [piece]
    return [part for half in cut for part in _fitting(half, fits)]


def _lines_of(units: list[_Unit], found: list[Line]) -> list[Line]:
    joined: list[Line] = []
    last = None
    for unit in units:
        if unit.line == last:
            joined[-1] = replace(joined[-1], runs=joined[-1].runs + unit.runs)
        else:
            joined.append(replace(found[unit.line], runs=unit.runs))
        last = unit.line
    return joined


def split(found: list[Line], frame: Frame, most_words: int = MOST_WORDS, room: float | None = None) -> list[tuple[list[Line], float]]:
    """`found` as slides of (lines, the size to set them at): as few as the limits allow, as even as they can be."""
    if not found:
        return []
    units = _units(found, most_words, frame, room)
    count = len(units)

    @functools.cache
    def fits(start: int, end: int) -> float | None:
        """The size slide [start, end) is set at, or None if it breaks the limits (a single unit always goes on one)."""
        total = sum(unit.words for unit in units[start:end])
        if total > most_words and end - start > 1:
            return None
        size = size_for(_lines_of(units[start:end], found), frame, room=room)
        return size if size is not None or end - start > 1 else FLOOR_PT

    # fewest slides: best[i] = fewest slides for units[:i]
    best = [0] + [count + 1] * count
    for end in range(1, count + 1):
        for start in range(end - 1, -1, -1):
            if fits(start, end) is None:  # a longer slide breaks the limits too
                break
            best[end] = min(best[end], best[start] + 1)
    slides = best[count]
    mean = sum(unit.words for unit in units) / slides

    @functools.cache
    def even(end: int, left: int) -> tuple[float, tuple[int, ...]]:
        """The cheapest cut of units[:end] into `left` slides: (cost, the cuts)."""
        if left == 0:
            return (0.0, ()) if end == 0 else (float("inf"), ())
        found_best: tuple[float, tuple[int, ...]] = (float("inf"), ())
        for start in range(end - 1, left - 2, -1):
            if fits(start, end) is None:
                break
            before, cuts = even(start, left - 1)
            cost = before + (sum(unit.words for unit in units[start:end]) - mean) ** 2
            cost += BREAK_COST if 0 < start < count and units[start].line == units[start - 1].line else 0
            if cost < found_best[0]:
                found_best = (cost, (*cuts, start))
        return found_best

    _, cuts = even(count, slides)
    edges = [*cuts, count]
    return [(_lines_of(units[a:b], found), fits(a, b) or FLOOR_PT) for a, b in zip(edges, edges[1:])]


def one_line(candidates: list[list[Run]], frame: Frame | None) -> tuple[list[Run], float | None]:
    """The first title of `candidates` that fits one line at the template's size, else the first that does at a
    smaller size (down to 20 pt), else the last, cut at a word with "…". The size is None where it is the template's."""
    if frame is None:
        return candidates[0], None
    for shrink in (False, True):
        for candidate in candidates:
            size = frame.size
            while metrics.wrap(_pieces(candidate), frame.room_width, size, frame.typeface) > 1:
                if not shrink or size <= FLOOR_PT:
                    size = 0
                    break
                size = max(FLOOR_PT, size - 2)
            if size:
                return candidate, (None if size == frame.size else size)
    text = "".join(run.text for run in candidates[-1]).split(" ")
    while len(text) > 1 and metrics.wrap([(" ".join(text) + " …", False, False)], frame.room_width, FLOOR_PT, frame.typeface) > 1:
        text.pop()
    return [Run(" ".join(text) + " …")], FLOOR_PT


def counted(title: list[Run], index: int, total: int) -> list[Run]:
    """"Megan · 2/3": the slide's place among those of one title, where there are several."""
    return [*title, Run(f" · {index}/{total}")] if total > 1 else title


def shorter(title: list[Run]) -> list[Run] | None:
    """"Case study Two: Megan" -> "Megan"; None where the title has no such label."""
    text = "".join(run.text for run in title)
    label, colon, rest = text.partition(": ")
    return [Run(rest)] if colon and rest and len(label.split()) <= 3 else None
