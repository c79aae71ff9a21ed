"""What a phone needs from the built pages, parsed: booking contacts with tap-to-call and mail links
near the top of each course, checklist links that say what they are, wide tables in named
regions, no file paths shown to readers, an empty page kept out of the menu and search, the
committee's logo named by the committee, and no colour-scheme toggle that could not keep its choice.
(How the pages lay out and respond to touch is tests/browser/test_phone.py.)"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from mkdocs.utils.yaml import yaml_load

from macros.render.filters import tel
from tests.helpers import ROOT, article_text, fixture_data, fixture_portfolio, html_pages, page, page_address, site_stylesheet, soup

PROJECT = fixture_portfolio()
DATA, PROSE = PROJECT.data, PROJECT.prose


@pytest.fixture(scope="module")
def committee_data():
    """The data committee_site is built from: the fixture portfolio's, with the committee fixture as data/local/."""
    return fixture_data(committee=True)


def nav_hrefs(doc) -> set[str]:
    return {a["href"] for a in doc.select("nav.md-nav--primary a[href]")}


def search_locations(site_dir: Path) -> set[str]:
    index = json.loads((site_dir / "search" / "search_index.json").read_text(encoding="utf-8"))
    return {doc["location"].split("#")[0] for doc in index["docs"]}


@pytest.mark.parametrize("build", ["core", "committee"])
def test_a_page_with_nothing_to_show_stays_out_of_the_menu_and_search(request, build):
    """`needs: contacts`: shown once the committee adds a contact, left out while there are none. The
    printed portfolio is the portfolio's own Parts, so local contacts are never in it."""
    site_dir = request.getfixturevalue("site" if build == "core" else "committee_site")
    data = DATA if build == "core" else request.getfixturevalue("committee_data")
    assert PROSE.needs == {"local-contacts.md": "contacts"}
    shown = bool(data.contacts)
    about = page(site_dir, "about")
    assert ("../local-contacts/" in nav_hrefs(about)) is shown
    footer = {a["href"] for a in about.select("nav.md-footer__inner a[href]")}
    assert ("../local-contacts/" in footer) is shown  # "Next" from the page before it in the menu
    assert ("local-contacts/" in search_locations(site_dir)) is shown
    assert page(site_dir, "print").select_one("#print-local-contacts") is None
    text = article_text(page(site_dir, "local-contacts"))  # still built: an old link does not break
    if shown:
        assert all(c.name in text for c in data.contacts)
    else:
        assert f"{data.site.committee_name} has not added local contacts yet." in text


def test_the_committee_build_has_contacts_and_the_core_has_none(committee_data):
    """Both sides of the test above are exercised: if the core data ever gains contacts, say so here."""
    assert committee_data.contacts and not DATA.contacts


# A file or folder of the project, as a reader would see it: data/site.yml, content/x.md, logo.svg.
FILE_PATH = re.compile(r"(?<![\w/.])(?:data|content|overrides|macros|tests|schema)/[\w./-]+|\b[\w-]+\.(?:ya?ml|md|py|json)\b")
WEB_ADDRESS = re.compile(r"(?:https?://|www\.)\S+")


@pytest.mark.parametrize("build", ["site", "committee_site"])
def test_no_page_shows_a_file_path_to_readers(request, build):
    site_dir = request.getfixturevalue(build)
    found = {}
    for html in html_pages(site_dir):
        doc = soup(html)
        for hidden in doc(["script", "style", "noscript"]):
            hidden.decompose()
        text = WEB_ADDRESS.sub(" ", doc.body.get_text(" "))
        if FILE_PATH.search(text):
            found[html.parent.relative_to(site_dir).as_posix()] = FILE_PATH.findall(text)
    assert found == {}


def test_the_check_for_file_paths_would_notice_one():
    for text in ["They go in data/local/contacts.yml.", "set your own in data/site.yml", "see contacts.yml"]:
        assert FILE_PATH.search(WEB_ADDRESS.sub(" ", text)), text
    for text in ["http://www.example.org/a/data/b.html", "Part One", "1.5 days", "e.g. initials"]:
        assert not FILE_PATH.search(WEB_ADDRESS.sub(" ", text)), text


def test_the_courses_book_by_phone_email_and_web():
    """The test below sees each way of booking: the fixture's courses give a phone, an email and a web address."""
    assert any(c.contact.phone and tel(c.contact.phone) for c in DATA.courses)
    assert any(c.contact.email for c in DATA.courses) and any(c.contact.url for c in DATA.courses)


