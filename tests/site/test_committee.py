"""A second committee rebrands and extends the site through data/ alone; review dates are governed."""

from __future__ import annotations

import shutil
from datetime import UTC

import pytest

from macros.model.vocab import long_date, number_word
from tests.helpers import COMMITTEE_FIXTURE, ROOT, article_text, fixture_data, fixture_project, page, run_mkdocs, site_stylesheet, with_front_matter

CASES = fixture_data().case_studies


def test_committee_name_colours_logo_and_contact(committee_site):
    home = page(committee_site, "")
    assert "Riverside Resistance Toolkit" in home.select_one("title").get_text()
    css = site_stylesheet(committee_site, home)
    assert "--md-primary-fg-color:#6a1b4d" in css and "#f2b8dc" in css
    assert home.select_one(".md-header__button.md-logo img")["src"].endswith("assets/images/logo.svg")
    assert (committee_site / "assets" / "images" / "logo.svg").is_file()
    footer = home.select_one("footer")
    report = footer.select_one("a.wwr-report")["href"]
    assert report.startswith("mailto:cpc.lead@riverside.example?")
    assert footer.select_one("a[href='https://riverside.example/procedures']").get_text() == "Riverside child protection procedures"
    assert "Riverside Child Protection Committee" in footer.get_text() and "R-2" in footer.get_text()
    statement = article_text(page(committee_site, "accessibility"))
    assert "Riverside CPC Lead Officer" in statement and "cpc.lead@riverside.example" in statement and "01234 567890" in statement


def test_local_entries_are_added_and_marked_local(committee_site):
    course = article_text(page(committee_site, "courses/riverside-engaging-fathers"))
    assert "Local: Riverside Child Protection Committee" in course
    catalogue = page(committee_site, "courses")
    assert "Engaging fathers and male carers" in catalogue.select_one("#course-list").get_text()
    resource = article_text(page(committee_site, "resources/riverside-escalation-guide"))
    assert "Local: Riverside Child Protection Committee" in resource
    contacts = article_text(page(committee_site, "local-contacts"))
    assert "Riverside Duty Team" in contacts and "01234 000111" in contacts


def test_a_local_entry_is_marked_local_in_every_list_and_in_print(committee_site):
    """Nothing a committee adds may read as the portfolio's text: each list that shows it says so."""
    mark = "Local: Riverside Child Protection Committee"
    behaviour = page(committee_site, "resistance/active-non-compliance")
    item = next(li for li in behaviour.select("article li") if "Engaging fathers and male carers" in li.get_text())
    assert mark in item.get_text()
    whole = page(committee_site, "print")
    printed = whole.select_one("#print-courses-riverside-engaging-fathers")
    assert printed is not None and mark in printed.get_text()
    for row in page(committee_site, "resources").select("article tr"):
        if "Riverside escalation guide" in row.get_text():
            assert mark in row.get_text()
            break
    else:
        raise AssertionError("the local resource is not in the resources table")


def test_two_fields_in_local_settings_rebrand_the_site(tmp_path):
    project = fixture_project(tmp_path / "project")
    (project / "data" / "local").mkdir(exist_ok=True)
    shutil.copy(COMMITTEE_FIXTURE / "riverside-logo.svg", project / "data" / "local" / "logo.svg")
    (project / "data" / "local" / "site.yml").write_text('site:\n  site_name: "Riverside Toolkit"\n  logo: "local/logo.svg"\n', encoding="utf-8")
    out = tmp_path / "out"
    result = run_mkdocs(["build", "--strict", "-d", str(out)], cwd=project)
    assert result.returncode == 0, result.stderr
    home = page(out, "")
    assert home.select_one("title").get_text().strip().endswith("Riverside Toolkit")
    assert home.select_one(".md-header__button.md-logo img")["src"].endswith("assets/images/logo.svg")
    core = fixture_data().site
    assert f"--md-primary-fg-color:{core.colours.primary}" in site_stylesheet(out, home)
    assert core.committee_name in home.select_one("footer").get_text()


