"""The printed portfolio in a build: its Parts (data/book.yml), and the bodies of its print pages (the whole
portfolio, and each Part on its own) once every page is built."""

from __future__ import annotations

from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from ..model.kinds import BY_NAME
from ..render.print_html import PrintDocument, PrintGroup, PrintPageError, PrintPart, page_anchor
from ..render.print_writing import BODY_MARKER, PrintJob, write_print_pages
from .state import BuildState


def print_parts(state: BuildState, empty: frozenset[str]) -> list[PrintPart]:
    """The book's Parts (data/book.yml), each with its pages in order, its opening page first; after a page come
    the entry pages of the kinds the book prints there; a page with nothing to show yet is left out. A kind whose
    committee's own entries are listed apart (Kind.apart) prints them after the portfolio's, under the committee's name."""
    parts = []
    for item in state.project.book.parts:
        sections, groups = [], {}
        for page in item.all_pages:
            if page.printed and page.page not in empty:
                entries = []
                for name in page.entries:
                    kind, given = BY_NAME[name], getattr(state.data, name)
                    own = [entry for entry in given if kind.apart and state.data.is_local(name, kind.key_of(entry))]
                    entries += [kind.src(kind.key_of(entry)) for entry in given if entry not in own]
                    if own:
                        group = PrintGroup(f"{state.data.site.committee_name}'s {kind.plural}", f"print-group--{page_anchor(kind.src(kind.key_of(own[0])))}")
                        groups.update({kind.src(kind.key_of(entry)): group for entry in own})
                        entries += [kind.src(kind.key_of(entry)) for entry in own]
                sections.append((page.page, entries))
        parts.append(PrintPart(item.part, sections, groups))
    return parts


def print_documents(parts: list[PrintPart], print_page: str, part_print_page) -> list[PrintDocument]:
    """The whole portfolio, then each Part on its own."""
    return [PrintDocument(print_page, parts, book=True)] + [PrintDocument(part_print_page(part.slug), [part], book=False) for part in parts]


class PrintedPortfolio:
    """Marks where each print page's body goes when mkdocs converts it; writes them once every page is built."""

    def __init__(self, parts: list[PrintPart], book):
        self.documents = {document.src: document for document in print_documents(parts, book.print_page, book.part_print_page)}
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

        jobs = [PrintJob(self.documents[src], Path(page.file.abs_dest_path), page.url) for src, page in self.pages.items()]
        try:
            write_print_pages(state.env, jobs, page_for)
        except PrintPageError as exc:
            raise PluginError(str(exc)) from None
