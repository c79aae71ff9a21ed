"""Data cannot run anything: HTML, script, event handlers and script-bearing URLs are inert or refused.

(a) What escaping cannot make harmless is refused by the loader, with the exact message:
    `javascript:`, `data:` and `vbscript:` link targets (inline and reference-style), images
    (they would load from a third party), attribute lists, and HTML tags or character references
    in one-line fields (those become page titles, which the theme decodes into `<title>`).
(b) Everything else is shown as text: a real build of a project copy with payloads in a case
    study's narrative, title and question, a course's description and provider, a glossary
    expansion and a resource's title, opened in chromium. No payload runs, no dialog opens, no
    script from the data exists, and the payload is there to read.
"""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest

from .conftest import ROOT, copy_project, run_mkdocs, serve_directory
from .test_bad_input_corpus import Edit, apply_edits, case, expand, messages

SCHEME = "uses a scheme that is not allowed; use http, https, mailto or tel"
ONE_LINE = "HTML tags ('<b>') and character references ('&lt;') are not allowed in a one-line field; write plain text"
NOT_A_URL = "is not a web address (http:// or https://) or a mailto: address"
NARRATIVE_ONE = "    narrative: |\n      Jane is a teacher"
NARRATIVE_LINE = "{@    narrative: |\n}"  # case study One comes first


def in_narrative(text: str, reason: str):
    """A case putting `text` as the first paragraph of case study One's narrative."""
    return case(
        "case_studies", "case_studies.yml", NARRATIVE_ONE, f"    narrative: |\n      {text}\n\n      Jane is a teacher",
        f"data/case_studies.yml:{NARRATIVE_LINE}: case_studies[0].narrative: {reason}",
    )


