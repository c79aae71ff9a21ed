"""A handout built without SITE_URL holds an empty slot for its own address, never a link without one
(tests/site/test_committee_branding.py checks every page); opened at a public address, print-links.js
makes the link there, which paper then carries."""

from __future__ import annotations

from urllib.parse import urlsplit

from tests.helpers import fixture_data

DATA = fixture_data()
PUBLIC = "http://intranet.example/cp/portfolio/"


def test_a_handout_opened_at_a_public_address_gets_its_address_as_a_link(browser, site):
    checklist = f"checklists/{DATA.question_sets[0].id}/"
    assert site.joinpath(checklist, "index.html").read_text(encoding="utf-8").count('<span class="wwr-page-address"></span>') == 1
    context = browser.new_context()

    def from_the_site(route) -> None:
        path = urlsplit(route.request.url).path.removeprefix(urlsplit(PUBLIC).path)
        file = site / path
        file = file / "index.html" if file.is_dir() else file
        if file.is_file():
            route.fulfill(path=str(file))
        else:
            route.fulfill(status=404, body="")

    context.route("http://intranet.example/**", from_the_site)
    try:
        tab = context.new_page()
        tab.goto(PUBLIC + checklist)
        link = tab.locator(".wwr-address a.wwr-page-address")
        link.wait_for(state="attached")
        assert link.get_attribute("href") == PUBLIC + checklist and link.inner_text() == PUBLIC + checklist
        assert tab.locator(".wwr-address span.wwr-page-address").count() == 0
        assert tab.locator(".wwr-address").first.get_attribute("hidden") is None
    finally:
        context.close()
