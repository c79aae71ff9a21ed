"""The site works under the Content Security Policy that README.md tells hosts to send: search, the
reckoner and the filters are used under it here; every page loads under it in test_hosting.py."""

from __future__ import annotations

import pytest

from tests.helpers import fixture_data, readme_policy, serve_directory, type_search

DATA = fixture_data()


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
    assert DATA.ready_reckoner.indicators and DATA.courses
    tab.goto(csp_site + "appendix/ready-reckoner/", wait_until="networkidle")
    tab.check(f"#tick-{DATA.ready_reckoner.indicators[0].id}-2")
    assert tab.locator("#count-2").inner_text() == "1"
    assert "Visit 2" in tab.locator("#reckoner-reading").inner_text()
    # A course that is its provider's only one: found by its title, and alone under its provider.
    providers = [course.provider for course in DATA.courses]
    course = next(course for course in DATA.courses if providers.count(course.provider) == 1)
    type_search(tab, course.title)
    tab.locator(".md-search-result__list > li > a").first.wait_for(timeout=10000)
    assert f"courses/{course.id}/" in tab.locator(".md-search-result__list > li > a").first.get_attribute("href")
    tab.goto(csp_site + "courses/", wait_until="networkidle")
    tab.locator("select[data-facet=provider]").select_option(course.provider)
    assert tab.locator(".wwr-filter-status").inner_text() == f"1 of {len(DATA.courses)} courses shown"
    assert tab.evaluate("() => window.__violations") == []
