"""The printed portfolio in a build: its Parts from the navigation, and the bodies of its print pages
(the whole portfolio, and each Part on its own) once every page is built."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from ..model.registry import KINDS
from ..render.pages import BOOK, NOT_PRINTED, PRINT_PAGE, part_print_page
from ..render.print_html import BODY_MARKER, PrintDocument, PrintPageError, PrintPart, print_body, write_print_page
from .state import BuildState


def _pages(item) -> Iterator:
    if getattr(item, "is_page", False):
        yield item
    for child in getattr(item, "children", None) or []:
        yield from _pages(child)


def print_parts(nav, state: BuildState) -> list[PrintPart]:
    """The book's Parts in navigation order: each top-level item holding an opening page of BOOK, its
    pages in order, the opening page first; after an index page come the entries it lists (registry:
    printed_after)."""
    after: dict[str, list] = {}
    for kind in KINDS:
        if kind.printed_after:
            after.setdefault(kind.printed_after, []).append(kind)
    parts = []
    for item in nav.items:
        sources = [page.file.src_uri for page in _pages(item)]
        opening = next((src for src in sources if src in BOOK), None)
        if opening is None:
            continue
        sections = []
        for src in [opening] + [src for src in sources if src != opening and src not in NOT_PRINTED]:
            entries = [kind.src(kind.key_of(entry)) for kind in after.get(src, []) for entry in getattr(state.data, kind.name)]
            sections.append((src, entries))
        parts.append(PrintPart(BOOK[opening], sections))
    missing = [src for src in BOOK if not any(part.opening == src for part in parts)]
    if missing:
        raise PluginError(f"The printed portfolio's Parts open with {', '.join(missing)}, which the navigation does not hold (macros/render/pages.py, BOOK).")
    return parts


def print_documents(parts: list[PrintPart]) -> list[PrintDocument]:
    """The whole portfolio, then each Part on its own."""
    return [PrintDocument(PRINT_PAGE, parts, book=True)] + [PrintDocument(part_print_page(part.slug), [part], book=False) for part in parts]


class PrintedPortfolio:
    """Marks where each print page's body goes when mkdocs converts it; writes them once every page is built."""

    def __init__(self, parts: list[PrintPart]):
        self.documents = {document.src: document for document in print_documents(parts)}
        self.pages: dict[str, Page] = {}
        self.files: Files | None = None

    def mark(self, html: str, page: Page, files: Files) -> str:
        if page.file.src_uri not in self.documents:
            return html
        self.pages[page.file.src_uri], self.files = page, files
        return html + BODY_MARKER

    def write(self, state: BuildState) -> None:
        files = self.files
        if files is None:  # not converted in this build (mkdocs serve --dirty)
            return

        def page_for(src: str):
            file = files.get_file_from_path(src)
            return file.page if file else None

        try:
            for src, page in self.pages.items():
                write_print_page(Path(page.file.abs_dest_path), print_body(state.env, self.documents[src], page_for, page.url))
        except PrintPageError as exc:
            raise PluginError(str(exc)) from None
