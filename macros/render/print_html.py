"""The printed portfolio's pages, put together from the other pages' HTML: the whole portfolio
(/print/, a book: cover, contents, each Part on new pages) and each Part on its own (/print/<slug>/).

mkdocs has already converted every page (links checked, citations resolved, tooltips in
place), so the portfolio is not converted a second time: on a large site that cost a third
of the build's time and most of its memory. Each page's HTML is parsed (lxml) and made to
live inside a print page: its ids prefixed with the page's own anchor so they stay unique; a
link to a page printed in the same document made a link inside it (on paper it jumps to the
page, in a PDF too); any other relative link re-based from its address to the print page's;
its headings one level down under its Part's (a Part's opening page gives the Part its heading,
so the heading is not printed twice). The body is written into the built file a page at a time.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from urllib.parse import urljoin, urlsplit

from jinja2 import Environment
from lxml import etree
from lxml import html as lxml_html
from markupsafe import Markup, escape

BODY_TEMPLATE = "print_body.html"
# Where the body goes in the built page: see write_print_page.
BODY_MARKER = "<!-- wwr-print-body -->"
ID_ATTRIBUTES = ("id", "for", "headers", "aria-labelledby", "aria-describedby", "aria-controls", "aria-owns")
ADDRESS_ATTRIBUTES = ("href", "src")
_WITH_ATTRIBUTES = etree.XPath("//*[" + " or ".join(f"@{name}" for name in (*ID_ATTRIBUTES, *ADDRESS_ATTRIBUTES)) + "]")
_HEADINGS = etree.XPath("//h1|//h2|//h3|//h4|//h5|//h6")
_SCHEME = re.compile(r"^[a-z][a-z0-9+.-]*:", re.I)
_H1 = re.compile(r"<h1[\s>].*?</h1>", re.S)
PDF_OFFER = "wwr-pdf-offer"  # overrides/portfolio/pdf_offer.md


class PrintPageError(Exception):
    """A print page cannot be written; the message says why."""


@dataclass(frozen=True)
class PrintGroup:
    """A committee's own entries of a kind, printed apart from the portfolio's under their own heading (Kind.apart)."""

    title: str  # "Riverside Child Protection Committee's case studies"
    anchor: str


@dataclass(frozen=True)
class PrintPart:
    """One Part of the printed portfolio: its slug (print/<slug>/), and its sections in order, each a
    page's source path and the entry pages printed after it (the opening page's section first); and the
    group each entry page printed apart belongs to (they follow the portfolio's entries of their kind)."""

    slug: str
    sections: list[tuple[str, list[str]]]
    groups: dict[str, PrintGroup] = field(default_factory=dict)

    @property
    def anchor(self) -> str:
        return f"print-part--{self.slug}"  # "--": never a page's anchor (page_anchor), as "introduction" would be

    @property
    def opening(self) -> str:
        return self.sections[0][0]

    @property
    def pages(self) -> list[str]:
        return [src for section, entries in self.sections for src in (section, *entries)]


@dataclass(frozen=True)
class PrintDocument:
    """A print page: the whole portfolio (`book`: a cover and a heading per Part), or one Part."""

    src: str
    parts: list[PrintPart]
    book: bool

    @property
    def pages(self) -> list[str]:
        return [src for part in self.parts for src in part.pages]


def page_anchor(src: str) -> str:
    """The id of a printed page's section: `print-case-studies-one` for case-studies/one.md."""
    return "print-" + re.sub(r"[^a-z0-9]+", "-", src.removesuffix(".md").lower()).strip("-")


@lru_cache(maxsize=4096)  # the same links from the same folders, in the whole portfolio and again in each Part
def relative_url(target: str, base: str) -> str:
    """`target` (a site path) as a link from the page at `base` (a site path), as a browser resolves it."""
    base_dir = base if base.endswith("/") else posixpath.dirname(base)
    path = posixpath.relpath("/" + target, "/" + base_dir)
    return path + "/" if target.endswith("/") and not path.endswith("/") else path


@lru_cache(maxsize=4096)
def _resolved(page_url: str, value: str):
    return urlsplit(urljoin(f"/{page_url}", value))


def rebase(value: str, page_url: str, print_url: str, prefix: str, inside: dict[str, str] | None = None) -> str:
    """An address written on the page at `page_url`, as it must read inside the print page. `inside`
    maps the address of each page printed in the same document to its anchor there."""
    if value.startswith("#"):
        return f"#{prefix}--{value[1:]}" if len(value) > 1 else f"#{prefix}"
    if not value or _SCHEME.match(value) or value.startswith("/"):
        return value
    target = _resolved(page_url, value)
    anchor = (inside or {}).get(target.path.lstrip("/"))
    if anchor and not target.query:
        return f"#{anchor}--{target.fragment}" if target.fragment else f"#{anchor}"
    rebased = relative_url(target.path.lstrip("/"), print_url)
    if target.path.endswith("/") and not rebased.endswith("/"):
        rebased += "/"
    return rebased + (f"?{target.query}" if target.query else "") + (f"#{target.fragment}" if target.fragment else "")


def page_html(html: str, page_url: str, print_url: str, prefix: str, inside: dict[str, str] | None = None, opening: bool = False,
              down: int = 1) -> Markup:
    """One page's HTML made to live inside a print page: unique ids, links re-based (or made links inside
    the document, `inside`), headings `down` levels down (an entry printed after a section goes under
    it). An `opening` page gives its Part the Part's heading: its own h1 is left out (its id stays, on
    an empty mark, for links to it) and its other headings keep their level."""
    root = lxml_html.fragment_fromstring(html, create_parent="div")
    for offer in root.find_class(PDF_OFFER):  # a page's offer of its own PDF: the print page offers its own
        offer.drop_tree()
    for element in _WITH_ATTRIBUTES(root):  # only the elements that have one: most have none
        for name in ID_ATTRIBUTES:
            value = element.get(name)
            if value is not None:
                element.set(name, " ".join(f"{prefix}--{part}" for part in value.split()))
        for name in ADDRESS_ATTRIBUTES:
            value = element.get(name)
            if value is not None:
                element.set(name, rebase(value, page_url, print_url, prefix, inside))
    for element in _HEADINGS(root):
        level = element.tag[1]
        if opening and level == "1":
            _leave_mark(element)
        elif not opening:
            element.tag = f"h{min(int(level) + down, 6)}"
    pieces = [str(escape(root.text or ""))] + [lxml_html.tostring(child, encoding="unicode") for child in root]
    return Markup("".join(pieces))


def _leave_mark(heading) -> None:
    """Replace a heading by an empty element with its id, so links to it still land there."""
    mark = lxml_html.Element("span", {"id": heading.get("id")} if heading.get("id") else {})
    mark.tail = heading.tail
    heading.getparent().replace(heading, mark)


def heading_text(html: str, default: str = "") -> str:
    """The text of a page's h1 as printed (its permalink mark left out): what the contents lists."""
    found = _H1.search(html)
    if not found:
        return default
    heading = lxml_html.fragment_fromstring(found.group(0))
    for mark in heading.xpath(".//a[contains(concat(' ', @class, ' '), ' headerlink ')]"):
        mark.drop_tree()
    return " ".join(heading.text_content().split()) or default


def print_body(env: Environment, document: PrintDocument, page_for: Callable[[str], object], print_url: str) -> Iterator[str]:
    """The contents and every Part of a print page, as HTML, a piece at a time.

    `page_for(src)` is the built page of a source path (with `.title`, `.url` and `.content`,
    its converted HTML). The pieces are written straight to the file, so the whole portfolio is
    never held in memory as one string (20 MB of text, several copies, at 5,000 entries).
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

    def html_of(src: str) -> Markup:
        page = pages[src]
        return page_html(page.content, page.url, print_url, page_anchor(src), inside, opening=src in openings, down=down.get(src, 1))

    titles = {src: heading_text(page.content, page.title or "") for src, page in pages.items()}
    return env.get_template(BODY_TEMPLATE).generate(document=document, title_of=titles.__getitem__, anchor=page_anchor, html_of=html_of,
                                                    group_of=groups.get, level_of=lambda src: down.get(src, 1))


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
