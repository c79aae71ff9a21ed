"""The built site, parsed: a page per entry, cross-links both ways, search coverage, credits."""

from __future__ import annotations

import json
import posixpath
import re
from pathlib import Path

import pytest

from macros.model.vocab import long_date
from macros.model.kinds import ENTRY_PAGES
from macros.search.phrases import indexed
from tests.helpers import article_text, fixture_portfolio, fixture_project, html_pages, page, page_address, readme_policy, run_mkdocs, soup

PROJECT = fixture_portfolio()
DATA, PROSE = PROJECT.data, PROJECT.prose


def links_from(site_dir: Path, url_path: str) -> set[str]:
    """Site paths (like 'resistance/disguised-compliance/') that a page's content links to."""
    doc = page(site_dir, url_path)
    targets = set()
    for a in doc.select("article a[href]"):
        href = a["href"].split("#")[0]
        if href and not href.startswith(("http:", "https:", "mailto:", "tel:")):
            targets.add(posixpath.normpath(posixpath.join(url_path, href)) + "/")
    return targets


@pytest.mark.parametrize("pages", ENTRY_PAGES, ids=lambda p: p.name)
def test_every_entry_has_its_own_page(site, pages):
    entries = getattr(DATA, pages.name)
    assert entries
    for entry in entries:
        doc = page(site, f"{pages.folder}/{entry.id}")
        assert entry.title in doc.select_one("article h1").get_text()


def test_case_studies_and_resistance_types_link_both_ways(site):
    pairs = 0
    for case in DATA.case_studies:
        case_path = f"case-studies/{case.id}/"
        case_links = links_from(site, case_path)
        assert "illustrates" in article_text(page(site, case_path))
        for type_id in case.illustrates:
            pairs += 1
            assert f"resistance/{type_id}/" in case_links
            assert case_path in links_from(site, f"resistance/{type_id}/")
    assert pairs > 0
    for resistance in DATA.resistance_types:
        listed = {p for p in links_from(site, f"resistance/{resistance.id}/") if p.startswith("case-studies/")}
        expected = {f"case-studies/{c.id}/" for c in DATA.case_studies if resistance.id in c.illustrates}
        assert listed == expected


def test_case_study_index_gives_summary_and_types(site):
    text = article_text(page(site, "case-studies"))
    links = links_from(site, "case-studies/")
    assert DATA.case_studies
    for case in DATA.case_studies:
        assert case.summary in text
        assert f"case-studies/{case.id}/" in links
    for type_id in {t for c in DATA.case_studies for t in c.illustrates}:
        assert f"resistance/{type_id}/" in links


def test_prose_pages_link_into_entry_pages(site):
    assert DATA.resistance_types
    assert {f"resistance/{t.id}/" for t in DATA.resistance_types} <= links_from(site, "part-one/")
    assert {f"resistance/{t.id}/" for t in DATA.resistance_types} <= links_from(site, "resistance/")


# Print-only pages repeat other pages' text, so they stay out of search results; so do the themes page,
# a list of other pages (search finds those pages themselves), the page an offline copy shows for a
# page it lacks, and a page with nothing to show yet (front matter `needs: contacts`, and no local
# contacts in data/).
PRINT_ONLY = ("print/", "appendix/ready-reckoner-blank/", "tags/", "not-in-offline-copy/", *(f"{p.folder}/" for p in ENTRY_PAGES if not p.pages.searchable))
EMPTY = () if DATA.contacts else ("local-contacts/",)


def test_search_index_holds_every_page(site):
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    indexed = {doc["location"].split("#")[0] for doc in index["docs"]}
    checked = 0
    for html in html_pages(site):
        location = html.parent.relative_to(site).as_posix()
        location = "" if location == "." else location + "/"
        if location.startswith(PRINT_ONLY + EMPTY):
            assert location not in indexed, location
            continue
        assert location in indexed, location
        checked += 1
    searchable = [f"{p.folder}/{entry.id}/" for p in ENTRY_PAGES if p.pages.searchable for entry in getattr(DATA, p.name)]
    assert searchable and set(searchable) <= indexed
    assert checked >= len(searchable) + len([src for src in PROSE.titles if not page_address(src).startswith(PRINT_ONLY + EMPTY)])


