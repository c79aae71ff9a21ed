"""What changed between two revisions of the portfolio, as plain data: the change report's template renders
it, and tests read it without any HTML."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from .diff import Segment
from .values import in_words

Status = Literal["added", "withdrawn", "deleted", "changed"]


@dataclass(frozen=True)
class FieldChange:
    """One field of an entry (or a page's settings) that changed: its name as written in YAML, and how."""

    name: str
    diff: tuple[Segment, ...]


@dataclass(frozen=True)
class EntryChange:
    """One entry of a kind, added, withdrawn, deleted or changed."""

    key: str | None  # its id (or term); None for an entry of a single kind, or of a kind without ids
    title: str
    status: Status
    address: str | None = None  # its page's address from the site's root ("case-studies/one/"), when it has one
    fields: tuple[FieldChange, ...] = ()  # what changed; an added entry's fields, all inserted
    withdrawn: str = ""  # the day it was withdrawn, in words

    @property
    def address_lost(self) -> bool:
        """A deleted entry whose published address no longer answers: it should have been withdrawn."""
        return self.status == "deleted" and self.address is not None


@dataclass(frozen=True)
class KindChanges:
    """Everything that changed in one kind of data, in the registry's order."""

    name: str
    heading: str  # the kind's plural: "case studies"
    label: str  # one entry: "case study"
    entries: tuple[EntryChange, ...]

    def having(self, status: Status) -> tuple[EntryChange, ...]:
        return tuple(entry for entry in self.entries if entry.status == status)


@dataclass(frozen=True)
class DateMove:
    """A review date that moved: on an entry (`kind` its kind's label; for a single kind, its title too) or in
    a page's front matter (`kind` empty)."""

    kind: str
    title: str
    field: str  # reviewed, review_due
    old: str | None  # YYYY-MM-DD, or None when it was not set
    new: str | None
    address: str | None = None
    source: str = ""  # the page's file in content/, for a date in a page's front matter

    @property
    def was(self) -> str:
        return in_words(self.old)

    @property
    def now(self) -> str:
        return in_words(self.new)


@dataclass(frozen=True)
class SectionChange:
    """A section of a prose page (by its heading) added, removed or changed."""

    heading: str  # "" for the text before the page's first heading
    status: Literal["added", "removed", "changed"]
    diff: tuple[Segment, ...]
    old_heading: str | None = None  # when the heading itself was reworded


@dataclass(frozen=True)
class PageChange:
    """A page of content/ added, removed or changed, with its sections that changed."""

    src: str  # from content/: part-one/index.md
    title: str
    status: Literal["added", "removed", "changed"]
    address: str
    sections: tuple[SectionChange, ...] = ()
    settings: tuple[FieldChange, ...] = ()  # its front matter's fields, but for the review dates


@dataclass(frozen=True)
class Comparison:
    """The portfolio then and now: entries by kind, prose pages, review dates."""

    kinds: tuple[KindChanges, ...]
    pages: tuple[PageChange, ...]
    dates: tuple[DateMove, ...]
    notes: tuple[str, ...] = ()  # what could not be compared as usual (a file of the earlier revision that did not read)

    def count(self, status: Status) -> int:
        return sum(len(kind.having(status)) for kind in self.kinds)

    def having(self, status: Status) -> tuple[tuple[KindChanges, EntryChange], ...]:
        """Every entry of that status, with its kind, in the registry's order."""
        return tuple((kind, entry) for kind in self.kinds for entry in kind.having(status))

    def pages_having(self, status: str) -> tuple[PageChange, ...]:
        return tuple(page for page in self.pages if page.status == status)

    @property
    def sections_changed(self) -> int:
        """Sections of pages on both sides that changed (a page's settings count as one)."""
        return sum(len(page.sections) + (1 if page.settings else 0) for page in self.pages_having("changed"))

    @property
    def empty(self) -> bool:
        return not (self.kinds or self.pages or self.dates)

    def summary(self) -> str:
        """One line: "3 entries added, 1 withdrawn, 5 changed; 2 prose sections changed; 4 review dates moved"."""
        added = self.count("added")
        entries = f"{_counted(added, 'entry', 'entries')} added, {self.count('withdrawn')} withdrawn, {self.count('changed')} changed"
        if self.count("deleted"):
            entries += f", {self.count('deleted')} deleted"
        prose = f"{_counted(self.sections_changed, 'prose section')} changed"
        for status in ("added", "removed"):
            if pages := len(self.pages_having(status)):
                prose += f", {_counted(pages, 'page')} {status}"
        return f"{entries}; {prose}; {_counted(len(self.dates), 'review date')} moved"


def _counted(number: int, one: str, many: str | None = None) -> str:
    return f"{number} {one if number == 1 else many or one + 's'}"
