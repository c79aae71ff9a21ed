"""The site's structure (data/book.yml) checked against the pages there are: every page it names is a page of
content/ or one the build makes, every kind whose entries it prints has pages, and the menu does not name a
page twice. Problems name the book's line, as any data's do."""

from __future__ import annotations

from collections.abc import Iterable

from ..model.kinds import BY_NAME
from .errors import DataProblem, did_you_mean
from .links import Located


def book_problems(book: Located, pages: Iterable[str], docs_name: str) -> list[DataProblem]:
    """`pages`: every page the site will have but the printed portfolio's, which the book itself names."""
    known = set(pages)
    printed = {book.entry.print_page} | {book.entry.part_print_page(part.part) for part in book.entry.parts}
    problems = []
    seen: dict[str, tuple] = {}
    for loc, page in book.entry.pages():
        if page not in known | printed:
            problems.append(book.source.problem(book.loc + loc, f"there is no page {docs_name}/{page}{did_you_mean(page, known)}"))
        if loc[0] == "menu" and page in seen:
            problems.append(book.source.problem(book.loc + loc, f"{page} is already in the menu, at {_path(seen[page])}"))
        seen.setdefault(page, loc)
    for index, item in enumerate(book.entry.menu):
        for number, page in enumerate(item.all_pages):
            where = ("menu", index) + (("pages", number) if item.pages else ())
            for position, name in enumerate(page.entries):
                kind = BY_NAME.get(name)
                if kind is None or not kind.pages:
                    with_pages = [k.name for k in BY_NAME.values() if k.pages]
                    problems.append(book.source.problem(book.loc + where + ("entries", position),
                                                        f"'{name}' is not a kind of data with a page for each entry{did_you_mean(name, with_pages)}"))
    return problems


def _path(loc: tuple) -> str:
    return "".join(f"[{part}]" if isinstance(part, int) else f".{part}" for part in loc).lstrip(".")
