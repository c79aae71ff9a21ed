"""Search, as a reader uses it: a practitioner's own words, an entry's title, an abbreviation.

Each query is typed into Material's search box in Debian's chromium, as a person types it, and the
first result must be the page that answers it. Where two entries share a title (the NSPCC factsheet
is called "Disguised Compliance", like the behaviour), either may come first. Queries run in several
tabs at once: each waits for its results to settle, and those waits overlap.
"""

from __future__ import annotations

import time
from collections import defaultdict

import pytest

from macros.load import load_site_data
from macros.model.kinds import ENTRY_PAGES
from tests.helpers import ROOT, first_search_result, serve_directory, type_search

DATA = load_site_data(ROOT / "data")
ENTRIES = [(f"{kind.folder}/{entry.id}/", entry.title) for kind in ENTRY_PAGES if kind.pages.searchable for entry in getattr(DATA, kind.name)]
PAGES_BY_TITLE: dict[str, set[str]] = defaultdict(set)
for path, title in ENTRIES:
    PAGES_BY_TITLE[title.lower()].add(path)

BEHAVIOURS = "resistance/"
# How practitioners type, and the page that must come first: words the portfolio does not use,
# other forms of its words, abbreviations, and the common words people type.
PRACTITIONER_QUERIES = [
    ("filming", BEHAVIOURS + "online-behaviours/"),
    ("filmed", BEHAVIOURS + "online-behaviours/"),
    ("online", BEHAVIOURS + "online-behaviours/"),
    ("posting online", BEHAVIOURS + "online-behaviours/"),
    ("parent posted about me on Facebook", BEHAVIOURS + "online-behaviours/"),
    ("social media", BEHAVIOURS + "online-behaviours/"),
    ("cyber bullying", BEHAVIOURS + "online-behaviours/"),
    ("video of me on youtube", BEHAVIOURS + "online-behaviours/"),
    ("videoing", BEHAVIOURS + "online-behaviours/"),
    ("won't let me see the child", BEHAVIOURS + "failure-to-enable-necessary-contact/"),
    ("cancelled visits", BEHAVIOURS + "failure-to-enable-necessary-contact/"),
    ("mum keeps cancelling", BEHAVIOURS + "failure-to-enable-necessary-contact/"),
    ("missed appointments", BEHAVIOURS + "failure-to-enable-necessary-contact/"),
    ("no access to the house", BEHAVIOURS + "failure-to-enable-necessary-contact/"),
    ("family not at home", BEHAVIOURS + "failure-to-enable-necessary-contact/"),
    ("parent not answering the door", BEHAVIOURS + "failure-to-enable-necessary-contact/"),
    ("child not seen", BEHAVIOURS + "failure-to-enable-necessary-contact/"),
    ("aggressive dad", BEHAVIOURS + "threats-of-violence-or-intimidation/"),
    ("violent father", BEHAVIOURS + "threats-of-violence-or-intimidation/"),
    ("parent threatened me", BEHAVIOURS + "threats-of-violence-or-intimidation/"),
    ("dad threatened me", BEHAVIOURS + "threats-of-violence-or-intimidation/"),
    ("intimidation", BEHAVIOURS + "threats-of-violence-or-intimidation/"),
    ("felt intimidated", BEHAVIOURS + "threats-of-violence-or-intimidation/"),
    ("lone working", BEHAVIOURS + "threats-of-violence-or-intimidation/"),
    ("won't engage", BEHAVIOURS + "active-non-compliance/"),
    ("refuses to engage", BEHAVIOURS + "active-non-compliance/"),
    ("not engaging", BEHAVIOURS + "active-non-compliance/"),
    ("sabotage", BEHAVIOURS + "active-non-compliance/"),
    ("sabotaged the plan", BEHAVIOURS + "active-non-compliance/"),
    ("says the right things", BEHAVIOURS + "disguised-compliance/"),
    ("they say all the right things", BEHAVIOURS + "disguised-compliance/"),
    ("pretending to cooperate", BEHAVIOURS + "disguised-compliance/"),
    ("false compliance", BEHAVIOURS + "disguised-compliance/"),
    ("MI", "tools/motivational-interviewing/"),
    ("motivational interview", "tools/motivational-interviewing/"),
    ("FGC", "tools/family-group-conferencing/"),
    ("family group decision making", "tools/family-group-conferencing/"),
    ("safety planning", "tools/signs-of-safety/"),
    ("capacity to change", "tools/c-change/"),
    ("EPO", "glossary/"),
    ("GIRFEC", "glossary/"),
    ("CP", "introduction/"),
    ("supervision questions", "part-four/managers/"),
    ("reflective supervision", "part-four/managers/"),
    ("staff wellbeing", "part-four/"),
    ("burnout", "part-four/"),
    ("impact on children", "part-three/"),
    ("why parents resist", "part-one/underlying-factors/"),
    ("risk assessment", "part-three/assessing-risk-and-need/"),
    ("stages of change", "resources/cycle-of-change/"),
    ("cycle of change", "resources/cycle-of-change/"),
    ("serious case reviews", "resources/nspcc-learning-from-case-reviews/"),
    ("obstructive parents", "resources/facing-up-to-obstructive-parents/"),
    ("thresholds", "resources/threshold-continuum/"),
    ("neglect", "courses/sandstories/"),
    ("ready reckoner", "appendix/ready-reckoner/"),
    ("checklist", "appendix/ready-reckoner/"),
    ("training courses", "courses/"),
]
# Pages that only list other pages: they never come above a page they could list.
LIST_ONLY = ("tags/", "references/", "changes/", "tools/", "resources/", "resistance/")


