"""The site works under the Content Security Policy that README.md tells hosts to send."""

from __future__ import annotations

import pytest

from tests.helpers import readme_policy, serve_directory, site_paths, visit_all


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


def test_every_page_loads_without_a_policy_violation(browser, site, csp_site):
    found = {}
    context = browser.new_context()
    context.add_init_script(RECORD_VIOLATIONS)

    def check(tab, url):
        violations = tab.evaluate("() => window.__violations")
        if violations:
            found[url] = violations

    paths = site_paths(site)
    visit_all(context, [csp_site + path for path in paths], check)
    context.close()
    assert len(paths) > 70 and found == {}


def test_search_reckoner_and_filters_work_under_the_policy(tab, csp_site):
    tab.goto(csp_site + "appendix/ready-reckoner/", wait_until="networkidle")
    tab.check("#tick-deflect-attention-2")
    assert tab.locator("#count-2").inner_text() == "1"
    assert "Visit 2" in tab.locator("#reckoner-reading").inner_text()
    box = tab.locator(".md-search__input")
    box.fill("Sandstories")
    box.press("End")
    tab.locator(".md-search-result__list > li > a").first.wait_for(timeout=10000)
    assert "courses/sandstories/" in tab.locator(".md-search-result__list > li > a").first.get_attribute("href")
    tab.goto(csp_site + "courses/", wait_until="networkidle")
    tab.locator("select[data-facet=provider]").select_option("Sue Woolmore")
    assert tab.locator(".wwr-filter-status").inner_text().startswith("1 of")
    assert tab.evaluate("() => window.__violations") == []
