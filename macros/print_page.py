"""The whole portfolio as one printable page (/print/), in the portfolio's order.

It is assembled from every other page's final Markdown (after macros and citations), not
from their HTML: mkdocs then converts and link-checks it like any page, the toc extension
keeps its heading ids unique, and tooltips work as everywhere else. Each Part starts a new
sheet (print.css); page headings move down two levels under the Part headings; relative
links are re-based from each page's folder to the site root, where this page lives.
"""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass
from typing import Iterator

from mkdocs.exceptions import PluginError

from .pages import ENTRIES_AFTER, NOT_PRINTED, PAGES_BY_KIND, PRINT_PAGE

PRINT_FRONT_MATTER = """---
render_macros: false
search:
  exclude: true
hide:
  - navigation
  - toc
---
"""

_HEADING = re.compile(r"^(#{1,6}) (.*)$", re.MULTILINE)
_RELATIVE_LINK = re.compile(r"\]\((?![a-z][a-z0-9+.-]*:|#)([^)\s]+?\.md)(#[^)\s]*)?\)")


@dataclass(frozen=True)
class PrintPart:
    """One top-level item of the navigation (a Part), with the pages printed under it."""

    title: str
    anchor: str
    pages: list[str]


def _pages(item) -> Iterator:
    if getattr(item, "is_page", False):
        yield item
    for child in getattr(item, "children", None) or []:
        yield from _pages(child)


def print_parts(nav, data) -> list[PrintPart]:
    """The Parts in navigation order; after an index page come the entries it lists."""
    parts = []
    for item in nav.items:
        pages = []
        for page in _pages(item):
            src = page.file.src_uri
            if src in NOT_PRINTED:
                continue
            pages.append(src)
            for kind in ENTRIES_AFTER.get(src, []):
                pages.extend(PAGES_BY_KIND[kind].src(entry.id) for entry in getattr(data, kind))
        if pages:
            parts.append(PrintPart(item.title, f"print-part-{len(parts) + 1}", pages))
    return parts


def page_anchor(src: str) -> str:
    return "print-" + re.sub(r"[^a-z0-9]+", "-", src.removesuffix(".md").lower()).strip("-")


def _rebase_links(markdown: str, src: str) -> str:
    """Rewrite `](path.md#anchor)` links, written relative to `src`, relative to the print page."""
    folder = posixpath.dirname(src)

    def rebase(match: re.Match) -> str:
        target = posixpath.normpath(posixpath.join(folder, match.group(1)))
        base = posixpath.relpath(target, posixpath.dirname(PRINT_PAGE) or ".")
        return f"]({base}{match.group(2) or ''})"

    return _RELATIVE_LINK.sub(rebase, markdown)


def _demote(markdown: str, src: str) -> tuple[str, str]:
    """Move headings down two levels; the page's first heading gets an anchor for the contents."""
    title = ""

    def demote(match: re.Match) -> str:
        nonlocal title
        level = min(len(match.group(1)) + 2, 6)
        text = match.group(2)
        if not title and len(match.group(1)) == 1:
            title = text
            return f"{'#' * level} {text} {{: #{page_anchor(src)} }}"
        return f"{'#' * level} {text}"

    return _HEADING.sub(demote, markdown), title


def assemble_print_page(parts: list[PrintPart], markdown_by_src: dict[str, str]) -> str:
    """The Markdown of the whole-portfolio page."""
    missing = [src for part in parts for src in part.pages if src not in markdown_by_src]
    if missing:
        raise PluginError(f"The whole-portfolio page was assembled before {', '.join(missing[:3])}; it must be generated last.")
    contents, body = [], []
    for part in parts:
        contents.append(f"- [{part.title}](#{part.anchor})")
        body += ["", '<div class="wwr-print-part" markdown>', "", f"## {part.title} {{: #{part.anchor} }}", ""]
        for src in part.pages:
            markdown, title = _demote(_rebase_links(markdown_by_src[src], src), src)
            if title and len(part.pages) > 1:
                contents.append(f"    - [{title}](#{page_anchor(src)})")
            body += [markdown.strip(), ""]
        body += ["</div>", ""]
    intro = [
        "# Working with Resistance: the whole portfolio",
        "",
        "The whole *Working with Resistance* practitioner portfolio (West of Scotland Child Protection "
        "Consortium, 2016) on one page, in order, ready to print or save as PDF. Each Part starts on a new page.",
        "{: .wwr-screen-only }",
        "",
        "## Contents",
        "",
    ]
    return "\n".join(intro + contents + body) + "\n"