def settled_results(tab, base: str) -> list[str] | None:
    hrefs = tab.locator(".md-search-result__list > li > a").evaluate_all("els => els.map(e => e.href)")
    return [href.split("?")[0].replace(base, "") for href in hrefs][:3]


def search_all(context, base: str, queries: list[str], tabs: int = 4) -> dict[str, list[str]]:
    """Type each query as a person would (Material searches on key events), several tabs at once,
    and keep its first three results once they have not changed for 0.6 s."""
    pages = []
    for _ in range(tabs):
        page = context.new_page()
        page.goto(base + "introduction/")
        pages.append(page)
    found: dict[str, list[str]] = {}
    for start in range(0, len(queries), tabs):
        batch = list(zip(pages, queries[start : start + tabs]))
        for page, _ in batch:  # clear the last query's results, so that they are not taken for this one's
            type_search(page, "")
        for page, _ in batch:
            page.locator(".md-search-result__list > li").first.wait_for(state="detached", timeout=10_000)
        for page, query in batch:
            type_search(page, query)
        state = {query: (None, time.monotonic()) for _, query in batch}
        deadline = time.monotonic() + 15
        while len([q for _, q in batch if q in found]) < len(batch) and time.monotonic() < deadline:
            for page, query in batch:
                if query in found:
                    continue
                current, since = state[query]
                now = settled_results(page, base)
                if now != current:
                    state[query] = (now, time.monotonic())
                elif now and time.monotonic() - since > 0.6:
                    found[query] = now
            pages[0].wait_for_timeout(100)
        for _, query in batch:
            found.setdefault(query, state[query][0] or [])
    for page in pages:
        page.close()
    return found


@pytest.fixture(scope="module")
def results(browser, served_site) -> dict[str, list[str]]:
    context = browser.new_context()
    queries = list(dict.fromkeys([title for _, title in ENTRIES] + [query for query, _ in PRACTITIONER_QUERIES]))
    found = search_all(context, served_site, queries)
    context.close()
    return found


@pytest.mark.parametrize("path,title", ENTRIES, ids=[p for p, _ in ENTRIES])
def test_searching_a_title_finds_its_page_first(results, path, title):
    first = results[title]
    assert first and first[0] in PAGES_BY_TITLE[title.lower()], f"first results for {title!r}: {first}"
    assert path in first, f"{path} is not among the first results for {title!r}: {first}"


@pytest.mark.parametrize("query,page", PRACTITIONER_QUERIES, ids=[q for q, _ in PRACTITIONER_QUERIES])
def test_a_practitioners_words_find_the_page_that_answers_them_first(results, query, page):
    assert results[query][:1] == [page], f"first results for {query!r}: {results[query]}"


def test_list_only_pages_never_come_above_a_page_they_list(results):
    assert len(PRACTITIONER_QUERIES) >= 40
    for query, found in results.items():
        listed_later = False
        for location in found:
            if location in LIST_ONLY:
                listed_later = True
            elif listed_later:
                raise AssertionError(f"{query!r}: a list-only page comes above {location}: {found}")


