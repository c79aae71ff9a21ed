"""The portfolio's own kinds: one pydantic model each, the schema of its files in `data/`.

Models are strict (no type coercion), frozen and forbid unknown keys, so a misspelt field
or a number where text belongs fails the build instead of rendering blank. Which fields
refer to which kinds is declared in registry.py, and checked by the loader.
"""

from __future__ import annotations

from typing import Literal

from pydantic import Field, model_validator

from .base import Governed, Model, Overlayable
from .text import Email, Id, Markdown, Section, Text, Url
from .vocab import AUDIENCES, COURSE_LENGTHS, TAGS

Tag = Literal[TAGS]  # type: ignore[valid-type]


class ListBlock(Model):
    """A list as the portfolio gives it: an optional lead-in sentence and its items."""

    intro: Markdown | None = None
    items: list[Markdown] = Field(min_length=1)
    numbered: bool = False


class Quote(Model):
    """A quotation with its citation; `reference` links it to the bibliography."""

    lead: Markdown | None = None
    text: Markdown
    citation: Text
    reference: Id


class ResistanceType(Governed):
    """One of Part One's resistant behaviours; gets a page at /resistance/<id>/."""

    id: Id
    title: Text
    summary: Text = Field(description="A sentence quoted from the description, shown on index pages.")
    description: Markdown
    quotes: list[Quote] = []
    context: Markdown | None = Field(None, description="Paragraphs that follow the quotations.")
    examples: Markdown | None = None
    indicators: ListBlock | None = None
    notes: Markdown | None = Field(None, description="Paragraphs after the examples and indicators.")
    discussed_in: list[Section] = Field(
        [],
        description="Sections of the portfolio's prose that discuss this, e.g. part-four/index.md#support-for-staff: the site's own cross-references.",
    )
    tags: list[Tag] = []

    @model_validator(mode="after")
    def _summary_is_quoted(self) -> ResistanceType:
        if self.summary not in self.description:
            raise ValueError("summary must be a sentence copied exactly from description")
        return self


class CaseStudy(Governed):
    """One of Part Two's case studies; gets a page at /case-studies/<id>/."""

    id: Id
    number: int = Field(ge=1)
    title: Text
    summary: Text
    narrative: Markdown
    questions: list[Markdown] = Field(min_length=1)
    illustrates: list[Id] = []
    tags: list[Tag] = []

    @model_validator(mode="after")
    def _summary_is_quoted(self) -> CaseStudy:
        if self.summary not in self.narrative:
            raise ValueError("summary must be a sentence copied exactly from narrative")
        return self


class FactorList(Model):
    """A list from Part One (what underlies resistance, when it manifests), placed on a prose page."""

    id: Id
    title: Text
    items: list[Markdown] = Field(min_length=1)


class KeyMessages(Model):
    """The key messages that close a Part."""

    id: Id
    part: int = Field(ge=1, le=6)
    messages: list[Markdown] = Field(min_length=1)


class QuestionSet(Governed):
    """A set of reflective questions; printed as a checklist."""

    id: Id
    title: Text
    intro: Markdown | None = None
    numbered: bool = False
    questions: list[Markdown] = Field(min_length=1)
    addresses: list[Id] = []


class ReckonerIndicator(Model):
    id: Id
    text: Text


class ReckonerAction(Model):
    visit: int = Field(ge=1)
    text: Text


class ReadyReckoner(Model):
    """The appendix's Disguised Compliance Ready Reckoner: indicators ticked across visits."""

    title: Text
    heading: Text
    source: Text
    visits: list[Text] = Field(min_length=1)
    indicators: list[ReckonerIndicator] = Field(min_length=1)
    actions: list[ReckonerAction] = Field(min_length=1)

    @model_validator(mode="after")
    def _actions_match_visits(self) -> ReadyReckoner:
        for action in self.actions:
            if action.visit > len(self.visits):
                raise ValueError(f"an action is given for visit {action.visit}, but there are only {len(self.visits)} visits")
        return self


Length = Literal[COURSE_LENGTHS]  # type: ignore[valid-type]
Audience = Literal[tuple(AUDIENCES)]  # type: ignore[valid-type]


class Contact(Model):
    name: Text | None = None
    role: Text | None = None
    organisation: Text | None = None
    address: list[Text] = []
    phone: Text | None = None
    email: Email | None = None
    url: Url | None = None


class CourseVariant(Model):
    name: Text
    length: Length
    description: Markdown | None = None


class LearningOutcomes(ListBlock):
    outro: Markdown | None = None


class Course(Overlayable):
    """A training course from Part Four's Learning and Development; gets a page at /courses/<id>/."""

    id: Id
    provider: Text
    title: Text
    format: Text
    length: Length
    audience: list[Audience] = Field(min_length=1)
    description: Markdown
    learning_outcomes: LearningOutcomes
    target_audience: Markdown
    additional_information: Markdown | None = None
    variants: list[CourseVariant] = []
    contact: Contact
    tools: list[Id] = []
    addresses: list[Id] = []
    tags: list[Tag] = []


class TrainingResource(Governed):
    """A training resource (framework, animation) listed with the courses."""

    id: Id
    title: Text
    description: Markdown
    url: Url
    tags: list[Tag] = []


class Tool(Governed):
    """One of Part Five's tools; gets a page at /tools/<id>/."""

    id: Id
    title: Text
    authors: Text | None = None
    description: Markdown
    url: Url
    addresses: list[Id] = []
    discussed_in: list[Section] = Field(
        [],
        description="Sections of the portfolio's prose that discuss this, e.g. part-four/index.md#support-for-staff: the site's own cross-references.",
    )
    tags: list[Tag] = []


class Availability(Model):
    url: Url | None = None
    contact: Text | None = None
    note: Text | None = None

    @model_validator(mode="after")
    def _something(self) -> Availability:
        if not (self.url or self.contact or self.note):
            raise ValueError("give a url, a contact or a note")
        return self


class Supersession(Model):
    """What replaces an out-of-date resource: a link, and what it is called."""

    title: Text
    url: Url


class Resource(Overlayable):
    """One of Part Six's additional resources; gets a page at /resources/<id>/."""

    id: Id
    title: Text
    type: Text
    author: Text
    available_from: list[Availability] = Field(min_length=1)
    description: Markdown
    date_published: Text
    reference: Id | None = None
    page: Text | None = None
    superseded_by: Supersession | None = None
    archived: bool = False
    tags: list[Tag] = []


class Reference(Model):
    """An entry of the portfolio's reference list; cited from text as `[...](cite:<id>)`."""

    id: Id
    as_printed: Markdown | None = Field(None, description="The entry exactly as the portfolio prints it.")
    authors: Text
    year: Text
    title: Text
    details: Markdown | None = None
    listed: bool = True
    url: Url | None = None

    @model_validator(mode="after")
    def _printed_matches_fields(self) -> Reference:
        if self.as_printed:
            printed = self.as_printed.replace("*", "")
            for name in ("authors", "year", "title"):
                value = getattr(self, name).replace("*", "").rstrip(",. ")
                if value not in printed:
                    raise ValueError(f"as_printed does not contain the {name} '{value}'")
        return self


class GlossaryTerm(Model):
    """An abbreviation or term, explained wherever it is used and listed on the glossary page."""

    term: Text
    expansion: Text
    note: Markdown | None = None
