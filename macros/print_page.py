"""The whole portfolio as one printable page (/print/), in the portfolio's order.

It is assembled from every other page's HTML, which mkdocs has already converted (links
checked, citations resolved, tooltips in place), so the portfolio is not converted a second
time: on a large site that second conversion of one huge page cost a third of the build's
time and most of its memory. mkdocs renders the page with a marker where the body goes;
once every page is built, the body is written into the file in place of the marker, a page
at a time. Each page's ids are prefixed with the page's own anchor, so
they stay unique and in-page links still work; headings move down two levels under the
Part headings; relative links are re-based from the page's address to this page's.
Each Part starts a new sheet (print.css).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urljoin, urlsplit

from markupsafe import escape
from mkdocs.exceptions import PluginError
from mkdocs.utils import get_relative_url

from .pages import ENTRIES_AFTER, NOT_PRINTED, PAGES_BY_KIND

# Front matter and opening; the Parts are added as HTML once every other page is converted.
PRINT_SOURCE = """---
render_macros: false
search:
  exclude: true
hide:
  - navigation
  - toc
---

# Working with Resistance: the whole portfolio

The whole *Working with Resistance* practitioner portfolio (West of Scotland Child Protection Consortium, 2016) on one page, in order, ready to print or save as PDF. Each Part starts on a new page.
{: .wwr-screen-only }
"""

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


BODY_CLASS = "wwr-print-body"
# Where the body goes in the built page: see write_print_page.
BODY_MARKER = "<!-- wwr-print-body -->"

_ID_LISTS = re.compile(r'(\s(?:id|for|headers|aria-labelledby|aria-describedby|aria-controls|aria-owns)=")([^"]*)"')
_ADDRESS = re.compile(r'(\s(?:href|src)=")([^"]*)"')
_HEADING = re.compile(r"<(/?)h([1-6])\b")
_SCHEME = re.compile(r"^[a-z][a-z0-9+.-]*:", re.I)


def _page_html(html: str, page_url: str, print_url: str, prefix: str) -> str:
    """One page's HTML made to live inside the print page: unique ids, re-based links, headings two levels down."""

    def ids(match: re.Match) -> str:
        return match.group(1) + " ".join(f"{prefix}--{name}" for name in match.group(2).split()) + '"'

    def address(match: re.Match) -> str:
        value = match.group(2)
        if value.startswith("#"):
            value = f"#{prefix}--{value[1:]}" if len(value) > 1 else f"#{prefix}"
        elif value and not _SCHEME.match(value) and not value.startswith("/"):
            # mkdocs wrote it relative to the page's own address; make it relative to this page's.
            target = urlsplit(urljoin(f"/{page_url}", value))
            value = get_relative_url(target.path.lstrip("/"), print_url)
            value += "/" if target.path.endswith("/") and not value.endswith("/") else ""
            value += (f"?{target.query}" if target.query else "") + (f"#{target.fragment}" if target.fragment else "")
        return match.group(1) + value + '"'

    def heading(match: re.Match) -> str:
        return f"<{match.group(1)}h{min(int(match.group(2)) + 2, 6)}"

    return _HEADING.sub(heading, _ADDRESS.sub(address, _ID_LISTS.sub(ids, html)))


def print_body(parts: list[PrintPart], page_for: Callable[[str], object], print_url: str) -> Iterator[str]:
    """The contents and every Part of the whole-portfolio page, as HTML, a page at a time.

    `page_for(src)` is the mkdocs page of a source path; every printed page must already hold
    its converted HTML. The pieces are written straight to the file, so the whole portfolio is
    never held in memory as one string (20 MB of text, several copies, at 5,000 entries).
    """
    pages = {src: page_for(src) for part in parts for src in part.pages}
    missing = [src for src, page in pages.items() if page is None or page.content is None]
    if missing:
        raise PluginError(f"The whole-portfolio page needs every page converted first; {', '.join(missing[:3])} was not.")
    return _body(parts, pages, print_url)


def _body(parts: list[PrintPart], pages: dict, print_url: str) -> Iterator[str]:
    contents = [f'<div class="{BODY_CLASS}">', '<h2 id="contents">Contents</h2>', "<ul>"]
    for part in parts:
        contents.append(f'<li><a href="#{part.anchor}">{escape(part.title)}</a>')
        if len(part.pages) > 1:
            contents.append("<ul>")
            contents += [f'<li><a href="#{page_anchor(src)}">{escape(pages[src].title)}</a></li>' for src in part.pages if pages[src].title]
            contents.append("</ul>")
        contents.append("</li>")
    contents.append("</ul>\n")
    yield "\n".join(contents)
    for part in parts:
        yield f'<div class="wwr-print-part">\n<h2 id="{part.anchor}">{escape(part.title)}</h2>\n'
        for src in part.pages:
            page, anchor = pages[src], page_anchor(src)
            yield f'<div class="wwr-print-page" id="{anchor}">\n{_page_html(page.content, page.url, print_url, anchor)}\n</div>\n'
        yield "</div>\n"
    yield "</div>\n"


def write_print_page(path: Path, body: Iterator[str]) -> None:
    """Put the body in place of the marker in the built page, via a temp file (never half-written)."""
    before, marker, after = path.read_text(encoding="utf-8").partition(BODY_MARKER)
    if not marker:
        raise PluginError(f"{path}: the whole-portfolio page lost its body marker; a template or plugin removed it.")
    partial = path.with_name(path.name + ".partial")
    with partial.open("w", encoding="utf-8") as out:
        out.write(before)
        for piece in body:
            out.write(piece)
        out.write(after)
    partial.replace(path)
