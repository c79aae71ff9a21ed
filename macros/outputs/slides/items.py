"""One item of the portfolio as slides, whatever its kind (the kind says what it is, as a model/document.py
Item): each section's text cut into readable slides, titled with the item's title (and the section's
heading); a form to tick as a table; each slide's speaker notes giving its source (and the trainer's note on
it, labelled)."""

from __future__ import annotations

from pptx.util import Emu, Pt

from ...model.document import Address, Item, Items, Text, TickGrid
from ..text import Run, runs
from .chunks import WORDS_PER_SLIDE, Line, items, lines
from .deck import add_runs, remove_empty_placeholders


def item_slides(deck, item: Item, notes: list[str]) -> None:
    """The item's sections on slides: the first under the item's title, a section with a heading under
    "title — heading", any other under "title (continued)"."""
    title = runs(item.title)
    for index, section in enumerate(item.sections):
        if not section.slides:
            continue
        heading = [*title, Run(f" — {section.heading}")] if section.heading else [*title, Run(" (continued)")] if index else title
        found: list[Line] = []
        for block in section.blocks:
            if isinstance(block, TickGrid):
                tick_grid_slide(deck, block, heading, item.src, notes)
            found += _lines(block)
        if found:
            deck.chunked(heading, found, item.src, notes, limit=section.words or WORDS_PER_SLIDE)


def _lines(block) -> list[Line]:
    if isinstance(block, Text):
        return lines(block.markdown)
    if isinstance(block, Items):
        return items(list(block.texts), block.style.endswith("number"))
    if isinstance(block, Address):
        return [Line((Run(block.url, href=block.url),))]
    return []  # the site's cross-references, and lines to write on, are for paper


def tick_grid_slide(deck, grid: TickGrid, title: list[Run], src: str, notes: list[str]) -> None:
    """The indicators against the columns as a table to fill in."""
    slide = deck.slide(deck.layouts.title_only, title, src)
    width, height = deck.presentation.slide_width, deck.presentation.slide_height
    left, top = Emu(int(width * 0.05)), Emu(int(height * 0.2))
    shape = slide.shapes.add_table(len(grid.rows) + 1, len(grid.columns) + 1, left, top, Emu(int(width * 0.9)), Emu(int(height * 0.74)))
    shape._element.nvGraphicFramePr.cNvPr.set("descr", f"{grid.caption}, to tick")
    table = shape.table
    table.columns[0].width = Emu(int(width * 0.9 * 0.55))
    for column in range(1, len(grid.columns) + 1):
        table.columns[column].width = Emu(int(width * 0.9 * 0.45 / len(grid.columns)))
    cells = [[runs(grid.heading), *[runs(column) for column in grid.columns]]]
    cells += [[runs(row), *[[Run("")] for _ in grid.columns]] for row in grid.rows]
    for row, values in enumerate(cells):
        for column, found in enumerate(values):
            paragraph = table.cell(row, column).text_frame.paragraphs[0]
            add_runs(paragraph, found, lambda href: None)
            for run in paragraph.runs:
                run.font.size = Pt(14)
    deck.notes(slide, notes)
    remove_empty_placeholders(slide)