@pytest.mark.parametrize("course", DATA.courses, ids=lambda c: c.id)
def test_each_course_page_says_how_to_book_before_anything_else(site, course):
    article = page(site, f"courses/{course.id}").select_one("article")
    first = article.select_one("h2")
    assert first.get_text(strip=True).removesuffix("¶") == "How to book"
    booking = first.find_parent(class_="wwr-booking")
    assert "wwr-screen-only" in booking["class"]  # paper has the full contact details once
    contact = course.contact
    calls = booking.select("a[href^='tel:']")
    if contact.phone and tel(contact.phone):
        assert [(a["href"], a.get_text()) for a in calls] == [(tel(contact.phone), contact.phone)]
    else:
        assert calls == []
    mails = [a["href"] for a in booking.select("a[href^='mailto:']")]
    assert mails == ([f"mailto:{contact.email}"] if contact.email else [])
    if contact.url:
        assert booking.select_one(f"a[href='{contact.url}']") is not None
    assert contact.phone or contact.email or contact.url, "a course with no way to book"
    # The portfolio's own "Contact details" stay where it puts them, tap-to-call too.
    details = article.select_one("h2#contact-details")
    assert details is not None
    if contact.phone and tel(contact.phone):
        assert details.find_next("a", href=tel(contact.phone)) is not None


def test_phone_numbers_elsewhere_are_tap_to_call(committee_site, committee_data):
    contacts = page(committee_site, "local-contacts").select_one("article")
    assert any(contact.phone for contact in committee_data.contacts)
    for contact in committee_data.contacts:
        if contact.phone:
            assert contacts.select_one(f"a[href='{tel(contact.phone)}']").get_text() == contact.phone
    statement = page(committee_site, "accessibility").select_one("article")
    phone = committee_data.site.contact.phone
    assert statement.select_one(f"a[href='{tel(phone)}']").get_text() == phone


def test_a_checklist_link_says_what_it_is(site):
    placed = [q for q in DATA.question_sets if ("question_sets", q.id) in PROSE.placements]
    assert placed
    for question_set in placed:
        doc = page(site, page_address(PROSE.placements[("question_sets", question_set.id)]))
        links = [a for a in doc.select("article a[href]") if a["href"].endswith(f"checklists/{question_set.id}/")]
        assert [a.get_text() for a in links] == ["Questions as a checklist: read here or print"], question_set.id


def test_every_data_table_scrolls_in_its_own_named_focusable_region(site):
    checked = 0
    tabled = set()
    for html in html_pages(site):
        for table in soup(html).select("article table"):
            region = table.find_parent(class_="wwr-table-scroll")
            if "wwr-reckoner__table" in (table.get("class") or []):
                assert region is None  # the ready reckoner lays itself out as cards on a phone
                continue
            assert region is not None, html
            assert (region["role"], region["tabindex"]) == ("region", "0")
            assert region["aria-label"].startswith("Table: ") and len(region["aria-label"]) > len("Table: ")
            checked += 1
            tabled.add(html.parent.relative_to(site).as_posix() + "/")
    # At least the glossary and the resources table, on the pages listing them.
    listings = {page_address(PROSE.shown[kind][0]) for kind in ("glossary", "resources")}
    assert checked >= len(listings) and listings <= tabled, (listings, tabled)


def test_the_glossary_table_is_named_after_its_heading(site):
    region = page(site, "glossary").select_one(".wwr-table-scroll")
    assert region["aria-label"] == "Table: Glossary"


def test_the_logo_is_named_by_the_committee_in_the_header_and_the_menu(committee_site, committee_data):
    home = page(committee_site, "")
    logos = home.select(".md-logo img")
    assert len(logos) == 2  # the header's, and the menu's on a phone
    assert {img["alt"] for img in logos} == {committee_data.site.committee_name}


def test_the_colour_scheme_follows_the_device_with_no_toggle(site):
    """No toggle, no Material palette component (it restyled every page on load) and no script: every page is
    built in mkdocs.yml's light scheme, and the stylesheet gives it the dark scheme's rules when the device
    is set to dark; the browser's own parts follow the device too, and its bar takes the committee's colour
    in either scheme."""
    palette = {entry["media"]: entry["scheme"] for entry in yaml_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))["theme"]["palette"]}
    light = palette["(prefers-color-scheme: light)"]
    assert palette["(prefers-color-scheme: dark)"] != light
    for path in html_pages(site):
        doc = soup(path)
        assert doc.select("[data-md-component=palette], input[name=__palette], label[for^=__palette]") == [], path
        assert [s for s in doc.select("script[src]") if "colour-scheme" in s["src"]] == [], path
        assert doc.body["data-md-color-scheme"] == light, path
        assert doc.select_one("meta[name=color-scheme]")["content"] == "light dark", path
        colours = {meta.get("media"): meta["content"] for meta in doc.select("meta[name=theme-color]")}
        assert colours == {"(prefers-color-scheme: light)": DATA.site.colours.primary, "(prefers-color-scheme: dark)": DATA.site.colours.primary}, path
    stylesheet = site_stylesheet(site, doc)
    dark_rules = stylesheet[stylesheet.index("@media screen and (prefers-color-scheme: dark)"):]
    assert f"[data-md-color-scheme={light}]{{color-scheme:dark;" in dark_rules  # Material's dark scheme, for the built one
    assert f"--md-typeset-a-color:{DATA.site.colours.link_dark}" in dark_rules  # the committee's link colour on the dark page
