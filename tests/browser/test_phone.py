"""On a phone, for real: Debian's chromium with touch (320 × 640 and 390 × 844 CSS pixels).

No page scrolls sideways, at the usual text size or at 200% (WCAG 1.4.10, 1.4.4); the ready
reckoner is filled in by tapping large, labelled toggles, its tally and action stay in reach, and
it still prints on one A4 sheet; the course catalogue and course pages reflow; the committee's
logo shows at every width; the colour scheme follows the device; the desktop layout is as it was.

Text at 200% is the browser's own text-size setting (Chrome's "Font size", Android's font scale):
the default font size the page's rem, em and % sizes, and its em media queries, are measured
against. CDP's Page.setFontSizes sets exactly that preference, live. A user stylesheet raising the
root's font-size would replace the theme's own 125% (giving 1.6×, not 2×) and leave the media
queries where they were; page zoom or a device scale factor is reflow, which 320 pixels tests.
Each check asserts the root's font size really doubled, so the emulation cannot silently fail.
"""

from __future__ import annotations

import io
import re

import pytest
from playwright.sync_api import expect
from pypdf import PdfReader

from macros.render.filters import tel
from tests.browser.test_accessibility import AXE, RUN_AXE, TAGS
from tests.helpers import fixture_data, fixture_page_paths, open_settled, page_address, serve_directory, site_paths, visit_all

DATA = fixture_data()
RECKONER = DATA.ready_reckoner
# The course catalogue, deep in the menu, and the other pages of its Part that the menu lists under the
# Part's title (its first page is the Part's own link), which the menu opens on; the table of resources.
[(CATALOGUE, NEIGHBOURS)] = [(page_address(page.page), [other.title for other in item.pages[1:] if other is not page])
                             for item in DATA.book.menu for page in item.all_pages if "courses" in page.entries]
[RESOURCE_TABLE] = [page_address(page.page) for item in DATA.book.menu for page in item.all_pages if "resources" in page.entries]
PHONES = {"320": {"width": 320, "height": 640}, "390": {"width": 390, "height": 844}}
DESKTOP = {"width": 1280, "height": 900}
TOUCH_TARGET = 44  # CSS pixels: WCAG 2.5.5 (AAA), and what a hurried thumb needs

# How far the page reaches sideways, and which elements stick out past the screen's edges
# without a scrolling region or a fixed panel (the closed menu drawer) to hold them.
MEASURE = """() => {
  const root = document.documentElement, width = root.clientWidth, out = [];
  for (const el of document.body.querySelectorAll("*")) {
    const r = el.getBoundingClientRect();
    if (!r.width || !r.height || (r.right <= width + 1 && r.left >= -1)) continue;
    let held = false;
    for (let a = el; a && a !== document.body; a = a.parentElement) {
      const s = getComputedStyle(a);
      if (s.position === "fixed" || (a !== el && s.overflowX !== "visible") || s.visibility === "hidden" || s.clip !== "auto") { held = true; break; }
    }
    if (!held) out.push(el.tagName.toLowerCase() + [...el.classList].map(c => "." + c).join("") + ` (${Math.round(r.left)} to ${Math.round(r.right)})`);
  }
  return {scrollWidth: root.scrollWidth, width, fontSize: parseFloat(getComputedStyle(root).fontSize), outside: out.slice(0, 5)};
}"""
TWO_FRAMES = "() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))"


def phone(browser, size: str, **options):
    return browser.new_context(viewport=PHONES[size], has_touch=True, is_mobile=True, **options)


