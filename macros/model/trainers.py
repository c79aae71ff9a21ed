"""Trainers' own kind: a training pack, which selects and orders the portfolio's items for a session.

A pack names items by id and adds nothing to them; its notes are the trainer's own words, shown
apart from the portfolio's text wherever the pack is rendered (its page, handout and slides).
"""

from __future__ import annotations

from collections.abc import Iterator

from pydantic import Field, model_validator

from .base import Governed, Loc, Model
from .text import Id, Markdown, Text

# Each field an item may name, and the kind of entry it names (the registry checks the ids).
ITEM_FIELDS = {"case_study": "case_studies", "question_set": "question_sets", "behaviour": "resistance_types", "tool": "tools"}
RECKONER = "ready_reckoner"


class PackItem(Model):
    """One item of a session: exactly one entry of the portfolio, with the trainer's notes on it."""

    case_study: Id | None = None
    question_set: Id | None = None
    behaviour: Id | None = Field(None, description="A resistant behaviour (data/resistance_types.yml)")
    tool: Id | None = None
    ready_reckoner: bool = Field(False, description="true for the Disguised Compliance Ready Reckoner")
    notes: Markdown | None = Field(None, description="The trainer's own notes on this item, shown as the trainer's, never as the portfolio's")

    @model_validator(mode="after")
    def _one_item(self) -> PackItem:
        if len(self.named()) != 1:
            names = ", ".join(ITEM_FIELDS)
            raise ValueError(f"name exactly one item: {names} or ready_reckoner: true")
        return self

    def named(self) -> list[tuple[str, str | None]]:
        """(field, id) of what the item names; the reckoner has no id."""
        found: list[tuple[str, str | None]] = [(name, getattr(self, name)) for name in ITEM_FIELDS if getattr(self, name)]
        return found + [(RECKONER, None)] if self.ready_reckoner else found

    @property
    def field(self) -> str:
        return self.named()[0][0]

    @property
    def kind(self) -> str:
        """The registry's name of the kind this item names."""
        return ITEM_FIELDS.get(self.field, RECKONER)

    @property
    def entry_id(self) -> str | None:
        return self.named()[0][1]


class PackSession(Model):
    """A part of a training event, in the order it is delivered."""

    title: Text
    duration: Text | None = None
    items: list[PackItem] = Field(min_length=1)


class Pack(Governed):
    """A training pack (data/packs.yml): a handout and a slide deck made from the items it names."""

    id: Id
    title: Text
    audience: Text
    duration: Text
    example: bool = Field(False, description="true for the site's example packs, labelled as examples everywhere")
    about: Markdown | None = Field(None, description="What the pack is for, in the trainer's own words")
    sessions: list[PackSession] = Field(min_length=1)

    def items(self) -> Iterator[PackItem]:
        for session in self.sessions:
            yield from session.items

    def problems(self) -> Iterator[tuple[Loc, str]]:
        """An item named twice in one pack: the handout and the deck would repeat it."""
        first: dict[tuple[str, str | None], Loc] = {}
        for s, session in enumerate(self.sessions):
            for i, item in enumerate(session.items):
                loc: Loc = ("sessions", s, "items", i, item.field)
                key = (item.field, item.entry_id)
                if key in first:
                    where = f"sessions[{first[key][1]}].items[{first[key][3]}]"
                    named = f"{item.field.replace('_', ' ')} '{item.entry_id}'" if item.entry_id else "the ready reckoner"
                    yield loc, f"{named} is already in this pack at {where}; name each item once"
                else:
                    first[key] = loc
