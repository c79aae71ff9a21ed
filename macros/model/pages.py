"""The front-matter fields of a `content/` page that the site reads (mkdocs reads the rest)."""

from __future__ import annotations

from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

from .base import Day
from .text import Text


class PageFields(BaseModel):
    """Review fields and search keywords of a prose page, checked like the data's own."""

    model_config = ConfigDict(extra="ignore", frozen=True, strict=True)

    title: Text | None = Field(None, description="The page's title in the menu and the browser's tab, when it is not the page's first heading.")
    description: Text | None = Field(None, description="One sentence about the page, for search engines.")
    reviewed: Day | None = None
    review_due: Day | None = None
    keywords: list[Text] = Field([], description="Words practitioners use for this page that its text does not; the site's additions, for search only.")
    needs: str | None = Field(None, description="The kind of entries the page lists (e.g. contacts): with none, it stays out of the menu and search.")
    pdf: Annotated[str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9-]*\.pdf$")] | None = Field(
        None, description="The page is printed to a PDF of its own by ./run pdf, under this name (lowercase letters, digits and hyphens, then .pdf).")
