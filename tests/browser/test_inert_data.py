"""Data cannot run anything: what the loader lets through is shown as text, in a real browser.

What escaping cannot make harmless is refused by the loader (tests/loading/test_bad_input_corpus.py:
script-bearing link targets, images, attribute lists, tags in one-line fields). Everything else is
shown as text: a real build of the fixture portfolio with payloads in a case study's narrative, title and
question, a course's description and provider, a glossary expansion and a resource's title, opened
in chromium. No payload runs, no dialog opens, no script from the data exists, and the payload is
there to read.
"""

from __future__ import annotations

import json
import re

import pytest

from tests.helpers import fixture_data, fixture_project, run_mkdocs, serve_directory, type_search
from tests.loading.test_bad_input_corpus import NARRATIVE_ONE, Edit, apply_edits

HTML_PAYLOAD = (
    '<script>window.__pwned=1</script> <img src=x onerror="window.__pwned=2"> '
    '<svg onload="window.__pwned=3"></svg> <a href="javascript:window.__pwned=4">click</a> '
    "<iframe src=\"javascript:window.top.__pwned=5\"></iframe> <javascript:window.__pwned=6>"
)
# Text once the page has decoded it: a character reference is shown, never parsed as a tag.
ENTITY_PAYLOAD = "&lt;img src=x onerror=window.__pwned=7&gt;"
ENTITY_SHOWN = "<img src=x onerror=window.__pwned=7>"
# One-line fields refuse tags (see above); what they may hold must still not reach an attribute.
ATTRIBUTE_PAYLOAD = "\" onmouseover=\"window.__pwned=8\" x=' onfocus='window.__pwned=9' autofocus javascript:window.__pwned=10"


def quoted(text: str) -> str:
    """A YAML double-quoted scalar (JSON strings are YAML)."""
    return json.dumps(text)


CASE_TITLE = "Jane and Steven " + ATTRIBUTE_PAYLOAD
RESOURCE_TITLE = "Disguised Compliance " + ATTRIBUTE_PAYLOAD
EXPANSION = "Accident and Emergency " + ATTRIBUTE_PAYLOAD
PROVIDER = "Reconstruct " + ATTRIBUTE_PAYLOAD
QUESTION = HTML_PAYLOAD + " What assumptions"

PAYLOAD_EDITS = (
    Edit("case_studies.yml", NARRATIVE_ONE, f"    narrative: |\n      {HTML_PAYLOAD}\n\n      {ENTITY_PAYLOAD}\n\n      Jane is a teacher"),
    Edit("case_studies.yml", '    title: "Jane and Steven"', f"    title: {quoted(CASE_TITLE)}"),
    Edit("case_studies.yml", '      - "What assumptions', "      - " + quoted(QUESTION)[:-1]),
    Edit("courses.yml", "    description: |\n      Practitioners working", f"    description: |\n      {HTML_PAYLOAD}\n\n      Practitioners working"),
    Edit("courses.yml", '    provider: "Reconstruct"', f"    provider: {quoted(PROVIDER)}"),
    Edit("glossary.yml", '    expansion: "Accident and Emergency"', f"    expansion: {quoted(EXPANSION)}"),
    Edit("resources.yml", '    title: "Disguised Compliance"', f"    title: {quoted(RESOURCE_TITLE)}"),
)

# The fixture's entries the edits above change, and so the addresses of their pages.
DATA = fixture_data()
[EDITED_CASE] = [case for case in DATA.case_studies if case.title == "Jane and Steven"]
[EDITED_COURSE] = [course for course in DATA.courses if course.provider == "Reconstruct"]
[EDITED_RESOURCE] = [resource for resource in DATA.resources if resource.title == "Disguised Compliance"]
assert EDITED_CASE.illustrates
CASE = f"case-studies/{EDITED_CASE.id}/"
BEHAVIOUR = f"resistance/{EDITED_CASE.illustrates[0]}/"  # it lists the case studies that illustrate it
COURSE = f"courses/{EDITED_COURSE.id}/"
RESOURCE = f"resources/{EDITED_RESOURCE.id}/"
# page -> texts that must be readable in its content
EXPECTED_TEXT = {
    CASE: [HTML_PAYLOAD, ENTITY_SHOWN, CASE_TITLE],
    "case-studies/": [CASE_TITLE],
    BEHAVIOUR: [CASE_TITLE],
    COURSE: [HTML_PAYLOAD, PROVIDER],
    "courses/": [PROVIDER],
    "glossary/": [EXPANSION],
    RESOURCE: [RESOURCE_TITLE],
    "resources/": [RESOURCE_TITLE],
    "tags/": [CASE_TITLE, RESOURCE_TITLE],
    "about/": ["More about this", "<script>window.__pwned=11</script>", "<img src=x onerror=window.__pwned=12>"],
    "print/": [HTML_PAYLOAD, CASE_TITLE],
}
EXPECTED_TITLE = {CASE: CASE_TITLE, RESOURCE: RESOURCE_TITLE}

# Give any handler that slipped through its chance: pointer and focus events on everything.
STIR = """() => {
  for (const el of document.querySelectorAll('article *')) {
    for (const type of ['mouseover', 'mouseenter', 'focus', 'animationstart']) el.dispatchEvent(new Event(type));
  }
}"""

