"""The site works under the Content Security Policy that README.md tells hosts to send: search, the
reckoner and the filters are used under it here; every page loads under it in test_hosting.py."""

from __future__ import annotations

import pytest

from tests.helpers import readme_policy, serve_directory, type_search


@pytest.fixture(scope="module")
def csp_site(site):
    with serve_directory(site, headers={"Content-Security-Policy": readme_policy()}) as base:
        yield base


RECORD_VIOLATIONS = (
    "window.__violations = [];"
    "document.addEventListener('securitypolicyviolation', e => window.__violations.push(e.violatedDirective + ' ' + e.blockedURI));"
)


@pytest.fixture
def tab(tab):
    """The shared tab, recording every policy violation in window.__violations."""
    tab.add_init_script(RECORD_VIOLATIONS)
    return tab


def test_search_reckoner_and_filters_work_under_the_policy(tab, csp_site):
    tab.goto(csp_site + "appendix/ready-reckoner/", wait_until="networkidle")
    tab.check("#tick-deflect-attention-2")
    assert tab.locator("#count-2").inner_text() == "1"
    assert "Visit 2" in tab.locator("#reckoner-reading").inner_text()
    type_search(tab, "Sandstories")
    tab.locator(".md-search-result__list > li > a").first.wait_for(timeout=10000)
    assert "courses/sandstories/" in tab.locator(".md-search-result__list > li > a").first.get_attribute("href")
    tab.goto(csp_site + "courses/", wait_until="networkidle")
    tab.locator("select[data-facet=provider]").select_option("Sue Woolmore")
    assert tab.locator(".wwr-filter-status").inner_text().startswith("1 of")
    assert tab.evaluate("() => window.__violations") == []
