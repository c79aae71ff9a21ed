"""The site works under the Content Security Policy that README.md tells hosts to send."""

from __future__ import annotations

import re

import pytest

from .conftest import ROOT, html_pages, serve_directory

pytestmark = pytest.mark.browser


def readme_policy() -> str:
    """The policy exactly as README.md gives it, so the documented header is the tested one."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    match = re.search(r"Content-Security-Policy: (.+)", text)
    assert match, "README.md must give the Content-Security-Policy header"
    return match.group(1).strip()


@pytest.fixture(scope="module")
def csp_site(site):
    with serve_directory(site, headers={"Content-Security-Policy": readme_policy()}) as base:
        yield base


@pytest.fixture
def tab(tab):
    """The shared tab, recording every policy violation in window.__violations."""
    tab.add_init_script(
        "window.__violations = [];"
        "document.addEventListener('securitypolicyviolation', e => window.__violations.push(e.violatedDirective + ' ' + e.blockedURI));"
    )
    return tab


def test_policy_is_strict():
    policy = readme_policy()
    assert "default-src 'self'" in policy and "script-src 'self'" in policy
    assert "unsafe-inline" not in policy.split("script-src", 1)[1].split(";")[0]
    assert "unsafe-eval" not in policy


def test_every_page_loads_without_a_policy_violation(tab, site, csp_site):
    found = {}
    for html in html_pages(site):
        path = html.parent.relative_to(site).as_posix()
        tab.goto(csp_site + ("" if path == "." else path + "/"), wait_until="networkidle")
        violations = tab.evaluate("() => window.__violations")
        if violations:
            found[path] = violations
    assert found == {}


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
