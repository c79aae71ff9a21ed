"""The whole-portfolio page in a build: its Parts from the navigation, its body once every page is built."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from ..model.registry import KINDS
from ..render.pages import NOT_PRINTED, PRINT_PAGE
from ..render.print_html import BODY_MARKER, PrintPageError, PrintPart, print_body, write_print_page
from .state import BuildState


def _pages(item) -> Iterator:
    if getattr(item, "is_page", False):
        yield item
    for child in getattr(item, "children", None) or []:
        yield from _pages(child)


def print_parts(nav, state: BuildState) -> list[PrintPart]:
    """The Parts in navigation order; after an index page come the entries it lists (registry: printed_after)."""
    after: dict[str, list] = {}
    for kind in KINDS:
        if kind.printed_after:
            after.setdefault(kind.printed_after, []).append(kind)
    parts = []
    for item in nav.items:
        pages = []
        for page in _pages(item):
            src = page.file.src_uri
            if src in NOT_PRINTED:
                continue
            pages.append(src)
            for kind in after.get(src, []):
                pages.extend(kind.src(kind.key_of(entry)) for entry in getattr(state.data, kind.name))
        if pages:
            parts.append(PrintPart(item.title, f"print-part-{len(parts) + 1}", pages))
    return parts


class WholePortfolio:
    """Marks where the body goes when mkdocs converts the page; writes it once every page is built."""

    def __init__(self, parts: list[PrintPart]):
        self.parts = parts
        self.page: Page | None = None
        self.files: Files | None = None

    def mark(self, html: str, page: Page, files: Files) -> str:
        if page.file.src_uri != PRINT_PAGE:
            return html
        self.page, self.files = page, files
        return html + BODY_MARKER

    def write(self, state: BuildState) -> None:
        if self.page is None or self.files is None:  # not converted in this build (mkdocs serve --dirty)
            return
        files = self.files

        def page_for(src: str):
            file = files.get_file_from_path(src)
            return file.page if file else None

        try:
            write_print_page(Path(self.page.file.abs_dest_path), print_body(state.env, self.parts, page_for, self.page.url))
        except PrintPageError as exc:
            raise PluginError(str(exc)) from None
