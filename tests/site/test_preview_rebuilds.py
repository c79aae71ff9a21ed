"""The editors' preview keeps each page as converted and rendered last, and after a save redoes only the pages
the save changed (macros/engine/converted_pages.py, rendered_pages.py). What it serves after every kind of
edit an editor makes must be, byte for byte, what a build keeping nothing makes from the same files."""

from __future__ import annotations

import filecmp
import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.helpers import fixture_data, fixture_project

# Builds `project` as the preview does (`serve`, mkdocs' server's own address), then, for each edit in turn,
# makes it and builds twice: keeping what the last build made, then keeping nothing; each site is copied
# out, and what each build did is printed as one line of JSON.
DRIVER = r"""
import json, os, shutil, sys
from pathlib import Path
os.environ["NO_MKDOCS_2_WARNING"] = "1"
from mkdocs.config import load_config
from mkdocs.commands.build import build
from macros.engine.kept_pages import KeptPages

project, out, edits = Path(sys.argv[1]), Path(sys.argv[2]), json.loads(sys.argv[3])
URL = "http://127.0.0.1:8000/"
site = out / "preview"

def build_once():
    config = load_config(str(project / "mkdocs.yml"), site_dir=str(site))
    config.site_url = URL
    if not build_once.started:
        config.plugins.on_startup(command="serve", dirty=False)
        build_once.started = True
    plugin = config.plugins["portfolio"]
    try:
        build(config, serve_url=URL)
    except (Exception, SystemExit):
        return plugin, False
    return plugin, True
build_once.started = False

plugin, built = build_once()
assert built, "the fixture project does not build"
for number, edit in enumerate(edits):
    path = project / edit["file"]
    text = path.read_text(encoding="utf-8")
    assert edit["old"] in text, f"{edit['file']} does not hold {edit['old']!r}"
    path.write_text(text.replace(edit["old"], edit["new"], 1), encoding="utf-8")
    plugin, kept_built = build_once()
    converted, rendered = sorted(plugin.kept.converted.kept.reused), sorted(plugin.kept.rendered.kept.reused)
    if kept_built:
        shutil.copytree(site, out / f"{number}-kept")
    plugin.kept = KeptPages(keep=True)
    plugin, fresh_built = build_once()
    if fresh_built:
        shutil.copytree(site, out / f"{number}-fresh")
    print(json.dumps({"built": [kept_built, fresh_built], "converted": converted, "rendered": rendered}), flush=True)
"""

CASE = fixture_data().case_studies[0]
PAGE = f"case-studies/{CASE.id}.md"
MARKED = "content/introduction.md"

# Each kind of edit, and a page it must reach (its built file, and the text it must now hold there).
EDITS = [
    ("a case study's title (data/)", {"file": "data/case_studies.yml", "old": f'title: "{CASE.title}"', "new": f'title: "{CASE.title} (edited)"'},
     f"case-studies/{CASE.id}/index.html", f"{CASE.title} (edited)"),
    ("a case study's themes (data/: its tags, and the Themes page)", {"file": "data/case_studies.yml", "old": "tags: [assessment]", "new": "tags: [assessment, supervision]"},
     f"case-studies/{CASE.id}/index.html", 'class="md-tag">supervision</a>'),
    ("a prose page's text (content/)", {"file": MARKED, "old": "# Introduction\n", "new": "# Introduction\n\nA line added in the preview.\n"},
     "introduction/index.html", "A line added in the preview."),
    ("the theme's page template (overrides/main.html)", {"file": "overrides/main.html", "old": "Back to top</a>", "new": "Back to the top</a>"},
     "introduction/index.html", "Back to the top"),
    ("the committee's address, in every page's footer (data/site.yml)", {"file": "data/site.yml", "old": 'email: "feedback@example.org"', "new": 'email: "editors@example.org"'},
     "about/index.html", "mailto:editors@example.org"),
    ("the committee's colour, in every page's head (data/site.yml)", {"file": "data/site.yml", "old": 'primary: "#1f4e79"', "new": 'primary: "#1b4670"'},
     "about/index.html", 'content="#1b4670"'),
    ("a menu title (data/book.yml)", {"file": "data/book.yml", "old": 'title: "Key messages"', "new": 'title: "Key messages, edited"'},
     "introduction/index.html", "Key messages, edited"),
    ("a glossary expansion (data/glossary.yml)", {"file": "data/glossary.yml", "old": '"Accident and Emergency"', "new": '"Accident and Emergency department"'},
     "glossary/index.html", "Accident and Emergency department"),
    ("a link to no page in prose, which stops the build", {"file": MARKED, "old": "A line added in the preview.", "new": "A line added in the [preview](no-such-page.md)."},
     None, None),
    ("the link mended", {"file": MARKED, "old": "A line added in the [preview](no-such-page.md).", "new": "A line added in the preview, mended."},
     "introduction/index.html", "A line added in the preview, mended."),
]


def _tree(site: Path) -> list[str]:
    return sorted(str(path.relative_to(site)) for path in site.rglob("*") if path.is_file())


@pytest.fixture(scope="module")
def rebuilds(tmp_path_factory):
    project = fixture_project(tmp_path_factory.mktemp("preview") / "project")
    out = project.parent / "sites"
    edits = [edit for _, edit, _, _ in EDITS]
    result = subprocess.run([sys.executable, "-c", DRIVER, str(project), str(out), json.dumps(edits)],
                            cwd=project, capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr[-3000:]
    return out, [json.loads(line) for line in result.stdout.splitlines() if line.startswith("{")]


@pytest.mark.parametrize("number", range(len(EDITS)), ids=[name for name, *_ in EDITS])
def test_after_each_kind_of_edit_the_preview_serves_what_a_build_keeping_nothing_makes(rebuilds, number):
    out, steps = rebuilds
    assert len(steps) == len(EDITS)
    name, _, page, text = EDITS[number]
    step = steps[number]
    if page is None:
        assert step["built"] == [False, False], f"{name}: the preview must stop on it as a build does"
        return
    assert step["built"] == [True, True]
    kept, fresh = out / f"{number}-kept", out / f"{number}-fresh"
    assert text in (kept / page).read_text(encoding="utf-8"), f"{name}: the edit did not reach {page}"
    assert _tree(kept) == _tree(fresh)
    files = _tree(fresh)
    assert len(files) > 50
    _, differ, errors = filecmp.cmpfiles(kept, fresh, files, shallow=False)
    assert not differ and not errors, f"{name}: the preview's pages differ from a fresh build's: {differ[:10]}"


def test_a_save_redoes_only_the_pages_it_changed(rebuilds):
    """After a prose page's edit every other page is taken as converted and rendered before, and that page is not;
    after a change to the theme's own template, or to the menu, every page is rendered again."""
    _, steps = rebuilds
    prose, theme, menu = steps[2], steps[3], steps[6]
    assert MARKED.removeprefix("content/") not in prose["converted"] + prose["rendered"]
    assert PAGE in prose["converted"] and PAGE in prose["rendered"]
    assert len(prose["rendered"]) > 20
    assert theme["rendered"] == [] and menu["rendered"] == []
    assert len(theme["converted"]) > 20
