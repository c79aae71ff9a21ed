"""Every in-text citation of the portfolio links to its entry in the reference list."""

from __future__ import annotations

import re

import pytest

from tests.helpers import SEEDS, html_pages, page, soup

PORTFOLIO = (SEEDS / "003_a7fe4d05f0e42523.txt").read_text(encoding="utf-8")
BODY = PORTFOLIO.split("\nReferences\n")[0].replace("*", "")
# Parentheses holding a year, e.g. "(Brandon et al., 2008, p.4)"; a bare "(2012)" is part of a title.
PARENTHETICAL = re.compile(r"\(([^()]*[A-Za-z][^()]*\b(?:19|20)\d\d\b[^()]*)\)")
NARRATIVE = re.compile(r"Forrester, Westlake and Glynn \(2012\)")
NOT_CITATIONS = {"up to July 2017"}


def seed_citations() -> list[str]:
    found = [m.group(1) for m in PARENTHETICAL.finditer(BODY) if m.group(1) not in NOT_CITATIONS]
    found += [m.group(0) for m in NARRATIVE.finditer(BODY)]
    return found


@pytest.fixture(scope="module")
def citation_links(site) -> list[tuple[str, str]]:
    """(visible text, reference id) of every link into the reference list, across the site."""
    links = []
    for html in html_pages(site):
        for a in soup(html).select("article a[href*='references/#']"):
            links.append((a.get_text(), a["href"].split("#", 1)[1]))
    return links


def test_the_seed_has_the_citations_we_expect():
    citations = seed_citations()
    assert len(citations) >= 28
    assert "Fish, Munro and Bairstow 2009: p9" in citations and "Miller and Rollnick, 2013" in citations


@pytest.mark.parametrize("citation", seed_citations())
def test_every_year_of_a_citation_is_inside_a_link_to_its_reference(citation_links, citation):
    texts = [text for text, _ in citation_links if text.strip() and text in citation]
    for year in re.findall(r"\b(?:19|20)\d\d\b", citation):
        assert any(year in text for text in texts), f"{year} in ({citation}) is not linked; links found: {texts}"


def test_every_citation_link_lands_on_a_reference(site, citation_links):
    anchors = {tag["id"] for tag in page(site, "references").select("article [id]")}
    unresolved = sorted({ref for _, ref in citation_links if ref not in anchors})
    assert citation_links and not unresolved


def test_each_reference_lists_the_pages_that_cite_it(site):
    doc = page(site, "references")
    note = doc.select_one("#brandon-2008").find_next_sibling("p")
    cited_on = {a.get_text() for a in note.select("a")}
    assert {"Disguised compliance", "Impact on service intervention"} <= cited_on
