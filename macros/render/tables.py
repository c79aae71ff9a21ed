"""Data tables that can scroll sideways on their own, so a phone never scrolls the whole page.

A table wider than a phone (the resources table, the glossary) scrolls inside a region that is
named and can take keyboard focus (WCAG 1.4.10 allows that for data tables; 2.1.1 needs the
focus, so arrow keys scroll it). The region is written into the built HTML, so it holds without
script; Material's script still wraps the table inside it, and the stylesheet lets only the
region scroll. Tables with a class of their own (the ready reckoner's form) lay themselves out.
"""

from __future__ import annotations

import re

from lxml import html as lxml_html

HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
REGION_CLASS = "wwr-table-scroll"


def _text(element) -> str:
    """An element's readable text, without a heading's permalink mark ("¶")."""
    parts = element.xpath(".//text()[not(ancestor::a[contains(concat(' ', normalize-space(@class), ' '), ' headerlink ')])]")
    return re.sub(r"\s+", " ", "".join(parts)).strip()


def region_label(table, page_title: str) -> str:
    """What the region is called: the table's caption, else the nearest heading before it, else the page."""
    caption = table.find("caption")
    if caption is not None and _text(caption):
        return f"Table: {_text(caption)}"
    heading = next((h for h in reversed(table.xpath("preceding::*")) if h.tag in HEADINGS), None)
    return f"Table: {(_text(heading) if heading is not None else '') or page_title}"


def scrolling_tables(content: str, page_title: str) -> str:
    """The page's content with each table without a class inside a labelled, focusable region."""
    if "<table" not in content:
        return content
    root = lxml_html.fragment_fromstring(content, create_parent="div")
    tables = [t for t in root.iter("table") if not t.get("class") and not _in_region(t)]
    if not tables:
        return content
    for table in tables:
        region = lxml_html.Element("div", {"class": REGION_CLASS, "role": "region", "tabindex": "0", "aria-label": region_label(table, page_title)})
        table.addprevious(region)
        region.tail, table.tail = table.tail, None
        region.append(table)
    return (root.text or "") + "".join(lxml_html.tostring(child, encoding="unicode") for child in root)


def _in_region(table) -> bool:
    return any(REGION_CLASS in (parent.get("class") or "").split() for parent in table.iterancestors())
