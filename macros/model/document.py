"""One document model for every download, as pandoc has one for its writers: each kind says what its
entry is as a document (an `Item`: a title, sections of text, lists and forms, and its source), and a
download is a `Document` of items. The Word and PowerPoint writers (macros/outputs/) read these and never
ask which kind an item is. Text stays Markdown here; the writers turn it into runs.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

ListStyle = Literal["bullet", "number", "tick", "tick-number"]


@dataclass(frozen=True)
class Text:
    """Paragraphs and lists of Markdown; `quote`: set as a quotation."""

    markdown: str | None
    quote: bool = False


@dataclass(frozen=True)
class Items:
    """Separate texts (questions, indicators) as one list."""

    texts: tuple[str, ...]
    style: ListStyle = "bullet"


@dataclass(frozen=True)
class Links:
    """A list of links to other pages of the site: (title, the page's source path) each."""

    links: tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class Address:
    """A web address shown as itself and linked."""

    url: str


@dataclass(frozen=True)
class Note:
    """Text the site adds (a cross-reference's caveat), set apart from the portfolio's."""

    markdown: str


@dataclass(frozen=True)
class FieldLines:
    """Labels with a ruled line each, to fill in by hand: (label, hint) each."""

    fields: tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class TickGrid:
    """A form to tick: rows of indicators against columns (visits), with a row to count the ticks and a row of
    what to do under each column."""

    heading: str
    columns: tuple[str, ...]
    rows: tuple[str, ...]
    actions: tuple[str, ...]  # one per column, "" where there is none
    caption: str


Block = Text | Items | Links | Address | Note | FieldLines | TickGrid


@dataclass(frozen=True)
class Section:
    """A part of an item under its own heading (the first usually has none). `documents`/`slides`: which
    outputs show it; `words`: how many words a slide of it may hold, where not the deck's usual."""

    heading: str | None
    blocks: tuple[Block, ...]
    documents: bool = True
    slides: bool = True
    words: int | None = None


@dataclass(frozen=True)
class Item:
    """One entry as a document shows it: its heading (Markdown), the page it is on, its sections, and the
    line that says where in the portfolio it comes from (Markdown)."""

    title: str
    src: str
    sections: tuple[Section, ...]
    source: str
    trainer: bool = False  # the trainer's own (a pack's agenda, activity...): marked "From the trainer", never given a source


@dataclass(frozen=True)
class Entry:
    """An item in a document, with the trainer's note on it, if a pack gives one."""

    item: Item
    note: str | None = None
    timing: str | None = None  # how long it takes, and when: "10 minutes (09:30–09:40)" (the facilitator's)


@dataclass(frozen=True)
class Part:
    """A run of items under one heading (a pack's session), or with none (a handout)."""

    entries: tuple[Entry, ...]
    heading: str | None = None
    duration: str | None = None
    timing: str | None = None  # its minutes, and times: "45 minutes (09:30–10:15)"
    notes_lines: int = 0  # ruled lines for the reader's notes after its items


@dataclass(frozen=True)
class Cover:
    """A document's cover (a training pack's): what it is, and facts about it as (label, value) pairs."""

    label: str
    facts: tuple[tuple[str, str], ...]
    example: bool = False
    about: str | None = None  # the author's own words on what it is for
    edition: str | None = None  # which of a pack's documents it is: "Participant’s handout", "Facilitator’s guide"


@dataclass(frozen=True)
class RunningRow:
    """One line of a pack's running order: the session (on its first item's line), the time, the item, what it is."""

    session: str
    time: str
    item: str
    activity: str


@dataclass(frozen=True)
class Document:
    """A whole download: its title and subject (its properties), an optional cover and contents, its parts,
    space for notes, and the page where it is online (`qr`: with a QR code of its address)."""

    title: str
    subject: str
    parts: tuple[Part, ...]
    page: str
    online: str  # the words before its address: "This case study online"
    category: str = "Handout"
    heading: str | None = None  # a heading over all the parts (the behaviours' handout)
    cover: Cover | None = None
    notes_lines: int = 0
    qr: bool = False
    trainer_notes: bool = False  # the trainer's notes and timings are shown (a facilitator's guide, speaker notes)
    running_order: tuple[RunningRow, ...] = ()
    materials: tuple[str, ...] = ()  # what the trainer needs, in the facilitator's guide
    margins_cm: float = 2.0
    extra: dict = field(default_factory=dict, compare=False)