def test_entries_are_reached_through_index_pages_not_the_sidebar(site):
    nav = page(site, "introduction").select_one("nav.md-nav--primary")
    targets = {posixpath.normpath(posixpath.join("introduction/", a["href"])) + "/" for a in nav.select("a[href]")}
    entries = {f"{p.folder}/{entry.id}/" for p in ENTRY_PAGES for entry in getattr(DATA, p.name)}
    assert entries and "case-studies/" in targets and "resistance/" in targets
    assert not targets & entries, sorted(targets & entries)


def test_every_page_credits_the_publishers(site):
    for html in html_pages(site):
        footer = soup(html).select_one("footer").get_text(" ")
        assert "West of Scotland Child Protection Consortium (2016)" in footer, html
        assert "East Ayrshire (2016)" in footer, html


def test_raw_html_in_data_is_shown_as_text(tmp_path):
    project = fixture_project(tmp_path / "project")
    path = project / "data" / "case_studies.yml"
    payload = '<script>window.hacked=1</script><img src=x onerror="alert(1)"> {: onclick="alert(2)" }'
    text = path.read_text(encoding="utf-8").replace("    narrative: |\n", f"    narrative: |\n      {payload}\n\n", 1)
    path.write_text(text.replace('{: onclick="alert(2)" }', "{curly}"), encoding="utf-8")
    out = tmp_path / "out"
    result = run_mkdocs(["build", "--strict", "-d", str(out)], cwd=project)
    assert result.returncode == 0, result.stderr
    doc = page(out, f"case-studies/{DATA.case_studies[0].id}")  # the first narrative, which the payload opens
    article = doc.select_one("article")
    assert article.select("script") == [] and article.select("img") == []
    assert not any(attr.startswith("on") for tag in article.find_all(True) for attr in tag.attrs)
    assert "<script>window.hacked=1</script>" in article.get_text()
    assert "{curly}" in article.get_text()


def test_courses_and_tools_link_both_ways(site):
    pairs = [(course, tool_id) for course in DATA.courses for tool_id in course.tools]
    assert pairs, "expected at least the Motivational Interviewing course and tool"
    for course, tool_id in pairs:
        assert f"tools/{tool_id}/" in links_from(site, f"courses/{course.id}/")
        assert f"courses/{course.id}/" in links_from(site, f"tools/{tool_id}/")


def test_resistance_types_link_to_what_addresses_them(site):
    """Courses and tools on their own pages; question sets where the portfolio's prose places them."""
    found = {"courses": 0, "tools": 0, "question_sets": 0}
    for resistance in DATA.resistance_types:
        links = links_from(site, f"resistance/{resistance.id}/")
        for course in DATA.linked_from("resistance_types", resistance.id, "courses"):
            assert f"courses/{course.id}/" in links
            found["courses"] += 1
        for tool in DATA.linked_from("resistance_types", resistance.id, "tools"):
            assert f"tools/{tool.id}/" in links
            found["tools"] += 1
        for questions in DATA.linked_from("resistance_types", resistance.id, "question_sets"):
            assert page_address(PROSE.placements[("question_sets", questions.id)]) in links, (resistance.id, questions.id)
            found["question_sets"] += 1
    assert all(found.values()), found


def test_resources_link_to_references_that_are_the_same_work(site):
    same_work = [resource for resource in DATA.resources if resource.reference]
    assert same_work
    for resource in same_work:
        hrefs = [a["href"] for a in page(site, f"resources/{resource.id}").select("article a[href]")]
        assert any(h.endswith(f"references/#{resource.reference}") for h in hrefs), resource.id


def test_c4eo_summary_is_linked_from_its_resource_and_its_reference(site):
    assert "c4eo-summary/" in links_from(site, "resources/c4eo-highly-resistant-families/")
    note = page(site, "references").select_one("#c4eo-2010").find_next_sibling("p")
    assert any(a["href"].endswith("c4eo-summary/") for a in note.select("a"))


