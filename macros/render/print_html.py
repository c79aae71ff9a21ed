"""The printed portfolio's pages, put together from the other pages' HTML: the whole portfolio
(/print/, a book: cover, contents, each Part on new pages) and each Part on its own (/print/<slug>/).

mkdocs has already converted every page (links checked, citations resolved, tooltips in
place), so the portfolio is not converted a second time: on a large site that cost a third
of the build's time and most of its memory. Each page's HTML is parsed (lxml) and made to
live inside a print page: its ids prefixed with the page's own anchor so they stay unique; a
link to a page printed in the same document made a link inside it (on paper it jumps to the
page, in a PDF too); any other relative link re-based from its address to the print page's;
its headings one level down under its Part's (a Part's opening page gives the Part its heading,
so the heading is not printed twice). print_writing.py writes the print pages from them.
"""

from __future__ import annotations

import posixpath
import re
import secrets
from dataclasses import dataclass, field
from functools import lru_cache
from urllib.parse import SplitResult, urljoin, urlsplit

from lxml import etree
from lxml import html as lxml_html
from markupsafe import Markup, escape

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


@lru_cache(maxsize=16384)  # the same pages linked from every page, in the whole portfolio and again in each Part
def relative_url(target: str, base: str) -> str:
    """`target` (a site path) as a link from the page at `base` (a site path), as a browser resolves it."""
    base_dir = base if base.endswith("/") else posixpath.dirname(base)
    path = posixpath.relpath("/" + target, "/" + base_dir)
    return path + "/" if target.endswith("/") and not path.endswith("/") else path


def _relative(value: str) -> bool:
    """An address that reads differently from another page: not a fragment, not absolute, no scheme."""
    return bool(value) and not value.startswith(("#", "/")) and not _SCHEME.match(value)


def rebase(value: str, page_url: str, print_url: str, prefix: str, inside: dict[str, str] | None = None) -> str:
    """An address written on the page at `page_url`, as it must read inside the print page. `inside`
    maps the address of each page printed in the same document to its anchor there."""
    if not _relative(value):
        return _unmoved(value, prefix)
    return _from_print_page(_resolved(page_url, value), print_url, inside)


def _unmoved(value: str, prefix: str) -> str:
    """An address that reads the same from every print page: a fragment (made one of the page's own ids
    there, `prefix`) or an absolute address."""
    if value.startswith("#"):
        return f"#{prefix}--{value[1:]}" if len(value) > 1 else f"#{prefix}"
    return value


def _resolved(page_url: str, value: str) -> SplitResult:
    """A relative address written on the page at `page_url`, as the site address it leads to."""
    return urlsplit(urljoin(f"/{page_url}", value))


def _from_print_page(target: SplitResult, print_url: str, inside: dict[str, str] | None) -> str:
    """A site address (`target`, resolved) as a link from the print page at `print_url`."""
    anchor = (inside or {}).get(target.path.lstrip("/"))
    if anchor and not target.query:
        return f"#{anchor}--{target.fragment}" if target.fragment else f"#{anchor}"
    rebased = relative_url(target.path.lstrip("/"), print_url)
    if target.path.endswith("/") and not rebased.endswith("/"):
        rebased += "/"
    return rebased + (f"?{target.query}" if target.query else "") + (f"#{target.fragment}" if target.fragment else "")


@dataclass(frozen=True)
class PreparedPage:
    """A page's HTML made ready to print in any print page: ids prefixed, headings moved, its own PDF offer
    left out. Its relative links, which read differently from each print page's address, are numbered marks
    in `html` (`links` holds the site address each leads to), filled in for one print page by `for_document`."""

    html: str
    links: tuple[SplitResult, ...] = ()

    def for_document(self, print_url: str, inside: dict[str, str] | None = None) -> Markup:
        if not self.links:
            return Markup(self.html)
        return Markup(_LINK_MARK.sub(lambda mark: str(escape(_from_print_page(self.links[int(mark[1])], print_url, inside))), self.html))


# A mark no page can hold by chance: a number drawn for each run of the generator.
_MARK_TEXT = f"wwr-print-link-{secrets.token_hex(8)}-"
_LINK_MARK = re.compile(re.escape(_MARK_TEXT) + "([0-9]+)")


def prepare_page(html: str, page_url: str, prefix: str, opening: bool = False, down: int = 1) -> PreparedPage:
    """One page's HTML made to live inside a print page: unique ids, links re-based or marked to be (see
    PreparedPage), headings `down` levels down (an entry printed after a section goes under it). An `opening`
    page gives its Part the Part's heading: its own h1 is left out (its id stays, on an empty mark, for links
    to it) and its other headings keep their level."""
    root = lxml_html.fragment_fromstring(html, create_parent="div")
    for offer in root.find_class(PDF_OFFER):  # a page's offer of its own PDF: the print page offers its own
        offer.drop_tree()
    links: list[SplitResult] = []
    for element in _WITH_ATTRIBUTES(root):  # only the elements that have one: most have none
        for name in ID_ATTRIBUTES:
            value = element.get(name)
            if value is not None:
                element.set(name, " ".join(f"{prefix}--{part}" for part in value.split()))
        for name in ADDRESS_ATTRIBUTES:
            value = element.get(name)
            if value is None:
                continue
            if _relative(value):
                element.set(name, f"{_MARK_TEXT}{len(links)}")
                links.append(_resolved(page_url, value))
            else:
                element.set(name, _unmoved(value, prefix))
    for element in _HEADINGS(root):
        level = element.tag[1]
        if opening and level == "1":
            _leave_mark(element)
        elif not opening:
            element.tag = f"h{min(int(level) + down, 6)}"
    pieces = [str(escape(root.text or ""))] + [lxml_html.tostring(child, encoding="unicode") for child in root]
    return PreparedPage("".join(pieces), tuple(links))


def page_html(html: str, page_url: str, print_url: str, prefix: str, inside: dict[str, str] | None = None, opening: bool = False,
              down: int = 1) -> Markup:
    """`prepare_page` for one print page, at `print_url`."""
    return prepare_page(html, page_url, prefix, opening, down).for_document(print_url, inside)


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
