"""Part Two's case studies (data/case_studies.yml): a page each at /case-studies/<id>/ with a printable
handout (and its PDF and Word file), listed by `case_study_index()`, and an item a pack can name."""

from __future__ import annotations

from pydantic import Field, model_validator

from ..base import Lasting
from ..document import Document, Item, Items, Links, Note, Section, Text
from ..kind import Download, EntryPages, Kind
from ..text import Id, Markdown
from ..text import Text as OneLine
from ..vocab import Tag, number_word
from ._portfolio import CITATION, handout
from .resistance_types import KIND as BEHAVIOURS
from .tools import KIND as TOOLS

EDITORIAL = "These links are this site’s own cross-references, made from the portfolio’s text; the portfolio itself does not pair them."


class CaseStudy(Lasting):
    """One of Part Two's case studies; gets a page at /case-studies/<id>/."""

    id: Id
    number: int = Field(ge=1, le=999, description="Its number in the portfolio, shown in words up to twelve (Case study One)")
    title: OneLine
    summary: OneLine
    narrative: Markdown
    questions: list[Markdown] = Field(min_length=1)
    illustrates: list[Id] = []
    tools: list[Id] = Field([], description="Part Five's tools that may help with a case like this one, by id (e.g. [motivational-interviewing]): "
                                             "each tool's page lists this case study in turn.")
    tags: list[Tag] = []

    @model_validator(mode="after")
    def _summary_is_quoted(self) -> CaseStudy:
        if self.summary not in self.narrative:
            raise ValueError("summary must be a sentence copied exactly from narrative")
        return self


def item(case: CaseStudy, site) -> Item:
    """The narrative, its questions, and the behaviours it illustrates and tools that may help (the site's links, so not on slides)."""
    sections = [Section(None, (Text(case.narrative),)), Section("Something to think about", (Items(tuple(case.questions)),))]
    if case.illustrates:
        behaviours = [site.data.by_id[BEHAVIOURS.name][type_id] for type_id in case.illustrates]
        links = Links(tuple((behaviour.title, BEHAVIOURS.src(behaviour.id)) for behaviour in behaviours))
        sections.append(Section("Illustrates", (Text("This case study illustrates:"), links, Note(EDITORIAL)), slides=False))
    if case.tools:
        tools = [site.data.by_id[TOOLS.name][tool_id] for tool_id in case.tools]
        links = Links(tuple((tool.title, TOOLS.src(tool.id)) for tool in tools))
        sections.append(Section("Tools that may help", (links, Note(EDITORIAL)), slides=False))
    return Item(f"Case study {number_word(case.number)}: {case.title}", KIND.src(case.id), tuple(sections),
                f"Source: Part Two, Case Studies, of the {CITATION}.")


def case_handout(case: CaseStudy, site) -> Document:
    return handout(item(case, site), "A case study from Part Two of Working with Resistance", "This case study online", notes_lines=8, qr=True)


KIND = Kind("case_studies", CaseStudy, "case study", "case studies", rank=20, links={"illustrates": BEHAVIOURS.name, "tools": TOOLS.name},
            pages=EntryPages("case-studies", "case_study.md", qr_code=True), index="case_study_index",
            pdf="case-study-{entry.number:02d}-{entry.id}.pdf", word=Download("case-study-{entry.number:02d}-{entry.id}.docx", case_handout),
            item=item, pack_item="case_study", sort_key=lambda case: case.number, unique=("number",))
