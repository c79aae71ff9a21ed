"""The site's menu, made from data/book.yml (mkdocs' `nav`), and the pages the build makes for a kind that no
prose page lists (its index macro, on a page of its own at <folder>/index.md)."""

from __future__ import annotations

from mkdocs.structure.files import File

from ..model.kinds import BY_NAME


def menu(book) -> list[dict]:
    """mkdocs' nav: each item of the book's menu, a page or a group of pages, under its title."""
    return [{item.title: item.page} if item.page else {item.title: [{page.title: page.page} for page in item.pages]} for item in book.menu]


def listing_pages(config, prose) -> list[File]:
    """A page for each kind that no prose page lists, holding its title and its index macro."""
    return [File.generated(config, src, content=f"# {prose.titles[src]}\n\n{{{{ {BY_NAME[name].index}() }}}}\n") for src, name in prose.generated.items()]
