"""Every in-text citation of the portfolio links to its entry in the reference list: the seed's citations on the
real portfolio's site; the links and the reference list's "Cited on" on both the fixture's and the real one."""

from __future__ import annotations

import posixpath
import re
from collections import defaultdict

import pytest

from macros.load import load_site_data
from tests.helpers import ROOT, SEEDS, fixture_data, html_pages, page, soup

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


def links_into_the_references(site_dir) -> list[tuple[str, str]]:
    """(visible text, reference id) of every link into the reference list, across a built site."""
    links = []
    for html in html_pages(site_dir):
        for a in soup(html).select("article a[href*='references/#']"):
            links.append((a.get_text(), a["href"].split("#", 1)[1]))
    return links


@pytest.fixture(scope="module")
def citation_links(real_site) -> list[tuple[str, str]]:
    """(visible text, reference id) of every link into the reference list, across the real portfolio's site."""
    return links_into_the_references(real_site)


def test_the_seed_has_the_citations_we_expect():
    citations = seed_citations()
    assert len(citations) >= 28
    assert "Fish, Munro and Bairstow 2009: p9" in citations and "Miller and Rollnick, 2013" in citations


@pytest.mark.parametrize("citation", seed_citations())
def test_every_year_of_a_citation_is_inside_a_link_to_its_reference(citation_links, citation):
    texts = [text for text, _ in citation_links if text.strip() and text in citation]
    for year in re.findall(r"\b(?:19|20)\d\d\b", citation):
        assert any(year in text for text in texts), f"{year} in ({citation}) is not linked; links found: {texts}"


@pytest.mark.parametrize("build", ["site", "real_site"])
def test_every_citation_link_lands_on_a_reference(request, build):
    site_dir = request.getfixturevalue(build)
    links = links_into_the_references(site_dir)
    anchors = {tag["id"] for tag in page(site_dir, "references").select("article [id]")}
    unresolved = sorted({ref for _, ref in links if ref not in anchors})
    assert links and not unresolved


@pytest.mark.parametrize("build", ["site", "real_site"])
def test_each_reference_is_a_paragraph_of_the_list_with_its_anchor(request, build):
    """Each reference, listed in the portfolio or not, with or without details, is one paragraph styled as a
    reference, which its citations' links land on (not a word inside it)."""
    site_dir = request.getfixturevalue(build)
    data = fixture_data() if build == "site" else load_site_data(ROOT / "data")
    doc = page(site_dir, "references")
    assert data.references
    for ref in data.references:
        anchor = doc.select_one(f"article #{ref.id}")
        assert anchor is not None and anchor.name == "p" and "wwr-reference" in anchor["class"], (ref.id, str(anchor)[:120])
        assert ref.title.replace("*", "")[:30] in anchor.get_text(), ref.id


def cited_on_pages(site_dir) -> dict[str, tuple[set[str], set[str]]]:
    """Each reference: the pages whose text links to it (the printed portfolio, which repeats them, aside), and the
    pages its "Cited on" note in the reference list links to."""
    citing = defaultdict(set)
    for html in html_pages(site_dir):
        where = html.parent.relative_to(site_dir).as_posix() + "/"
        if where.startswith("print/"):
            continue
        for a in soup(html).select("article a[href*='references/#']"):
            citing[a["href"].split("#", 1)[1]].add(where.removeprefix("./"))
    doc = page(site_dir, "references")
    found = {}
    for ref, pages in citing.items():
        notes = []
        for sibling in doc.select_one(f"#{ref}").find_next_siblings():
            if "wwr-reference-note" not in (sibling.get("class") or []):
                break
            notes.append(sibling)
        listed = [a for note in notes if note.get_text().startswith("Cited on:") for a in note.select("a")]
        found[ref] = (pages, {posixpath.normpath(posixpath.join("references/", a["href"].split("#")[0])) + "/" for a in listed})
    return found


def quoted(data) -> set[tuple[str, str]]:
    """(page, reference) of each behaviour's quotation, whose citation links to its reference."""
    return {(f"resistance/{behaviour.id}/", quote.reference) for behaviour in data.resistance_types for quote in behaviour.quotes}


@pytest.mark.parametrize("build", ["site", "real_site"])
def test_each_reference_lists_the_pages_that_cite_it(request, build):
    """Each reference's "Cited on" links to every page whose text cites it (a prose page or an entry's page); a
    behaviour's quotations are the test below."""
    site_dir = request.getfixturevalue(build)
    data = fixture_data() if build == "site" else load_site_data(ROOT / "data")
    found = cited_on_pages(site_dir)
    assert found
    checked = 0
    for ref, (pages, cited_on) in found.items():
        in_text = {where for where in pages if (where, ref) not in quoted(data)}
        assert in_text <= cited_on, (ref, sorted(in_text - cited_on))
        checked += len(in_text)
    assert checked


def test_a_reference_lists_the_behaviours_that_quote_it(site):
    data = fixture_data()
    found = cited_on_pages(site)
    assert quoted(data)
    for where, ref in quoted(data):
        pages, cited_on = found[ref]
        assert where in pages and where in cited_on, (ref, where)
