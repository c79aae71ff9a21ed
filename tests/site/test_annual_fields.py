"""The fields of the editor's year, as readers meet them on the fixture portfolio's pages: withdrawn entries
that keep their address, course sessions to come, case studies naming tools, resources superseded by
another, and the edition the committee approved. What to expect is read from the fixture data."""

from __future__ import annotations

import json
from datetime import date

import pytest

from macros.load.site_data import withdrawn
from macros.model.kinds import ENTRY_PAGES
from macros.model.vocab import long_date
from tests.helpers import article_text, fixture_data, html_pages, page, site_paths

DATA = fixture_data()
WITHDRAWN = [(kind, entry) for kind in ENTRY_PAGES for entry in DATA.every(kind.name) if withdrawn(entry)]
TODAY = date.today().isoformat()  # the fixture site is built today: sessions before it are past


def address(kind, entry_id: str) -> str:
    return f"{kind.folder}/{entry_id}/"


def test_the_fixture_has_what_these_tests_read():
    assert any(entry.replaced_by for _, entry in WITHDRAWN)
    assert any(course.sessions and len(course.upcoming(TODAY)) < len(course.sessions) for course in DATA.courses)
    assert any(case.tools for case in DATA.case_studies)
    assert any(isinstance(resource.superseded_by, str) for resource in DATA.resources)


@pytest.mark.parametrize("kind,entry", WITHDRAWN, ids=[f"{k.name}:{e.id}" for k, e in WITHDRAWN])
def test_a_withdrawn_entry_keeps_its_address_with_a_notice_under_its_title(site, kind, entry):
    doc = page(site, address(kind, entry.id))
    notice = doc.select_one("article h1").find_next_sibling(class_="admonition")
    assert notice is not None and "warning" in notice["class"]
    title = notice.select_one(".admonition-title").get_text()
    assert title == f"No longer offered: withdrawn {long_date(entry.withdrawn)}"
    if entry.replaced_by:
        replacement = DATA.by_id[kind.name][entry.replaced_by]
        link = notice.find("a", string=replacement.title)
        assert link["href"] == f"../{replacement.id}/" and (site / address(kind, replacement.id) / "index.html").exists()


@pytest.mark.parametrize("kind,entry", WITHDRAWN, ids=[f"{k.name}:{e.id}" for k, e in WITHDRAWN])
def test_a_withdrawn_entry_leaves_the_catalogue_the_indexes_and_every_list(site, kind, entry):
    own = address(kind, entry.id)
    for html in html_pages(site):
        here = html.parent.relative_to(site).as_posix() + "/"
        if here in (own, "./"):
            continue
        article = page(site, here.removesuffix("/")).select_one("article")
        targets = {a["href"] for a in article.select("a[href]")} if article else set()
        assert not any(href.rstrip("/").endswith(f"{kind.folder}/{entry.id}") for href in targets), here
    assert own in site_paths(site)


def test_search_ranks_a_withdrawn_entry_after_every_offered_page(site):
    docs = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]
    boost = {doc["location"]: doc.get("boost", 1) for doc in docs if "#" not in doc["location"]}
    gone = {address(kind, entry.id) for kind, entry in WITHDRAWN}
    assert gone <= set(boost)
    assert max(boost[g] for g in gone) < min(b for location, b in boost.items() if location not in gone)


def test_a_course_shows_its_sessions_to_come_and_none_past(site):
    for course in DATA.courses:
        text = article_text(page(site, f"courses/{course.id}"))
        upcoming = course.upcoming(TODAY)
        for session in course.sessions:
            assert (session.when in text) == (session in upcoming), (course.id, session.when)
        if upcoming:
            assert all(session.venue in text for session in upcoming)
        else:
            assert "To book, or to ask when it runs next, contact the provider" in text, course.id


def test_the_catalogue_marks_courses_with_dates_to_come_and_gives_the_next(site):
    doc = page(site, "courses")
    cards = {card.select_one("strong a").get_text(): card for card in doc.select(".wwr-course")}
    assert set(cards) == {course.title for course in DATA.courses}
    for course in DATA.courses:
        upcoming = course.upcoming(TODAY)
        card = cards[course.title]
        assert card["data-dates"] == ("yes" if upcoming else "no")
        if upcoming:
            assert f"Next date: {upcoming[0].when}" in " ".join(card.get_text(" ").split())


def test_a_case_study_and_the_tools_it_names_link_to_each_other(site):
    for case in DATA.case_studies:
        for tool_id in case.tools:
            tool = DATA.by_id["tools"][tool_id]
            case_page = page(site, f"case-studies/{case.id}")
            assert case_page.select_one(f'#tools-that-may-help ~ p a[href="../../tools/{tool_id}/"]').get_text() == tool.title
            back = page(site, f"tools/{tool_id}").select(f'article a[href="../../case-studies/{case.id}/"]')
            assert back and back[0].get_text().endswith(case.title)


def test_a_resource_superseded_by_another_links_to_it(site):
    for resource in DATA.resources:
        if isinstance(resource.superseded_by, str):
            newer = DATA.by_id["resources"][resource.superseded_by]
            notice = page(site, f"resources/{resource.id}").select_one("article .admonition")
            assert notice.find("a", string=newer.title)["href"] == f"../{newer.id}/"
            row = page(site, "resources").find("a", string=resource.title).find_parent("tr")
            assert row.find("a", string=newer.title)["href"] == f"{newer.id}/"


def test_the_edition_is_on_the_home_page_and_every_footer(site):
    edition = DATA.edition
    said = f"edition {edition.version}, published {long_date(edition.published)}"
    assert said in article_text(page(site, ""))
    for html in html_pages(site)[:20]:
        footer = " ".join(page(site, html.parent.relative_to(site).as_posix()).select_one(".wwr-footer-meta").get_text().split())
        assert said in footer, html