def test_a_local_entry_can_replace_a_core_one_and_show_it_is_superseded(committee_site):
    replaced = article_text(page(committee_site, "resources/threshold-continuum"))
    assert "Threshold continuum (Riverside edition)" in replaced and "Local:" in replaced
    assert "superseded by Riverside thresholds 2027" in replaced
    table = article_text(page(committee_site, "resources"))
    assert "Superseded by Riverside thresholds 2027" in table
    assert table.count("Threshold continuum") == 1


@pytest.mark.parametrize("clock,banner", [("2027-06-01", True), ("2027-01-01", False)])
def test_review_banner_follows_the_build_clock(tmp_path, clock, banner):
    from datetime import datetime

    assert len(CASES) >= 2
    reviewed, other = CASES[1], CASES[0]
    project = fixture_project(tmp_path / "project")
    cases = project / "data" / "case_studies.yml"
    entry = f"  - id: {reviewed.id}\n"
    assert entry in cases.read_text()
    cases.write_text(cases.read_text().replace(entry, entry + "    review_due: 2027-03-31\n    reviewed: 2026-03-31\n", 1))
    intro = project / "content" / "introduction.md"
    intro.write_text(with_front_matter(intro.read_text(), "review_due: 2027-03-31"))
    epoch = str(int(datetime.fromisoformat(clock).replace(tzinfo=UTC).timestamp()))
    out = tmp_path / "out"
    result = run_mkdocs(["build", "--strict", "-d", str(out)], cwd=project, env={"SOURCE_DATE_EPOCH": epoch})
    assert result.returncode == 0, result.stderr
    for path in (f"case-studies/{reviewed.id}", "introduction"):
        doc = page(out, path)
        assert (doc.select_one(".wwr-review-banner") is not None) == banner, path
    assert "Next review due 31 March 2027" in article_text(page(out, f"case-studies/{reviewed.id}"))
    assert page(out, f"case-studies/{other.id}").select_one(".wwr-review-banner") is None
    assert f"built {long_date(clock)}" in page(out, f"case-studies/{other.id}").select_one("footer").get_text()


def test_a_review_date_that_is_not_a_date_stops_the_build(tmp_path):
    project = fixture_project(tmp_path / "project")
    intro = project / "content" / "introduction.md"
    intro.write_text(with_front_matter(intro.read_text(), "review_due: next spring"))
    result = run_mkdocs(["build", "--strict", "-d", str(tmp_path / "out")], cwd=project)
    assert result.returncode != 0
    assert "content/introduction.md:2: review_due: expected a date written as YYYY-MM-DD, got 'next spring'" in result.stderr
    assert "Traceback" not in result.stderr


def test_paper_carries_the_committees_names(committee_site):
    """The running head and every page's author come from the committee's settings: no stylesheet or
    template names the site itself."""
    assert "Working with Resistance" not in (ROOT / "overrides" / "assets" / "stylesheets" / "print.css").read_text(encoding="utf-8")
    printed_css = (committee_site / "assets" / "stylesheets" / "print.css").read_text(encoding="utf-8")
    assert '"Riverside Resistance Toolkit"' in printed_css and "Working with Resistance" not in printed_css
    for path in ("", f"case-studies/{CASES[0].id}", "print"):
        assert page(committee_site, path).select_one("meta[name=author]")["content"] == "Riverside Child Protection Committee"
    reckoner = article_text(page(committee_site, "appendix/ready-reckoner-blank"))
    assert "Printed from the Riverside Resistance Toolkit site" in reckoner and "Working with Resistance site" not in reckoner
    cover = page(committee_site, "print").select_one(".wwr-cover")
    assert "Riverside Resistance Toolkit" in cover.select_one("h1").get_text() and "Riverside Child Protection Committee" in cover.get_text()
    assert cover.select_one("img")["alt"] == "Riverside Child Protection Committee"


# ---- a committee's own case study ----------------------------------------------------------------


def local_case(committee):
    [case] = [case for case in committee.case_studies if committee.is_local("case_studies", case.id)]
    return case


