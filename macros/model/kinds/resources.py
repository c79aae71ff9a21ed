"""Part Six's additional resources (data/resources.yml): a page each at /resources/<id>/ and the resources
table (`resource_table()`); a committee adds or replaces its own in data/local/."""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import BeforeValidator, Field, model_validator

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
    """What replaces an out-of-date resource from outside the portfolio: its address, and what it is called."""

    title: Text = Field(description="What the newer resource is called, as the link's words.")
    url: Url = Field(description="Its address, starting https://.")


def _address_alone(value: Any) -> Any:
    """`superseded_by: https://...` alone is an address, named by itself; any other text is a resource's id."""
    if isinstance(value, str) and "://" in value:
        return {"title": value, "url": value}
    return value


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
    superseded_by: Annotated[Id | Supersession | None, BeforeValidator(_address_alone)] = Field(
        None, description="What replaces this resource: the id of another resource, or for something outside the portfolio "
                          "its address (https://...), or title: and url: for an address with a name.")
    archived: bool = False
    tags: list[Tag] = []


KIND = Kind("resources", Resource, "resource", "resources", rank=90, links={"reference": REFERENCES.name, "superseded_by": "resources"},
            pages=EntryPages("resources", "resource.md"), index="resource_table", local="replace")