# What a reader types, and what search-words.js passes to Material's search worker (which adds a
# wildcard to each word): common words left out, and the start every form of a word shares added.
SENT_TO_SEARCH = [
    ("filming", "filming film"),
    ("cancelled visits", "cancelled visits cancel visit"),
    ("mum keeps cancelling", "mum keeps cancelling keep cancel"),
    ("engaged", "engaged engag"),
    ("families", "families famil"),
    ("worried", "worried worr"),
    ("stopped", "stopped stop"),
    ("impact on children", "impact children"),
    ("aggressive dad", "aggressive dad"),
    ("boxes", "boxes"),
    ("status", "status"),
    ('"filming"', '"filming"'),
    ("on", "on"),
]


@pytest.fixture(scope="module")
def sent_to_search(browser):
    """Each query as the search worker receives it: the page's script, and a worker that echoes its messages."""
    context = browser.new_context()
    tab = context.new_page()
    tab.set_content("<!doctype html><title>search words</title>")
    tab.add_script_tag(path=str(ROOT / "overrides" / "assets" / "javascripts" / "search-words.js"))
    sent = tab.evaluate(
        """async (queries) => {
            const echo = new Worker(URL.createObjectURL(new Blob(["onmessage = e => postMessage(e.data)"], {type: "text/javascript"})));
            const sent = {};
            for (const query of queries) {
                sent[query] = await new Promise(done => { echo.onmessage = e => done(e.data.data); echo.postMessage({type: 2, data: query}); });
            }
            return sent;
        }""",
        [typed for typed, _ in SENT_TO_SEARCH],
    )
    context.close()
    return sent


@pytest.mark.parametrize("typed,sent", SENT_TO_SEARCH, ids=[t for t, _ in SENT_TO_SEARCH])
def test_what_the_search_worker_is_sent(sent_to_search, typed, sent):
    assert sent_to_search[typed] == sent


def test_a_phone_shows_at_least_three_results(browser, served_site):
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
    tab = context.new_page()
    tab.goto(served_site + "introduction/")
    for query in ("won't let me see the child", "disguised compliance", "training courses", "child"):
        tab.locator("label.md-header__button[for=__search]").tap()
        type_search(tab, query)
        third = tab.locator(".md-search-result__list > li").nth(2)
        third.wait_for(timeout=10_000)
        tab.wait_for_timeout(600)
        bottom = tab.evaluate("el => el.getBoundingClientRect().bottom", third.element_handle())
        assert bottom <= 844, f"{query!r}: the third result ends at {bottom:.0f} px, below a 844 px screen"
        tab.keyboard.press("Escape")
    context.close()


def test_every_excerpt_is_one_block_of_three_lines_at_most(browser, served_site):
    """A result whose text begins with a list ("What's changed") is cut short like one that begins with a paragraph."""
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
    tab = context.new_page()
    tab.goto(served_site + "introduction/")
    tab.locator("label.md-header__button[for=__search]").tap()
    for query in ("filming", "child"):
        type_search(tab, query)
        tab.locator(".md-search-result__list > li").first.wait_for(timeout=10_000)
        tab.wait_for_timeout(600)
        excerpts = tab.evaluate("""() => [...document.querySelectorAll('.md-search-result__article')].map(article => {
            const shown = [...article.children].filter(c => !c.matches('h1, h2, nav, .md-search-result__terms, .md-search-result__icon')
                                                         && getComputedStyle(c).display !== 'none');
            return shown.map(c => c.getBoundingClientRect().height / parseFloat(getComputedStyle(c).lineHeight));
        })""")
        assert excerpts and all(len(lines) <= 1 for lines in excerpts), (query, excerpts)
        # Three lines of text; a list's spacing and an abbreviation's underline add less than a fourth.
        assert all(lines[0] < 4 for lines in excerpts if lines), (query, [shown for shown in excerpts if shown and shown[0] >= 4])
    context.close()


def test_a_local_entry_says_so_in_search_results(browser, committee_site):
    """A committee's own course, found by search, reads as the committee's, not the portfolio's."""
    context = browser.new_context()
    with serve_directory(committee_site) as base:
        found = search_all(context, base, ["Engaging fathers and male carers"], tabs=1)
        assert found["Engaging fathers and male carers"][0] == "courses/riverside-engaging-fathers/"
        first = first_search_result(context.new_page(), base, "Engaging fathers and male carers")
        assert "Local: Riverside Child Protection Committee" in first.inner_text()
    context.close()
