"""One item of the portfolio as a section of a Word document, the same in its own handout and in a
training pack: a case study, a question set as a checklist, the ready reckoner, a behaviour, a tool.

Each section is the portfolio's text word for word, under its heading, followed by where it comes
from. A trainer's note, when a pack gives one, comes straight after the heading, in its own style.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import Any

from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Pt

from ...model.portfolio import CaseStudy, QuestionSet, ReadyReckoner, ResistanceType, Tool
from ..sources import RECKONER_SRC, source_of, title_of
from ..text import Run, runs
from .parts import field_line, site_note, table, trainer_note
from .writer import Writer

EDITORIAL = "These links are this site’s own cross-references, made from the portfolio’s text; the portfolio itself does not pair them."


def _start(writer: Writer, level: int, title, src: str, bookmark: str | None, note: str | None) -> None:
    """The item's heading, then the trainer's note on it, if the pack gives one."""
    writer.heading(level, title, src, bookmark)
    if note:
        trainer_note(writer, note, src)


def _source(writer: Writer, kind: str, entry: Any) -> None:
    site_note(writer, source_of(writer.project, kind, entry))


def case_study(writer: Writer, case: CaseStudy, level: int, note: str | None = None, bookmark: str | None = None) -> None:
    src = f"case-studies/{case.id}.md"
    _start(writer, level, title_of("case_studies", case), src, bookmark, note)
    writer.markdown(case.narrative, src)
    writer.heading(level + 1, "Something to think about")
    writer.items(case.questions, src, "bullet")
    if case.illustrates:
        writer.heading(level + 1, "Illustrates")
        writer.paragraph("This case study illustrates:")
        behaviours = [writer.project.data.by_id["resistance_types"][type_id] for type_id in case.illustrates]
        writer.items([[replace(r, href=f"../resistance/{b.id}.md") for r in runs(b.title)] for b in behaviours], src, "bullet")
        site_note(writer, EDITORIAL)
    _source(writer, "case_studies", case)


def checklist(writer: Writer, questions: QuestionSet, level: int, note: str | None = None, bookmark: str | None = None) -> None:
    src = writer.project.src_of("question_sets", questions.id)
    _start(writer, level, title_of("question_sets", questions), src, bookmark, note)
    writer.markdown(questions.intro, src)
    writer.items(questions.questions, src, "tick-number" if questions.numbered else "tick")
    _source(writer, "question_sets", questions)


def reckoner(writer: Writer, sheet: ReadyReckoner, level: int, note: str | None = None, bookmark: str | None = None) -> None:
    """The ready reckoner as a form to fill in by hand: the fields, the indicators against the visits, the actions."""
    _start(writer, level, sheet.title, RECKONER_SRC, bookmark, note)
    field_line(writer, "Child or case reference", "(initials or an ID, never a full name):")
    field_line(writer, "Practitioner:")
    field_line(writer, "Agency:")
    visits = len(sheet.visits)
    rows = [[[Run("Date of visit", bold=True)], *[[Run("")] for _ in range(visits)]]]
    rows += [[runs(indicator.text), *[[Run("☐")] for _ in range(visits)]] for indicator in sheet.indicators]
    rows.append([[Run("Indicators ticked", bold=True)], *[[Run("")] for _ in range(visits)]])
    rows.append([[Run("Action", bold=True)], *[[r for action in sheet.actions if action.visit == n for r in runs(action.text)] for n in range(1, visits + 1)]])
    grid = table(writer, [runs(sheet.heading), *[runs(v) for v in sheet.visits]], rows, [8.0] + [10.0 / visits] * visits,
                 caption=f"{sheet.title}: indicators against visits", font_pt=10, row_cm=0.95)
    for row in grid.rows[2 : 2 + len(sheet.indicators)]:
        for cell in row.cells[1:]:
            cell.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.CENTER
            for run in cell.paragraphs[0].runs:
                run.font.size = Pt(14)
    _source(writer, "ready_reckoner", sheet)


def behaviour(writer: Writer, kind: ResistanceType, level: int, note: str | None = None, bookmark: str | None = None) -> None:
    src = f"resistance/{kind.id}.md"
    _start(writer, level, kind.title, src, bookmark, note)
    writer.markdown(kind.description, src)
    for quote in kind.quotes:
        text = f"“{quote.text}” ([{quote.citation}](cite:{quote.reference}))."
        if quote.lead:
            writer.markdown(f"{quote.lead} {text}", src)
        else:
            writer.markdown(text, src, "Quote")
    writer.markdown(kind.context, src)
    if kind.examples:
        writer.heading(level + 1, "Examples")
        writer.markdown(kind.examples, src)
    if kind.indicators:
        writer.heading(level + 1, "Indicators")
        writer.markdown(kind.indicators.intro, src)
        writer.items(kind.indicators.items, src, "number" if kind.indicators.numbered else "bullet")
    writer.markdown(kind.notes, src)
    _source(writer, "resistance_types", kind)


def tool(writer: Writer, entry: Tool, level: int, note: str | None = None, bookmark: str | None = None) -> None:
    src = f"tools/{entry.id}.md"
    _start(writer, level, entry.title, src, bookmark, note)
    if entry.authors:
        writer.paragraph([Run("("), *runs(entry.authors), Run(")")], src)
    writer.markdown(entry.description, src)
    writer.paragraph([Run(entry.url, href=entry.url)], src)
    _source(writer, "tools", entry)


SECTIONS: dict[str, Callable[..., None]] = {
    "case_studies": case_study,
    "question_sets": checklist,
    "ready_reckoner": reckoner,
    "resistance_types": behaviour,
    "tools": tool,
}

