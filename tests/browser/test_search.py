"""Search, as a reader uses it: type an entry's title, and that entry's page comes first.

Where two entries share a title (the NSPCC factsheet is called "Disguised Compliance", like
the behaviour), either of them may come first.
"""

from __future__ import annotations

import time
from collections import defaultdict

import pytest

from macros.load import load_site_data
from macros.model.registry import ENTRY_PAGES
from tests.helpers import ROOT, serve_directory

DATA = load_site_data(ROOT / "data")
ENTRIES = [(f"{pages.folder}/{entry.id}/", entry.title) for pages in ENTRY_PAGES if pages.searchable for entry in getattr(DATA, pages.name)]
PAGES_BY_TITLE: dict[str, set[str]] = defaultdict(set)
for path, title in ENTRIES:
    PAGES_BY_TITLE[title.lower()].add(path)


@pytest.fixture(scope="module")
def search_page(browser, served_site):
    page = browser.new_page()
    page.goto(served_site + "introduction/")
    yield page
    page.close()


def top_results(page, query: str, base: str) -> list[str]:
    """Type the query as a person would (Material searches on key events); wait until the list settles."""
    box = page.locator(".md-search__input")
    box.fill(query)
    box.press("End")
    links = page.locator(".md-search-result__list > li > a")
    previous, stable_since, deadline = None, time.monotonic(), time.monotonic() + 10
    while time.monotonic() < deadline:
        current = [href.split("?")[0].replace(base, "") for href in links.evaluate_all("els => els.map(e => e.href)")][:3]
        if current != previous:
            previous, stable_since = current, time.monotonic()
        elif current and time.monotonic() - stable_since > 0.6:
            return current
        page.wait_for_timeout(100)
    raise AssertionError(f"no stable search results for {query!r}")


@pytest.mark.parametrize("path,title", ENTRIES, ids=[p for p, _ in ENTRIES])
def test_searching_a_title_finds_its_page_first(search_page, served_site, path, title):
    results = top_results(search_page, title, served_site)
    assert results[0] in PAGES_BY_TITLE[title.lower()], f"first results for {title!r}: {results}"
    assert path in results, f"{path} is not among the first results for {title!r}: {results}"


def test_a_local_entry_says_so_in_search_results(tab, committee_site):
    """A committee's own course, found by search, reads as the committee's, not the portfolio's."""
    with serve_directory(committee_site) as base:
        tab.goto(base + "introduction/")
        results = top_results(tab, "Engaging fathers and male carers", base)
        assert results[0] == "courses/riverside-engaging-fathers/"
        first = tab.locator(".md-search-result__list > li").first.inner_text()
        assert "Local: Riverside Child Protection Committee" in first
