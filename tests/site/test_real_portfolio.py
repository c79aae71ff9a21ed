"""The smoke test of the real portfolio (data/ and content/, as its editors keep them): it builds (`real_site`,
`mkdocs build --strict`), every page it should have is there, every link between its pages resolves, and its
offline copy keeps to its budget.

What is expected is read from the real data and pages, never written out here, so an editor's ordinary change
(an entry's id renamed everywhere it is used, a case study added, a course withdrawn) changes what is checked,
not whether it passes. How the site behaves is tested on the fixture portfolio (tests/fixtures/); the real
portfolio's own text is tests/site/test_faithfulness.py and test_citations.py.
"""

from __future__ import annotations

import json
import posixpath
from functools import cache
from pathlib import Path

import pytest

from macros.load import load_project
from macros.model.kinds import ENTRY_PAGES
from tests.helpers import ROOT, html_pages, page_address, site_paths, soup

OUTSIDE = ("http:", "https:", "mailto:", "tel:", "data:")


@pytest.fixture(scope="module")
def real():
    """The real portfolio as its build reads it (data and prose)."""
    return load_project(ROOT)


def test_every_page_of_the_real_portfolio_is_there(real_site, real):
    prose = {page_address(src) for src in real.prose.titles}
    entries = {f"{kind.folder}/{entry.id}/" for kind in ENTRY_PAGES for entry in getattr(real.data, kind.name)}
    book = real.data.book
    printed = {page_address(book.print_page), *(page_address(book.part_print_page(part.part)) for part in book.parts)}
    assert prose and entries and book.parts
    assert all(getattr(real.data, kind.name) for kind in ENTRY_PAGES), "every kind with pages has entries"
    built = set(site_paths(real_site))
    assert prose | entries | printed <= built, sorted((prose | entries | printed) - built)
    for path in prose | printed:
        heading = soup(real_site / path / "index.html").select_one("article h1")
        assert heading is not None and heading.get_text(strip=True), path
    for kind in ENTRY_PAGES:
        for entry in getattr(real.data, kind.name):
            heading = soup(real_site / kind.folder / entry.id / "index.html").select_one("article h1")
            assert heading is not None and entry.title in heading.get_text(), f"{kind.folder}/{entry.id}/"


def test_every_link_between_the_real_portfolios_pages_resolves(real_site):
    """Every link on every page (its text, menu and footer) to a page or file of the site: the file is there, and
    so is the section it names."""

    @cache
    def ids(target: Path) -> frozenset[str]:
        return frozenset(tag["id"] for tag in soup(target).select("[id]"))

    pages = html_pages(real_site)
    assert pages
    checked = 0
    broken = []
    for html in pages:
        here = html.parent.relative_to(real_site).as_posix()
        for a in soup(html).select("a[href]"):
            href = a["href"]
            if href.startswith(OUTSIDE):
                continue
            path, _, fragment = href.partition("#")
            path = path.split("?")[0]
            if path:
                target = real_site / posixpath.normpath(posixpath.join(here, path))
                target = target / "index.html" if target.is_dir() else target
            else:
                target = html
            if not target.is_file():
                broken.append(f"{here}/: {href} (no such page or file)")
            elif fragment and target.suffix == ".html" and fragment not in ids(target):
                broken.append(f"{here}/: {href} (no #{fragment} there)")
            checked += 1
    assert checked and broken == [], f"{len(broken)} broken links, e.g.:\n" + "\n".join(broken[:25])


def test_the_real_portfolios_offline_copy_keeps_to_its_budget(real_site):
    """5 MB without the downloads (the issue's budget; what the browser then uses is checked in
    tests/browser/test_offline_copy.py, and measured in the benchmark)."""
    summary = json.loads((real_site / "offline.json").read_text(encoding="utf-8"))
    assert summary["core"]["pages"] == len(site_paths(real_site))
    assert 0 < summary["core"]["bytes"] <= 5 * 1024**2
