"""One item of the portfolio as a section of a Word document, whatever its kind (the kind says what it is, as
a model/document.py Item): the same in its own handout and in a training pack. Its heading, then the
trainer's note on it when a pack gives one, its sections, and where it comes from. Text is the portfolio's,
word for word."""

from __future__ import annotations

import posixpath
from dataclasses import replace

from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Pt

from ...model.document import Address, FieldLines, Item, Items, Links, Note, Text, TickGrid
from ..text import Run, runs
from .parts import field_line, site_note, table, trainer_mark, trainer_note
from .writer import Writer


def write_item(writer: Writer, item: Item, level: int, note: str | None = None, bookmark: str | None = None, timing: str | None = None) -> None:
    """The item under a heading of `level`, its sections' headings one below; the trainer's own item marked as
    theirs (and given no source line: it is not the portfolio's); its timing and note, in a facilitator's guide."""
    writer.heading(level, item.title, item.src, bookmark)
    if item.trainer:
        trainer_mark(writer)
    if timing:
        writer.paragraph([Run("Time: ", bold=True), *runs(timing)])
    if note:
        trainer_note(writer, note, item.src)
    for section in item.sections:
        if not section.documents:
            continue
        if section.heading:
            writer.heading(level + 1, section.heading)
        for block in section.blocks:
            _block(writer, block, item.src)
    if not item.trainer:
        site_note(writer, item.source)


def _block(writer: Writer, block, src: str) -> None:
    if isinstance(block, Text):
        writer.markdown(block.markdown, src, "Quote" if block.quote else None)
    elif isinstance(block, Items):
        writer.items(list(block.texts), src, block.style)
    elif isinstance(block, Links):
        here = posixpath.dirname(src) or "."
        writer.items([[replace(run, href=posixpath.relpath(page, here)) for run in runs(title)] for title, page in block.links], src, "bullet")
    elif isinstance(block, Note):
        site_note(writer, block.markdown)
    elif isinstance(block, Address):
        writer.paragraph([Run(block.url, href=block.url)], src)
    elif isinstance(block, FieldLines):
        for label, hint in block.fields:
            field_line(writer, label, hint)
    elif isinstance(block, TickGrid):
        tick_grid(writer, block)


def tick_grid(writer: Writer, grid: TickGrid) -> None:
    """A form to tick by hand: a row for the dates, a row of boxes for each indicator, the count, and the actions."""
    columns = len(grid.columns)
    rows = [[[Run("Date of visit", bold=True)], *[[Run("")] for _ in range(columns)]]]
    rows += [[runs(row), *[[Run("☐")] for _ in range(columns)]] for row in grid.rows]
    rows.append([[Run("Indicators ticked", bold=True)], *[[Run("")] for _ in range(columns)]])
    rows.append([[Run("Action", bold=True)], *[runs(action) for action in grid.actions]])
    made = table(writer, [runs(grid.heading), *[runs(column) for column in grid.columns]], rows, [8.0] + [10.0 / columns] * columns,
                 caption=grid.caption, font_pt=10, row_cm=0.95)
    for row in made.rows[2 : 2 + len(grid.rows)]:
        for cell in row.cells[1:]:
            cell.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.CENTER
            for run in cell.paragraphs[0].runs:
                run.font.size = Pt(14)
