"""WCAG 2.2 AA on every page, in the light and the dark scheme (axe-core in Chromium), and the
ready reckoner used with the keyboard alone."""

from __future__ import annotations

from tests.helpers import ROOT, fixture_data, fixture_page_paths, site_paths, visit_all

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
RUN_AXE = """async tags => {
  const result = await axe.run(document, {runOnly: {type: "tag", values: tags}});
  return result.violations.map(v => `${v.id} (${v.impact}): ` +
    v.nodes.slice(0, 3).map(n => n.target.join(" ")).join(" | "));
}"""


def test_no_axe_violations_on_any_page_in_either_scheme(browser, site, served_site):
    """Each page is checked in the light scheme, then switched to the dark one and checked again."""
    assert AXE.is_file(), "axe-core comes from npm: run ./run test (it runs npm ci)"
    found = {}

    def check(tab, url):
        tab.add_script_tag(path=str(AXE))
        # Colours fade between schemes; axe must read the colours the scheme ends with.
        tab.add_style_tag(content="*, *::before, *::after { transition: none !important; animation: none !important; }")
        for scheme in ("default", "slate"):
            tab.evaluate("scheme => document.body.setAttribute('data-md-color-scheme', scheme)", scheme)
            violations = tab.evaluate(RUN_AXE, TAGS)
            if violations:
                found[f"{url} ({scheme})"] = violations

    paths = site_paths(site)
    assert paths and sorted(paths) == fixture_page_paths(fixture_data())  # every page the fixture portfolio makes
    context = browser.new_context()
    visit_all(context, [served_site + path for path in paths], check, wait="load")
    context.close()
    assert found == {}


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


def test_on_a_desktop_the_reckoner_is_a_ruled_grid_that_reads_easily(browser, served_site):
    """At 1280 pixels: every cell ruled, the indicators in the widest column (each in four lines at most),
    the visits in equal columns, and each date box whole inside its cell."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    tab = context.new_page()
    tab.goto(served_site + "appendix/ready-reckoner/", wait_until="networkidle")
    grid = tab.evaluate("""() => {
        const cells = [...document.querySelectorAll('.wwr-reckoner__table th, .wwr-reckoner__table td')];
        const head = [...document.querySelector('.wwr-reckoner__table thead tr').children].map(c => c.getBoundingClientRect().width);
        const lines = [...document.querySelectorAll('.wwr-reckoner__table tbody th[id^=indicator-]')].map(th =>
            th.getBoundingClientRect().height / parseFloat(getComputedStyle(th).lineHeight));
        const dates = [...document.querySelectorAll('.wwr-reckoner__dates td')].map(td => {
            const cell = td.getBoundingClientRect(), box = td.querySelector('input').getBoundingClientRect();
            return box.left >= cell.left && box.right <= cell.right;
        });
        return {unruled: cells.filter(c => getComputedStyle(c).borderTopStyle !== 'solid').length, head, lines, dates};
    }""")
    context.close()
    assert grid["unruled"] == 0
    indicators, *visits = grid["head"]
    assert indicators > max(visits) and max(visits) - min(visits) < 1, grid["head"]
    assert grid["lines"] and max(grid["lines"]) <= 4.5, grid["lines"]
    assert grid["dates"] and all(grid["dates"])
