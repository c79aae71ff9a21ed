"""Part One's lists (data/factor_lists.yml): what underlies resistance, when it manifests; each placed on a
prose page by `factor_list('<id>')`."""

from __future__ import annotations

from pydantic import Field

from ..base import Model
from ..kind import Kind
from ..text import Id, Markdown, Text


class FactorList(Model):
    """A list from Part One (what underlies resistance, when it manifests), placed on a prose page."""

    id: Id = Field(description="The list's id, lowercase words joined by hyphens: a page places the list with factor_list('<id>').")
    title: Text = Field(description="The list's name, e.g. Broader circumstances.")
    items: list[Markdown] = Field(min_length=1, description="The list's items, at least one, each as the portfolio gives it (Markdown); shown as bullet points.")


KIND = Kind("factor_lists", FactorList, "factor list", "factor lists", rank=30, placed_by="factor_list")
