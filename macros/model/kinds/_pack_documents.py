"""A training pack as documents: its timings (each session's and item's minutes, and clock times from the
pack's start), the trainer's own items as a document shows them (marked "From the trainer"), and the pack's two
editions, the participant's handout and the facilitator's guide (its running order and materials)."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from ..document import Cover, Document, Entry, Item, Items, Part, RunningRow, Section, Text

FROM_THE_TRAINER = "From the trainer"
# The trainer's own items: the field that makes one, what it is in a running order, and its title unless given.
TRAINER_ITEMS = {
    "agenda": ("Agenda", "Agenda"),
    "outcomes": ("Learning outcomes", "Learning outcomes"),
    "activity": ("Activity", "Activity"),
    "discussion": ("Discussion", "Discussion"),
    "break": ("Break", "Break"),
    "slide": ("Slide", None),  # a plain slide has no title but its own
}
CLOCK = re.compile(r"^([01]\d|2[0-3]):[0-5]\d$")


def _clock(start: int | None, minutes: int | None) -> str:
    if start is None or minutes is None:
        return ""
    return f"{start // 60 % 24:02d}:{start % 60:02d}–{(start + minutes) // 60 % 24:02d}:{(start + minutes) % 60:02d}"


def minutes_text(minutes: int | None) -> str:
    if not minutes:
        return ""
    hours, rest = divmod(minutes, 60)
    parts = ([f"{hours} hour{'s' if hours != 1 else ''}"] if hours else []) + ([f"{rest} minute{'s' if rest != 1 else ''}"] if rest else [])
    return " ".join(parts)


def _timing(start: int | None, minutes: int | None) -> str | None:
    """"45 minutes (09:30–10:15)", "45 minutes", or None."""
    if not minutes:
        return None
    clock = _clock(start, minutes)
    return f"{minutes_text(minutes)} ({clock})" if clock else minutes_text(minutes)


@dataclass(frozen=True)
class Timed:
    """A session's, or an item's, minutes and times as a running order gives them."""

    minutes: int | None
    start: int | None  # minutes after midnight, when the pack says when it starts

    @property
    def text(self) -> str | None:
        return _timing(self.start, self.minutes)

    @property
    def clock(self) -> str:
        return _clock(self.start, self.minutes) or minutes_text(self.minutes)


def schedule(pack) -> list[tuple[Timed, list[Timed]]]:
    """Each session's timing and its items': clock times run on from `starts` while every minute is known."""
    hours, _, mins = (pack.starts or "").partition(":")
    clock: int | None = int(hours) * 60 + int(mins) if pack.starts and CLOCK.match(pack.starts) else None
    found = []
    for session in pack.sessions:
        timed = [item.minutes for item in session.items]
        minutes = session.minutes or (sum(timed) if all(timed) else None)
        items, at = [], clock
        for item in session.items:
            items.append(Timed(item.minutes, at if item.minutes else None))
            at = at + item.minutes if at is not None and item.minutes else None
        found.append((Timed(minutes, clock if minutes else None), items))
        clock = clock + minutes if clock is not None and minutes else None
    return found


# ---- the documents ------------------------------------------------------------------------------


def trainer_item(item, pack, src: str) -> Item:
    """One of the trainer's own items as a document shows it, marked as the trainer's."""
    label, default = TRAINER_ITEMS[item.field]
    title = item.title or default or label
    if item.field == "agenda":
        rows = []
        for number, (session, (timed, _)) in enumerate(zip(pack.sessions, schedule(pack)), 1):
            rows.append(f"Session {number}: {session.title}" + (f" ({timed.clock})" if timed.minutes else ""))
        blocks: tuple = (Items(tuple(rows), "number"),)
    elif item.field == "outcomes":
        blocks = (Items(tuple(item.outcomes)),)
    elif item.field == "activity":
        facts = [f"**{name}:** {value}" for name, value in (("Time", minutes_text(item.minutes)), ("Grouping", item.grouping)) if value]
        blocks = (Text(item.activity), *((Text(" · ".join(facts)),) if facts else ()))
    elif item.field == "discussion":
        blocks = (Text(item.discussion),)
    elif item.field == "break":
        blocks = (Text(minutes_text(item.minutes)),) if item.minutes else ()
    else:
        blocks = (Text(item.slide),)
    return Item(title, src, (Section(None, blocks),) if blocks else (), FROM_THE_TRAINER, trainer=True)


def shown_item(item, pack, site, src: str) -> Item:
    """What a pack's item is in its documents: the portfolio's entry, or the trainer's own (on the pack's page, `src`)."""
    if item.trainer:
        return trainer_item(item, pack, src)
    shown = item.kind.item(item.entry(site.data), site)
    return with_key_sentences(shown, item.key_sentences) if item.key_sentences else shown


def with_key_sentences(shown: Item, sentences: list[str]) -> Item:
    """The item with its slides showing only the trainer's key sentences (the portfolio's own words); documents keep the whole text."""
    first, *rest = shown.sections
    chosen = Section(first.heading, (Text(" ".join(sentences)),), documents=False)
    return replace(shown, sections=(replace(first, slides=False), chosen, *rest))


def _materials(pack, site, slides: str, handout: str) -> tuple[str, ...]:
    """What the facilitator needs: the pack's own files, each item's own handout, then the trainer's list."""
    found = [f"The slides: {slides}", f"The participant’s handout, one for each participant: {handout} (or its PDF)"]
    for item in pack.items():
        spec = item.kind.word
        if spec is None or isinstance(spec, tuple):
            continue
        name = spec.name.format(entry=item.entry(site.data)) if spec.per_entry else spec.name
        found.append(f"{plain_title(item.kind.item(item.entry(site.data), site).title)}, its own handout: {name}")
    return tuple(dict.fromkeys([*found, *pack.materials]))


