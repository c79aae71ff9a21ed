"""The course catalogue's filters, used in a real browser: each narrows the list as the data says."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from macros.load import load_site_data
from tests.helpers import ROOT

DATA = load_site_data(ROOT / "data")


def lengths(course) -> set[str]:
    return {course.length, *(variant.length for variant in course.variants)}


FACETS = {
    "provider": lambda course, value: course.provider == value,
    "length": lambda course, value: value in lengths(course),
    "audience": lambda course, value: value in course.audience,
}


@pytest.fixture
def catalogue(tab, served_site):
    requests: list[str] = []
    tab.on("request", lambda request: requests.append(request.url))
    tab.goto(served_site + "courses/")
    tab.wait_for_selector("#course-filters:not([hidden])")
    return tab, requests


def visible_titles(page) -> set[str]:
    return set(page.locator(".wwr-course:visible strong a").all_inner_texts())


@pytest.mark.parametrize("facet", FACETS)
def test_each_filter_shows_exactly_the_matching_courses(catalogue, facet):
    page, _ = catalogue
    select = page.locator(f"select[data-facet={facet}]")
    values = [v for v in select.locator("option").evaluate_all("os => os.map(o => o.value)") if v]
    assert values
    for value in values:
        select.select_option(value)
        expected = {c.title for c in DATA.courses if FACETS[facet](c, value)}
        assert visible_titles(page) == expected, (facet, value)
        assert page.locator(".wwr-filter-status").inner_text() == f"{len(expected)} of {len(DATA.courses)} courses shown"
    select.select_option("")
    assert visible_titles(page) == {c.title for c in DATA.courses}


def test_filters_combine_and_reset(catalogue):
    page, _ = catalogue
    page.locator("select[data-facet=provider]").select_option("East Ayrshire Child Protection Committee")
    page.locator("select[data-facet=length]").select_option("1.5 days")
    assert visible_titles(page) == {"Introduction to Motivational Interviewing"}
    page.get_by_role("button", name="Show all").click()
    total = len(DATA.courses)
    expect(page.locator(".wwr-filter-status")).to_have_text(f"{total} of {total} courses shown")
    assert visible_titles(page) == {c.title for c in DATA.courses}


def test_filtering_stores_and_sends_nothing(catalogue, served_site):
    page, requests = catalogue
    before = len(requests)
    page.locator("select[data-facet=audience]").select_option("multi-agency")
    page.wait_for_timeout(200)
    assert requests[before:] == []
    assert all(url.startswith(served_site) for url in requests)
    storage = page.evaluate("() => [document.cookie, localStorage.length, sessionStorage.length]")
    assert storage == ["", 0, 0]
