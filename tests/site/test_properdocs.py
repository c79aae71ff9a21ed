"""A way off an engine at its end: ProperDocs 1.6.7 (a maintained fork of mkdocs 1.6, in its own venv,
.venv-properdocs, which ./run test makes) builds the same site (the fixture portfolio, as `site` is built
with mkdocs): the same files, the same text on every page, the same search index, and a failed strict
build keeps the earlier site there too."""

from __future__ import annotations

import json
import os
import re
import subprocess

import pytest

from tests.helpers import ROOT, fixture_data, fixture_page_paths, fixture_project, html_pages, soup

PROPERDOCS = ROOT / ".venv-properdocs" / "bin" / "properdocs"


def properdocs(args: list[str], cwd) -> subprocess.CompletedProcess:
    assert PROPERDOCS.exists(), "ProperDocs is installed in .venv-properdocs by ./run test"
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.run([str(PROPERDOCS), *args, "-f", "mkdocs.yml"], cwd=cwd, env=env, capture_output=True, text=True, timeout=300)


def files(folder) -> set[str]:
    return {p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file()}


def page_text(path) -> str:
    doc = soup(path)
    doc.select_one("meta[name=generator]").decompose()  # names the engine, by design
    return re.sub(r"\s+", " ", doc.get_text(" "))


@pytest.fixture(scope="module")
def properdocs_site(tmp_path_factory, fixture_source):
    out = tmp_path_factory.mktemp("properdocs") / "site"
    result = properdocs(["build", "--strict", "-d", str(out)], cwd=fixture_source)
    assert result.returncode == 0, result.stderr
    return out


def test_properdocs_builds_the_same_pages_with_the_same_text(site, properdocs_site):
    assert files(properdocs_site) == files(site)
    pages = html_pages(site)
    assert pages and len(pages) == len(fixture_page_paths(fixture_data()))
    for path in pages:
        relative = path.relative_to(site)
        assert page_text(properdocs_site / relative) == page_text(path), relative
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert json.loads((properdocs_site / "search" / "search_index.json").read_text(encoding="utf-8")) == index


def test_a_failed_properdocs_build_leaves_the_earlier_site_untouched(tmp_path):
    project = fixture_project(tmp_path / "project")
    out = tmp_path / "out"
    assert properdocs(["build", "--strict", "-d", str(out)], cwd=project).returncode == 0
    (out / "earlier-build.txt").write_text("kept")
    about = project / "content" / "about.md"
    about.write_text(about.read_text(encoding="utf-8") + "\n[A page that is not there](nowhere.md)\n", encoding="utf-8")
    result = properdocs(["build", "--strict", "-d", str(out)], cwd=project)
    assert result.returncode != 0
    assert (out / "earlier-build.txt").read_text() == "kept"
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".out")] == []
