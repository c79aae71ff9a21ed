"""The site's change log (data/changelog.yml), newest first on the "What's changed" page (`changelog()`)."""

from __future__ import annotations

from pydantic import Field

from ..base import Day, Model
from ..kind import Kind
from ..text import Markdown, Text


class ChangeEntry(Model):
    """One line of the 'What's changed' page."""

    date: Day = Field(description="The day of the change (YYYY-MM-DD); the page shows the newest first.")
    version: Text | None = Field(None, description="Optional: the site's version this change belongs to (e.g. 1.0), shown after the date.")
    changes: list[Markdown] = Field(min_length=1, description="What changed, at least one item (Markdown), shown as bullet points under the date.")


KIND = Kind("changelog", ChangeEntry, "change", "changes", rank=130, key=None, index="changelog",
            sort_key=lambda change: change.date, newest_first=True)