def test_key_messages_link_to_their_part(site):
    """Each Part's key messages link to the Part's opening page (the Part of the book with their number)."""
    openings = {part.number: page_address(part.all_pages[0].page) for part in DATA.book.parts if part.number}
    assert DATA.key_messages
    for messages in DATA.key_messages:
        placed = page_address(PROSE.placements[("key_messages", messages.id)])
        assert openings[messages.part] in links_from(site, placed), messages.id


def test_abbreviations_are_explained_where_they_are_used(site):
    expansions = {term.term: term.expansion for term in DATA.glossary}
    seen = set()
    for html in html_pages(site):
        for abbr in soup(html).select("article abbr[title]"):
            assert abbr["title"] == expansions[abbr.get_text()]
            seen.add(abbr.get_text())
    # Every term the pages use (the glossary itself aside) is explained somewhere it is used.
    used = set()
    for html in html_pages(site):
        if html.parent.relative_to(site).as_posix() != "glossary":
            text = article_text(soup(html))
            used |= {term for term in expansions if re.search(rf"(?<!\w){re.escape(term)}(?!\w)", text)}
    assert used and used <= seen, sorted(used - seen)
    glossary = article_text(page(site, "glossary"))
    assert all(term in glossary for term in expansions)


def test_every_course_tool_and_resource_is_listed_on_its_index(site):
    assert DATA.courses and DATA.tools and DATA.resources and DATA.training_resources
    assert {f"courses/{c.id}/" for c in DATA.courses} <= links_from(site, "courses/")
    assert {f"tools/{t.id}/" for t in DATA.tools} <= links_from(site, "tools/")
    assert {f"resources/{r.id}/" for r in DATA.resources} <= links_from(site, "resources/")
    assert {f"training-resources/{t.id}/" for t in DATA.training_resources} <= links_from(site, "courses/")


def test_whole_portfolio_page_holds_every_printed_page_with_unique_ids_and_working_links(site):
    """/print/ is assembled from the other pages' HTML: ids re-made unique, links re-based to its own address."""
    doc = page(site, "print")
    ids = [tag["id"] for tag in doc.select("[id]")]
    assert len(ids) == len(set(ids)), sorted({i for i in ids if ids.count(i) > 1})[:5]
    article = doc.select_one("article")
    # A book: the cover's title, then a heading per Part, each heading the Part's section.
    parts = article.select("section.wwr-print-part")
    assert [h.parent for h in article.select("h1")[1:]] == parts and article.select_one("h1").find_parent(class_="wwr-cover")
    # Every entry page's heading is there, under its Part's heading (one level down) or its section's (two).
    printed = {name for part in DATA.book.parts for page in part.all_pages for name in page.entries}
    assert printed
    for pages in ENTRY_PAGES:
        if pages.name not in printed:
            continue  # checklists and training packs are not part of the portfolio's printed text
        for entry in getattr(DATA, pages.name):
            section = article.select_one(f"#print-{pages.folder}-{entry.id}")
            assert section is not None, f"{pages.folder}/{entry.id} is not printed"
            assert entry.title in section.select_one("h2, h3").get_text()
    # Headings go down one level at a time (Part h1, page h2, its sections h3 ...).
    levels = [int(h.name[1]) for h in article.select("h1, h2, h3, h4, h5, h6")]
    assert all(after <= before + 1 for before, after in zip(levels, levels[1:]))
    checked = inside = 0
    for a in article.select("a[href]"):
        href = a["href"]
        if href.startswith(("http:", "https:", "mailto:", "tel:")):
            continue
        path, _, fragment = href.partition("#")
        if not path:
            assert fragment in ids or href == "#", f"in-page link {href} has no target"  # "#" is the top of the page
            inside += 1
            continue
        target = (site / "print" / path).resolve()
        target = target / "index.html" if target.is_dir() else target
        assert target.is_file(), f"{href} does not resolve from /print/"
        if fragment:
            assert soup(target).find(id=fragment) is not None, f"{href}: no #{fragment} there"
        checked += 1
    # A link to a page printed in it jumps inside the document (each entry's, at least from its list); others
    # (each checklist, from the questions it prints, and the Parts printed apart) leave it.
    printed_entries = sum(len(getattr(DATA, pages.name)) for pages in ENTRY_PAGES if pages.name in printed)
    checklists = [q for q in DATA.question_sets if ("question_sets", q.id) in PROSE.placements]
    assert inside >= printed_entries and checklists and checked >= len(checklists) + len(DATA.book.parts)
    assert not article.select("a[href*='resistance/']:not([href^='#'])"), "a link to a printed page leaves the document"


