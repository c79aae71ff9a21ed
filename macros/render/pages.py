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
from ..load.site_data import withdrawn
from ..model.kind import Kind
from ..model.kinds import ENTRY_PAGES
from .qr import qr_svg
from .templates import render

H1 = re.compile(r"^# (.+)$", re.MULTILINE)
WITHDRAWN_NOTICE = "withdrawn_notice.md"
HIDDEN_NOTICE = "hidden_notice.md"  # an entry the committee does not offer (its settings' hide_packs)
WITHDRAWN_WEIGHT = 0.02  # a withdrawn entry's page still answers a search, after every offered page


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
        for entry in project.data.every(kind.name):
            src = kind.src(kind.key_of(entry))
            # The public address is the hosted site's, which uses folders, even in an offline copy.
            page_url = urljoin(site_url, url_of(src, directory_urls=True)) if site_url else None
            qr_code = qr_svg(page_url) if kind.pages.qr_code else None
            hidden = project.data.is_hidden(kind.name, entry)
            weight = WITHDRAWN_WEIGHT if withdrawn(entry) or hidden else kind.pages.search_weight
            markdown = render(env, kind.pages.template, entry=entry, page_src=src, page_url=page_url, qr_code=qr_code, search_weight=weight)
            if withdrawn(entry):
                markdown = _with_notice(markdown, render(env, WITHDRAWN_NOTICE, entry=entry, kind=kind, page_src=src,
                                                         replacement=project.data.by_id[kind.name].get(entry.replaced_by)))
            elif hidden:  # like a withdrawn entry: in no list, but its address, given out before, still leads here
                markdown = _with_notice(markdown, render(env, HIDDEN_NOTICE, entry=entry, kind=kind, page_src=src))
            pages.append(EntryPage(kind, entry, src, markdown))
    return pages


def _with_notice(markdown: str, notice: str) -> str:
    """The page with the withdrawn notice under its title, where a reader looks first."""
    heading = H1.search(markdown)
    at = heading.end() if heading else 0
    return f"{markdown[:at]}\n\n{notice}\n\n{markdown[at:]}"