REFUSED = {
    "javascript: link": in_narrative("[click](javascript:alert(1))", f"link target 'javascript:alert(1)' {SCHEME}"),
    "JaVaScRiPt: link in a course description": case(
        "courses", "courses.yml", "      Practitioners working with child protection", "      [more](JaVaScRiPt:alert(1)) Practitioners working with child protection",
        f"data/courses.yml:{{@    description: |\n      [more]}}: courses[0].description: link target 'JaVaScRiPt:alert(1)' {SCHEME}",
    ),
    "data: link in a tool description": case(
        "tools", "tools.yml", "      Motivational interviewing is a counselling method", "      [x](data:text/html;base64,PHNjcmlwdD4=) Motivational interviewing is a counselling method",
        f"data/tools.yml:{{@    description: |\n      [x](data}}: tools[0].description: link target 'data:text/html;base64,PHNjcmlwdD4=' {SCHEME}",
    ),
    "vbscript: link in a resource description": case(
        "resources", "resources.yml", "      This factsheet briefly explains", "      [x](vbscript:msgbox(1)) This factsheet briefly explains",
        f"data/resources.yml:{{@    description: |\n      [x](vb}}: resources[0].description: link target 'vbscript:msgbox(1)' {SCHEME}",
    ),
    "javascript: link in angle brackets": case(
        "case_studies", "case_studies.yml", '      - "What assumptions', '      - "[x](<javascript:alert(1)>) What assumptions',
        f"data/case_studies.yml:{{@      - \"[x](<java}}: case_studies[0].questions[0]: link target 'javascript:alert(1)' {SCHEME}",
    ),
    "javascript: link after spaces": in_narrative("[click](   javascript:alert(1))", f"link target 'javascript:alert(1)' {SCHEME}"),
    "javascript: link hidden in a character reference": in_narrative("[click](&#106;avascript:alert(1))", "link target '&#106;avascript:alert(1)' is neither a web address nor a page (a path ending in .md)"),
    "reference-style javascript: definition": in_narrative("[click][x]\n\n      [x]: javascript:alert(1)", f"link target 'javascript:alert(1)' {SCHEME}"),
    "reference-style data: definition in angle brackets": case(
        "key_messages", "key_messages.yml", '      - "Cooperation should not be automatically viewed as a protective factor"', '      - "[x]: <data:text/html,hi>"',
        f"data/key_messages.yml:{{@      - \"[x]:}}: key_messages[0].messages[4]: link target 'data:text/html,hi' {SCHEME}",
    ),
    "reference-style vbscript: definition in a quote": case(
        "factor_lists", "factor_lists.yml", '      - "Shame, ambivalence and lack of confidence"', '      - "> [x]: vbscript:msgbox(1)"',
        f"data/factor_lists.yml:{{@      - \"> [x]}}: factor_lists[0].items[2]: link target 'vbscript:msgbox(1)' {SCHEME}",
    ),
    "image from another site": case(
        "question_sets", "question_sets.yml", '      - "What need is it meeting for the parent/carer?"', '      - "What need is it meeting? ![pixel](http://tracker.example/p.png)"',
        "data/question_sets.yml:{@      - \"What need is it meeting?}: question_sets[0].questions[1]: images ('![...](...)') are not allowed in data text; a page must not load pictures from other sites",
    ),
    "reference-style image": in_narrative("![logo][l]\n\n      [l]: https://tracker.example/logo.png", "images ('![...](...)') are not allowed in data text; a page must not load pictures from other sites"),
    "attribute list with an event handler": in_narrative('A paragraph.\n      {: onclick="alert(1)" }', "attribute lists ('{: ...}') are not allowed in data text"),
    "short attribute list": case(
        "glossary", "glossary.yml", '    expansion: "Accident and Emergency"\n', '    expansion: "Accident and Emergency"\n    note: "Hospital{onmouseover=alert(1)}"\n',
        "data/glossary.yml:{@    note:}: glossary[0].note: attribute lists ('{: ...}') are not allowed in data text",
    ),
    "script tag in a case study title": case(
        "case_studies", "case_studies.yml", '    title: "Jane and Steven"', '    title: "Jane and Steven<script>window.__pwned=1</script>"',
        f"data/case_studies.yml:{{@    title: \"Jane}}: case_studies[0].title: {ONE_LINE}",
    ),
    "closing title tag in a resource title": case(
        "resources", "resources.yml", '    title: "Disguised Compliance"', "    title: \"Disguised Compliance</title><img src=x onerror='window.__pwned=2'>\"",
        f"data/resources.yml:{{@    title: \"Disguised Compliance<}}: resources[0].title: {ONE_LINE}",
    ),
    "event handler in a glossary expansion": case(
        "glossary", "glossary.yml", '    expansion: "Accident and Emergency"', "    expansion: \"Accident and Emergency <svg onload='window.__pwned=3'>\"",
        f"data/glossary.yml:{{@    expansion: \"Accident}}: glossary[0].expansion: {ONE_LINE}",
    ),
    "script tag in the site name": case(
        "site", "site.yml", '  site_name: "Working with Resistance"', '  site_name: "Working with Resistance</title><script>alert(1)</script>"',
        f"data/site.yml:{{@  site_name:}}: site.site_name: {ONE_LINE}",
    ),
    "character references in a tool title": case(
        "tools", "tools.yml", '    title: "Signs of Safety"', '    title: "Signs of Safety &lt;/title&gt;&lt;script&gt;alert(1)&lt;/script&gt;"',
        f"data/tools.yml:{{@    title: \"Signs of Safety &}}: tools[2].title: {ONE_LINE}",
    ),
    "vbscript: URL field": case(
        "tools", "tools.yml", '    url: "http://www.motivationalinterviewing.org/"', '    url: "vbscript:msgbox(1)"',
        f"data/tools.yml:{{@    url: \"vbscript}}: tools[0].url: 'vbscript:msgbox(1)' {NOT_A_URL}",
    ),
    "mailto: URL hiding a script": case(
        "courses", "courses.yml", '      url: "http://www.reconstruct.co.uk"', '      url: "mailto:javascript:alert(1)"',
        "data/courses.yml:{@      url: \"mailto}: courses[0].contact.url: 'javascript:alert(1)' is not an email address",
    ),
    "URL breaking out of its attribute": case(
        "training_resources", "training_resources.yml", '    url: "https://youtube/nbRIMeAWY_Y"', "    url: 'https://example.org/\" onmouseover=\"alert(1)'",
        f"data/training_resources.yml:{{@    url: 'https}}: training_resources[1].url: 'https://example.org/\" onmouseover=\"alert(1)' {NOT_A_URL}",
    ),
}