def test_print_stylesheet_does_not_hold_up_the_screen(site):
    """print.css is linked with media="print" on every page: phones do not wait for it to show a page."""
    for path in html_pages(site):
        links = {link["href"].rsplit("/", 1)[-1]: link.get("media") for link in soup(path).select('link[rel=stylesheet]')}
        assert links.get("print.css") == "print", path


def test_compiled_templates_are_kept_between_builds_and_an_edit_is_seen(tmp_path):
    """Templates are compiled once per machine (.cache/), but a changed template is compiled again."""
    project = fixture_project(tmp_path / "project")
    out = tmp_path / "out"
    assert run_mkdocs(["build", "--strict", "-d", str(out)], cwd=project).returncode == 0
    cached = sorted((project / ".cache" / "plugin" / "portfolio" / "templates").glob("*.cache"))
    assert len(cached) >= len(ENTRY_PAGES)
    template = project / "overrides" / "portfolio" / "case_study.md"
    template.write_text(template.read_text(encoding="utf-8") + "\nEdited after the first build.\n", encoding="utf-8")
    result = run_mkdocs(["build", "--strict", "-d", str(out)], cwd=project)
    assert result.returncode == 0, result.stderr
    assert DATA.case_studies
    assert all("Edited after the first build." in article_text(page(out, f"case-studies/{case.id}")) for case in DATA.case_studies)


def test_qr_code_only_when_the_site_has_an_address(tmp_path, site):
    case = f"case-studies/{DATA.case_studies[0].id}/"
    assert page(site, case).select(".wwr-handout__address svg") == []
    project = fixture_project(tmp_path / "project")
    out = tmp_path / "out"
    result = run_mkdocs(["build", "-d", str(out)], cwd=project, env={"SITE_URL": "https://intranet.example/cp/portfolio/"})
    assert result.returncode == 0, result.stderr
    address = page(out, case).select_one(".wwr-handout__address")
    qr = address.select_one(".wwr-qr[role=img]")
    assert qr is not None and qr["aria-label"] == f"QR code of https://intranet.example/cp/portfolio/{case}"
    assert qr.select_one("svg")["viewbox"] and not qr.select_one("svg").get("width")  # scales to the size print.css gives it
    assert f"https://intranet.example/cp/portfolio/{case}" in address.get_text()


def test_every_page_is_british_english_with_a_skip_link_and_named_dialogs(site):
    for html in html_pages(site):
        doc = soup(html)
        assert doc.html["lang"] == "en-GB", html
        skip = doc.select_one("a.md-skip")
        assert skip is not None and skip["href"].startswith("#"), html
        assert doc.select_one("[role=dialog].md-search")["aria-label"] == "Search", html


def test_policy_is_strict():
    policy = readme_policy()
    assert "default-src 'self'" in policy and "script-src 'self'" in policy
    assert "unsafe-inline" not in policy.split("script-src", 1)[1].split(";")[0]
    assert "unsafe-eval" not in policy


