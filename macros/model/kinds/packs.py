"""Training packs (data/packs.yml, and a committee's in data/local/): items of the portfolio chosen and ordered
for a session, with the trainer's own notes. A page each at /packs/<id>/, listed by `pack_index()`, a Word
handout and a slide deck. An item names an entry of any kind that declares `pack_item` (`case_study: one`),
so the item's model is made from the other kinds (`assemble`); a pack adds nothing to what it names.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, ClassVar

from pydantic import Field, create_model, model_validator

from ..base import Lasting, Loc, Model
from ..document import Cover, Document, Entry, Part
from ..kind import Download, EntryPages, Kind
from ..text import Id, Markdown, Text


class _PackItem(Model):
    """One item of a session: exactly one entry of the portfolio, with the trainer's notes on it."""

    kinds: ClassVar[dict[str, Kind]] = {}  # the field naming each kind of item

    @model_validator(mode="after")
    def _one_item(self) -> _PackItem:
        if len(self.named()) != 1:
            names = ", ".join(field for field, kind in self.kinds.items() if not kind.single)
            singles = " or ".join(f"{field}: true" for field, kind in self.kinds.items() if kind.single)
            raise ValueError(f"name exactly one item: {names}{' or ' + singles if singles else ''}")
        return self

    def named(self) -> list[tuple[str, str | None]]:
        """(field, id) of what the item names; a single kind (the reckoner) has no id."""
        return [(field, None if kind.single else getattr(self, field)) for field, kind in self.kinds.items() if getattr(self, field)]

    @property
    def field(self) -> str:
        return self.named()[0][0]

    @property
    def kind(self) -> Kind:
        return self.kinds[self.field]

    @property
    def entry_id(self) -> str | None:
        return self.named()[0][1]

    def entry(self, data) -> Any:
        """The entry the item names (checked when the data was loaded)."""
        return getattr(data, self.kind.name) if self.entry_id is None else data.by_id[self.kind.name][self.entry_id]


class _PackSession(Model):
    """A part of a training event, in the order it is delivered."""

    title: Text
    duration: Text | None = None


class _Pack(Lasting):
    """A training pack (data/packs.yml): a handout and a slide deck made from the items it names."""

    id: Id
    title: Text
    audience: Text
    duration: Text
    example: bool = Field(False, description="true for the site's example packs, labelled as examples everywhere")
    about: Markdown | None = Field(None, description="What the pack is for, in the trainer's own words")

    def items(self) -> Iterator:
        for session in self.sessions:
            yield from session.items

    def problems(self) -> Iterator[tuple[Loc, str]]:
        """An item named twice in one pack: the handout and the deck would repeat it."""
        yield from super().problems()
        first: dict[tuple[str, str | None], Loc] = {}
        for s, session in enumerate(self.sessions):
            for i, item in enumerate(session.items):
                loc: Loc = ("sessions", s, "items", i, item.field)
                key = (item.field, item.entry_id)
                if key in first:
                    where = f"sessions[{first[key][1]}].items[{first[key][3]}]"
                    named = f"{item.field.replace('_', ' ')} '{item.entry_id}'" if item.entry_id else f"the {item.kind.label}"
                    yield loc, f"{named} is already in this pack at {where}; name each item once"
                else:
                    first[key] = loc


def _assemble(kinds: list[Kind]) -> dict[str, Any]:
    """The pack's model and links, from every kind that can be an item of a pack."""
    items = {kind.pack_item: kind for kind in kinds if kind.pack_item}
    fields: dict[str, Any] = {
        field: (bool, Field(False, description=f"true for the {kind.label}")) if kind.single
        else (Id | None, Field(None, description=f"A {kind.label} ({kind.file})"))
        for field, kind in items.items()
    }
    fields["notes"] = (Markdown | None, Field(None, description="The trainer's own notes on this item, shown as the trainer's, never as the portfolio's"))
    item = create_model("PackItem", __base__=_PackItem, **fields)
    item.kinds = items
    session = create_model("PackSession", __base__=_PackSession, items=(list[item], Field(min_length=1)))
    pack = create_model("Pack", __base__=_Pack, sessions=(list[session], Field(min_length=1)))
    links = {f"sessions.items.{field}": kind.name for field, kind in items.items() if not kind.single}
    return {"model": pack, "links": links}


def handout(pack, site) -> Document:
    """The pack as one document: a cover, contents, each session's items with the trainer's notes, space for notes."""
    label = "Example training pack" if pack.example else "Training pack"
    parts = tuple(
        Part(tuple(Entry(item.kind.item(item.entry(site.data), site), item.notes) for item in session.items), f"Session {number}: {session.title}", session.duration)
        for number, session in enumerate(pack.sessions, 1)
    )
    cover = Cover(label, (("Audience", pack.audience), ("Duration", pack.duration)), pack.example, pack.about)
    return Document(pack.title, f"{label} made from Working with Resistance", parts, KIND.src(pack.id), "This pack online",
                    category="Training pack", cover=cover, notes_lines=20)


KIND = Kind("packs", None, "training pack", "training packs", rank=150, pages=EntryPages("packs", "pack.md", searchable=False),
            index="pack_index", local="add", assemble=_assemble,
            word=Download("pack-{entry.id}.docx", handout, suffix=": handout"), slides=Download("pack-{entry.id}.pptx", handout, suffix=": slides"))
