"""Part Six's additional resources (data/resources.yml): a page each at /resources/<id>/ and the resources
table (`resource_table()`); a committee adds or replaces its own in data/local/."""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import BeforeValidator, Field, model_validator

from ..base import Model, Overlayable
from ..kind import EntryPages, Kind
from ..text import Id, Markdown, Text, Url
from ..vocab import TAGS_HELP, Tag
from .references import KIND as REFERENCES


class Availability(Model):
    url: Url | None = Field(None, description="A web address where it is found (https://...), shown as a link.")
    contact: Text | None = Field(None, description="Who to contact for it, e.g. a name and a phone number (one line).")
    note: Text | None = Field(None, description="Any other note on where to find it (one line).")

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

    id: Id = Field(description="The resource's id, lowercase words joined by hyphens: its page's address, /resources/<id>/.")
    title: Text = Field(description="The resource's title, shown as its page's heading and in the resources table.")
    type: Text = Field(description="What kind of resource it is, e.g. On-line factsheet (approx 5 pages): shown as Type of Resource.")
    author: Text = Field(description="Who wrote or published it, e.g. NSPCC: shown as Author / Publisher.")
    available_from: list[Availability] = Field(min_length=1, description="Where to get it, at least one: each a url, a contact or a note. Shown as Available From.")
    description: Markdown = Field(description="What the resource is, as the portfolio describes it (Markdown), under Description.")
    date_published: Text = Field(description="When it was published, as text in quotes (e.g. \"2010\"): shown as Date Published.")
    reference: Id | None = Field(None, description="Optional: the id of the same work in references.yml; its page and the reference list link to each other.")
    page: Text | None = Field(None, description="Optional: a page of this site that holds it, by its file from content/ (e.g. c4eo-summary.md): "
                                                "its page links there (Read it on this site).")
    superseded_by: Annotated[Id | Supersession | None, BeforeValidator(_address_alone)] = Field(
        None, description="What replaces this resource: the id of another resource, or for something outside the portfolio "
                          "its address (https://...), or title: and url: for an address with a name.")
    archived: bool = Field(False, description="true: kept for reference but no longer current; its page and the table say Archived.")
    tags: list[Tag] = Field([], description=TAGS_HELP)


KIND = Kind("resources", Resource, "resource", "resources", rank=90, links={"reference": REFERENCES.name, "superseded_by": "resources"},
            pages=EntryPages("resources", "resource.md"), index="resource_table", local="replace")
