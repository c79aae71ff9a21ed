"""The print pages written: the contents and every printed page's HTML (print_html.py) put into each print
page's built file, a piece at a time, so the whole portfolio is never held in memory as one string (20 MB
of text, several copies, at 5,000 entries). Each printed page is prepared once, for the whole portfolio and
then its Part's own print page.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from jinja2 import Environment
from markupsafe import Markup

from .print_html import PreparedPage, PrintDocument, PrintPageError, heading_text, page_anchor, prepare_page

BODY_TEMPLATE = "print_body.html"
# Where the body goes in the built page: see write_print_page.
BODY_MARKER = "<!-- wwr-print-body -->"


def print_body(env: Environment, document: PrintDocument, page_for: Callable[[str], object], print_url: str,
               shared: PreparedPages | None = None) -> Iterator[str]:
    """The contents and every Part of a print page, as HTML, a piece at a time.

    `page_for(src)` is the built page of a source path (with `.title`, `.url` and `.content`,
    its converted HTML). The pieces are written straight to the file, so the whole portfolio is
    never held in memory as one string (20 MB of text, several copies, at 5,000 entries). Pages
    already prepared for another print page are taken from `shared`.
    """
    pages = {src: page_for(src) for src in document.pages}
    missing = [src for src, page in pages.items() if page is None or getattr(page, "content", None) is None]
    if missing:
        raise PrintPageError(f"The printed portfolio needs every page converted first; {', '.join(missing[:3])} was not.")
    inside = {pages[src].url: page_anchor(src) for src in document.pages}
    openings = {part.opening for part in document.parts}
    # A Part's pages sit one level under its heading; the entries printed after a section, one more; those printed
    # in a group of the committee's own, one more again, under the group's heading.
    down = {src: (1 if section == part.opening else 2) + (src in part.groups)
            for part in document.parts for section, entries in part.sections for src in entries}
    groups = {src: group for part in document.parts for src, group in part.groups.items()}
    shared = shared if shared is not None else PreparedPages()

    def prepare(src: str) -> PreparedPage:
        page = pages[src]
        return prepare_page(page.content, page.url, page_anchor(src), opening=src in openings, down=down.get(src, 1))

    def html_of(src: str) -> Markup:
        return shared.get(src, prepare).for_document(print_url, inside)

    titles = {src: shared.title(src, page) for src, page in pages.items()}
    return env.get_template(BODY_TEMPLATE).generate(document=document, title_of=titles.__getitem__, anchor=page_anchor, html_of=html_of,
                                                    group_of=groups.get, level_of=lambda src: down.get(src, 1))


class PreparedPages:
    """Pages prepared for one print page, kept for the next one that prints them (a Part's, after the whole
    portfolio's) and let go once it is written; and their titles."""

    def __init__(self):
        self.held: dict[str, PreparedPage] = {}
        self.last: str | None = None  # the page prepared or taken last
        self.titles: dict[str, str] = {}  # each page's, as the contents lists it: short, so all are kept

    def title(self, src: str, page) -> str:
        found = self.titles.get(src)
        if found is None:
            found = self.titles[src] = heading_text(page.content, page.title or "")
        return found

    def get(self, src: str, prepare: Callable[[str], PreparedPage]) -> PreparedPage:
        found = self.held.get(src)
        if found is None:
            found = self.held[src] = prepare(src)
        self.last = src
        return found

    def let_go(self, pages: list[str]) -> None:
        for src in pages:
            self.held.pop(src, None)


@dataclass(frozen=True)
class PrintJob:
    """A print page to write: its document, its built file and its address."""

    document: PrintDocument
    path: Path
    url: str


def write_print_pages(env: Environment, jobs: list[PrintJob], page_for: Callable[[str], object]) -> None:
    """Write every print page, preparing each printed page once. The whole portfolio is written first, and
    each Part's own print page as soon as the whole portfolio is past that Part, from the pages prepared for
    it, which are then let go: one Part's pages are held at a time, never the whole portfolio's."""
    shared = PreparedPages()
    book = next((job for job in jobs if job.document.book), None)
    order = {part.slug: index for index, part in enumerate(book.document.parts)} if book else {}
    waiting = sorted((job for job in jobs if not job.document.book), key=lambda job: order.get(job.document.parts[0].slug, len(order)))

    def parts_past(position: int) -> None:
        while waiting and order.get(waiting[0].document.parts[0].slug, len(order)) < position:
            job = waiting.pop(0)
            write_print_page(job.path, print_body(env, job.document, page_for, job.url, shared))
            shared.let_go(job.document.pages)

    if book:
        part_of = {src: index for index, part in enumerate(book.document.parts) for src in part.pages}

        def book_then_parts() -> Iterator[str]:
            for piece in print_body(env, book.document, page_for, book.url, shared):
                yield piece
                parts_past(part_of.get(shared.last, -1))

        write_print_page(book.path, book_then_parts())
    parts_past(len(order) + 1)


def write_print_page(path: Path, body: Iterator[str]) -> None:
    """Put the body in place of the marker in the built page, via a temp file (never half-written)."""
    before, marker, after = path.read_text(encoding="utf-8").partition(BODY_MARKER)
    if not marker:
        raise PrintPageError(f"{path}: the print page lost its body marker; a template or plugin removed it.")
    partial = path.with_name(path.name + ".partial")
    with partial.open("w", encoding="utf-8") as out:
        out.write(before)
        for piece in body:
            out.write(piece)
        out.write(after)
    partial.replace(path)
