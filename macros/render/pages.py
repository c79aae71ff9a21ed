"""The generated pages: one per entry of each kind that has a folder, rendered from its template.

Rendered once per build, before any prose page, so their titles are known to every list
that links to them (the reference list's "Cited on", say).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any
from urllib.parse import urljoin

from jinja2 import Environment

from ..load import Project
from ..model.registry import ENTRY_PAGES, Kind
from .qr import qr_svg
from .templates import render

H1 = re.compile(r"^# (.+)$", re.MULTILINE)

# The opening page of each Part, for links such as key messages -> their Part.
PART_PAGES = {
    1: ("Part One: Definition, Descriptions and Drivers", "part-one/index.md"),
    2: ("Part Two: Case Studies", "case-studies/index.md"),
    3: ("Part Three: Impact", "part-three/index.md"),
    4: ("Part Four: Support", "part-four/index.md"),
    5: ("Part Five: What Works? Tools and Tips", "part-five/index.md"),
    6: ("Part Six: Additional Resources", "resources/index.md"),
}
BIBLIOGRAPHY = "references/index.md"
PRINT_PAGE = "print.md"
# The printed portfolio (/print/, a book): the top-level items of the navigation that hold these opening
# pages, in this order. Each is a Part: it starts a page, its running head is its opening page's title,
# and it is printed on its own too, at print/<slug>/ (<slug>.pdf). The navigation's other items (the home
# page, "For trainers", "More") are the site's, not the portfolio's, and stay out of it.
BOOK = {
    "introduction.md": "introduction",
    "part-one/index.md": "part-one",
    "case-studies/index.md": "part-two",
    "part-three/index.md": "part-three",
    "part-four/index.md": "part-four",
    "part-five/index.md": "part-five",
    "resources/index.md": "part-six",
    "appendix/ready-reckoner.md": "appendix",
}
BOOK_PDF = "working-with-resistance.pdf"
# Pages that are not part of the printed portfolio (the home page's routes, tools for the screen).
TRAINERS_PAGE = "trainers.md"
NOT_PRINTED = {"index.md", "tags.md", "appendix/ready-reckoner-blank.md", PRINT_PAGE, TRAINERS_PAGE, "offline.md", "not-in-offline-copy.md"}


def part_print_page(slug: str) -> str:
    """The source path of one Part's own print page: print/part-one.md, at print/part-one/."""
    return f"print/{slug}.md"


@dataclass(frozen=True)
class EntryPage:
    """One generated page: its entry, where it goes, and its Markdown."""

    kind: Kind
    entry: Any
    src: str
    markdown: str

    @property
    def title(self) -> str:
        heading = H1.search(self.markdown)
        return heading.group(1).strip() if heading else ""


def url_of(src: str, directory_urls: bool = True) -> str:
    """The address of a page's source path, relative to the site's root, as mkdocs writes it."""
    stem = src.removesuffix(".md")
    if stem == "index" or stem.endswith("/index"):
        stem = stem.removesuffix("index")
        return stem if directory_urls else f"{stem}index.html"
    return f"{stem}/" if directory_urls else f"{stem}.html"


def render_entry_pages(env: Environment, project: Project, site_url: str | None) -> list[EntryPage]:
    """Every entry page of every kind with a folder, in registry order."""
    pages = []
    for kind in ENTRY_PAGES:
        for entry in getattr(project.data, kind.name):
            src = kind.src(kind.key_of(entry))
            # The public address is the hosted site's, which uses folders, even in an offline copy.
            page_url = urljoin(site_url, url_of(src, directory_urls=True)) if site_url else None
            qr_code = qr_svg(page_url) if kind.qr_code else None
            markdown = render(env, kind.template, entry=entry, page_src=src, page_url=page_url, qr_code=qr_code, search_weight=kind.search_weight)
            pages.append(EntryPage(kind, entry, src, markdown))
    return pages
