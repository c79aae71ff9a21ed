"""Part One's resistant behaviours (data/resistance_types.yml): a page each at /resistance/<id>/, listed by
`resistance_type_index()`, all in one Word handout, and an item a training pack can name (`behaviour:`)."""

from __future__ import annotations

from pydantic import Field, model_validator

from ..base import Lasting, Model
from ..document import Document, Entry, Item, Items, Part, Section, Text
from ..kind import Download, EntryPages, Kind
from ..text import Id, Markdown
from ..text import Section as PageSection
from ..text import Text as OneLine
from ..vocab import Tag
from ._portfolio import part_source
from .references import KIND as REFERENCES


class ListBlock(Model):
    """A list as the portfolio gives it: an optional lead-in sentence and its items."""

    intro: Markdown | None = None
    items: list[Markdown] = Field(min_length=1)
    numbered: bool = False


class Quote(Model):
    """A quotation with its citation; `reference` links it to the bibliography."""

    lead: Markdown | None = None
    text: Markdown
    citation: OneLine
    reference: Id


class ResistanceType(Lasting):
    """One of Part One's resistant behaviours; gets a page at /resistance/<id>/."""

    id: Id
    title: OneLine
    summary: OneLine = Field(description="A sentence quoted from the description, shown on index pages.")
    description: Markdown
    quotes: list[Quote] = []
    context: Markdown | None = Field(None, description="Paragraphs that follow the quotations.")
    examples: Markdown | None = None
    indicators: ListBlock | None = None
    notes: Markdown | None = Field(None, description="Paragraphs after the examples and indicators.")
    discussed_in: list[PageSection] = Field(
        [],
        description="Sections of the portfolio's prose that discuss this, e.g. part-four/index.md#support-for-staff: the site's own cross-references.",
    )
    tags: list[Tag] = []

    @model_validator(mode="after")
    def _summary_is_quoted(self) -> ResistanceType:
        if self.summary not in self.description:
            raise ValueError("summary must be a sentence copied exactly from description")
        return self


def item(behaviour: ResistanceType, site) -> Item:
    """The behaviour's text, its quotations, examples and indicators, as its page gives them."""
    quotes = [Text(f"{q.lead + ' ' if q.lead else ''}“{q.text}” ([{q.citation}](cite:{q.reference})).", quote=not q.lead) for q in behaviour.quotes]
    sections = [Section(None, (Text(behaviour.description), *quotes, Text(behaviour.context)))]
    if behaviour.examples:
        sections.append(Section("Examples", (Text(behaviour.examples),)))
    if behaviour.indicators:
        listed = behaviour.indicators
        sections.append(Section("Indicators", (Text(listed.intro), Items(tuple(listed.items), "number" if listed.numbered else "bullet"))))
    if behaviour.notes:
        sections.append(Section(None, (Text(behaviour.notes),)))
    return Item(behaviour.title, KIND.src(behaviour.id), tuple(sections), part_source(site, KIND, "Part One"))


def handout(behaviours: list[ResistanceType], site) -> Document:
    """Every behaviour, under the title of the page that lists them."""
    page = next(iter(site.prose.shown.get(KIND.name, [])), KIND.src("index"))
    title = site.prose.titles.get(page) or "Resistant behaviours"
    entries = tuple(Entry(item(behaviour, site)) for behaviour in behaviours)
    return Document(title, "The resistant behaviours of Part One of Working with Resistance", (Part(entries),), page, "These behaviours online", heading=title)


KIND = Kind("resistance_types", ResistanceType, "resistance type", "resistance types", rank=10,
            links={"quotes.reference": REFERENCES.name}, pages=EntryPages("resistance", "resistance_type.md", search_weight=1.2),
            index="resistance_type_index", word=Download("resistant-behaviours.docx", handout), item=item, pack_item="behaviour")
