"""Training packs (data/packs.yml, and a committee's in data/local/): items of the portfolio chosen and ordered
for a session, with the trainer's own notes, timings and slides. A page each at /packs/<id>/, listed by
`pack_index()`, two Word editions (the participant's handout, the facilitator's guide, each also a PDF made by
`./run pdf`) and a slide deck. An item names an entry of any kind that declares `pack_item` (`case_study: one`),
so the item's model is made from the other kinds (`assemble`); a pack adds nothing to what it names. An item may
instead be the trainer's own (an agenda, learning outcomes, an activity, a discussion prompt, a break, a plain
slide): marked "From the trainer" wherever it is shown, and never mixed into the portfolio's text.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, ClassVar

from pydantic import BaseModel, Field, create_model, model_validator

from ..base import Lasting, Loc, Model
from ..document import Document
from ..kind import Download, EntryPages, Kind
from ..text import Id, Markdown
from ..text import Text as OneLine
from ._pack_documents import CLOCK, TRAINER_ITEMS, pack_document

TRAINER_ONLY = ("title", "grouping")  # fields only the trainer's own items take
PORTFOLIO_ONLY = "key_sentences"  # a field only the portfolio's items take
MOST_MINUTES = 600


class _PackItem(Model):
    """One item of a session: exactly one entry of the portfolio, or one of the trainer's own, with the trainer's notes on it."""

    kinds: ClassVar[dict[str, Kind]] = {}  # the field naming each kind of item

    @model_validator(mode="after")
    def _one_item(self) -> _PackItem:
        if len(self.named()) != 1:
            names = ", ".join(field for field, kind in self.kinds.items() if not kind.single)
            singles = " or ".join(f"{field}: true" for field, kind in self.kinds.items() if kind.single)
            own = ", ".join(f"{field}: true" if field in ("agenda", "break") else field for field in TRAINER_ITEMS)
            raise ValueError(f"name exactly one item: {names}{' or ' + singles if singles else ''}; or one of the trainer's own: {own}")
        return self

    def named(self) -> list[tuple[str, str | None]]:
        """(field, id) of what the item names; a single kind (the reckoner) and the trainer's own items have no id."""
        found = [(field, None if kind.single else getattr(self, field)) for field, kind in self.kinds.items() if getattr(self, field)]
        return found + [(field, None) for field in TRAINER_ITEMS if getattr(self, field)]

    @property
    def field(self) -> str:
        return self.named()[0][0]

    @property
    def trainer(self) -> bool:
        """The trainer's own item, not the portfolio's."""
        return self.field in TRAINER_ITEMS

    @property
    def kind(self) -> Kind | None:
        return None if self.trainer else self.kinds[self.field]

    @property
    def entry_id(self) -> str | None:
        return self.named()[0][1]

    @property
    def activity_label(self) -> str:
        """What the item is, in a running order: "Case study", "Activity (pairs)"."""
        if not self.trainer:
            return self.kind.label[:1].upper() + self.kind.label[1:]
        label = TRAINER_ITEMS[self.field][0]
        return f"{label} ({self.grouping})" if self.grouping else label

    def entry(self, data) -> Any:
        """The entry the item names (checked when the data was loaded)."""
        return getattr(data, self.kind.name) if self.entry_id is None else data.by_id[self.kind.name][self.entry_id]


class _PackSession(Model):
    """A part of a training event, in the order it is delivered."""

    title: OneLine = Field(description="The session's title, e.g. What disguised compliance looks like.")
    duration: OneLine | None = Field(None, description="Optional: how long the session takes, in words (e.g. 1 hour).")
    minutes: int | None = Field(None, ge=1, le=MOST_MINUTES, description="How long the session takes, in minutes (e.g. 45): "
                                "the facilitator's guide and the speaker notes give it, and the running order times from it")


