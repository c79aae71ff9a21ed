"""Part Four's Learning and Development courses (data/courses.yml): a page each at /courses/<id>/, the
catalogue (`course_catalogue()`, filtered by its script); a committee adds or replaces its own in data/local/."""

from __future__ import annotations

from pydantic import Field

from ..base import Model, Overlayable
from ..kind import EntryPages, Kind
from ..text import Email, Id, Markdown, Text, Url
from ..vocab import Audience, Length, Tag
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


KIND = Kind("courses", Course, "course", "courses", rank=60, links={"addresses": BEHAVIOURS.name, "tools": TOOLS.name},
            pages=EntryPages("courses", "course.md"), index="course_catalogue", local="replace", script="catalogue.js")
