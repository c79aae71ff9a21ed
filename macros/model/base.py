"""What every data model shares: strictness, review fields, and the local-overlay flag."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field

from .text import Id, Text

Loc = tuple[str | int, ...]


class Model(BaseModel):
    """Base for every data model: strict, immutable, unknown keys refused."""

    model_config = ConfigDict(extra="forbid", frozen=True, strict=True)

    def problems(self) -> Iterator[tuple[Loc, str]]:
        """Checks across fields that can fail in several places at once, each (field path, reason).

        A validator can raise only one error; checks that should all be reported in one run
        (every unreadable colour pair, say) yield them here, and the loader reports each.
        """
        return iter(())


# Dates may be written bare (2027-03-31) or quoted ("2027-03-31").
Day = Annotated[date, Field(strict=False)]


class Governed(Model):
    """What every entry readers meet may carry: review fields a committee governs (a page past
    `review_due` shows a banner), and search keywords."""

    reviewed: Day | None = Field(None, description="When the committee last reviewed this entry; shown on its page.")
    review_due: Day | None = Field(None, description="When it is next due for review: after this date its page shows a banner.")
    version: Text | None = Field(None, description="The entry's version, in the committee's words (e.g. 1.1); shown on its page.")
    keywords: list[Text] = Field(
        [],
        description="Words practitioners use for this entry that its text does not (abbreviations, everyday words). "
        "The site's additions, never shown as the portfolio's text: search alone uses them.",
    )


class Lasting(Governed):
    """An entry with a page of its own: its address is printed, QR-coded and bookmarked, so it is withdrawn
    (its page kept, with a notice), never deleted."""

    withdrawn: Day | None = Field(None, description="The day it was withdrawn (YYYY-MM-DD). Its page stays, with a notice, so printed and "
                                  "saved addresses still answer; it leaves the lists and the printed portfolio, and search ranks it last. "
                                  "Withdraw a published entry; never delete it.")
    replaced_by: Id | None = Field(None, description="The id of the entry of the same kind that replaces it: the withdrawn page's notice links to it.")

    def problems(self) -> Iterator[tuple[Loc, str]]:
        yield from super().problems()
        if self.replaced_by and not self.withdrawn:
            yield ("replaced_by",), "only a withdrawn entry is replaced: add withdrawn: YYYY-MM-DD (the day it was withdrawn), or remove replaced_by"
        if self.replaced_by and self.replaced_by == getattr(self, "id", None):
            yield ("replaced_by",), "an entry cannot replace itself: give the id of the entry that replaces it"


class Overlayable(Lasting):
    """Kinds a committee may replace in `data/local/`: `replaces: true` swaps a core entry for its own."""

    replaces: bool = Field(False, description="true: this entry of data/local/ replaces the core entry with the same id.")
