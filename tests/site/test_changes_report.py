"""`./run changes` (python -m macros changes) on the fixture portfolio kept in a git repository of its own: an
edition tagged, then an editor's changes (a case study added, a course withdrawn, a tool's text changed, a
review date moved, an entry deleted, a prose section changed); the report is parsed and names each one. And
what stops it, in plain words: no edition tagged, an unknown revision, no repository, data with problems, an
output that is not an earlier report."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup

from macros.model.colours import contrast
from macros.model.kinds import BY_NAME, KINDS
from tests.helpers import fixture_project

GIT = ["git", "-c", "user.name=Editor", "-c", "user.email=editor@example.org", "-c", "commit.gpgsign=false", "-c", "tag.gpgsign=false"]
ENV = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "NO_MKDOCS_2_WARNING": "1", "GIT_CONFIG_NOSYSTEM": "1"}
# The kinds edited, found by what they declare: the one whose entries are numbered stories, the one a
# committee may replace that has pages, the tools (cited text with pages that no committee replaces)...
CASES = next(kind for kind in KINDS if "number" in kind.unique)
WITHDRAWABLE = next(kind for kind in KINDS if kind.local == "replace" and kind.folder)
EDITION = next(kind for kind in KINDS if kind.single and kind.model and "approved_by" in kind.model.model_fields)
NEW_CASE = "an-eighth-case"


def git(project: Path, *args: str) -> str:
    result = subprocess.run([*GIT, *args], cwd=project, capture_output=True, text=True, timeout=60, env={**ENV, "HOME": str(project.parent)})
    assert result.returncode == 0, result.stderr
    return result.stdout


def changes(project: Path, *args: str, **env: str) -> subprocess.CompletedProcess:
    env = {**ENV, "HOME": str(project.parent), "GIT_CEILING_DIRECTORIES": str(project.parent), **env}  # no repository above the project's counts
    return subprocess.run([sys.executable, "-m", "macros", "changes", *args], cwd=project, capture_output=True, text=True, timeout=300, env=env)


def repository(tmp: Path, tag: str | None = "edition-1.0") -> Path:
    """The fixture project committed (macros/ is a link to the generator: git keeps it as a link), and tagged."""
    project = fixture_project(tmp / "project")
    git(project, "init", "-q", ".")
    git(project, "add", "-A")
    git(project, "commit", "-q", "-m", "The edition the committee approved")
    if tag:
        git(project, "tag", tag)
    return project


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, f"{path.name}: {old!r}"
    path.write_text(text.replace(old, new), encoding="utf-8")


def entries(project: Path, kind) -> list[dict]:
    return yaml.safe_load((project / "data" / kind.file).read_text(encoding="utf-8"))[kind.name]


def unlinked(project: Path) -> tuple:
    """An entry with a page that nothing names (so deleting it leaves the data valid), and its kind."""
    everything = "".join(path.read_text(encoding="utf-8") for path in [*(project / "data").glob("*.yml"), *(project / "content").rglob("*.md")])
    for kind in KINDS:
        if kind.folder and kind is not WITHDRAWABLE:
            for found in entries(project, kind):
                if everything.count(found["id"]) == 1 and not found.get("withdrawn"):
                    return kind, found
    raise AssertionError("no entry the fixture could lose")


@pytest.fixture(scope="module")
def edited(tmp_path_factory):
    """The repository, an edition tagged, then one of each change; the report made, and what each change was."""
    tmp = tmp_path_factory.mktemp("changes")
    project = repository(tmp)
    head = git(project, "rev-parse", "HEAD")
    data = project / "data"
    lost_kind, lost = unlinked(project)  # chosen before anything is added
    # A case study added.
    number = max(case["number"] for case in entries(project, CASES)) + 1
    illustrates = entries(project, CASES)[0]["illustrates"]
    with (data / CASES.file).open("a", encoding="utf-8") as file:
        file.write(f'  - id: {NEW_CASE}\n    number: {number}\n    title: "Robin and Lee"\n    tags: [assessment]\n'
                   f'    summary: "Robin is a new case."\n    narrative: "Robin is a new case. Lee is her brother."\n'
                   f'    questions:\n      - "What would you ask first?"\n    illustrates: {illustrates}\n')
    # A course withdrawn.
    course = next(found for found in entries(project, WITHDRAWABLE) if not found.get("withdrawn"))
    edit(data / WITHDRAWABLE.file, f"  - id: {course['id']}\n", f"  - id: {course['id']}\n    withdrawn: 2026-12-01\n")
    # A tool's text changed: one word replaced, two added.
    tools = BY_NAME["tools"]
    tool = next(found for found in entries(project, tools) if " is an innovative " in found["description"])
    edit(data / tools.file, " is an innovative strengths-based", " is a well-established strengths-based")
    # A review date moved.
    edition = yaml.safe_load((data / EDITION.file).read_text(encoding="utf-8"))[EDITION.name]
    due = edition["review_due"]
    edit(data / EDITION.file, f"review_due: {due.isoformat()}", "review_due: 2031-06-30")
    # An entry deleted.
    text = (data / lost_kind.file).read_text(encoding="utf-8")
    block = re.search(rf"^  - id: \"?{re.escape(lost['id'])}\"?\n(?:(?!  - id:).*\n)*", text, re.MULTILINE)
    (data / lost_kind.file).write_text(text[: block.start()] + text[block.end():], encoding="utf-8")
    # A prose section changed.
    page = project / "content" / "part-one" / "index.md"
    edit(page, "It can hide what is happening to a child.", "It can hide what is happening to a child at home.")
    result = changes(project)
    return {"project": project, "result": result, "head": head, "course": course, "tool": tool, "due": due, "lost": (lost_kind, lost),
            "doc": BeautifulSoup((project / "changes.html").read_text(encoding="utf-8"), "html.parser") if result.returncode == 0 else None}


def text(element) -> str:
    return " ".join(element.get_text(" ").split())


def article(doc, address: str):
    """The entry whose page is `address`, wherever the report lists it."""
    [code] = [code for code in doc.select("code") if code.get_text() == address]
    return code.find_parent(["article", "li"])


def test_the_report_is_written_and_summed_up_in_one_line(edited):
    result = edited["result"]
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == ["changes.html", "1 entry added, 1 withdrawn, 1 changed, 1 deleted; 1 prose section changed; 1 review date moved"]
    assert result.stderr == ""
    assert [path.name for path in edited["project"].iterdir() if path.name.startswith(".changes")] == []  # nothing half-written left


def test_the_report_opens_with_the_site_the_edition_the_revision_and_the_day(edited):
    doc, project = edited["doc"], edited["project"]
    settings = yaml.safe_load((project / "data" / "site.yml").read_text(encoding="utf-8"))["site"]
    assert settings["site_name"] in doc.h1.get_text() and settings["site_name"] in doc.title.get_text()
    facts = {text(dt): text(dt.find_next_sibling("dd")) for dt in doc.select("dl.facts dt")}
    assert facts["Edition"].startswith("1.0, published ") and facts["Next review due"] == "30 June 2031"
    assert re.fullmatch(r"edition-1\.0, tagged \d{1,2} [A-Z][a-z]+ \d{4}", facts["Compared with"])
    assert re.fullmatch(r"\d{1,2} [A-Z][a-z]+ \d{4}", facts["Report made"])
    assert edited["head"][:10] in text(doc.footer)


def test_the_case_study_added_is_listed_with_its_text(edited):
    found = article(edited["doc"], f"{CASES.folder}/{NEW_CASE}/")
    assert "added" in found["class"] and "Robin and Lee" in text(found.h5)
    assert "Robin is a new case. Lee is her brother." in text(found)


def test_the_course_withdrawn_is_listed_with_its_day(edited):
    course = edited["course"]
    found = article(edited["doc"], f"{WITHDRAWABLE.folder}/{course['id']}/")
    assert "withdrawn" in found["class"] and course["title"] in text(found)
    assert "Withdrawn 1 December 2026" in text(found)


def test_the_tools_changed_words_are_marked_inserted_and_deleted_in_colour_and_in_words(edited):
    doc, tool = edited["doc"], edited["tool"]
    found = article(doc, f"tools/{tool['id']}/")
    assert "changed" in found["class"] and tool["title"] in text(found.h5)
    [deleted], [inserted] = found.select("del"), found.select("ins")
    assert text(deleted) == "[removed: an innovative ]" and text(inserted) == "[added: a well-established ]"
    assert deleted.select_one(".hidden").get_text() == "[removed: " and inserted.select_one(".hidden").get_text() == "[added: "
    style = doc.style.get_text()
    assert re.search(r"\bins \{[^}]*background: #[0-9a-f]{6}", style) and re.search(r"\bdel \{[^}]*line-through", style)
    assert re.search(r"\.hidden \{[^}]*position: absolute", style)  # read aloud, not shown
    assert found.select_one(".gap")  # the unchanged rest of the description, left out


def test_the_entry_deleted_is_flagged_its_address_no_longer_answering(edited):
    doc, (kind, lost) = edited["doc"], edited["lost"]
    section = doc.select_one("#deleted")
    found = article(doc, lost["id"])
    assert found.find_parent("section") is section and "deleted" in found["class"]
    assert f"Its page, {kind.folder}/{lost['id']}/, no longer answers." in " ".join(found.get_text().split())
    assert "withdraw it instead" in text(section.select_one(".warning")) and "withdrawn: YYYY-MM-DD" in text(section)


def test_the_prose_section_changed_is_named_by_its_heading_with_the_words_added(edited):
    doc = edited["doc"]
    [page] = doc.select("#prose article.page.changed")
    assert "content/part-one/index.md" in text(page.h4)
    [section] = page.select("section.section")
    assert text(section.h5).startswith("Why it matters")
    assert [text(ins) for ins in section.select("ins")] == ["[added: at home ]"]
    assert section.select("del") == []


def test_the_review_date_moved_is_listed_from_and_to(edited):
    [row] = edited["doc"].select("#review-dates tr.date-move")
    due = edited["due"]
    assert [text(cell) for cell in row.select("td")] == [EDITION.plural.capitalize(), "review_due", f"{due.day} {due.strftime('%B')} {due.year}", "30 June 2031"]


def test_the_page_stands_alone_prints_on_a4_and_wears_the_sites_colours(edited):
    doc, project = edited["doc"], edited["project"]
    assert doc.html["lang"] == "en-GB" and doc.select("script") == [] and doc.select("link") == [] and doc.select("img") == []
    assert all(not anchor["href"].startswith(("http:", "https:", "//")) for anchor in doc.select("a[href]"))
    assert "default-src 'none'" in doc.select_one("meta[http-equiv=Content-Security-Policy]")["content"]
    style = doc.style.get_text()
    assert "@import" not in style and "url(" not in style
    assert "@page { size: A4;" in style and re.search(r"@media print \{[^@]*nav[^{]*\{ display: none;", style)
    colours = yaml.safe_load((project / "data" / "site.yml").read_text(encoding="utf-8"))["site"]["colours"]
    assert f"--primary: {colours['primary'].lower()};" in style and f"--on-primary: {colours['on_primary'].lower()};" in style
    # Words added and removed stay readable on their colours (WCAG 2.2 AA: 4.5:1).
    body_text = re.search(r"--text: (#[0-9a-f]{6});", style)[1]
    for mark in ("ins", "del"):
        background = re.search(rf"\b{mark} \{{[^}}]*background: (#[0-9a-f]{{6}})", style)[1]
        assert contrast(body_text, background) >= 4.5


def test_the_repository_is_left_as_it_was(edited):
    project = edited["project"]
    assert git(project, "rev-parse", "HEAD") == edited["head"]
    assert git(project, "stash", "list") == "" and git(project, "tag", "--list") == "edition-1.0\n"
    assert "?? changes.html" in git(project, "status", "--porcelain").splitlines()


def test_a_second_run_replaces_its_own_report_but_nothing_else(edited):
    project = edited["project"]
    assert changes(project).returncode == 0  # its own earlier report
    (project / "notes.html").write_text("<p>minutes</p>", encoding="utf-8")
    (project / "folder.html").mkdir()
    for out, why in (("notes.html", "not an earlier change report"), ("folder.html", "not a file"), ("mkdocs.yml", "ending in .html"),
                     ("content/report.html", "holds the site's sources")):
        result = changes(project, "--out", out)
        assert result.returncode == 1 and why in result.stderr and "Traceback" not in result.stderr, result.stderr
    assert (project / "notes.html").read_text(encoding="utf-8") == "<p>minutes</p>" and not (project / "content" / "report.html").exists()


def test_the_newest_edition_is_found_by_date_then_version_and_any_revision_may_be_named(tmp_path):
    project = repository(tmp_path, tag="edition-1.9")
    git(project, "tag", "edition-1.10")  # the same day: 1.10 comes after 1.9
    edit(project / "content" / "part-one" / "index.md", "It can hide", "It may hide")
    result = changes(project, "--out", "out/report.html")
    assert result.returncode == 0, result.stderr
    doc = BeautifulSoup((project / "out" / "report.html").read_text(encoding="utf-8"), "html.parser")
    assert text(doc.select_one("dd.revision")).startswith("edition-1.10, tagged ")
    result = changes(project, "HEAD", "--out", "head.html", SITE_URL="https://intranet.example/cp/")
    assert result.returncode == 0 and "1 prose section changed" in result.stdout
    doc = BeautifulSoup((project / "head.html").read_text(encoding="utf-8"), "html.parser")
    assert "HEAD (commit " in text(doc.select_one("dd.revision"))
    assert [anchor["href"] for anchor in doc.select("#prose a")] == ["https://intranet.example/cp/part-one/"]  # with SITE_URL, the published address


def test_an_earlier_edition_that_todays_checks_refuse_still_compares(tmp_path):
    project = repository(tmp_path, tag=None)
    tools = BY_NAME["tools"]
    edit(project / "data" / tools.file, "  - id: signs-of-safety\n", "  - id: signs-of-safety\n    old_field: gone since\n")
    git(project, "commit", "-q", "-am", "An edition with a field since retired")
    git(project, "tag", "edition-0.9")
    edit(project / "data" / tools.file, "  - id: signs-of-safety\n    old_field: gone since\n", "  - id: signs-of-safety\n")
    result = changes(project)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[1].startswith("0 entries added, 0 withdrawn, 1 changed;")


@pytest.mark.parametrize("case", ["no edition tagged", "unknown revision", "no repository", "data with problems"])
def test_what_stops_the_report_is_said_in_plain_words(tmp_path, case):
    if case == "no repository":
        project = fixture_project(tmp_path / "project")
    else:
        project = repository(tmp_path, tag=None if case == "no edition tagged" else "edition-1.0")
    args = ("edition-9.9",) if case == "unknown revision" else ()
    if case == "data with problems":
        edit(project / "data" / "tools.yml", "  - id: signs-of-safety\n", "  - id: signs-of-safety\n    colour: blue\n")
    result = changes(project, *args)
    expected = {
        "no edition tagged": "no edition is tagged yet, so there is no last edition to compare with. When the committee approves an edition, tag it, e.g. for edition 1.0: git tag edition-1.0",
        "unknown revision": "there is no revision 'edition-9.9' in this repository",
        "no repository": "is not in a git repository, so there is no earlier edition to compare with",
        "data with problems": "data/tools.yml:",
    }[case]
    assert result.returncode == 1 and expected in result.stderr, result.stderr
    assert "Traceback" not in result.stderr and result.stdout == ""
    assert not (project / "changes.html").exists()


def test_validate_warns_that_an_entry_of_the_last_edition_was_deleted(edited):
    """Its address was published: validate says to withdraw it instead, and still passes."""
    project, (kind, lost) = edited["project"], edited["lost"]
    env = {**ENV, "HOME": str(project.parent), "GIT_CEILING_DIRECTORIES": str(project.parent)}
    result = subprocess.run([sys.executable, "-m", "macros", "validate"], cwd=project, capture_output=True, text=True, timeout=300, env=env)
    assert result.returncode == 0, result.stderr
    assert (f"data/{kind.file}:1: {kind.name}: the {kind.label} '{lost['id']}' was in edition-1.0, tagged ") in result.stderr
    assert f"its page {kind.folder}/{lost['id']}/ would no longer answer: put it back with withdrawn: YYYY-MM-DD" in result.stderr
