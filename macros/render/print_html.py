"""The whole portfolio as one printable page (/print/), put together from the other pages' HTML.

mkdocs has already converted every page (links checked, citations resolved, tooltips in
place), so the portfolio is not converted a second time: on a large site that cost a third
of the build's time and most of its memory. Each page's HTML is parsed (lxml) and made to
live inside the print page: its ids prefixed with the page's own anchor so they stay unique,
its relative links re-based from its address to the print page's, its headings two levels
down under the Part headings. The body is written into the built file a page at a time.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urljoin, urlsplit

from jinja2 import Environment
from lxml import html as lxml_html
from markupsafe import Markup, escape

BODY_TEMPLATE = "print_body.html"
# Where the body goes in the built page: see write_print_page.
BODY_MARKER = "<!-- wwr-print-body -->"
ID_ATTRIBUTES = ("id", "for", "headers", "aria-labelledby", "aria-describedby", "aria-controls", "aria-owns")
ADDRESS_ATTRIBUTES = ("href", "src")
HEADINGS = {f"h{level}": f"h{min(level + 2, 6)}" for level in range(1, 7)}
_SCHEME = re.compile(r"^[a-z][a-z0-9+.-]*:", re.I)


class PrintPageError(Exception):
    """The whole-portfolio page cannot be written; the message says why."""


@dataclass(frozen=True)
class PrintPart:
    """One top-level item of the navigation (a Part), with the source paths of the pages printed under it."""

    title: str
    anchor: str
    pages: list[str]


def page_anchor(src: str) -> str:
    """The id of a printed page's section: `print-case-studies-one` for case-studies/one.md."""
    return "print-" + re.sub(r"[^a-z0-9]+", "-", src.removesuffix(".md").lower()).strip("-")


def relative_url(target: str, base: str) -> str:
    """`target` (a site path) as a link from the page at `base` (a site path), as a browser resolves it."""
    base_dir = base if base.endswith("/") else posixpath.dirname(base)
    path = posixpath.relpath("/" + target, "/" + base_dir)
    return path + "/" if target.endswith("/") and not path.endswith("/") else path


def rebase(value: str, page_url: str, print_url: str, prefix: str) -> str:
    """An address written on the page at `page_url`, as it must read inside the print page."""
    if value.startswith("#"):
        return f"#{prefix}--{value[1:]}" if len(value) > 1 else f"#{prefix}"
    if not value or _SCHEME.match(value) or value.startswith("/"):
        return value
    target = urlsplit(urljoin(f"/{page_url}", value))
    rebased = relative_url(target.path.lstrip("/"), print_url)
    if target.path.endswith("/") and not rebased.endswith("/"):
        rebased += "/"
    return rebased + (f"?{target.query}" if target.query else "") + (f"#{target.fragment}" if target.fragment else "")


def page_html(html: str, page_url: str, print_url: str, prefix: str) -> Markup:
    """One page's HTML made to live inside the print page: unique ids, re-based links, headings two levels down."""
    root = lxml_html.fragment_fromstring(html, create_parent="div")
    for element in root.iter():
        if not isinstance(element.tag, str):
            continue  # comments and processing instructions
        for name in ID_ATTRIBUTES:
            value = element.get(name)
            if value is not None:
                element.set(name, " ".join(f"{prefix}--{part}" for part in value.split()))
        for name in ADDRESS_ATTRIBUTES:
            value = element.get(name)
            if value is not None:
                element.set(name, rebase(value, page_url, print_url, prefix))
        if element.tag in HEADINGS:
            element.tag = HEADINGS[element.tag]
    pieces = [str(escape(root.text or ""))] + [lxml_html.tostring(child, encoding="unicode") for child in root]
    return Markup("".join(pieces))


def print_body(env: Environment, parts: list[PrintPart], page_for: Callable[[str], object], print_url: str) -> Iterator[str]:
    """The contents and every Part of the whole-portfolio page, as HTML, a piece at a time.

    `page_for(src)` is the built page of a source path (with `.title`, `.url` and `.content`,
    its converted HTML). The pieces are written straight to the file, so the whole portfolio is
    never held in memory as one string (20 MB of text, several copies, at 5,000 entries).
    """
    pages = {src: page_for(src) for part in parts for src in part.pages}
    missing = [src for src, page in pages.items() if page is None or getattr(page, "content", None) is None]
    if missing:
        raise PrintPageError(f"The whole-portfolio page needs every page converted first; {', '.join(missing[:3])} was not.")

    def html_of(src: str) -> Markup:
        page = pages[src]
        return page_html(page.content, page.url, print_url, page_anchor(src))

    return env.get_template(BODY_TEMPLATE).generate(parts=parts, title_of=lambda src: pages[src].title, anchor=page_anchor, html_of=html_of)


def write_print_page(path: Path, body: Iterator[str]) -> None:
    """Put the body in place of the marker in the built page, via a temp file (never half-written)."""
    before, marker, after = path.read_text(encoding="utf-8").partition(BODY_MARKER)
    if not marker:
        raise PrintPageError(f"{path}: the whole-portfolio page lost its body marker; a template or plugin removed it.")
    partial = path.with_name(path.name + ".partial")
    with partial.open("w", encoding="utf-8") as out:
        out.write(before)
        for piece in body:
            out.write(piece)
        out.write(after)
    partial.replace(path)
