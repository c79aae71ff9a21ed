"""WCAG 2.2 AA on every page, in the light and the dark scheme (axe-core in Chromium), and the
ready reckoner used with the keyboard alone."""

from __future__ import annotations

import pytest

from .conftest import ROOT, html_pages

pytestmark = pytest.mark.browser

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
RUN_AXE = """async tags => {
  const result = await axe.run(document, {runOnly: {type: "tag", values: tags}});
  return result.violations.map(v => `${v.id} (${v.impact}): ` +
    v.nodes.slice(0, 3).map(n => n.target.join(" ")).join(" | "));
}"""


@pytest.mark.parametrize("scheme", ["default", "slate"], ids=["light", "dark"])
def test_no_axe_violations_on_any_page(browser, site, served_site, scheme):
    assert AXE.is_file(), "axe-core comes from npm: run ./run test (it runs npm ci)"
    context = browser.new_context(color_scheme="light" if scheme == "default" else "dark")
    tab = context.new_page()
    found = {}
    pages = html_pages(site)
    for html in pages:
        path = html.parent.relative_to(site).as_posix()
        tab.goto(served_site + ("" if path == "." else path + "/"), wait_until="networkidle")
        tab.evaluate("scheme => document.body.setAttribute('data-md-color-scheme', scheme)", scheme)
        tab.add_script_tag(path=str(AXE))
        violations = tab.evaluate(RUN_AXE, TAGS)
        if violations:
            found[path] = violations
    context.close()
    assert len(pages) > 70
    assert found == {}


def test_every_page_is_british_english_with_a_skip_link_and_named_dialogs(site):
    from .conftest import soup

    for html in html_pages(site):
        doc = soup(html)
        assert doc.html["lang"] == "en-GB", html
        skip = doc.select_one("a.md-skip")
        assert skip is not None and skip["href"].startswith("#"), html
        assert doc.select_one("[role=dialog].md-search")["aria-label"] == "Search", html


def test_ready_reckoner_works_with_the_keyboard_alone(tab, served_site):
    tab.goto(served_site + "appendix/ready-reckoner/", wait_until="networkidle")
    tab.focus("#reckoner-case")
    tab.keyboard.type("XY")
    seen, ticked = [], 0
    for _ in range(60):
        tab.keyboard.press("Tab")
        focused = tab.evaluate(
            "() => { const e = document.activeElement; const s = getComputedStyle(e);"
            " return {id: e.id, type: e.type, outline: s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2} }"
        )
        seen.append(focused["id"])
        if focused["type"] == "checkbox":
            assert focused["outline"], f"no visible focus on {focused['id']}"
            if ticked < 3:
                tab.keyboard.press("Space")
                ticked += 1
        if focused["type"] == "reset":
            break
    assert "reckoner-practitioner" in seen and "visit-1-date" in seen
    assert tab.locator("input.wwr-tick:checked").count() == 3
    assert tab.locator("#count-1").inner_text() == "1"
    assert "Visit 3" in tab.locator("#reckoner-reading").inner_text()
    tab.keyboard.press("Enter")  # the focused Clear button
    assert tab.locator("input.wwr-tick:checked").count() == 0
