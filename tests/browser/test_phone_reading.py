"""Readers on phones (issue 27): the dark scheme from the first paint, large text that reads, and a
ready reckoner that is safe to use in a hurry. Debian's chromium, on the fixture site.

Text at 200% is the browser's own text-size setting, as in test_phone.py (CDP Page.setFontSizes: what
Chrome's "Font size" and Android's font scale change), not page zoom: every rem, em and % size and
every em breakpoint follows it, and the viewport stays 320 pixels wide."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from tests.browser.test_phone import TWO_FRAMES, phone, text_size, wide_table
from tests.helpers import fixture_data, fixture_page_paths, site_paths, visit_all

DATA = fixture_data()
RECKONER = DATA.ready_reckoner
TARGET_SPACING = 24  # CSS pixels between Clear and Print: WCAG 2.5.8
UNDO_FOR = 10_500  # milliseconds Undo must still be there after Clear (at least 10 s)


def _rgb(colour: str) -> tuple[int, ...]:
    return tuple(int(float(part)) for part in re.findall(r"[\d.]+", colour)[:3])


def _dark(colour: str) -> bool:
    return max(_rgb(colour)) < 80  # Material's slate grey, #1e2129


def _white(colour: str) -> bool:
    return min(_rgb(colour)) == 255


# ---- the dark scheme, from the first paint ------------------------------------------------------

# The body's background in the first frame the page would paint (a frame waits for the stylesheets in
# <head>), and every change any script makes to <body>'s colour attributes.
FIRST_FRAME = """(() => {
  const look = () => requestAnimationFrame(() => {
    if (document.body && !window.__firstFrame) window.__firstFrame = getComputedStyle(document.body).backgroundColor;
    else if (!window.__firstFrame) look();
  });
  look();
  new MutationObserver(records => {
    for (const r of records) if (r.target === document.body && r.attributeName.startsWith("data-md-color"))
      (window.__bodyChanges = window.__bodyChanges || []).push(r.attributeName);
  }).observe(document, {subtree: true, attributes: true});
})();"""


@pytest.mark.parametrize("scheme", ["dark", "light"])
def test_a_page_is_in_the_devices_scheme_with_javascript_off(browser, served_site, scheme):
    context = browser.new_context(color_scheme=scheme, java_script_enabled=False)
    tab = context.new_page()
    tab.goto(served_site + "appendix/ready-reckoner/", wait_until="load")
    colours = tab.evaluate("""() => [document.body, document.querySelector('article')].map(e => getComputedStyle(e).backgroundColor)
        .concat([getComputedStyle(document.body).color, getComputedStyle(document.body).colorScheme])""")
    context.close()
    body, _article, ink, used = colours
    if scheme == "dark":
        assert _dark(body) and min(_rgb(ink)) > 180 and used == "dark", colours
    else:
        assert _white(body) and max(_rgb(ink)) < 80 and used == "light", colours


@pytest.mark.parametrize("scheme", ["dark", "light"])
def test_the_first_paint_is_in_the_devices_scheme_and_no_script_restyles_the_page(browser, served_site, scheme):
    context = phone(browser, "390", color_scheme=scheme)
    context.add_init_script(FIRST_FRAME)
    tab = context.new_page()
    tab.goto(served_site + "appendix/ready-reckoner/", wait_until="networkidle")
    first, changes, now = tab.evaluate("[window.__firstFrame, window.__bodyChanges || [], getComputedStyle(document.body).backgroundColor]")
    assert first and (_dark(first) if scheme == "dark" else _white(first)), first
    assert first == now and changes == []  # nothing switched after the first paint
    # The device's setting changes while the page is open: the page follows at once, still with no script.
    tab.emulate_media(color_scheme="light" if scheme == "dark" else "dark")
    after = tab.evaluate("getComputedStyle(document.body).backgroundColor")
    assert (_white(after) if scheme == "dark" else _dark(after)) and tab.evaluate("window.__bodyChanges || []") == []
    # The browser's bar takes a colour for each scheme; nothing is stored.
    metas = tab.evaluate("[...document.querySelectorAll('meta[name=theme-color]')].map(m => [m.media, m.content])")
    assert sorted(media for media, _ in metas) == ["(prefers-color-scheme: dark)", "(prefers-color-scheme: light)"]
    assert tab.evaluate("() => [document.cookie, localStorage.length, sessionStorage.length]") == ["", 0, 0]
    context.close()


def test_with_every_script_blocked_a_dark_device_still_gets_the_dark_scheme(browser, served_site):
    context = phone(browser, "320", color_scheme="dark")
    context.route(re.compile(r".*\.js(\?.*)?$"), lambda route: route.abort())
    tab = context.new_page()
    tab.goto(served_site + "glossary/", wait_until="load")
    assert _dark(tab.evaluate("getComputedStyle(document.body).backgroundColor"))
    context.close()


# ---- large text: 320 pixels, text at 200% -------------------------------------------------------

# Every block of running text in the page's content, with the width its lines may take: that of the
# nearest block box around it (a list and its items count as the column they stand in: the marker's
# indent is not a narrower column; but a checklist's question, with its tick box, has the column itself). Left out: tables (they scroll in their own region), the reckoner's
# grid of toggles and its tally, the titles of notes and fieldsets (their icons and borders take room by
# design), theme tags (chips), buttons, permalink marks, and what is hidden.
COLUMNS = """() => {
  const width = document.documentElement.clientWidth, narrow = [];
  const skip = "table, .wwr-table-scroll, .wwr-reckoner__table td, .wwr-reckoner__dates, .wwr-reckoner__tally, .admonition-title, summary, legend, .md-tag, .headerlink, button, .md-button, script, style";
  const walker = document.createTreeWalker(document.querySelector("article"), NodeFilter.SHOW_TEXT);
  const seen = new Set();
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const parent = node.parentElement;
    if (!node.data.trim() || !parent || parent.closest(skip) || !parent.getClientRects().length) continue;
    let block = parent;
    while (block && getComputedStyle(block).display.startsWith("inline")) block = block.parentElement;
    if (!block.closest(".wwr-checklist")) for (let list = block.closest("li"); list; list = list.parentElement.closest("li")) block = list.parentElement;
    if (!block || seen.has(block)) continue;
    seen.add(block);
    const s = getComputedStyle(block), r = block.getBoundingClientRect();
    const inner = r.width - parseFloat(s.paddingLeft) - parseFloat(s.paddingRight) - parseFloat(s.borderLeftWidth) - parseFloat(s.borderRightWidth);
    if (inner < 0.85 * width) narrow.push(`${block.tagName.toLowerCase()}.${[...block.classList].join(".")} ${Math.round(inner)}px: ${node.data.trim().slice(0, 40)}`);
  }
  const article = document.querySelector("article").getBoundingClientRect();
  return {width, article: article.width, narrow: narrow.slice(0, 5), fontSize: parseFloat(getComputedStyle(document.documentElement).fontSize)};
}"""

# Every word (a run of letters and digits) whose line boxes sit on two lines is broken mid-word; that is
# allowed only when the whole word, with what it is written solid with (an address, "parents/carers"),
# is wider than its line.
BROKEN_WORDS = """() => {
  const broken = [];
  const walker = document.createTreeWalker(document.querySelector(".md-main"), NodeFilter.SHOW_TEXT);
  const lines = range => new Set([...range.getClientRects()].filter(r => r.width > 0).map(r => Math.round(r.top))).size;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const parent = node.parentElement;
    if (!parent || parent.closest("script, style, .md-sidebar, [hidden]") || !parent.getClientRects().length) continue;
    for (const token of node.data.matchAll(/\\S+/g)) {
      for (const word of token[0].matchAll(/[\\p{L}\\p{N}\u2019']+/gu)) {
        const range = document.createRange();
        range.setStart(node, token.index + word.index);
        range.setEnd(node, token.index + word.index + word[0].length);
        if (lines(range) < 2) continue;
        range.setStart(node, token.index);
        range.setEnd(node, token.index + token[0].length);
        const solid = [...range.getClientRects()].reduce((sum, r) => sum + r.width, 0);
        let block = parent;
        while (getComputedStyle(block).display.startsWith("inline")) block = block.parentElement;
        const s = getComputedStyle(block);
        const line = block.getBoundingClientRect().width - parseFloat(s.paddingLeft) - parseFloat(s.paddingRight);
        if (solid <= line + 1) broken.push(`${word[0]} in ${token[0]} (${Math.round(solid)} of ${Math.round(line)}px)`);
      }
    }
  }
  return broken.slice(0, 5);
}"""


def test_at_320_pixels_and_200_percent_text_every_page_reads_in_a_wide_column_with_no_word_broken(browser, site, served_site):
    found = {}

    def check(tab, url):
        text_size(context, tab, 200)
        columns = tab.evaluate(COLUMNS)
        assert columns["fontSize"] == 40, "the text did not get twice as large (the theme's 125% of 32 pixels)"
        problems = {}
        if columns["article"] < 0.85 * columns["width"]:
            problems["column"] = columns["article"]
        if columns["narrow"]:
            problems["narrow"] = columns["narrow"]
        broken = tab.evaluate(BROKEN_WORDS)
        if broken:
            problems["broken"] = broken
        if problems:
            found[url] = problems

    paths = site_paths(site)
    assert paths and sorted(paths) == fixture_page_paths(DATA)  # every page the fixture portfolio makes
    context = phone(browser, "320")
    visit_all(context, [served_site + path for path in paths], check, wait="load")
    context.close()
    assert found == {}


def test_a_title_has_no_empty_line_under_it_at_200_percent(browser, served_site):
    """The heading's permalink mark (¶, shown on hover or focus) took a line of its own under a long title."""
    context = phone(browser, "320")
    tab = context.new_page()
    tab.goto(served_site + "appendix/ready-reckoner/", wait_until="load")
    text_size(context, tab, 200)
    height, line, lines = tab.evaluate("""() => { const h1 = document.querySelector('article h1'), range = document.createRange();
        range.selectNodeContents(h1); range.setEndBefore(h1.querySelector('.headerlink'));
        const tops = new Set([...range.getClientRects()].filter(r => r.width > 0).map(r => Math.round(r.top)));
        return [h1.getBoundingClientRect().height, parseFloat(getComputedStyle(h1).lineHeight), tops.size]; }""")
    assert lines >= 2 and height < (lines + 0.5) * line, (height, line, lines)  # the title's lines, and no empty one
    # The mark is still there for the keyboard, and shows when focused.
    mark = tab.locator("article h1 .headerlink")
    mark.focus()
    assert mark.bounding_box()["width"] > 10
    context.close()


# The rectangles of every line of text in the page's content.
TEXT_RECTS = """() => {
  const rects = [];
  const walker = document.createTreeWalker(document.querySelector("article"), NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (!node.data.trim() || node.parentElement.closest(".wwr-top-link")) continue;
    const range = document.createRange();
    range.selectNodeContents(node);
    for (const r of range.getClientRects()) if (r.width > 0 && r.bottom > 0 && r.top < innerHeight) rects.push([r.left, r.top, r.right, r.bottom]);
  }
  return rects;
}"""


@pytest.mark.parametrize("text", ["usual", "200%"])
def test_back_to_top_never_covers_the_text(browser, served_site, text):
    context = phone(browser, "320")
    tab = context.new_page()
    tab.goto(served_site + "print/", wait_until="networkidle")  # the longest page
    if text == "200%":
        text_size(context, tab, 200)
    # Scrolling down, then back up, is when Material showed its floating button.
    for y in (2000, 4000, 3500, 3000):
        tab.mouse.wheel(0, y - tab.evaluate("scrollY"))
        tab.wait_for_timeout(150)
    tab.evaluate(TWO_FRAMES)
    covers = []
    for button in tab.locator(".md-top, .wwr-top-link a").all():
        if not button.is_visible():
            continue
        box = button.bounding_box()
        for left, top, right, bottom in tab.evaluate(TEXT_RECTS):
            if left < box["x"] + box["width"] and right > box["x"] and top < box["y"] + box["height"] and bottom > box["y"]:
                covers.append((box, (left, top, right, bottom)))
    assert covers == []
    # It is at the foot of the page, and takes the reader to the top.
    link = tab.get_by_role("link", name="Back to top")
    link.scroll_into_view_if_needed()
    link.tap()
    tab.wait_for_function("scrollY === 0")
    context.close()


def test_a_table_that_scrolls_is_a_focusable_labelled_region_that_shows_it_scrolls(browser, served_site):
    context, tab, region = wide_table(browser, served_site)
    expect(region).to_have_attribute("tabindex", "0")

    def edges():
        """How dark the region's last few pixels on each side are, on average (0, white, to 255)."""
        shot = region.screenshot(animations="disabled")
        return tab.evaluate("""async data => {
            const image = new Image(); image.src = "data:image/png;base64," + data; await image.decode();
            const canvas = document.createElement("canvas"); canvas.width = image.width; canvas.height = image.height;
            const g = canvas.getContext("2d"); g.drawImage(image, 0, 0);
            const ink = x => { const d = g.getImageData(x, 0, 3, image.height).data; let sum = 0;
                for (let i = 0; i < d.length; i += 4) sum += 255 - (d[i] + d[i + 1] + d[i + 2]) / 3; return sum / (d.length / 4); };
            return [ink(0), ink(image.width - 3)]; }""", __import__("base64").b64encode(shot).decode())

    start_left, start_right = edges()
    region.evaluate("r => { r.scrollLeft = r.scrollWidth; }")
    tab.evaluate(TWO_FRAMES)
    end_left, end_right = edges()
    # More table to the right: a shadow at the right edge, which goes once the end is reached, and comes
    # at the left edge instead.
    assert start_right > end_right + 3 and end_left > start_left + 3, (start_left, start_right, end_left, end_right)
    context.close()


# ---- the reckoner, in a hurry -------------------------------------------------------------------


def _form_state(tab):
    return tab.evaluate("() => [...document.querySelectorAll('#reckoner input')].map(i => i.type === 'checkbox' ? i.checked : i.value)")


@pytest.mark.parametrize("size", ["320", "desktop"])
def test_clear_is_well_apart_from_print_and_can_be_undone_for_at_least_ten_seconds(browser, served_site, size):
    context = phone(browser, "320") if size == "320" else browser.new_context(viewport={"width": 1280, "height": 900})
    tab = context.new_page()
    tab.goto(served_site + "appendix/ready-reckoner/", wait_until="networkidle")
    form = tab.locator("#reckoner")
    clear, print_ = form.get_by_role("button", name="Clear"), form.get_by_role("button", name="Print")
    for text in ("usual", "200%"):
        if text == "200%":
            text_size(context, tab, 200)
        a, b = clear.bounding_box(), print_.bounding_box()
        apart = max(b["x"] - (a["x"] + a["width"]), a["x"] - (b["x"] + b["width"]), b["y"] - (a["y"] + a["height"]), a["y"] - (b["y"] + b["height"]))
        assert apart >= TARGET_SPACING, (text, a, b)
    text_size(context, tab, 100)
    # Told apart by more than their words: Print is filled, Clear is not.
    assert clear.evaluate("e => getComputedStyle(e).backgroundColor") != print_.evaluate("e => getComputedStyle(e).backgroundColor")
    # Fill some of it in, Clear it, and Undo it after ten seconds: exactly what it held comes back.
    tab.fill("#reckoner-case", "AB-17")
    tab.fill("#visit-2-date", "2026-11-30")
    for indicator, visit in ((RECKONER.indicators[0].id, 1), (RECKONER.indicators[1].id, 2), (RECKONER.indicators[-1].id, 2)):
        tab.check(f"#tick-{indicator}-{visit}")
    before = _form_state(tab)
    reading = tab.locator("#reckoner-reading").inner_text()
    clear.click()
    expect(tab.locator("input.wwr-tick:checked")).to_have_count(0)
    assert tab.input_value("#reckoner-case") == ""
    undo = form.get_by_role("button", name="Undo")
    expect(undo).to_be_visible()
    expect(tab.locator("#reckoner-reading")).to_contain_text("cleared")
    tab.wait_for_timeout(UNDO_FOR)
    expect(undo).to_be_visible()
    undo.click()
    assert _form_state(tab) == before
    expect(tab.locator("#reckoner-reading")).to_contain_text(reading)
    expect(tab.locator("#count-2")).to_have_text("2")
    expect(undo).to_be_hidden()
    assert tab.evaluate("document.activeElement.textContent") == "Clear"  # focus is not lost with the Undo button
    # A change after Clear ends the offer: Undo would otherwise overwrite it.
    clear.click()
    expect(undo).to_be_visible()
    tab.check(f"#tick-{RECKONER.indicators[0].id}-3")
    expect(undo).to_be_hidden()
    # Clearing an empty form offers nothing to undo.
    tab.reload(wait_until="networkidle")
    clear.click()
    expect(tab.locator("#reckoner-reading")).to_have_text("No indicators ticked yet.")
    expect(undo).to_be_hidden()
    assert tab.evaluate("async () => [document.cookie, localStorage.length, sessionStorage.length, (await indexedDB.databases()).length]") == ["", 0, 0, 0]
    context.close()


def test_the_tally_and_the_action_say_which_visit_they_read_and_why(browser, served_site):
    context = phone(browser, "320")
    tab = context.new_page()
    tab.goto(served_site + "appendix/ready-reckoner/", wait_until="networkidle")
    tally = tab.locator(".wwr-reckoner__tally")
    expect(tally).to_contain_text("No ticks yet")
    why = tab.locator(".wwr-reckoner__why")
    expect(why).to_be_visible()  # not folded away: beside the action, without a tap
    expect(why).to_contain_text("latest visit with at least one tick")
    visits = RECKONER.visits
    first, later = RECKONER.indicators[0].id, RECKONER.indicators[1].id
    tab.locator(f"label.wwr-toggle:has(#tick-{first}-1)").tap()
    tab.locator(f"label.wwr-toggle:has(#tick-{first}-2)").tap()
    tab.locator(f"label.wwr-toggle:has(#tick-{later}-1)").tap()
    # Visit 1 has more ticks, but Visit 2 is the latest with one: its action applies, and both say so.
    action = next(a for a in RECKONER.actions if a.visit == 2)
    expect(tally).to_contain_text(f"Action from {visits[1]}: the latest visit with a tick")
    expect(tab.locator("#reckoner-reading")).to_have_text(f"{visits[1]} is the latest visit with a tick, so the action under it applies. {action.text}")
    context.close()
