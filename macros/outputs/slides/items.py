"""Each kind of item as slides: the portfolio's text cut into readable pieces, with each slide's
speaker notes giving its source (and the trainer's note on it, labelled)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from pptx.util import Emu, Pt

from ...model.portfolio import CaseStudy, QuestionSet, ReadyReckoner, ResistanceType, Tool
from ..sources import page_of, title_of
from ..text import Run, runs
from .chunks import Line, items, lines
from .deck import add_runs, remove_empty_placeholders


def case_study(deck, case: CaseStudy, notes: list[str]) -> None:
    src = page_of(deck.project, "case_studies", case)
    title = title_of("case_studies", case)
    deck.chunked(title, lines(case.narrative), src, notes)
    deck.chunked([*title, Run(" — Something to think about")], items(case.questions, False), src, notes)


def question_set(deck, questions: QuestionSet, notes: list[str]) -> None:
    src = page_of(deck.project, "question_sets", questions)
    deck.chunked(title_of("question_sets", questions), [*lines(questions.intro), *items(questions.questions, questions.numbered)], src, notes, limit=60)


def behaviour(deck, kind: ResistanceType, notes: list[str]) -> None:
    src = page_of(deck.project, "resistance_types", kind)
    title = runs(kind.title)
    found = lines(kind.description)
    for quote in kind.quotes:
        found += lines(f"{quote.lead + ' ' if quote.lead else ''}“{quote.text}” ([{quote.citation}](cite:{quote.reference})).")
    deck.chunked(title, found + lines(kind.context), src, notes)
    if kind.examples:
        deck.chunked([*title, Run(" — Examples")], lines(kind.examples), src, notes)
    if kind.indicators:
        deck.chunked([*title, Run(" — Indicators")], [*lines(kind.indicators.intro), *items(kind.indicators.items, kind.indicators.numbered)], src, notes)
    if kind.notes:
        deck.chunked([*title, Run(" (continued)")], lines(kind.notes), src, notes)


def tool(deck, entry: Tool, notes: list[str]) -> None:
    src = page_of(deck.project, "tools", entry)
    authors = [Line((Run("("), *runs(entry.authors), Run(")")))] if entry.authors else []
    deck.chunked(runs(entry.title), [*authors, *lines(entry.description), Line((Run(entry.url, href=entry.url),))], src, notes)


def reckoner(deck, sheet: ReadyReckoner, notes: list[str]) -> None:
    """The indicators against the visits as a table to fill in, then the action under each visit."""
    src = page_of(deck.project, "ready_reckoner", sheet)
    slide = deck.slide(deck.layouts.title_only, runs(sheet.title), src)
    width, height = deck.presentation.slide_width, deck.presentation.slide_height
    left, top = Emu(int(width * 0.05)), Emu(int(height * 0.2))
    shape = slide.shapes.add_table(len(sheet.indicators) + 1, len(sheet.visits) + 1, left, top, Emu(int(width * 0.9)), Emu(int(height * 0.74)))
    shape._element.nvGraphicFramePr.cNvPr.set("descr", f"{sheet.title}: the indicators against {len(sheet.visits)} visits, to tick")
    grid = shape.table
    grid.columns[0].width = Emu(int(width * 0.9 * 0.55))
    for column in range(1, len(sheet.visits) + 1):
        grid.columns[column].width = Emu(int(width * 0.9 * 0.45 / len(sheet.visits)))
    cells = [[runs(sheet.heading), *[runs(visit) for visit in sheet.visits]]]
    cells += [[runs(indicator.text), *[[Run("")] for _ in sheet.visits]] for indicator in sheet.indicators]
    for row, values in enumerate(cells):
        for column, found in enumerate(values):
            paragraph = grid.cell(row, column).text_frame.paragraphs[0]
            add_runs(paragraph, found, lambda href: None)
            for run in paragraph.runs:
                run.font.size = Pt(14)
    deck.notes(slide, notes)
    remove_empty_placeholders(slide)
    actions = [Line((Run(f"{sheet.visits[action.visit - 1]}: ", bold=True), *runs(action.text)), "bullet") for action in sheet.actions]
    deck.text_slide([*runs(sheet.title), Run(" — Actions")], actions, src, notes)


ITEM_SLIDES: dict[str, Callable[[Any, Any, list[str]], None]] = {
    "case_studies": case_study,
    "question_sets": question_set,
    "resistance_types": behaviour,
    "tools": tool,
    "ready_reckoner": reckoner,
}
