"""Part Two's case studies (data/case_studies.yml): a page each at /case-studies/<id>/ with a printable
handout (and its PDF and Word file), listed by `case_study_index()`, and an item a pack can name. A committee adds
its own in data/local/: the site numbers them after the portfolio's, marks them as the committee's and lists them apart."""

from __future__ import annotations

from pydantic import ConfigDict, Field, model_validator

from ..base import Lasting
from ..document import Document, Item, Items, Links, Note, Section, Text
from ..kind import Download, EntryPages, Kind
from ..text import Id, Markdown
from ..text import Text as OneLine
from ..vocab import TAGS_HELP, Tag, number_word
from ._portfolio import CITATION, handout
from .resistance_types import KIND as BEHAVIOURS
from .tools import KIND as TOOLS

EDITORIAL = "These links are this site’s own cross-references, made from the portfolio’s text; the portfolio itself does not pair them."


class CaseStudy(Lasting):
    """One of Part Two's case studies; gets a page at /case-studies/<id>/."""

    id: Id = Field(description="The case study's id, lowercase words joined by hyphens (e.g. eight): its page's address, /case-studies/<id>/.")
    number: int = Field(ge=1, le=999, description="Its number in the portfolio, shown in words up to twelve (Case study One). "
                                                  "A committee's own case studies in data/local/ leave it out: the site numbers them after the portfolio's.")
    title: OneLine = Field(description="The case's title as the portfolio gives it, shown after its number: Case study One: Jane and Steven.")
    summary: OneLine = Field(description="A sentence copied exactly from the narrative, shown in the list of case studies.")
    narrative: Markdown = Field(description="The case, word for word as the portfolio gives it (Markdown; a blank line between paragraphs).")
    questions: list[Markdown] = Field(min_length=1, description="The questions under Something to think about, at least one (Markdown).")
    illustrates: list[Id] = Field([], description="The behaviours it illustrates, by their ids in resistance_types.yml (e.g. [disguised-compliance]): "
                                                 "the site's own links, shown on both pages.")
    tools: list[Id] = Field([], description="Part Five's tools that may help with a case like this one, by id (e.g. [motivational-interviewing]): "
                                             "each tool's page lists this case study in turn.")
    tags: list[Tag] = Field([], description=TAGS_HELP)

    # Editors' schema: `number` is not required there, since a committee's own case studies leave it out (the
    # loader requires it of the portfolio's, and numbers the committee's: Kind.numbered).
    model_config = ConfigDict(json_schema_extra=lambda schema: schema.update(required=[n for n in schema.get("required", []) if n != "number"]))

    @model_validator(mode="after")
    def _summary_is_quoted(self) -> CaseStudy:
        if self.summary not in self.narrative:
            raise ValueError("summary must be a sentence copied exactly from narrative")
        return self


def item(case: CaseStudy, site) -> Item:
    """The narrative, its questions, and the behaviours it illustrates and tools that may help (the site's links, so not on slides).
    A committee's own case study says so above its narrative, as its page does."""
    mark = (Note(f"Local: {site.data.site.committee_name}"),) if site.data.is_local(KIND.name, case.id) else ()
    sections = [Section(None, (*mark, Text(case.narrative))), Section("Something to think about", (Items(tuple(case.questions)),))]
    if case.illustrates:
        behaviours = [site.data.by_id[BEHAVIOURS.name][type_id] for type_id in case.illustrates]
        links = Links(tuple((behaviour.title, BEHAVIOURS.src(behaviour.id)) for behaviour in behaviours))
        sections.append(Section("Illustrates", (Text("This case study illustrates:"), links, Note(EDITORIAL)), slides=False))
    if case.tools:
        tools = [site.data.by_id[TOOLS.name][tool_id] for tool_id in case.tools]
        links = Links(tuple((tool.title, TOOLS.src(tool.id)) for tool in tools))
        sections.append(Section("Tools that may help", (links, Note(EDITORIAL)), slides=False))
    return Item(f"Case study {number_word(case.number)}: {case.title}", KIND.src(case.id), tuple(sections), source(case, site))


def source(case: CaseStudy, site) -> str:
    """Where a case study comes from: Part Two of the portfolio, or the committee that added it (data/local/)."""
    if site.data.is_local(KIND.name, case.id):
        return f"Source: {site.data.site.committee_name}, local case study."
    return f"Source: Part Two, Case Studies, of the {CITATION}."


def case_handout(case: CaseStudy, site) -> Document:
    subject = (f"A local case study of {site.data.site.committee_name}" if site.data.is_local(KIND.name, case.id)
               else "A case study from Part Two of Working with Resistance")
    return handout(item(case, site), subject, "This case study online", notes_lines=8, qr=True)


KIND = Kind("case_studies", CaseStudy, "case study", "case studies", rank=20, links={"illustrates": BEHAVIOURS.name, "tools": TOOLS.name},
            pages=EntryPages("case-studies", "case_study.md", qr_code=True), index="case_study_index",
            pdf="case-study-{entry.number:02d}-{entry.id}.pdf", word=Download("case-study-{entry.number:02d}-{entry.id}.docx", case_handout),
            item=item, pack_item="case_study", sort_key=lambda case: case.number, unique=("number",), local="add", numbered="number", apart=True)