def _running_rows(session: str, timed: Timed, items, pack, site, src: str) -> list[RunningRow]:
    """A session's line, with its whole time, then a line for each of its items: time, title, what it is."""
    rows = [RunningRow(session, timed.clock if timed.minutes else "", "", "")]
    for item, item_timed in items:
        rows.append(RunningRow("", item_timed.clock if item.minutes else "", plain_title(shown_item(item, pack, site, src).title), item.activity_label))
    return rows


def plain_title(text: str) -> str:
    return text.replace("*", "")


def pack_document(pack, site, facilitator: bool, src: str, files: tuple[str, str]) -> Document:
    """One of the pack's editions, its page at `src`; `files`: the names of its slides and participant's handout."""
    label = "Example training pack" if pack.example else "Training pack"
    edition = "Facilitator’s guide" if facilitator else "Participant’s handout"
    timings = schedule(pack)
    parts = []
    for number, (session, (timed, items)) in enumerate(zip(pack.sessions, timings), 1):
        entries = tuple(Entry(shown_item(item, pack, site, src), item.notes if facilitator else None, item_timed.text if facilitator else None)
                        for item, item_timed in zip(session.items, items))
        parts.append(Part(entries, f"Session {number}: {session.title}", session.duration, timed.text, notes_lines=0 if facilitator else 6))
    running: tuple[RunningRow, ...] = ()
    if facilitator:
        running = tuple(row for number, (session, (timed, items)) in enumerate(zip(pack.sessions, timings), 1)
                        for row in _running_rows(f"Session {number}: {session.title}", timed, zip(session.items, items), pack, site, src))
    facts = (("Audience", pack.audience), ("Duration", pack.duration))
    cover = Cover(label, facts, pack.example, pack.about, edition=edition)
    subject = f"{label} made from Working with Resistance: the {edition.lower()}"
    return Document(pack.title, subject, tuple(parts), src, "This pack online", category="Training pack", cover=cover,
                    notes_lines=20, trainer_notes=facilitator, running_order=running,
                    materials=_materials(pack, site, *files) if facilitator else ())


