"""Part Four's Learning and Development courses (data/courses.yml): a page each at /courses/<id>/, the
catalogue (`course_catalogue()`, filtered by its script); a committee adds or replaces its own in data/local/."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from pydantic import Field

from ..base import Day, Loc, Model, Overlayable
from ..kind import EntryPages, Kind
from ..text import Email, Id, Markdown, Text, Url
from ..vocab import TAGS_HELP, Audience, Length, Tag, date_range
from .resistance_types import KIND as BEHAVIOURS
from .resistance_types import ListBlock
from .tools import KIND as TOOLS


class Contact(Model):
    name: Text | None = Field(None, description="Optional: who to contact, shown under How to book and Contact details.")
    role: Text | None = Field(None, description="Optional: their role, shown after the name.")
    organisation: Text | None = Field(None, description="Optional: their organisation, shown after the name and role.")
    address: list[Text] = Field([], description="Optional: a postal address, one line per item, shown under Contact details.")
    phone: Text | None = Field(None, description="Optional: a phone number, as free text; its first number becomes a tap-to-call link.")
    email: Email | None = Field(None, description="Optional: an email address, shown as a mail link.")
    url: Url | None = Field(None, description="Optional: a web address (https://...), e.g. the provider's site, shown as a link.")


class CourseVariant(Model):
    name: Text = Field(description="The variant's name, shown as a heading under Additional information / courses, with its length.")
    length: Length = Field(description="Its length, from the site's list (e.g. 1 day); the catalogue's length filter finds the course by it too.")
    description: Markdown | None = Field(None, description="Optional: what the variant covers (Markdown).")


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
    outro: Markdown | None = Field(None, description="Optional: text after the list of outcomes (Markdown).")


class Course(Overlayable):
    """A training course from Part Four's Learning and Development; gets a page at /courses/<id>/."""

    id: Id = Field(description="The course's id, lowercase words joined by hyphens: its page's address, /courses/<id>/. "
                               "A course in data/local/ with replaces: true takes the id of the course it replaces.")
    provider: Text = Field(description="Who runs the course, e.g. Reconstruct: shown on its page, and a filter of the catalogue.")
    title: Text = Field(description="The course's title, shown as its page's heading and in the catalogue.")
    format: Text = Field(description="How the course is given, in the provider's words, e.g. 2 day training: shown as Format and length.")
    length: Length = Field(description="Its length, from the site's list (e.g. 2 days), for the catalogue's length filter.")
    audience: list[Audience] = Field(min_length=1, description="Who it is for, at least one, from the site's list (e.g. [frontline, multi-agency]): "
                                                               "shown as Audience, and a filter of the catalogue.")
    description: Markdown = Field(description="The course's description as its provider gives it (Markdown), under Course description.")
    learning_outcomes: LearningOutcomes = Field(description="The learning outcomes: an optional intro, the items and optional closing text, under Learning outcomes.")
    target_audience: Markdown = Field(description="Who the course is for, in words (Markdown), under Target audience.")
    additional_information: Markdown | None = Field(None, description="Optional: anything else, e.g. options for delivery (Markdown), "
                                                                      "under Additional information / courses.")
    variants: list[CourseVariant] = Field([], description="Optional: other versions of the course, each with its name, length and description.")
    contact: Contact = Field(description="Who to contact to book or ask about it: shown under How to book and Contact details.")
    sessions: list[CourseSession] = Field([], description="The course's dates: each a day or days, a venue, and optionally its places and a booking note. "
                                          "Sessions that have ended are left out when the site is built; a course with none to come says how to ask.")
    tools: list[Id] = Field([], description="Part Five's tools it teaches, by their ids in tools.yml (e.g. [motivational-interviewing]): "
                                             "the site's own links, shown on both pages.")
    addresses: list[Id] = Field([], description="The behaviours it addresses, by their ids in resistance_types.yml: the site's own links, shown on both pages.")
    tags: list[Tag] = Field([], description=TAGS_HELP)

    def upcoming(self, today: str) -> list[CourseSession]:
        """The sessions not yet over on `today` (the build's day, YYYY-MM-DD), soonest first."""
        return sorted((s for s in self.sessions if s.last_day.isoformat() >= today), key=lambda s: s.first_day)


KIND = Kind("courses", Course, "course", "courses", rank=60, links={"addresses": BEHAVIOURS.name, "tools": TOOLS.name},
            pages=EntryPages("courses", "course.md"), index="course_catalogue", local="replace", script="catalogue.js")
