"""The portfolio's reference list (data/references.yml): cited from text as `[...](cite:<id>)`, listed by
the `bibliography()` macro, and at the end of every download that cites one."""

from __future__ import annotations

from pydantic import Field, model_validator

from ..base import Model
from ..kind import Kind
from ..text import Id, Markdown, Text, Url


class Reference(Model):
    """An entry of the portfolio's reference list; cited from text as `[...](cite:<id>)`."""

    id: Id = Field(description="The reference's id, lowercase words joined by hyphens (e.g. brandon-2008): text cites it with a link to cite:brandon-2008.")
    as_printed: Markdown | None = Field(None, description="The entry exactly as the portfolio prints it.")
    authors: Text = Field(description="The authors as the reference list gives them, e.g. Barnsdale, L. and Walker, M.; as_printed, when given, must hold them.")
    year: Text = Field(description="The year of publication, as text in quotes (e.g. \"2007\").")
    title: Text = Field(description="The work's title; the list shows it in italics (unless as_printed is given).")
    details: Markdown | None = Field(None, description="Optional: what follows the title, e.g. its publisher (Edinburgh: Scottish Executive.).")
    listed: bool = Field(True, description="false: the portfolio's text cites it but its reference list does not give it; the site says so under the entry.")
    url: Url | None = Field(None, description="Optional: the address (https://...) the portfolio's text links to, shown under an entry with listed: false.")

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
