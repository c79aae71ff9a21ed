"""Training resources (data/training_resources.yml): frameworks and animations listed with the courses
(`training_resource_index()`), a page each at /training-resources/<id>/."""

from __future__ import annotations

from ..base import Lasting
from ..kind import EntryPages, Kind
from ..text import Id, Markdown, Text, Url
from ..vocab import Tag


class TrainingResource(Lasting):
    """A training resource (framework, animation) listed with the courses."""

    id: Id
    title: Text
    description: Markdown
    url: Url
    tags: list[Tag] = []


KIND = Kind("training_resources", TrainingResource, "training resource", "training resources", rank=70,
            pages=EntryPages("training-resources", "training_resource.md"), index="training_resource_index")