def text_size(context, tab, percent: int) -> None:
    """The browser's text size (kept by the tab from page to page): its default font size (16 px, monospace 13) at `percent`."""
    session = context.new_cdp_session(tab)
    session.send("Page.setFontSizes", {"fontSizes": {"standard": 16 * percent // 100, "fixed": 13 * percent // 100}})
    session.detach()
    tab.evaluate(TWO_FRAMES)


# ---- every page ---------------------------------------------------------------------------------


@pytest.mark.parametrize("size", PHONES)
def test_no_page_scrolls_sideways_at_the_usual_text_size_or_at_200_percent(browser, site, served_site, size):
    found = {}

    def check(tab, url):
        usual = tab.evaluate(MEASURE)
        text_size(context, tab, 200)
        large = tab.evaluate(MEASURE)
        text_size(context, tab, 100)  # for the next page
        assert large["fontSize"] == 2 * usual["fontSize"], "the text did not get twice as large"
        for name, seen in (("usual text", usual), ("text at 200%", large)):
            if seen["scrollWidth"] > seen["width"] or seen["outside"]:
                found[f"{url} ({name})"] = seen

    paths = site_paths(site)
    assert paths and sorted(paths) == fixture_page_paths(DATA)  # every page the fixture portfolio makes
    context = phone(browser, size)
    visit_all(context, [served_site + path for path in paths], check, wait="load")
    context.close()
    assert found == {}


# ---- the ready reckoner -------------------------------------------------------------------------


def toggle(tab, indicator_id: str, visit: int):
    """What a thumb taps: the toggle (a label holding the tick box), not the small box alone."""
    return tab.locator(f"label.wwr-toggle:has(#tick-{indicator_id}-{visit})")


def in_view(box, viewport) -> bool:
    return box is not None and box["y"] >= 0 and box["y"] + box["height"] <= viewport["height"] + 0.5


@pytest.mark.parametrize("size", PHONES)
def test_the_reckoner_is_filled_in_by_tapping_large_labelled_toggles_and_still_prints_on_one_sheet(browser, served_site, size):
    viewport = PHONES[size]
    context = phone(browser, size)
    tab = context.new_page()
    requests: list[str] = []
    tab.on("request", lambda request: requests.append(request.url))
    open_settled(tab, served_site + "appendix/ready-reckoner/")
    loaded = len(requests)
    # The form starts on the first screen, its running tally already in view at the foot of it.
    assert tab.locator("#reckoner").bounding_box()["y"] < viewport["height"]
    tally = tab.locator(".wwr-reckoner__tally")
    assert in_view(tally.bounding_box(), viewport)
    expect(tally).to_contain_text("Ticked")
    visits = RECKONER.visits
    indicators = RECKONER.indicators
    assert visits and indicators
    for number, visit in enumerate(visits, start=1):
        for done, indicator in enumerate(indicators, start=1):
            box = toggle(tab, indicator.id, number)
            expect(box).to_have_text(visit)
            size_of = box.bounding_box()
            assert size_of["width"] >= TOUCH_TARGET and size_of["height"] >= TOUCH_TARGET, (indicator.id, visit, size_of)
            assert size_of["x"] >= 0 and size_of["x"] + size_of["width"] <= viewport["width"], (indicator.id, visit, size_of)
            box.tap()
            tick = tab.locator(f"#tick-{indicator.id}-{number}")
            expect(tick).to_be_checked()
            expect(tick).to_have_accessible_name(f"{visit}: {indicator.text}")
            expect(tally.locator(f"[data-tally='{number}'] b")).to_have_text(str(done))
            assert in_view(tally.bounding_box(), viewport), "the tally left the screen"
        expect(tab.locator(f"#count-{number}")).to_have_text(str(len(indicators)))
        expect(tally.locator(".wwr-reckoner__tally-visit--current")).to_have_attribute("data-tally", str(number))
        action = next(a for a in RECKONER.actions if a.visit == number)
        expect(tab.locator("#reckoner-reading")).to_have_text(f"{visit} is the latest visit with a tick, so the action under it applies. {action.text}")
    for button in tab.locator(".wwr-reckoner__buttons button").all():
        assert button.bounding_box()["height"] >= TOUCH_TARGET
    # The action is one tap away from anywhere in the cards.
    jump = tally.get_by_role("link", name=re.compile("^Action"))
    assert jump.bounding_box()["height"] >= TOUCH_TARGET
    jump.tap()
    current = tab.locator(".wwr-reckoner__action--current")
    expect(current).to_contain_text(RECKONER.actions[-1].text)
    tab.wait_for_function("() => { const r = document.querySelector('#reckoner-actions').getBoundingClientRect(); return r.top >= 0 && r.top < innerHeight / 2; }")
    assert in_view(current.bounding_box(), viewport)
    # Nothing was stored or sent.
    storage = tab.evaluate("async () => [document.cookie, localStorage.length, sessionStorage.length, (await indexedDB.databases()).length]")
    assert storage == ["", 0, 0, 0]
    # (The browser itself may fetch the tab's icon late; the page asks for nothing.)
    assert [url for url in requests[loaded:] if not url.endswith("/assets/images/icons/favicon-32.png")] == []
    # Printed from the phone: the same one A4 sheet, every tick on it, none of the phone's extras.
    reader = PdfReader(io.BytesIO(tab.pdf(format="A4", print_background=True, prefer_css_page_size=True)))
    assert len(reader.pages) == 1
    text = re.sub(r"\s+", " ", reader.pages[0].extract_text())
    assert text.count("✓") == len(visits) * len(indicators)
    assert "Ticked" not in text and "go to the actions" not in text
    for indicator in indicators:
        assert re.sub(r"\s+", " ", indicator.text) in text
    context.close()


def test_the_reckoner_guidance_is_one_tap_away(browser, served_site):
    context = phone(browser, "320")
    tab = context.new_page()
    tab.goto(served_site + "appendix/ready-reckoner/", wait_until="networkidle")
    guidance = tab.locator("details.note")
    summary = guidance.locator("summary")
    assert summary.bounding_box()["y"] < PHONES["320"]["height"]
    assert summary.bounding_box()["height"] >= TOUCH_TARGET
    expect(guidance.get_by_text("Nothing you type or tick is stored or sent anywhere.")).to_be_hidden()
    summary.tap()
    expect(guidance.get_by_text("Nothing you type or tick is stored or sent anywhere.")).to_be_visible()
    context.close()


def test_a_toggle_reached_with_the_keyboard_is_never_hidden_under_the_tally(browser, served_site):
    """WCAG 2.4.11. The hard case: the next card's toggles sit just above the screen's foot, under
    the tally, where the browser counts them as in view and would not scroll. Tab to each: it must
    come out from under the tally, its centre the toggle's own (nothing drawn over it)."""
    context = phone(browser, "320")
    tab = context.new_page()
    tab.goto(served_site + "appendix/ready-reckoner/", wait_until="networkidle")
    uncovered = """() => { const label = document.activeElement.closest('label');
      const r = label.getBoundingClientRect(), hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
      return r.top >= 0 && r.bottom <= innerHeight && hit !== null && label.contains(hit); }"""
    under_the_tally = """id => { const label = document.getElementById(id).closest('label');
      const tally = document.querySelector('.wwr-reckoner__tally').getBoundingClientRect();
      window.scrollBy(0, label.getBoundingClientRect().top - (innerHeight - tally.height / 2));
      return label.getBoundingClientRect().top < innerHeight; }"""
    indicators = RECKONER.indicators
    assert len(indicators) >= 2
    for before, after in zip(indicators, indicators[1:]):
        tab.evaluate("id => document.getElementById(id).focus({preventScroll: true})", f"tick-{before.id}-{len(RECKONER.visits)}")
        assert tab.evaluate(under_the_tally, f"tick-{after.id}-1")
        tab.keyboard.press("Tab")
        assert tab.evaluate("() => document.activeElement.id") == f"tick-{after.id}-1"
        tab.wait_for_function(uncovered, timeout=3000)
    context.close()


# ---- the course catalogue and course pages ------------------------------------------------------


@pytest.mark.parametrize("size", PHONES)
def test_course_filters_and_cards_fit_the_screen_and_filter_by_touch(browser, served_site, size):
    viewport = PHONES[size]
    context = phone(browser, size)
    tab = context.new_page()
    tab.goto(served_site + CATALOGUE, wait_until="networkidle")
    tab.wait_for_selector("#course-filters:not([hidden])")
    for control in tab.locator("#course-filters select, #course-filters button").all():
        box = control.bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= viewport["width"]
        assert box["height"] >= TOUCH_TARGET
    cards = tab.locator(".wwr-course")
    assert DATA.courses and cards.count() == len(DATA.courses)
    for card in cards.all():
        box = card.bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= viewport["width"]
        facts = card.locator(".wwr-course__facts > li")
        tops = [fact.bounding_box()["y"] for fact in facts.all()]
        # provider, format and length, audience, and the next date when there is one: a line each
        assert tops == sorted(tops) and len(set(tops)) == len(tops) == facts.count() and facts.count() in (3, 4)
        expect(facts.first).to_contain_text("Provider:")
    provider = DATA.courses[0].provider
    tab.locator("#filter-provider").select_option(provider)
    expect(tab.locator(".wwr-course:visible")).to_have_count(sum(1 for c in DATA.courses if c.provider == provider))
    tab.get_by_role("button", name="Show all").tap()
    expect(tab.locator(".wwr-course:visible")).to_have_count(len(DATA.courses))
    context.close()


def test_how_to_book_is_on_the_first_screen_of_every_course_page(browser, served_site):
    context = phone(browser, "320")
    tab = context.new_page()
    assert DATA.courses and any(course.contact.phone and tel(course.contact.phone) for course in DATA.courses)
    for course in DATA.courses:
        tab.goto(served_site + f"courses/{course.id}/", wait_until="networkidle")
        heading = tab.get_by_role("heading", name="How to book")
        assert heading.bounding_box()["y"] + heading.bounding_box()["height"] <= PHONES["320"]["height"], course.id
        if course.contact.phone and tel(course.contact.phone):
            call = tab.locator(".wwr-booking").get_by_role("link", name=course.contact.phone)
            expect(call).to_have_attribute("href", tel(course.contact.phone))
            expect(call).to_be_in_viewport()
    context.close()


def wide_table(browser, served_site):
    """A 320 px phone's tab on the resources page, and the labelled region its table scrolls in, wider than the phone."""
    context = phone(browser, "320")
    tab = context.new_page()
    tab.goto(served_site + RESOURCE_TABLE, wait_until="networkidle")
    region = tab.get_by_role("region", name=re.compile("^Table: .+"))
    assert region.evaluate("r => r.scrollWidth > r.clientWidth")  # the table is wider than the phone
    return context, tab, region


def test_a_wide_table_scrolls_inside_its_region_with_the_keyboard_not_the_page(browser, served_site):
    context, tab, region = wide_table(browser, served_site)
    region.focus()
    for _ in range(4):
        tab.keyboard.press("ArrowRight")
    tab.wait_for_function("r => r.scrollLeft > 0", arg=region.element_handle())
    assert tab.evaluate("document.documentElement.scrollWidth") <= PHONES["320"]["width"]
    context.close()


# ---- axe on the phone layouts -------------------------------------------------------------------

PHONE_PAGES = ["appendix/ready-reckoner/", "appendix/ready-reckoner-blank/", CATALOGUE, f"courses/{DATA.courses[0].id}/",
               RESOURCE_TABLE, "glossary/", f"checklists/{DATA.question_sets[0].id}/"]


def test_no_axe_violations_in_the_phone_layouts_in_either_scheme(browser, served_site):
    found = {}

    def check(tab, url):
        tab.add_script_tag(path=str(AXE))
        tab.add_style_tag(content="*, *::before, *::after { transition: none !important; animation: none !important; }")
        if url.endswith("appendix/ready-reckoner/"):
            tab.locator("label.wwr-toggle").first.tap()  # a ticked toggle and a marked tally too
        for scheme in ("default", "slate"):
            tab.evaluate("scheme => document.body.setAttribute('data-md-color-scheme', scheme)", scheme)
            violations = tab.evaluate(RUN_AXE, TAGS)
            if violations:
                found[f"{url} ({scheme})"] = violations

    context = phone(browser, "320")
    visit_all(context, [served_site + path for path in PHONE_PAGES], check)
    context.close()
    assert found == {}


# ---- the committee's logo, the colour scheme ----------------------------------------------------


@pytest.fixture(scope="module")
def committee_served(committee_site):
    with serve_directory(committee_site) as base:
        yield base


@pytest.mark.parametrize("width", [320, 390, 800, 1280])
def test_the_committees_logo_is_in_the_header_at_every_width(browser, committee_served, width):
    committee = fixture_data(committee=True)
    context = browser.new_context(viewport={"width": width, "height": 800}, has_touch=width < 800, is_mobile=width < 800)
    tab = context.new_page()
    tab.goto(committee_served, wait_until="networkidle")
    logo = tab.locator("header .md-logo img")
    expect(logo).to_be_visible()
    expect(logo).to_have_attribute("alt", committee.site.committee_name)
    box, header = logo.bounding_box(), tab.locator("header").bounding_box()
    assert box["width"] > 0 and box["x"] >= 0 and box["x"] + box["width"] <= width
    assert header["y"] <= box["y"] and box["y"] + box["height"] <= header["y"] + header["height"]
    if width < 800:
        text_size(context, tab, 200)
        assert tab.evaluate("document.documentElement.scrollWidth") <= width
        expect(logo).to_be_visible()
    context.close()


@pytest.mark.parametrize("text", ["usual", "200%"])
def test_the_menu_opens_within_the_screen(browser, committee_served, text):
    assert NEIGHBOURS
    context = phone(browser, "320")
    tab = context.new_page()
    tab.goto(committee_served + CATALOGUE, wait_until="networkidle")
    if text == "200%":
        text_size(context, tab, 200)
    tab.locator("label.md-header__button[for=__drawer]").tap()
    menu = tab.locator(".md-sidebar--primary")
    tab.wait_for_function("() => document.querySelector('.md-sidebar--primary').getBoundingClientRect().left >= 0")
    box = menu.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= PHONES["320"]["width"]
    for title in NEIGHBOURS:
        expect(menu.get_by_role("link", name=title, exact=True)).to_be_in_viewport()
    context.close()


def test_the_colour_scheme_follows_the_device_live_with_no_toggle_and_nothing_stored(browser, served_site):
    context = phone(browser, "390", color_scheme="dark")
    tab = context.new_page()
    tab.goto(served_site + "appendix/ready-reckoner/", wait_until="networkidle")
    background = "getComputedStyle(document.body).backgroundColor"
    assert max(map(int, re.findall(r"\d+", tab.evaluate(background))[:3])) < 80  # Material's dark grey
    expect(tab.locator("header [for^=__palette], header [title*=scheme]")).to_have_count(0)
    tab.emulate_media(color_scheme="light")
    tab.wait_for_function(f"{background} === 'rgb(255, 255, 255)'")
    tab.goto(served_site + CATALOGUE, wait_until="networkidle")
    assert tab.evaluate(background) == "rgb(255, 255, 255)"
    storage = tab.evaluate("() => [document.cookie, localStorage.length, sessionStorage.length]")
    assert storage == ["", 0, 0]
    context.close()


# Every change to <body>'s colour attributes from the moment the page starts, in order.
WATCH_BODY = """new MutationObserver(records => {
  for (const r of records) if (r.target === document.body)
    (window.__bodyChanges = window.__bodyChanges || []).push(r.attributeName + "=" + document.body.getAttribute(r.attributeName));
}).observe(document, {subtree: true, attributes: true, attributeFilter:
  ["data-md-color-scheme", "data-md-color-primary", "data-md-color-accent", "data-md-color-media", "data-md-color-switching"]});"""


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_a_page_is_never_restyled_for_its_scheme(browser, served_site, scheme):
    """Restyling a page is the largest start-up cost on a phone (the reckoner's whole form): the stylesheet
    gives a device in either mode its scheme from the first paint, and no script switches it after."""
    context = phone(browser, "390", color_scheme=scheme)
    context.add_init_script(WATCH_BODY)
    tab = context.new_page()
    tab.goto(served_site + "appendix/ready-reckoner/", wait_until="networkidle")
    assert tab.evaluate("window.__bodyChanges || []") == []
    edges = tab.evaluate("getComputedStyle(document.body).colorScheme")  # the browser's own parts
    assert edges == scheme
    red, green, blue = map(int, re.findall(r"\d+", tab.evaluate("getComputedStyle(document.body).backgroundColor"))[:3])
    assert (min(red, green, blue) == 255) if scheme == "light" else (max(red, green, blue) < 80)  # white, or Material's dark grey
    context.close()


# ---- the desktop layout, as it was --------------------------------------------------------------


def test_the_desktop_layout_is_as_it_was(browser, served_site):
    context = browser.new_context(viewport=DESKTOP)
    tab = context.new_page()
    tab.goto(served_site + "appendix/ready-reckoner/", wait_until="networkidle")
    assert tab.evaluate("getComputedStyle(document.querySelector('.wwr-reckoner__table')).display") == "table"
    first = RECKONER.indicators[0].id
    boxes = [tab.locator(f"#tick-{first}-{n}").bounding_box() for n in range(1, len(RECKONER.visits) + 1)]
    assert len({round(b["y"]) for b in boxes}) == 1 and [b["x"] for b in boxes] == sorted(b["x"] for b in boxes)
    assert all(24 <= b["width"] < TOUCH_TARGET for b in boxes)  # tick boxes in a table row, as before
    expect(tab.locator(".wwr-reckoner__tally")).to_be_hidden()
    expect(tab.locator(".wwr-reckoner__visit").first).to_be_hidden()
    expect(tab.locator("#reckoner .wwr-reckoner__counts")).to_be_visible()
    tab.goto(served_site + CATALOGUE, wait_until="networkidle")
    facts = tab.locator(".wwr-course").first.locator(".wwr-course__facts > li")
    assert len({round(fact.bounding_box()["y"]) for fact in facts.all()}) == 1  # "provider · format · audience"
    expect(facts.first.locator(".wwr-course__label")).to_have_css("position", "absolute")  # named for screen readers only
    label, select = tab.locator("label[for=filter-provider]").bounding_box(), tab.locator("#filter-provider").bounding_box()
    assert abs((label["y"] + label["height"] / 2) - (select["y"] + select["height"] / 2)) < 4  # side by side
    tab.goto(served_site + RESOURCE_TABLE, wait_until="networkidle")
    assert tab.locator(".wwr-table-scroll").evaluate("r => r.scrollWidth <= r.clientWidth")  # the whole table shows
    expect(tab.locator(".md-sidebar--primary")).to_be_visible()
    context.close()