def test_search_keywords_are_indexed_but_never_shown(site):
    """Keywords are the site's additions: search finds a page by them, and no page shows them."""
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    config_fields = index["config"]["fields"]
    assert {"keywords", "abbreviations", "forms"} <= set(config_fields)
    docs = {doc["location"]: doc for doc in index["docs"]}
    checked = 0
    for kind in ENTRY_PAGES:
        for entry in getattr(DATA, kind.name):
            if not getattr(entry, "keywords", None) or not kind.pages.searchable:
                continue
            checked += 1
            indexed = docs[f"{kind.folder}/{entry.id}/"]["keywords"].split()
            shown = article_text(page(site, f"{kind.folder}/{entry.id}")).lower()
            own_text = json.dumps(entry.model_dump(mode="json", exclude={"keywords"}), ensure_ascii=False).lower()
            for keyword in entry.keywords:
                assert all(word in indexed for word in keyword.lower().split()), keyword
                if keyword.lower() not in own_text:
                    assert keyword.lower() not in shown, f"{kind.folder}/{entry.id} shows the keyword {keyword!r}"
    assert checked
    # A glossary term standing for an entry's title ("MI", Motivational Interviewing) is that entry's page's
    # abbreviation; the others are keywords of the glossary's page, which explains them.
    titles = {entry.title.lower(): f"{kind.folder}/{entry.id}/" for kind in ENTRY_PAGES if kind.pages.searchable for entry in getattr(DATA, kind.name)}
    standing = {}
    for term in DATA.glossary:
        expansion = term.expansion.lower()
        location = next((at for title, at in titles.items() if title == expansion or f"({title})" in expansion), None)
        if location:
            standing.setdefault(location, []).append(term.term)
    assert standing
    for location, terms in standing.items():
        assert docs[location]["abbreviations"].split() == terms, location
    glossary = page_address(PROSE.shown["glossary"][0])
    others = [term.term for term in DATA.glossary if not any(term.term in terms for terms in standing.values())]
    assert others and all(term.lower() in docs[glossary]["keywords"].split() for term in others)


def test_practitioners_phrases_are_indexed_where_the_portfolio_uses_their_terms_and_never_shown(site):
    """data/search_phrases.yml: a section using one of the portfolio's terms ("missing appointments") is also
    found by the practitioners' words for it ("cancelled"); no page shows them."""
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert {"phrases", "phrases_broad"} <= set(index["config"]["fields"])
    assert index["config"]["fields"]["phrases"]["boost"] >= index["config"]["fields"]["phrases_broad"]["boost"] > index["config"]["fields"]["text"]["boost"]
    [phrase] = DATA.search_phrases
    words = [indexed(typed) for typed in phrase.words]
    assert "_calledoffthevisit" in words  # a phrase of several words: one word, as search-words.js sends it
    found = [doc for doc in index["docs"] if any(term in re.sub(r"<[^>]+>", " ", doc["text"]).lower() for term in phrase.means)]
    assert found
    for doc in index["docs"]:
        given = f"{doc.get('phrases', '')} {doc.get('phrases_broad', '')}".split()
        assert (doc in found) == all(word in given for word in words), doc["location"]
    for html in html_pages(site):
        shown = set(re.findall(r"[a-z]+", soup(html).select_one("article").get_text().lower()))
        assert "cancelled" not in shown or "cancelled" in json.dumps(DATA.model_dump(mode="json", exclude={"search_phrases"})).lower(), html


def test_keywords_are_not_written_into_any_page(site):
    for html in html_pages(site):
        assert "keywords:" not in soup(html).select_one("article").get_text(), html


def test_behaviours_and_tools_link_to_the_prose_that_discusses_them(site):
    """Each `discussed_in` is a link from the entry's page to that section, which exists, marked as the site's own."""
    checked, anchors = 0, 0
    for kind in ENTRY_PAGES:
        for entry in getattr(DATA, kind.name):
            for target in getattr(entry, "discussed_in", []):
                path = f"{kind.folder}/{entry.id}/"
                page_src, _, anchor = target.partition("#")
                expected = page_src.removesuffix(".md").removesuffix("index").rstrip("/") + "/"
                hrefs = [a["href"] for a in page(site, path).select("article a[href]")]
                linked = [h for h in hrefs if posixpath.normpath(posixpath.join(path, h.split("#")[0])) + "/" == expected and h.endswith(f"#{anchor}" if anchor else "/")]
                assert linked, f"{path} does not link to {target}"
                assert expected in links_from(site, path), target
                if anchor:
                    assert page(site, expected).find(id=anchor) is not None, target
                    anchors += 1
                assert "this site's own cross-references" in article_text(page(site, path))
                checked += 1
    assert checked > anchors > 0, "a page, and a section of a page, discussing an entry"


