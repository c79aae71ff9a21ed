"""The appendix's Disguised Compliance Ready Reckoner (data/ready_reckoner.yml): placed by `ready_reckoner()`
as a form to fill in at visits (its script counts the ticks), printed on one A4 sheet (the page whose front
matter names its PDF), a Word form, and an item a pack can name (`ready_reckoner: true`)."""

from __future__ import annotations

from pydantic import Field, model_validator

from ..base import Model
from ..document import Document, FieldLines, Item, Items, Section, TickGrid
from ..kind import Download, Kind
from ..text import Id, Text
from ._portfolio import handout

FIELDS = (("Child or case reference", "(initials or an ID, never a full name):"), ("Practitioner:", ""), ("Agency:", ""))


class ReckonerIndicator(Model):
    id: Id = Field(description="The indicator's id, lowercase words joined by hyphens (e.g. deflect-attention); not shown.")
    text: Text = Field(description="The indicator as the Ready Reckoner words it: one row of the form.")


class ReckonerAction(Model):
    visit: int = Field(ge=1, le=99, description="The visit it is for, by number: 1 for the first visit.")
    text: Text = Field(description="What to do, as the Ready Reckoner words it: shown in the Action row, under that visit.")


class ReadyReckoner(Model):
    """The appendix's Disguised Compliance Ready Reckoner: indicators ticked across visits."""

    title: Text = Field(description="The form's title, e.g. Disguised Compliance Ready Reckoner.")
    heading: Text = Field(description="The heading of the indicators' column, e.g. Ready Reckoner.")
    source: Text = Field(description="Where it comes from, e.g. East Ayrshire, 2016: shown in the form's source line.")
    visits: list[Text] = Field(min_length=1, description="The visits' column headings in order, at least one (e.g. [Visit 1, Visit 2, Visit 3]).")
    indicators: list[ReckonerIndicator] = Field(min_length=1, description="The indicators, at least one: a row each, ticked at each visit.")
    actions: list[ReckonerAction] = Field(min_length=1, description="What to do at each visit, at least one; each names its visit by number.")

    @model_validator(mode="after")
    def _actions_match_visits(self) -> ReadyReckoner:
        for action in self.actions:
            if action.visit > len(self.visits):
                raise ValueError(f"an action is given for visit {action.visit}, but there are only {len(self.visits)} visits")
        return self


def item(sheet: ReadyReckoner, site) -> Item:
    """The form: fields to fill in, the indicators against the visits, what to do at each; on slides, the actions apart."""
    shown = site.prose.shown.get(KIND.name, [])
    src = next((page for page in shown if page in site.prose.pdfs), shown[0] if shown else "")
    actions = tuple(" ".join(action.text for action in sheet.actions if action.visit == number) for number in range(1, len(sheet.visits) + 1))
    grid = TickGrid(sheet.heading, tuple(sheet.visits), tuple(indicator.text for indicator in sheet.indicators), actions,
                    f"{sheet.title}: indicators against visits")
    listed = Items(tuple(f"**{sheet.visits[action.visit - 1]}:** {action.text}" for action in sheet.actions))
    sections = (Section(None, (FieldLines(FIELDS), grid)), Section("Actions", (listed,), documents=False))
    source = f"Source: {sheet.title} ({sheet.source}), appendix to *Working with Resistance*, West of Scotland Child Protection Consortium (2016)."
    return Item(sheet.title, src, sections, source)


def form(sheet: ReadyReckoner, site) -> Document:
    return handout(item(sheet, site), "The appendix of Working with Resistance, to fill in at visits", "This sheet online",
                   category="Form", margins_cm=1.5)


KIND = Kind("ready_reckoner", ReadyReckoner, "ready reckoner", "ready reckoners", rank=140, single=True, key=None,
            placed_by="ready_reckoner", script="reckoner.js", word=Download("ready-reckoner.docx", form), item=item, pack_item="ready_reckoner")
