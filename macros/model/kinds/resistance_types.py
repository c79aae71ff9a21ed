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
from ..vocab import TAGS_HELP, Tag
from ._portfolio import part_source
from .references import KIND as REFERENCES


class ListBlock(Model):
    """A list as the portfolio gives it: an optional lead-in sentence and its items."""

    intro: Markdown | None = Field(None, description="Optional: the sentence that leads into the list (Markdown), shown above it.")
    items: list[Markdown] = Field(min_length=1, description="The list's items, at least one, each as the portfolio gives it (Markdown).")
    numbered: bool = Field(False, description="true: the items are numbered 1, 2, 3; false (the default): bullet points.")


class Quote(Model):
    """A quotation with its citation; `reference` links it to the bibliography."""

    lead: Markdown | None = Field(None, description="Optional: words that introduce the quotation in a sentence; without them it is set apart as a block quote.")
    text: Markdown = Field(description="The quoted words, without quotation marks: the site adds them (Markdown).")
    citation: OneLine = Field(description="The source as the text names it, e.g. Brandon *et al.*, 2008, p.4: shown in brackets after the quotation, linked to the reference list.")
    reference: Id = Field(description="The id of the quoted work in references.yml, which the citation links to.")


class ResistanceType(Lasting):
    """One of Part One's resistant behaviours; gets a page at /resistance/<id>/."""

    id: Id = Field(description="The behaviour's id, lowercase words joined by hyphens (e.g. disguised-compliance): its page's address, /resistance/<id>/.")
    title: OneLine = Field(description="The behaviour's name, shown as its page's heading and in the lists.")
    summary: OneLine = Field(description="A sentence quoted from the description, shown on index pages.")
    description: Markdown = Field(description="The portfolio's text about the behaviour, word for word (Markdown: paragraphs, **bold**, lists, links, citations).")
    quotes: list[Quote] = Field([], description="Quotations the portfolio gives, each with its citation, shown after the description.")
    context: Markdown | None = Field(None, description="Paragraphs that follow the quotations.")
    examples: Markdown | None = Field(None, description="Optional: the portfolio's examples of the behaviour (Markdown), under Examples.")
    indicators: ListBlock | None = Field(None, description="Optional: the portfolio's indicators, an optional intro and the items, under Indicators.")
    notes: Markdown | None = Field(None, description="Paragraphs after the examples and indicators.")
    discussed_in: list[PageSection] = Field(
        [],
        description="Sections of the portfolio's prose that discuss this, e.g. part-four/index.md#support-for-staff: the site's own cross-references.",
    )
    tags: list[Tag] = Field([], description=TAGS_HELP)

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
            links={"quotes.reference": REFERENCES.name}, citing=("quotes.reference",), pages=EntryPages("resistance", "resistance_type.md", search_weight=1.2),
            index="resistance_type_index", word=Download("resistant-behaviours.docx", handout), item=item, pack_item="behaviour")
