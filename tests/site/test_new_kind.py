"""Adding a kind with its own pages, which a training pack can name and which has a Word handout, takes exactly:
the kind's module, its two templates (its page, its list), its data file, a fixture data file, and a line
in the menu (data/book.yml). Proved on a kind made up for this test, in a copy of the project: it builds pages
that link and are searched (its list on a page the build makes), its links are kept both ways, a pack names it
and gets its slides and handout, it is in the JSON Schema and the validate summary, and the generic bad-input
cases run on it unchanged.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import zipfile

import pytest

from tests.helpers import ROOT, article_text, copy_project, page, run_mkdocs

MODULE = '''"""Seven-minute briefings (made up for tests/site/test_new_kind.py): a page each, listed, in packs, and a handout."""

from __future__ import annotations

from ..base import Governed
from ..document import Item, Section, Text
from ..kind import Download, EntryPages, Kind
from ..text import Id, Markdown
from ..text import Text as OneLine
from ._portfolio import handout
from .resistance_types import KIND as BEHAVIOURS


class Briefing(Governed):
    """A seven-minute briefing."""

    id: Id
    title: OneLine
    summary: Markdown
    illustrates: list[Id] = []


def item(briefing: Briefing, site) -> Item:
    return Item(briefing.title, KIND.src(briefing.id), (Section(None, (Text(briefing.summary),)),), "A seven-minute briefing.")


KIND = Kind("briefings", Briefing, "briefing", "briefings", rank=95, links={"illustrates": BEHAVIOURS.name},
            pages=EntryPages("briefings", "briefing.md"), index="briefing_index", item=item, pack_item="briefing",
            word=Download("briefing-{entry.id}.docx", lambda briefing, site: handout(item(briefing, site), "A briefing", "This briefing online")))
'''
TEMPLATE = '''{% import "_parts.md" as parts %}
{{ parts.front_matter(entry) }}

# {{ entry.title | md }}

{{ entry.summary | md }}

Illustrates: {{ parts.links("resistance_types", entry.illustrates | map("lookup", "resistance_types") | list, page_src) }}.
'''
INDEX_TEMPLATE = '''{% for b in data.briefings %}
- [{{ b.title | md }}]({{ rel(src_of("briefings", b.id), page_src) }})
{% endfor %}
'''
# One data file may hold several kinds: the briefings, and a pack that names one.
DATA = '''briefings:
  - id: first-visit
    title: "Seven-minute briefing: the first visit"
    summary: "Plan the first visit with the family's history in mind."
    illustrates: [disguised-compliance]
  - id: cancelled-visits
    title: "Seven-minute briefing: cancelled visits"
    summary: "What repeated cancellations can mean."
    illustrates: [failure-to-enable-necessary-contact]
packs:
  - id: briefing-session
    title: "A briefing session"
    audience: "Everyone"
    duration: "Seven minutes"
    sessions:
      - title: "The briefing"
        items:
          - briefing: cancelled-visits
            notes: "Read it aloud."
'''
MENU_LINE = '''    - title: "Briefings"
      page: briefings/index.md
'''


def add_kind(project) -> None:
    """Exactly the changes a newcomer makes: the kind's module, its two templates, its data, a fixture's, a menu line."""
    (project / "macros" / "model" / "kinds" / "briefings.py").write_text(MODULE, encoding="utf-8")
    (project / "overrides" / "portfolio" / "briefing.md").write_text(TEMPLATE, encoding="utf-8")
    (project / "overrides" / "portfolio" / "briefing_index.md").write_text(INDEX_TEMPLATE, encoding="utf-8")
    (project / "data" / "briefings.yml").write_text(DATA, encoding="utf-8")
    (project / "tests" / "fixtures" / "portfolio" / "data" / "briefings.yml").write_text(DATA.split("packs:")[0], encoding="utf-8")
    book = project / "data" / "book.yml"
    text = book.read_text(encoding="utf-8")
    book.write_text(text.replace('    - title: "For trainers"\n', MENU_LINE + '    - title: "For trainers"\n', 1), encoding="utf-8")


@pytest.fixture(scope="module")
def project(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("new-kind")
    project = copy_project(tmp / "project")
    (project / "macros").unlink()
    shutil.copytree(ROOT / "macros", project / "macros", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(ROOT / "tests", project / "tests", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(ROOT / "benchmarks", project / "benchmarks", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "pyproject.toml", project / "pyproject.toml")
    add_kind(project)
    return project


def python(project, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, *args], cwd=project, capture_output=True, text=True, timeout=600)


def test_the_new_kind_builds_pages_that_link_and_are_searched(project, tmp_path):
    out = tmp_path / "site"
    result = run_mkdocs(["build", "--strict", "-d", str(out)], cwd=project)
    assert result.returncode == 0, result.stderr
    doc = page(out, "briefings/first-visit")
    assert "Briefings" in [a.get_text(strip=True) for a in doc.select("nav.md-nav--primary a")]
    assert doc.select_one("article h1").get_text().startswith("Seven-minute briefing: the first visit")
    assert "../../resistance/disguised-compliance/" in [a["href"] for a in doc.select("article a[href]")]
    assert "Plan the first visit" in article_text(doc)
    index = [a["href"] for a in page(out, "briefings").select("article a[href]")]
    assert {"first-visit/", "cancelled-visits/"} <= {href.removeprefix("../briefings/") for href in index}
    locations = {d["location"] for d in json.loads((out / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]}
    assert {"briefings/first-visit/", "briefings/cancelled-visits/"} <= locations


def test_the_new_kind_is_linked_both_ways_validated_and_in_the_schema(project):
    check = python(project, "-c", (
        "from pathlib import Path; from macros.load import load_site_data;"
        "d = load_site_data(Path('data'));"
        "print([b.id for b in d.linked_from('resistance_types', 'disguised-compliance', 'briefings')])"
    ))
    assert check.stdout.strip() == "['first-visit']", check.stderr
    validate = python(project, "-m", "macros", "validate")
    assert validate.returncode == 0 and "2 briefings" in validate.stdout, validate.stderr
    schema = python(project, "-m", "macros", "schema")
    assert schema.returncode == 0, schema.stderr
    properties = json.loads((project / "schema" / "data.schema.json").read_text(encoding="utf-8"))["properties"]
    assert "briefings" in properties


def test_the_generic_bad_input_cases_run_on_the_new_kind(project):
    result = python(project, "-m", "pytest", "-q", "-p", "no:cacheprovider", "tests/loading/test_kind_contract.py", "-k", "briefings")
    assert result.returncode == 0, result.stdout[-3000:]
    passed = int(result.stdout.strip().splitlines()[-1].split(" passed")[0].split()[-1])
    assert passed >= 5, result.stdout[-500:]


def test_a_pack_names_the_new_kind_and_its_files_hold_it(project, tmp_path):
    out = tmp_path / "site"
    assert run_mkdocs(["build", "--strict", "-d", str(out)], cwd=project).returncode == 0
    assert "What repeated cancellations can mean." in article_text(page(out, "packs/briefing-session")) or \
        "Seven-minute briefing: cancelled visits" in article_text(page(out, "packs/briefing-session"))
    for name in ("pack-briefing-session-handout.docx", "pack-briefing-session-facilitator.docx", "pack-briefing-session.pptx", "briefing-first-visit.docx"):
        with zipfile.ZipFile(out / "downloads" / name) as package:
            xml = "".join(package.read(part).decode("utf-8") for part in package.namelist() if part.endswith(".xml"))
        assert "Seven-minute briefing" in xml, name