class _Pack(Lasting):
    """A training pack (data/packs.yml): two handouts (the participant's, the facilitator's) and a slide deck made from the items it names."""

    id: Id = Field(description="The pack's id, lowercase words joined by hyphens: its page's address, /packs/<id>/, and its files' names.")
    title: OneLine = Field(description="The pack's title, on its page, handouts and slides.")
    audience: OneLine = Field(description="Who the pack is for, in words (e.g. Managers and supervisors).")
    duration: OneLine = Field(description="How long the whole pack takes, in words (e.g. 2 hours).")
    example: bool = Field(False, description="true for the site's example packs, labelled as examples everywhere")
    about: Markdown | None = Field(None, description="What the pack is for, in the trainer's own words")
    starts: OneLine | None = Field(None, description="The clock time the first session starts, HH:MM (e.g. 09:30): the running order "
                                   "then gives each session's and item's times")
    materials: list[OneLine] = Field([], description="What the trainer needs besides the pack's own files (e.g. \"Flip chart and pens\"): "
                                     "listed in the facilitator's guide")
    public_notes: bool = Field(False, description="true to show the trainer's notes on the pack's page too; without it they are only in "
                               "the facilitator's guide and the speaker notes")

    def items(self) -> Iterator:
        """The portfolio's items the pack names, in order (not the trainer's own)."""
        for item in self.all_items():
            if not item.trainer:
                yield item

    def all_items(self) -> Iterator:
        for session in self.sessions:
            yield from session.items

    def problems(self) -> Iterator[tuple[Loc, str]]:
        """An item named twice in one pack (the handout and the deck would repeat it); the trainer's fields on
        the portfolio's items; items' minutes over their session's; a start that is no time of day."""
        yield from super().problems()
        if self.starts is not None and not CLOCK.match(self.starts):
            yield ("starts",), f"'{self.starts}' is not a time of day: write it as HH:MM, e.g. 09:30"
        first: dict[tuple[str, str | None], Loc] = {}
        for s, session in enumerate(self.sessions):
            for i, item in enumerate(session.items):
                here: Loc = ("sessions", s, "items", i)
                if item.trainer:
                    if getattr(item, PORTFOLIO_ONLY):
                        yield (*here, PORTFOLIO_ONLY), "key sentences are chosen from an item of the portfolio (a case study's narrative), not from the trainer's own"
                    if item.field == "slide" and not item.title:
                        yield (*here, "title"), "a slide of the trainer's needs a title: add title: \"...\""
                    if item.grouping and item.field != "activity":
                        yield (*here, "grouping"), f"grouping is for an activity (how the group works on it), not a {item.field}"
                    continue
                for field in TRAINER_ONLY:
                    if getattr(item, field):
                        yield (*here, field), (f"{field} is for the trainer's own items (agenda, outcomes, activity, discussion, break, slide); "
                                               f"the portfolio's {item.kind.label} keeps its own title and text")
                loc: Loc = (*here, item.field)
                key = (item.field, item.entry_id)
                if key in first:
                    where = f"sessions[{first[key][1]}].items[{first[key][3]}]"
                    named = f"{item.field.replace('_', ' ')} '{item.entry_id}'" if item.entry_id else f"the {item.kind.label}"
                    yield loc, f"{named} is already in this pack at {where}; name each item once"
                else:
                    first[key] = loc
            timed = sum(item.minutes or 0 for item in session.items)
            if session.minutes and timed > session.minutes:
                yield ("sessions", s, "minutes"), (f"the session's items take {timed} minutes, more than its {session.minutes}: "
                                                   "give the session more minutes, or its items fewer")


