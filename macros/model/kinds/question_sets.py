"""Sets of reflective questions (data/question_sets.yml): placed on a prose page by `question_set('<id>')`,
each printed as a checklist at /checklists/<id>/ (with its PDF and Word file), and an item a pack can name."""

from __future__ import annotations

from pydantic import Field

from ..base import Lasting
from ..document import Document, Item, Items, Section, Text
from ..kind import Download, EntryPages, Kind
from ..text import Id, Markdown
from ..text import Text as OneLine
from ._portfolio import CITATION, handout
from .resistance_types import KIND as BEHAVIOURS


class QuestionSet(Lasting):
    """A set of reflective questions; printed as a checklist."""

    id: Id = Field(description="The set's id, lowercase words joined by hyphens: a page places it with question_set('<id>'); its checklist is at /checklists/<id>/.")
    title: OneLine = Field(description="The set's title, shown on its checklist (Checklist: <title>).")
    intro: Markdown | None = Field(None, description="Optional: the sentence before the questions, e.g. Questions to ask yourself: (Markdown).")
    numbered: bool = Field(False, description="true: the questions are numbered 1, 2, 3; false (the default): bullet points.")
    questions: list[Markdown] = Field(min_length=1, description="The questions, at least one, each as the portfolio gives it (Markdown).")
    addresses: list[Id] = Field([], description="The behaviours these questions help with, by their ids in resistance_types.yml: "
                                                "the site's own links, shown under the questions and on each behaviour's page.")


def item(questions: QuestionSet, site) -> Item:
    """The questions as a checklist, from the page of the portfolio that asks them."""
    src = site.src_of(KIND.name, questions.id)
    listed = Items(tuple(questions.questions), "tick-number" if questions.numbered else "tick")
    title = (site.prose.titles.get(src) or "the portfolio").replace("*", "")
    return Item(f"Checklist: {questions.title}", src, (Section(None, (Text(questions.intro), listed), words=60),), f"From {title}, {CITATION}.")


def checklist(questions: QuestionSet, site) -> Document:
    return handout(item(questions, site), "Questions from Working with Resistance, as a checklist", "This checklist online", page=KIND.src(questions.id))


KIND = Kind("question_sets", QuestionSet, "question set", "question sets", rank=50, links={"addresses": BEHAVIOURS.name},
            pages=EntryPages("checklists", "checklist.md", searchable=False), placed_by="question_set",
            pdf="checklist-{entry.id}.pdf", word=Download("checklist-{entry.id}.docx", checklist), item=item, pack_item="question_set")
