"""The course catalogue's filters, used in a real browser: each narrows the list as the data says."""

from __future__ import annotations

from datetime import date

import pytest
from playwright.sync_api import expect

from tests.helpers import fixture_data, open_settled

DATA = fixture_data()


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
    open_settled(tab, served_site + "courses/")  # the search worker's own loading is over before a filter is touched
    tab.wait_for_selector("#course-filters:not([hidden])")
    return tab, requests


def visible_titles(page) -> set[str]:
    return set(page.locator(".wwr-course:visible strong a").all_inner_texts())


@pytest.mark.parametrize("facet", FACETS)
def test_each_filter_shows_exactly_the_matching_courses(catalogue, facet):
    page, _ = catalogue
    select = page.locator(f"select[data-facet={facet}]")
    values = [v for v in select.locator("option").evaluate_all("os => os.map(o => o.value)") if v]
    assert values and DATA.courses
    for value in values:
        select.select_option(value)
        expected = {c.title for c in DATA.courses if FACETS[facet](c, value)}
        assert visible_titles(page) == expected, (facet, value)
        assert page.locator(".wwr-filter-status").inner_text() == f"{len(expected)} of {len(DATA.courses)} courses shown"
    select.select_option("")
    assert visible_titles(page) == {c.title for c in DATA.courses}


def narrowing_pair() -> tuple[str, str, set[str]]:
    """A provider and a length that, together, show fewer courses than either shows alone, and the titles they show."""
    assert DATA.courses
    for course in DATA.courses:
        for length in sorted(lengths(course)):
            both = {c.title for c in DATA.courses if FACETS["provider"](c, course.provider) and FACETS["length"](c, length)}
            by_provider = {c.title for c in DATA.courses if FACETS["provider"](c, course.provider)}
            by_length = {c.title for c in DATA.courses if FACETS["length"](c, length)}
            if both < by_provider and both < by_length:
                return course.provider, length, both
    raise AssertionError("the fixture's courses need a provider and a length that narrow each other")


def test_filters_combine_and_reset(catalogue):
    page, _ = catalogue
    provider, length, expected = narrowing_pair()
    page.locator("select[data-facet=provider]").select_option(provider)
    page.locator("select[data-facet=length]").select_option(length)
    assert visible_titles(page) == expected
    assert page.locator(".wwr-filter-status").inner_text() == f"{len(expected)} of {len(DATA.courses)} courses shown"
    page.get_by_role("button", name="Show all").click()
    total = len(DATA.courses)
    expect(page.locator(".wwr-filter-status")).to_have_text(f"{total} of {total} courses shown")
    assert visible_titles(page) == {c.title for c in DATA.courses}


def test_only_courses_with_dates_to_come_can_be_shown(catalogue):
    """The build's day decides which sessions are still to come: a course whose dates have all passed has none."""
    page, _ = catalogue
    today = date.today().isoformat()
    dated = {c.title for c in DATA.courses if c.upcoming(today)}
    assert dated and dated != {c.title for c in DATA.courses}
    assert any(c.sessions and len(c.upcoming(today)) < len(c.sessions) for c in DATA.courses)  # a past session, hidden
    page.get_by_label("Only courses with dates").check()
    assert visible_titles(page) == dated
    assert page.locator(".wwr-filter-status").inner_text() == f"{len(dated)} of {len(DATA.courses)} courses shown"
    page.get_by_label("Only courses with dates").uncheck()
    assert visible_titles(page) == {c.title for c in DATA.courses}


def test_filtering_stores_and_sends_nothing(catalogue, served_site):
    page, requests = catalogue
    before = len(requests)
    assert DATA.courses and DATA.courses[0].audience
    page.locator("select[data-facet=audience]").select_option(DATA.courses[0].audience[0])
    page.wait_for_timeout(200)
    assert requests[before:] == []
    assert all(url.startswith(served_site) for url in requests)
    storage = page.evaluate("() => [document.cookie, localStorage.length, sessionStorage.length]")
    assert storage == ["", 0, 0]