def test_the_generators_templates_are_not_published(site):
    """overrides/portfolio/ holds the generator's templates, in the theme's folder: none is copied into the site."""
    assert not (site / "portfolio").exists()
    assert not list(site.rglob("*.j2")) and not [p for p in site.rglob("*") if p.is_file() and "{%" in p.read_text(encoding="utf-8", errors="ignore")[:5000] and p.suffix in (".css", ".txt", ".conf", ".config")]


def test_a_page_waits_for_one_stylesheet_of_ours_and_no_script_before_it_shows(site):
    """In <head>: Material's two stylesheets and the site's one (print.css is for paper only); no script."""
    for path in html_pages(site):
        head = soup(path).head
        blocking = [link["href"].rsplit("/", 1)[-1] for link in head.select("link[rel=stylesheet]") if link.get("media") != "print"]
        assert len(blocking) == 3 and blocking[2].startswith("site.") and blocking[2].endswith(".css"), (path, blocking)
        assert head.select("script[src]") == [], path


def test_no_script_holds_up_the_first_paint(site):
    """Every script a page loads is deferred: it runs after the page is parsed, in the order written,
    Material's storage helpers (keep-nothing.js) first, just before its bundle. No script sets the colour
    scheme: the stylesheet follows the device (test_phone_pages.py)."""
    for path in html_pages(site):
        scripts = soup(path).select("script[src]")
        assert scripts and all(s.has_attr("defer") for s in scripts), (path, [str(s) for s in scripts if not s.has_attr("defer")])
        names = [s["src"].rsplit("/", 1)[-1] for s in scripts]
        assert names[0] == "keep-nothing.js" and names[1].startswith("bundle."), (path, names)


def test_the_catalogue_and_reckoner_scripts_only_where_they_are_used(site):
    for path in html_pages(site):
        scripts = {s["src"].rsplit("/", 1)[-1] for s in soup(path).select("script[src]")}
        text = path.read_text(encoding="utf-8")
        assert ("catalogue.js" in scripts) == ('id="course-filters"' in text), path
        assert ("reckoner.js" in scripts) == ('id="reckoner"' in text), path


def test_a_build_without_pdfs_offers_none_and_marks_what_is_printed(site):
    """PDFs are printed from a built site (./run pdf); a build not given them links none."""
    printed = {}
    for path in html_pages(site):
        doc = soup(path)
        assert not doc.select("a[href*='downloads/'][href$='.pdf']"), path
        meta = doc.select_one("meta[name=wwr-pdf]")
        if meta:
            printed[meta["content"]] = path.parent.relative_to(site).as_posix()
    assert printed[DATA.book.pdf] == page_address(DATA.book.print_page).rstrip("/")
    assert DATA.book.parts and all(printed[f"{part.part}.pdf"] == page_address(DATA.book.part_print_page(part.part)).rstrip("/") for part in DATA.book.parts)
    assert PROSE.pdfs and all(printed[pdf] == page_address(src).rstrip("/") for src, pdf in PROSE.pdfs.items())
    assert DATA.case_studies and all(f"case-study-{c.number:02d}-{c.id}.pdf" in printed for c in DATA.case_studies)


def test_whats_changed_lists_each_change_under_its_date(site):
    """Each change is an item of a list under its date, newest first (a paragraph of "- " lines is not a list)."""
    doc = page(site, "changes/")
    dates = [strong.get_text() for strong in doc.select("article p > strong")]
    assert len(DATA.changelog) >= 2 and dates == [long_date(change.date) for change in DATA.changelog]
    assert [change.date for change in DATA.changelog] == sorted((change.date for change in DATA.changelog), reverse=True)
    for change, heading in zip(DATA.changelog, doc.select("article p > strong")):
        items = heading.find_parent("p").find_next_sibling("ul").select("li")
        assert len(items) == len(change.changes), change.date
