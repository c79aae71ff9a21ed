"""The site's change log (data/changelog.yml), newest first on the "What's changed" page (`changelog()`)."""

from __future__ import annotations

from pydantic import Field

from ..base import Day, Model
from ..kind import Kind
from ..text import Markdown, Text


class ChangeEntry(Model):
    """One line of the 'What's changed' page."""

    date: Day
    version: Text | None = None
    changes: list[Markdown] = Field(min_length=1)


KIND = Kind("changelog", ChangeEntry, "change", "changes", rank=130, key=None, index="changelog",
            sort_key=lambda change: change.date, newest_first=True)