@pytest.fixture
def data_dir(tmp_path) -> Path:
    shutil.copytree(ROOT / "data", tmp_path / "data")
    return tmp_path / "data"


@pytest.mark.parametrize("name", REFUSED, ids=list(REFUSED))
def test_unsafe_text_is_refused(data_dir, name):
    bad = REFUSED[name]
    apply_edits(data_dir, bad.edits)
    assert messages(data_dir) == [expand(message, data_dir, bad.file) for message in bad.expected]


def test_html_in_a_title_stops_the_real_build(tmp_path):
    project = copy_project(tmp_path / "project")
    bad = REFUSED["script tag in a case study title"]
    apply_edits(project / "data", bad.edits)
    [expected] = [expand(message, project / "data", bad.file) for message in bad.expected]
    result = run_mkdocs(["build", "--strict", "-d", str(tmp_path / "out")], cwd=project)
    assert result.returncode != 0
    assert expected in result.stderr
    assert "Traceback" not in result.stderr + result.stdout


# ---- (b) payloads that are built, opened in chromium, and must stay text --------------------

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

COURSE = "courses/reconstruct-difficult-dangerous-evasive/"
RESOURCE = "resources/nspcc-disguised-compliance-factsheet/"
# page -> texts that must be readable in its content
EXPECTED_TEXT = {
    "case-studies/one/": [HTML_PAYLOAD, ENTITY_SHOWN, CASE_TITLE],
    "case-studies/": [CASE_TITLE],
    "resistance/active-non-compliance/": [CASE_TITLE],
    COURSE: [HTML_PAYLOAD, PROVIDER],
    "courses/": [PROVIDER],
    "glossary/": [EXPANSION],
    RESOURCE: [RESOURCE_TITLE],
    "resources/": [RESOURCE_TITLE],
    "tags/": [CASE_TITLE, RESOURCE_TITLE],
}
EXPECTED_TITLE = {"case-studies/one/": CASE_TITLE, RESOURCE: RESOURCE_TITLE}

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


@pytest.fixture(scope="module")
def payload_site(tmp_path_factory):
    project = copy_project(tmp_path_factory.mktemp("payload") / "project")
    apply_edits(project / "data", PAYLOAD_EDITS)
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


@pytest.mark.browser
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


@pytest.mark.browser
def test_glossary_expansion_stays_one_attribute(payload_site, tab_and_dialogs):
    """The expansion becomes the tooltip of every `A&E`; it must stay that attribute's value."""
    page, dialogs = tab_and_dialogs
    page.goto(payload_site + "case-studies/one/", wait_until="load")
    abbr = page.locator("article abbr", has_text="A&E").first
    assert abbr.get_attribute("title") == EXPANSION
    abbr.hover()
    page.wait_for_timeout(300)
    assert page.evaluate("typeof window.__pwned") == "undefined" and dialogs == []


@pytest.mark.browser
def test_search_results_show_payloads_as_text(payload_site, tab_and_dialogs):
    page, dialogs = tab_and_dialogs
    page.goto(payload_site + "introduction/", wait_until="load")
    box = page.locator(".md-search__input")
    box.fill("onerror")  # a word that only the payloads hold
    box.press("End")  # Material searches on key events
    page.wait_for_selector(".md-search-result__list > li", timeout=15000)
    page.wait_for_timeout(500)
    results = page.locator(".md-search-result").inner_text()
    assert "onerror" in results and "window.__pwned" in results
    assert page.locator(".md-search-result script, .md-search-result img, .md-search-result svg:not(.md-search-result__icon svg)").count() == 0
    assert page.evaluate("typeof window.__pwned") == "undefined" and dialogs == []
