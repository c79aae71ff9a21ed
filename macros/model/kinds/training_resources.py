"""Training resources (data/training_resources.yml): frameworks and animations listed with the courses
(`training_resource_index()`), a page each at /training-resources/<id>/."""

from __future__ import annotations

from pydantic import Field

from ..base import Lasting
from ..kind import EntryPages, Kind
from ..text import Id, Markdown, Text, Url
from ..vocab import TAGS_HELP, Tag


class TrainingResource(Lasting):
    """A training resource (framework, animation) listed with the courses."""

    id: Id = Field(description="The resource's id, lowercase words joined by hyphens: its page's address, /training-resources/<id>/.")
    title: Text = Field(description="The resource's title, shown as its page's heading and in the list.")
    description: Markdown = Field(description="What it is, as the portfolio gives it (Markdown).")
    url: Url = Field(description="Where it is found (https://...), shown as Available at.")
    tags: list[Tag] = Field([], description=TAGS_HELP)


KIND = Kind("training_resources", TrainingResource, "training resource", "training resources", rank=70,
            pages=EntryPages("training-resources", "training_resource.md"), index="training_resource_index")
