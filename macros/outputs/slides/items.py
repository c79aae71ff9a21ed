"""One item of the portfolio as slides, whatever its kind (the kind says what it is, as a model/document.py
Item): each section's text cut into readable slides (slides/fit.py), titled on one line with the item's title
(and the section's heading), "· 2/3" where a title has several; a form to tick as a table (slides/grid.py);
every slide's speaker notes giving its source, the trainer's note on the item's first slide only, labelled.
A trainer's own item (an activity, a break) is marked "From the trainer" on each of its slides."""

from __future__ import annotations

from collections import Counter

from ...model.document import Address, Item, Items, Text, TickGrid
from ..text import Run, runs
from .chunks import Line, items, lines
from .deck import remove_empty_placeholders
from .fit import MOST_WORDS, counted, shorter
from .grid import grid_pieces, grid_slide

TRAINERS_NOTE = "Trainer’s note"


def item_slides(deck, item: Item, notes: list[str]) -> None:
    """The item's sections on slides: the first (and any later one without a heading) under the item's title, a
    section with a heading under "title — heading"."""
    title = runs(item.title)
    short = shorter(title)
    planned: list[tuple[list[Run], tuple, object, float | None]] = []  # (title, shorter titles, lines or rows of a grid, size)
    for section in item.sections:
        if not section.slides:
            continue
        heading = [*title, Run(f" — {section.heading}")] if section.heading else title
        shorts = ((*short, Run(f" — {section.heading}")),) if short and section.heading else ((*short,),) if short else ()
        found: list[Line] = []
        for block in section.blocks:
            if isinstance(block, TickGrid):
                planned += [(heading, shorts, (block, rows), None) for rows in grid_pieces(deck, block)]
            found += _lines(block)
        if found:
            planned += [(heading, shorts, piece, size) for piece, size in deck.pieces(found, section.words or MOST_WORDS, item.trainer)]
    totals = Counter(_key(heading) for heading, *_ in planned)
    seen: Counter = Counter()
    later = [note for note in notes if not note.startswith(TRAINERS_NOTE)]
    for number, (heading, shorts, content, size) in enumerate(planned):
        seen[_key(heading)] += 1
        index, total = seen[_key(heading)], totals[_key(heading)]
        shown = counted(heading, index, total)
        shown_shorter = tuple(counted(list(s), index, total) for s in shorts)
        these = notes if number == 0 else later
        if isinstance(content, tuple):
            grid_slide(deck, *content, shown, shown_shorter, item.src, these)
        else:
            deck.text_slide(shown, content, item.src, these, mark=item.trainer, size=size or None, shorter=shown_shorter)
    if not planned and item.trainer:  # a break: its title alone
        slide = deck.slide(deck.layouts.title_only, title, item.src)
        deck.notes(slide, notes)
        deck.mark(slide, deck.layouts.title_only)
        remove_empty_placeholders(slide)


def _key(title: list[Run]) -> str:
    return "".join(run.text for run in title)


def _lines(block) -> list[Line]:
    if isinstance(block, Text):
        return lines(block.markdown)
    if isinstance(block, Items):
        return items(list(block.texts), block.style.endswith("number"))
    if isinstance(block, Address):
        return [Line((Run(block.url, href=block.url),))]
    return []  # the site's cross-references, and lines to write on, are for paper
