"""The front matter a `content/` page may have: every field it may hold, checked like the data's own.

The theme writes front matter into every page's HTML without escaping it (a `subtitle` in the menu, an
`author` in a meta tag), and picks page templates and icons by it, so no field is let through unread:
a field not listed here is an error at its line, with the fields a page may hold.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

from .base import Day
from .text import Text
from .vocab import Tag

Hidden = Literal["navigation", "toc", "footer", "path", "tags"]


class SearchFields(BaseModel):
    """How search treats the page."""

    model_config = ConfigDict(extra="forbid", frozen=True, strict=True)

    boost: Annotated[float, Field(ge=0, le=100, strict=False)] | None = Field(None, description="How the page ranks against others that match as well (1: as usual; 0.1: below the pages it lists)")
    exclude: bool = Field(False, description="true: search leaves the page out")


class PageFields(BaseModel):
    """The front matter of a prose page."""

    model_config = ConfigDict(extra="forbid", frozen=True, strict=True)

    title: Text | None = Field(None, description="The page's title in the menu and the browser's tab, when it is not the page's first heading.")
    description: Text | None = Field(None, description="One sentence about the page, for search engines.")
    reviewed: Day | None = Field(None, description="When the page was last reviewed (YYYY-MM-DD).")
    review_due: Day | None = Field(None, description="When the page is next due for review (YYYY-MM-DD); past it, the page shows a banner.")
    version: Text | None = Field(None, description="The page's own version, if it has one.")
    keywords: list[Text] = Field([], description="Words practitioners use for this page that its text does not; the site's additions, for search only.")
    tags: list[Tag] = Field([], description="Themes the page belongs to (the Themes page lists them).")
    needs: str | None = Field(None, description="The kind of entries the page lists (e.g. contacts): with none, it stays out of the menu and search.")
    pdf: Annotated[str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9-]*\.pdf$")] | None = Field(
        None, description="The page is printed to a PDF of its own by ./run pdf, under this name (lowercase letters, digits and hyphens, then .pdf).")
    hide: list[Hidden] = Field([], description="Parts of the page's frame to hide: navigation, toc (its contents), footer, path, tags.")
    search: SearchFields | None = Field(None, description="How search treats the page: boost, exclude.")
    render_macros: bool | None = Field(None, description="false: the page's {{ ... }} is shown as text, not run as macros.")
