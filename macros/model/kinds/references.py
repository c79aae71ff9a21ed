"""The portfolio's reference list (data/references.yml): cited from text as `[...](cite:<id>)`, listed by
the `bibliography()` macro, and at the end of every download that cites one."""

from __future__ import annotations

from pydantic import Field, model_validator

from ..base import Model
from ..kind import Kind
from ..text import Id, Markdown, Text, Url


class Reference(Model):
    """An entry of the portfolio's reference list; cited from text as `[...](cite:<id>)`."""

    id: Id
    as_printed: Markdown | None = Field(None, description="The entry exactly as the portfolio prints it.")
    authors: Text
    year: Text
    title: Text
    details: Markdown | None = None
    listed: bool = True
    url: Url | None = None

    @model_validator(mode="after")
    def _printed_matches_fields(self) -> Reference:
        if self.as_printed:
            printed = self.as_printed.replace("*", "")
            for name in ("authors", "year", "title"):
                value = getattr(self, name).replace("*", "").rstrip(",. ")
                if value not in printed:
                    raise ValueError(f"as_printed does not contain the {name} '{value}'")
        return self


KIND = Kind("references", Reference, "reference", "references", rank=100, index="bibliography", cited=True)
