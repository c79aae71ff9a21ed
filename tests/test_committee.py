"""A second committee rebrands and extends the site through data/ alone; review dates are governed."""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import pytest

from macros.errors import DataError
from macros.loader import load_site_data

from .conftest import ROOT, article_text, copy_project, page, run_mkdocs

FIXTURE = Path(__file__).parent / "fixtures" / "committee"
UNTOUCHED = ("macros", "overrides", "content")


def tree_digest(folder: Path) -> str:
    digest = hashlib.sha256()
    for path in sorted(p for p in folder.rglob("*") if p.is_file() and "__pycache__" not in p.parts):
        digest.update(path.relative_to(folder).as_posix().encode() + path.read_bytes())
    return digest.hexdigest()


@pytest.fixture(scope="module")
def committee_site(tmp_path_factory):
    """The site built for the fixture committee: its files go in data/local/, nothing else changes."""
    tmp = tmp_path_factory.mktemp("committee")
    project = copy_project(tmp / "project")
    before = {name: tree_digest(ROOT / name) for name in UNTOUCHED}
    shutil.copytree(FIXTURE, project / "data" / "local")
    out = tmp / "site"
    result = run_mkdocs(["build", "--strict", "-d", str(out)], cwd=project)
    assert result.returncode == 0, result.stderr
    for name in UNTOUCHED:
        target = (project / name).resolve()
        assert tree_digest(target) == before[name], f"{name}/ must not change for a committee"
    return out


def test_committee_name_colours_logo_and_contact(committee_site):
    home = page(committee_site, "")
    assert "Riverside Resistance Toolkit" in home.select_one("title").get_text()
    css = (committee_site / "assets" / "stylesheets" / "committee.css").read_text()
    assert "--md-primary-fg-color: #6a1b4d" in css and "#f2b8dc" in css
    assert home.select_one("link[href$='committee.css']") is not None
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


def test_a_local_entry_can_replace_a_core_one_and_show_it_is_superseded(committee_site):
    replaced = article_text(page(committee_site, "resources/threshold-continuum"))
    assert "Threshold continuum (Riverside edition)" in replaced and "Local:" in replaced
    assert "superseded by Riverside thresholds 2027" in replaced
    table = article_text(page(committee_site, "resources"))
    assert "Superseded by Riverside thresholds 2027" in table
    assert table.count("Threshold continuum") == 1


@pytest.fixture
def data_dir(tmp_path) -> Path:
    shutil.copytree(ROOT / "data", tmp_path / "data")
    (tmp_path / "data" / "local").mkdir()
    return tmp_path / "data"


def problems(data_dir: Path) -> list[str]:
    with pytest.raises(DataError) as caught:
        load_site_data(data_dir)
    return [str(p) for p in caught.value.problems]


def test_a_local_entry_reusing_a_core_id_must_say_it_replaces_it(data_dir):
    text = (FIXTURE / "resources.yml").read_text().replace("    replaces: true\n", "")
    (data_dir / "local" / "resources.yml").write_text(text)
    core_line = (ROOT / "data" / "resources.yml").read_text().splitlines().index("  - id: threshold-continuum") + 1
    line = text.splitlines().index("  - id: threshold-continuum") + 1
    assert problems(data_dir) == [
        f"data/local/resources.yml:{line}: resources[1].id: id 'threshold-continuum' is already used by the core entry at "
        f"data/resources.yml:{core_line}; add 'replaces: true' to replace it, or choose another id"
    ]


def test_replacing_needs_a_core_entry(data_dir):
    text = (FIXTURE / "resources.yml").read_text().replace("id: threshold-continuum", "id: threshold-continum")
    (data_dir / "local" / "resources.yml").write_text(text)
    line = text.splitlines().index("    replaces: true") + 1
    assert problems(data_dir) == [f"data/local/resources.yml:{line}: resources[1].replaces: there is no core entry with id 'threshold-continum' to replace"]


def test_unreadable_colours_are_an_error(data_dir):
    text = (FIXTURE / "site.yml").read_text().replace('primary: "#6a1b4d"', 'primary: "#f5c542"').replace('  logo: "local/riverside-logo.svg"\n', "")
    (data_dir / "local" / "site.yml").write_text(text)
    line = [n for n, l in enumerate(text.splitlines(), 1) if l.strip() == "colours:"][0]
    assert problems(data_dir) == [
        f"data/local/site.yml:{line}: site.colours: on_primary #ffffff on primary #f5c542 has a contrast of 1.62:1; WCAG AA needs at least 4.5:1"
    ]


@pytest.mark.parametrize("clock,banner", [("2027-06-01", True), ("2027-01-01", False)])
def test_review_banner_follows_the_build_clock(tmp_path, clock, banner):
    from datetime import datetime, timezone

    project = copy_project(tmp_path / "project")
    cases = project / "data" / "case_studies.yml"
    cases.write_text(cases.read_text().replace("  - id: two\n", "  - id: two\n    review_due: 2027-03-31\n    reviewed: 2026-03-31\n", 1))
    intro = project / "content" / "introduction.md"
    intro.write_text("---\nreview_due: 2027-03-31\n---\n\n" + intro.read_text())
    epoch = str(int(datetime.fromisoformat(clock).replace(tzinfo=timezone.utc).timestamp()))
    out = tmp_path / "out"
    result = run_mkdocs(["build", "--strict", "-d", str(out)], cwd=project, env={"SOURCE_DATE_EPOCH": epoch})
    assert result.returncode == 0, result.stderr
    for path in ("case-studies/two", "introduction"):
        doc = page(out, path)
        assert (doc.select_one(".wwr-review-banner") is not None) == banner, path
    assert "Next review due 2027-03-31" in article_text(page(out, "case-studies/two"))
    assert page(out, "case-studies/one").select_one(".wwr-review-banner") is None
    assert f"built {clock}" in page(out, "case-studies/one").select_one("footer").get_text()


def test_a_review_date_that_is_not_a_date_stops_the_build(tmp_path):
    project = copy_project(tmp_path / "project")
    intro = project / "content" / "introduction.md"
    intro.write_text("---\nreview_due: next spring\n---\n\n" + intro.read_text())
    result = run_mkdocs(["build", "--strict", "-d", str(tmp_path / "out")], cwd=project)
    assert result.returncode != 0
    assert "content/introduction.md:1: front matter review_due: 'next spring' is not a date written as YYYY-MM-DD" in result.stderr
    assert "Traceback" not in result.stderr
