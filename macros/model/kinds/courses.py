"""Part Four's Learning and Development courses (data/courses.yml): a page each at /courses/<id>/, the
catalogue (`course_catalogue()`, filtered by its script); a committee adds or replaces its own in data/local/."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from pydantic import Field

from ..base import Day, Loc, Model, Overlayable
from ..kind import EntryPages, Kind
from ..text import Email, Id, Markdown, Text, Url
from ..vocab import Audience, Length, Tag, date_range
from .resistance_types import KIND as BEHAVIOURS
from .resistance_types import ListBlock
from .tools import KIND as TOOLS


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


class CourseSession(Model):
    """One run of a course: its day (`date`), or its days (`start` and `end`), where, and how to book it."""

    date: Day | None = Field(None, description="The day of a one-day session (YYYY-MM-DD); for a session over several days give start and end instead.")
    start: Day | None = Field(None, description="The first day of a session over several days (YYYY-MM-DD).")
    end: Day | None = Field(None, description="The last day of a session over several days (YYYY-MM-DD).")
    venue: Text = Field(description="Where it is held, e.g. Council Offices, Kilmarnock, or Online (Microsoft Teams).")
    places: int | None = Field(None, ge=1, le=10000, description="How many places it has (optional).")
    booking: Text | None = Field(None, description="A note on booking this session (optional), e.g. Book by 1 March through the Learning Zone.")

    @property
    def first_day(self) -> date:
        return self.date or self.start  # type: ignore[return-value]

    @property
    def last_day(self) -> date:
        return self.date or self.end or self.start  # type: ignore[return-value]

    @property
    def when(self) -> str:
        return date_range(self.first_day, self.last_day)

    def problems(self) -> Iterator[tuple[Loc, str]]:
        if self.date and (self.start or self.end):
            yield ("date",), "give either date (a one-day session) or start and end (several days), not both"
        elif not self.date and not (self.start and self.end):
            yield (), "a session needs its day, date: YYYY-MM-DD, or for several days both start: and end:"
        elif self.start and self.end and self.end < self.start:
            yield ("end",), f"the session ends ({self.end.isoformat()}) before it starts ({self.start.isoformat()})"


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
    sessions: list[CourseSession] = Field([], description="The course's dates: each a day or days, a venue, and optionally its places and a booking note. "
                                          "Sessions that have ended are left out when the site is built; a course with none to come says how to ask.")
    tools: list[Id] = []
    addresses: list[Id] = []
    tags: list[Tag] = []

    def upcoming(self, today: str) -> list[CourseSession]:
        """The sessions not yet over on `today` (the build's day, YYYY-MM-DD), soonest first."""
        return sorted((s for s in self.sessions if s.last_day.isoformat() >= today), key=lambda s: s.first_day)


KIND = Kind("courses", Course, "course", "courses", rank=60, links={"addresses": BEHAVIOURS.name, "tools": TOOLS.name},
            pages=EntryPages("courses", "course.md"), index="course_catalogue", local="replace", script="catalogue.js")
