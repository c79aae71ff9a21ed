"""A form to tick (the ready reckoner) as slides a room can read: its indicators in a table at 20 pt or more, with a
column to tick for each visit, over as many slides as they need (shared out evenly), inside the template's content
area and clear of its footers; under the table, a pointer to the printed sheet, where the whole grid is."""

from __future__ import annotations

from pptx.util import Emu, Pt

from ...model.document import TickGrid
from .. import metrics
from ..text import Run, runs
from .deck import add_runs, remove_empty_placeholders
from .fit import FLOOR_PT
from .geometry import EMU_PER_PT, Frame
from .setting import content_area, like_the_body

MOST_PT = 24
POINTER_PT = 16
POINTER = "To tick the indicators at each visit, use the printed sheet (the ready reckoner’s Word handout): it holds the whole grid."
_CELL_SIDES_PT, _CELL_ENDS_PT = 7.2 * 2, 3.6 * 2  # python-pptx's cell margins: 0.1 inch at the sides, 0.05 at top and foot


def _size(deck, grid: TickGrid) -> float:
    """The largest size, from 24 pt (or the template's, if smaller) down to 20, that needs no more slides than 20 pt."""
    frame = content_area(deck)
    sizes = range(int(max(FLOOR_PT, min(frame.size if frame else MOST_PT, MOST_PT))), FLOOR_PT - 1, -1)
    fewest = len(_pieces(frame, grid, FLOOR_PT)) if frame else 1
    return next(size for size in sizes if frame is None or len(_pieces(frame, grid, size)) <= fewest)


def _columns(grid: TickGrid, frame: Frame, size: float) -> list[int]:
    """Column widths (EMU): each visit's as wide as its heading needs (at least a tenth), the indicators the rest."""
    visits = [max(int((metrics.width(column, size, frame.typeface, bold=True) + _CELL_SIDES_PT + 4) * EMU_PER_PT), frame.width // 10)
              for column in grid.columns]
    return [frame.width - sum(visits), *visits]


def _row_height(text: str, width: int, frame: Frame, size: float, bold: bool = False) -> float:
    """A row's height in points, its text wrapped in its first column."""
    lines = metrics.wrap([(text, bold, False)], width / EMU_PER_PT - _CELL_SIDES_PT, size, frame.typeface)
    return lines * size * metrics.LINE + _CELL_ENDS_PT + 2


def grid_pieces(deck, grid: TickGrid) -> list[range]:
    """The indicators (row numbers) on each slide: as few slides as the area allows, the rows shared evenly."""
    frame = content_area(deck)
    return _pieces(frame, grid, _size(deck, grid)) if frame else [range(len(grid.rows))]


def _pieces(frame: Frame, grid: TickGrid, size: float) -> list[range]:
    count = len(grid.rows)
    first = _columns(grid, frame, size)[0]
    header = _row_height(grid.heading, first, frame, size, bold=True)
    heights = [_row_height(row, first, frame, size) for row in grid.rows]
    room = frame.height / EMU_PER_PT - header - POINTER_PT * metrics.LINE * 2
    for slides in range(1, count + 1):
        edges = [round(count * n / slides) for n in range(slides + 1)]
        pieces = [range(a, b) for a, b in zip(edges, edges[1:])]
        if all(sum(heights[i] for i in piece) <= room for piece in pieces):
            return pieces
    return [range(n, n + 1) for n in range(count)]


def grid_slide(deck, grid: TickGrid, rows: range, title: list[Run], shorter: tuple, src: str, notes: list[str]) -> None:
    """One slide of the form: a title, the table of its rows, and the pointer to the printed sheet."""
    slide = deck.slide(deck.layouts.title_only, title, src, shorter)
    frame = content_area(deck)
    if frame is None:
        width, height = deck.presentation.slide_width, deck.presentation.slide_height
        frame = Frame(int(width * 0.05), int(height * 0.2), int(width * 0.9), int(height * 0.7), MOST_PT, None)
    size = _size(deck, grid)
    widths = _columns(grid, frame, size)
    heights = [_row_height(grid.heading, widths[0], frame, size, bold=True)] + [_row_height(grid.rows[i], widths[0], frame, size) for i in rows]
    total = int(sum(heights) * EMU_PER_PT)
    shape = slide.shapes.add_table(len(rows) + 1, len(grid.columns) + 1, Emu(frame.left), Emu(frame.top), Emu(frame.width), Emu(total))
    shape._element.nvGraphicFramePr.cNvPr.set("descr", f"{grid.caption}, to tick")
    table = shape.table
    for index, width in enumerate(widths):
        table.columns[index].width = Emu(width)
    for index, height in enumerate(heights):
        table.rows[index].height = Emu(int(height * EMU_PER_PT))
    cells = [[runs(grid.heading), *[runs(column) for column in grid.columns]]]
    cells += [[runs(grid.rows[i]), *[[Run("")] for _ in grid.columns]] for i in rows]
    for row, values in enumerate(cells):
        for column, found in enumerate(values):
            paragraph = table.cell(row, column).text_frame.paragraphs[0]
            add_runs(paragraph, found, lambda href: None)
            for run in paragraph.runs:
                run.font.size = Pt(size)
    box = slide.shapes.add_textbox(Emu(frame.left), Emu(frame.top + total + int(4 * EMU_PER_PT)), Emu(frame.width),
                                   Emu(int(POINTER_PT * metrics.LINE * 2 * EMU_PER_PT)))
    box.text_frame.word_wrap = True
    paragraph = box.text_frame.paragraphs[0]
    add_runs(paragraph, [Run(POINTER, italic=True)], lambda href: None)
    paragraph.runs[0].font.size = Pt(POINTER_PT)
    like_the_body(deck, paragraph)
    deck.notes(slide, notes)
    remove_empty_placeholders(slide)
