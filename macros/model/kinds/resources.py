"""Part Six's additional resources (data/resources.yml): a page each at /resources/<id>/ and the resources
table (`resource_table()`); a committee adds or replaces its own in data/local/."""

from __future__ import annotations

from pydantic import Field, model_validator

from ..base import Model, Overlayable
from ..kind import EntryPages, Kind
from ..text import Id, Markdown, Text, Url
from ..vocab import Tag
from .references import KIND as REFERENCES


class Availability(Model):
    url: Url | None = None
    contact: Text | None = None
    note: Text | None = None

    @model_validator(mode="after")
    def _something(self) -> Availability:
        if not (self.url or self.contact or self.note):
            raise ValueError("give a url, a contact or a note")
        return self


class Supersession(Model):
    """What replaces an out-of-date resource: a link, and what it is called."""

    title: Text
    url: Url


class Resource(Overlayable):
    """One of Part Six's additional resources; gets a page at /resources/<id>/."""

    id: Id
    title: Text
    type: Text
    author: Text
    available_from: list[Availability] = Field(min_length=1)
    description: Markdown
    date_published: Text
    reference: Id | None = None
    page: Text | None = None
    superseded_by: Supersession | None = None
    archived: bool = False
    tags: list[Tag] = []


KIND = Kind("resources", Resource, "resource", "resources", rank=90, links={"reference": REFERENCES.name},
            pages=EntryPages("resources", "resource.md"), index="resource_table", local="replace")