def test_a_local_case_study_is_numbered_after_the_portfolios_and_is_the_committees(committee_site):
    """Its number follows the portfolio's; its page, its handout's source line and every list naming it say whose it is."""
    committee = fixture_data(committee=True)
    case, name = local_case(committee), committee.site.committee_name
    core = [c for c in committee.case_studies if c is not case]
    assert core and case.number == max(c.number for c in core) + 1
    mark = f"Local: {name}"
    text = article_text(page(committee_site, f"case-studies/{case.id}"))
    assert text.count(f"Case study {number_word(case.number)}: {case.title}") == 1 and mark in text
    assert f"Source: {name}, local case study." in text and "Source: Part Two" not in text and "Working with Resistance" not in text
    other = article_text(page(committee_site, f"case-studies/{core[0].id}"))
    assert "Source: Part Two, Case Studies, of the Working with Resistance practitioner portfolio" in other and mark not in other
    # It illustrates a behaviour and names a tool like any other; their pages list it, marked.
    assert case.illustrates and case.tools
    for path in (f"resistance/{case.illustrates[0]}", f"tools/{case.tools[0]}"):
        item = next(li for li in page(committee_site, path).select("article li") if case.title in li.get_text())
        assert mark in item.get_text(), path


def test_a_local_case_study_is_listed_apart_on_the_index(committee_site):
    committee = fixture_data(committee=True)
    case, name = local_case(committee), committee.site.committee_name
    index = page(committee_site, "case-studies").select_one("article")
    [heading] = [h for h in index.select("h2") if h.get_text(" ", strip=True).removesuffix("¶").strip() == f"{name}'s case studies"]
    after = " ".join(element.get_text(" ") for element in heading.find_all_next())
    assert case.title in after and f"Local: {name}" in after
    before = index.get_text(" ").split(heading.get_text(" "))[0]
    assert case.title not in before
    assert all(c.title in before and c.title not in after for c in committee.case_studies if c is not case)


def test_a_local_case_study_says_so_in_search(committee_site):
    """A search card shows a page's title and the start of its text: that start is the committee's mark."""
    import json

    committee = fixture_data(committee=True)
    case = local_case(committee)
    docs = json.loads((committee_site / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]
    [doc] = [doc for doc in docs if doc["location"] == f"case-studies/{case.id}/"]
    assert doc["title"] == f"Case study {number_word(case.number)}: {case.title}"
    assert doc["text"].startswith(f"<p>Local: {committee.site.committee_name}</p>")


def test_a_local_case_study_is_printed_apart_in_the_book(committee_site):
    committee = fixture_data(committee=True)
    case, name = local_case(committee), committee.site.committee_name
    book = page(committee_site, "print")
    [group] = book.select(".wwr-print-group")
    assert group.get_text(strip=True) == f"{name}'s case studies"
    printed = book.select_one(f"#print-case-studies-{case.id}")
    assert group.find_next(class_="wwr-print-page") is printed
    assert f"Local: {name}" in printed.get_text() and f"Source: {name}, local case study." in printed.get_text()
    assert int(group.name[1]) + 1 == int(printed.select_one("h1, h2, h3, h4").name[1]), "the case study sits under the group's heading"
    pages = [div["id"] for div in book.select(".wwr-print-page")]
    assert all(pages.index(f"print-case-studies-{c.id}") < pages.index(printed["id"]) for c in committee.case_studies if c is not case)
    # The contents lists it under the group, which links to its heading.
    [link] = [a for a in book.select(".wwr-contents a") if a.get_text(strip=True) == f"{name}'s case studies"]
    assert link["href"] == f"#{group['id']}"
    assert [a["href"] for a in link.find_parent("li").select(":scope > ul a")] == [f"#print-case-studies-{case.id}"]


def test_a_local_case_studys_word_handout_gives_the_committee_as_its_source(committee_site):
    import docx

    committee = fixture_data(committee=True)
    case, name = local_case(committee), committee.site.committee_name
    handout = docx.Document(str(committee_site / "downloads" / f"case-study-{case.number:02d}-{case.id}.docx"))
    lines = [p.text for p in handout.paragraphs]
    assert f"Source: {name}, local case study." in lines and f"Local: {name}" in lines
    assert not any(line.startswith("Source: Part Two") for line in lines)
    assert handout.core_properties.subject == f"A local case study of {name}"
    core = next(c for c in committee.case_studies if c is not case)
    other = docx.Document(str(committee_site / "downloads" / f"case-study-{core.number:02d}-{core.id}.docx"))
    assert any(p.text.startswith("Source: Part Two, Case Studies") for p in other.paragraphs)