INSPECT = """() => {
  const schemes = /^\\s*(javascript|data|vbscript):/i;
  const handlers = [], urls = [], scripts = [];
  for (const el of document.querySelectorAll('*')) {
    for (const attr of el.attributes) {
      if (attr.name.toLowerCase().startsWith('on')) handlers.push(el.tagName + ' ' + attr.name);
      if (['href', 'src', 'action', 'formaction', 'xlink:href'].includes(attr.name.toLowerCase()) && schemes.test(attr.value))
        urls.push(el.tagName + ' ' + attr.value);
    }
  }
  for (const s of document.querySelectorAll('script')) if (/pwned/.test(s.textContent) || /pwned/.test(s.src)) scripts.push(s.outerHTML);
  const article = document.querySelector('article');
  return {
    pwned: typeof window.__pwned,
    handlers, urls, scripts,
    injected: article ? Array.from(article.querySelectorAll('script, img, svg, iframe, object, embed')).map(e => e.outerHTML) : null,
    text: article ? article.innerText : '',
    title: document.title,
  };
}"""


def folded(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


# What prose may hold (the loader refuses the rest, tests/loading/test_hostile_prose.py): plain HTML the
# allowlist keeps, a link to another site, and the payloads as text.
PROSE = (
    '\n\n<details class="note" open markdown>\n<summary>More about this</summary>\n\n'
    'Read [the outside site](https://example.org/) or <a href="https://example.org/page">this page</a>, '
    '<abbr title="Child Protection Committee">CPC</abbr>.\n\n</details>\n\n'
    "`<script>window.__pwned=11</script>` &lt;img src=x onerror=window.__pwned=12&gt;\n"
)


@pytest.fixture(scope="module")
def payload_site(tmp_path_factory):
    project = fixture_project(tmp_path_factory.mktemp("payload") / "project")
    apply_edits(project / "data", PAYLOAD_EDITS)
    about = project / "content" / "about.md"
    about.write_text(about.read_text(encoding="utf-8") + PROSE, encoding="utf-8")
    out = project.parent / "site"
    result = run_mkdocs(["build", "--strict", "-d", str(out)], cwd=project)
    assert result.returncode == 0, result.stderr
    with serve_directory(out) as url:
        yield url


@pytest.fixture
def tab_and_dialogs(tab):
    """The shared tab, with every alert, confirm or prompt a payload might open recorded and dismissed."""
    dialogs: list[str] = []

    def on_dialog(dialog):
        dialogs.append(f"{dialog.type}: {dialog.message}")
        dialog.dismiss()

    tab.on("dialog", on_dialog)
    return tab, dialogs


@pytest.mark.parametrize("path", EXPECTED_TEXT)
def test_payloads_stay_text_in_the_browser(payload_site, tab_and_dialogs, path):
    page, dialogs = tab_and_dialogs
    page.goto(payload_site + path, wait_until="load")
    page.wait_for_timeout(300)
    for abbr in page.query_selector_all("article abbr[title]")[:10]:
        abbr.hover()  # Material's tooltip shows the expansion
    page.evaluate(STIR)
    page.keyboard.press("Tab")
    page.wait_for_timeout(300)

    found = page.evaluate(INSPECT)

    assert found["pwned"] == "undefined"
    assert dialogs == []
    assert found["scripts"] == [] and found["injected"] == []
    assert found["handlers"] == [] and found["urls"] == []
    for text in EXPECTED_TEXT[path]:
        assert folded(text) in folded(found["text"]), text
    if path in EXPECTED_TITLE:
        assert folded(EXPECTED_TITLE[path]) in found["title"]


def test_glossary_expansion_stays_one_attribute(payload_site, tab_and_dialogs):
    """The expansion becomes the tooltip of every `A&E`; it must stay that attribute's value."""
    page, dialogs = tab_and_dialogs
    page.goto(payload_site + CASE, wait_until="load")
    abbr = page.locator("article abbr", has_text="A&E").first
    assert abbr.get_attribute("title") == EXPANSION
    abbr.hover()
    page.wait_for_timeout(300)
    assert page.evaluate("typeof window.__pwned") == "undefined" and dialogs == []


def test_search_results_show_payloads_as_text(payload_site, tab_and_dialogs):
    page, dialogs = tab_and_dialogs
    page.goto(payload_site + "introduction/", wait_until="load")
    type_search(page, "onerror")  # a word that only the payloads hold
    page.wait_for_selector(".md-search-result__list > li", timeout=15000)
    page.wait_for_timeout(500)
    results = page.locator(".md-search-result").inner_text()
    assert "onerror" in results and "window.__pwned" in results
    assert page.locator(".md-search-result script, .md-search-result img, .md-search-result svg:not(.md-search-result__icon svg)").count() == 0
    assert page.evaluate("typeof window.__pwned") == "undefined" and dialogs == []


def test_no_page_asks_another_host_for_anything(payload_site, tab_and_dialogs):
    """With no Content Security Policy (a shared drive sends none), every request a page makes, each
    picture, stylesheet, script and the search index, goes to the site itself."""
    page, dialogs = tab_and_dialogs
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    for path in [*EXPECTED_TEXT, "appendix/ready-reckoner/"]:
        page.goto(payload_site + path, wait_until="networkidle")
        page.evaluate(STIR)
    type_search(page, "resistance")
    page.wait_for_selector(".md-search-result__list > li", timeout=15000)
    assert requests and all(url.startswith(payload_site) or url.startswith("data:") for url in requests), [u for u in requests if not u.startswith(payload_site)]
    assert page.evaluate("typeof window.__pwned") == "undefined" and dialogs == []
