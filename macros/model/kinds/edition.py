"""The edition the committee publishes (data/edition.yml; data/local/edition.yml changes only what differs):
its version, when it was published, who approved it, when it was last reviewed and is next due. The home
page shows it (`edition()`), so do every page's footer, the printed portfolio and the Word and PowerPoint
covers; once `review_due` has passed, every page says the site is due for review."""

from __future__ import annotations

from collections.abc import Iterator

from pydantic import Field

from ..base import Day, Loc, Model
from ..kind import Kind
from ..text import Text


class PublishedEdition(Model):
    """One edition of the site: what the committee approves each year."""

    version: Text = Field(description="The edition's number, e.g. 1.1: give each edition the committee approves a new one.")
    published: Day = Field(description="The day this edition was published (YYYY-MM-DD).")
    approved_by: Text | None = Field(None, description="Who approved this edition, e.g. Riverside Child Protection Committee, 3 March 2027.")
    reviewed: Day | None = Field(None, description="When the edition as a whole was last reviewed (YYYY-MM-DD).")
    review_due: Day | None = Field(None, description="When the edition is next due for review (YYYY-MM-DD): after it, every page says so.")

    def problems(self) -> Iterator[tuple[Loc, str]]:
        if self.review_due and self.review_due <= self.published:
            yield ("review_due",), f"the next review ({self.review_due.isoformat()}) must come after the edition was published ({self.published.isoformat()})"


KIND = Kind("edition", PublishedEdition, "edition", "edition details", rank=155, single=True, key=None, local="merge", placed_by="edition")
