"""The site's structure (data/book.yml): its menu, which of the menu's items are Parts of the printed
portfolio (a book with a page for each Part, and a PDF each), where each kind's entry pages print, and the
pages the footer and an offline copy link to. No page path is written in the code: it is all here.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Annotated

from pydantic import Field, StringConstraints, model_validator

from ..base import Loc, Model
from ..kind import Kind
from ..text import Id, Text, check_section

Page = Annotated[str, StringConstraints(max_length=200), Field(description="A page of content/, by its file from content/ (e.g. part-one/index.md), or one the build makes")]
PdfName = Annotated[str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9-]*\.pdf$")]


class MenuPage(Model):
    """A page in the menu: its title there, its file, and the kind whose entry pages print after it."""

    title: Text = Field(description="Its title in the menu, e.g. Resistant behaviours; a group's title heads its pages.")
    page: Page
    entries: list[Annotated[str, StringConstraints(max_length=80)]] = Field([], description="Kinds of data (e.g. [case_studies]) whose entries' own pages are printed after this page, in this order")
    printed: bool = Field(True, description="false: the page is in its Part's menu but not in the printed portfolio")


class MenuItem(MenuPage):
    """A top-level item of the menu: a page, or a group of pages. With `part`, it is a Part of the printed
    portfolio, printed on its own too (print/<part>/, <part>.pdf); with `number`, the Part's number."""

    page: Page | None = Field(None, description="The item's page, when it is one page: its file from content/ (e.g. introduction.md). Give page or pages.")  # type: ignore[assignment]
    pages: list[MenuPage] = Field([], description="The item's pages, when it is a group under its title: each with a title and a page.")
    part: Id | None = Field(None, description="Makes this item a Part of the printed portfolio, with this name in its addresses: print/<part>/, <part>.pdf")
    number: int | None = Field(None, ge=1, le=99, description="The Part's number, as key messages name it (part: 3)")

    @model_validator(mode="after")
    def _a_page_or_pages(self) -> MenuItem:
        if bool(self.page) == bool(self.pages):
            raise ValueError("give either page (one page) or pages (a group of pages)")
        return self

    @property
    def all_pages(self) -> list[MenuPage]:
        return [self] if self.page else list(self.pages)


class Footer(Model):
    accessibility: Page | None = Field(None, description="The accessibility statement, linked from every page's footer")
    offline: Page | None = Field(None, description="The page where readers save the site for offline use, linked from every page's footer")


class Book(Model):
    """The menu, the printed portfolio and the site's own pages."""

    menu: list[MenuItem] = Field(min_length=1, description="The site's menu, in order, at least one item: each a page, or a group of pages under a title.")
    print_page: Page = Field(description="The whole portfolio to print, made by the build; each Part's is print/<part>.md")
    pdf: PdfName = Field(description="The whole portfolio's PDF (./run pdf)")
    footer: Footer = Field(Footer(), description="The pages every page's footer links to: the accessibility statement and the offline page.")
    not_saved_page: Page | None = Field(None, description="Where an offline copy sends a reader who opens a page it does not hold")

    def pages(self) -> Iterator[tuple[Loc, str]]:
        """Every page the book names, with its field path, for the loader to check that each is there."""
        for index, item in enumerate(self.menu):
            if item.page:
                yield ("menu", index, "page"), item.page
            for number, page in enumerate(item.pages):
                yield ("menu", index, "pages", number, "page"), page.page
        yield ("print_page",), self.print_page
        optional = [(("footer", "accessibility"), self.footer.accessibility), (("footer", "offline"), self.footer.offline), (("not_saved_page",), self.not_saved_page)]
        yield from ((loc, page) for loc, page in optional if page)

    def problems(self) -> Iterator[tuple[Loc, str]]:
        """Page files written wrongly, and two Parts with one name or number."""
        for loc, page in self.pages():
            try:
                check_section(page)
            except ValueError as exc:
                yield loc, str(exc)
        for field in ("part", "number"):
            seen: dict = {}
            for index, item in enumerate(self.menu):
                value = getattr(item, field)
                if value is not None and value in seen:
                    yield ("menu", index, field), f"{field} {value!r} is already given to menu[{seen[value]}]"
                seen.setdefault(value, index)

    @property
    def parts(self) -> list[MenuItem]:
        return [item for item in self.menu if item.part]

    def part_print_page(self, part: str) -> str:
        """The source path of one Part's own print page: print/part-one.md, at print/part-one/."""
        return f"{self.print_page.removesuffix('.md')}/{part}.md"


KIND = Kind("book", Book, "book", "books", rank=170, single=True, key=None)