def _assemble(kinds: list[Kind]) -> dict[str, Any]:
    """The pack's model and links, from every kind that can be an item of a pack."""
    items = {kind.pack_item: kind for kind in kinds if kind.pack_item}
    fields: dict[str, Any] = {
        field: (bool, Field(False, description=f"true for the {kind.label}")) if kind.single
        else (Id | None, Field(None, description=f"A {kind.label} ({kind.file})"))
        for field, kind in items.items()
    }
    fields |= {
        "agenda": (bool, Field(False, description="true for the trainer's agenda: the pack's sessions and times, marked as the trainer's")),
        "outcomes": (list[OneLine], Field([], description="The trainer's learning outcomes, one a line")),
        "activity": (Markdown | None, Field(None, description="The trainer's instructions for an activity (with `grouping` and `minutes`)")),
        "discussion": (Markdown | None, Field(None, description="A discussion prompt, in the trainer's words")),
        "break": (bool, Field(False, description="true for a break (with `minutes`)")),
        "slide": (Markdown | None, Field(None, description="A plain slide of the trainer's (with its `title`)")),
        "title": (OneLine | None, Field(None, description="The title of a trainer's own item (a portfolio item keeps its own)")),
        "grouping": (OneLine | None, Field(None, description="How the group works on an activity, e.g. \"Pairs\" or \"Tables of four\"")),
        "minutes": (int | None, Field(None, ge=1, le=MOST_MINUTES, description="How long the item takes, in minutes")),
        "key_sentences": (list[OneLine], Field([], description="For a case study on the slides: the sentences of its narrative to show, "
                                                "each copied word for word from it, in its order; the handouts keep the whole case")),
        "notes": (Markdown | None, Field(None, description="The trainer's own notes on this item: in the facilitator's guide and the speaker "
                                         "notes, never on a slide, nor on the pack's page unless the pack says public_notes: true")),
    }
    item = create_model("PackItem", __base__=_PackItem, **fields)
    item.kinds = items
    session = create_model("PackSession", __base__=_PackSession, items=(list[item], Field(min_length=1, description="The session's items in order, at least one: each one entry of the portfolio, or one of the trainer's own.")))
    pack = create_model("Pack", __base__=_Pack, sessions=(list[session], Field(min_length=1, description="The pack's sessions in the order they are given, at least one.")))
    links = {f"sessions.items.{field}": kind.name for field, kind in items.items() if not kind.single}
    return {"model": pack, "links": links, "lists_ids": tuple(links)}


def key_sentence_problems(pack, by_id: dict[str, dict[str, Any]]) -> Iterator[tuple[Loc, str]]:
    """Each key sentence must be the named entry's own words: slides quote the portfolio, never retell it."""
    for s, session in enumerate(pack.sessions):
        for i, item in enumerate(session.items):
            if item.trainer or not getattr(item, PORTFOLIO_ONLY):
                continue
            entry = by_id.get(item.kind.name, {}).get(item.entry_id)
            text = " ".join(own_words(entry)) if entry is not None else ""
            for k, sentence in enumerate(getattr(item, PORTFOLIO_ONLY)):
                if " ".join(sentence.split()) not in text:
                    yield (("sessions", s, "items", i, PORTFOLIO_ONLY, k),
                           f"this is not word for word in the {item.kind.label} '{item.entry_id}': copy the sentence exactly from its text")


def own_words(value: Any) -> Iterator[str]:
    """Every text of an entry, spaces folded: where a key sentence must be found."""
    if isinstance(value, str):
        yield " ".join(value.split())
    elif isinstance(value, list | tuple):
        for item in value:
            yield from own_words(item)
    elif isinstance(value, BaseModel):
        for name in type(value).model_fields:
            yield from own_words(getattr(value, name))


def handout(pack, site) -> Document:
    """The participant's handout: a cover, contents, each session's items with space for notes; no trainer's notes."""
    return pack_document(pack, site, False, KIND.src(pack.id), _files(pack))


def guide(pack, site) -> Document:
    """The facilitator's guide: the handout's items with the trainer's notes and timings, the running order and the materials."""
    return pack_document(pack, site, True, KIND.src(pack.id), _files(pack))


def _files(pack) -> tuple[str, str]:
    return KIND.slides.name.format(entry=pack), PARTICIPANT.name.format(entry=pack)


PARTICIPANT = Download("pack-{entry.id}-handout.docx", handout, suffix=": participant’s handout", label="Participant’s handout (Word)", pdf=True)
FACILITATOR = Download("pack-{entry.id}-facilitator.docx", guide, suffix=": facilitator’s guide", label="Facilitator’s guide (Word)", pdf=True)
KIND = Kind("packs", None, "training pack", "training packs", rank=150, pages=EntryPages("packs", "pack.md", searchable=False),
            index="pack_index", local="add", assemble=_assemble, cross_checks=key_sentence_problems,
            word=(PARTICIPANT, FACILITATOR), slides=Download("pack-{entry.id}.pptx", guide, suffix=": slides"))
