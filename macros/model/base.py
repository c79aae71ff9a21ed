"""What every data model shares: strictness, review fields, and the local-overlay flag."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field

from .text import Text

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

    reviewed: Day | None = None
    review_due: Day | None = None
    version: Text | None = None
    keywords: list[Text] = Field(
        [],
        description="Words practitioners use for this entry that its text does not (abbreviations, everyday words). "
        "The site's additions, never shown as the portfolio's text: search alone uses them.",
    )


class Overlayable(Governed):
    """Kinds a committee may replace in `data/local/`: `replaces: true` swaps a core entry for its own."""

    replaces: bool = False
