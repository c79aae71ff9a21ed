"""Shared fixtures: builds of the fixture portfolio (and one of the real one), a real browser, a served site.

Tests live in layers: unit/ (pure functions) and loading/ (the loader over small fixture data), marked
`fast` (`./run test -m fast`, your own loop); outputs/ (the Word and PowerPoint downloads, opened with
python-docx, python-pptx and Debian's LibreOffice), site/ (builds, parsed), browser/ (Debian's chromium
through playwright; marked `browser`). The site, outputs and browser layers build the fixture portfolio
(tests/fixtures/: its data, prose pages that place every kind, and its menu), so an editor's change to the
real portfolio never breaks them; `real_site` is one build of the real portfolio, for the tests of its
text (faithfulness to the seeds, search in practitioners' words) and a smoke test.
"""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import pytest

from .helpers import CHROMIUM, CHROMIUM_ARGS, COMMITTEE_FIXTURE, ROOT, fixture_project, run_mkdocs, serve_directory

LAYERS = {"browser": "browser", "unit": "fast", "loading": "fast"}


def pytest_collection_modifyitems(items):
    """Every test under tests/browser/ drives the browser; those under tests/unit/ and tests/loading/ are the fast
    layer, but for the few that run a whole build (marked `builds`)."""
    for item in items:
        layer = LAYERS.get(item.path.relative_to(ROOT / "tests").parts[0])
        if layer and not (layer == "fast" and item.get_closest_marker("builds")):
            item.add_marker(getattr(pytest.mark, layer))


@pytest.fixture(scope="session")
def fixture_source(tmp_path_factory):
    """The fixture portfolio's project (tests/helpers.py fixture_project), made once."""
    return fixture_project(tmp_path_factory.mktemp("fixture") / "project")


@pytest.fixture(scope="session")
def site(tmp_path_factory, fixture_source):
    """The fixture portfolio's site, built once with `mkdocs build --strict` into a temporary folder."""
    out = tmp_path_factory.mktemp("site")
    result = run_mkdocs(["build", "--strict", "-d", str(out)], cwd=fixture_source)
    assert result.returncode == 0, result.stderr
    return out


@pytest.fixture(scope="session")
def real_site(tmp_path_factory):
    """The real portfolio's site, built once: for the tests of its own text and a smoke test."""
    out = tmp_path_factory.mktemp("real-site")
    result = run_mkdocs(["build", "--strict", "-d", str(out)], cwd=ROOT)
    assert result.returncode == 0, result.stderr
    return out


@pytest.fixture(scope="session")
def browser():
    """Debian's chromium, driven by playwright (never a downloaded browser)."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        yield chromium
        chromium.close()


@pytest.fixture
def tab(browser):
    """A fresh browser tab with nothing kept from other tests; closed even when the test fails."""
    context = browser.new_context()
    yield context.new_page()
    context.close()


# The public address of the sub-path build: hosted under /cp/portfolio/, served on loopback under /portfolio/.
SUB_PATH_URL = "https://intranet.example/cp/portfolio/"


@pytest.fixture(scope="session")
def sub_path_build(tmp_path_factory):
    """The site built for a sub-path address, in <www>/portfolio/; returns <www>, the folder to serve."""
    tmp = tmp_path_factory.mktemp("subpath")
    project = fixture_project(tmp / "project")
    root = tmp / "www"
    result = run_mkdocs(["build", "--strict", "-d", str(root / "portfolio")], cwd=project, env={"SITE_URL": SUB_PATH_URL})
    assert result.returncode == 0, result.stderr
    return root


@pytest.fixture(scope="session")
def served_site(site):
    with serve_directory(site) as url:
        yield url


UNTOUCHED = ("macros", "overrides", "content")


def tree_digest(folder: Path) -> str:
    digest = hashlib.sha256()
    for path in sorted(p for p in folder.rglob("*") if p.is_file() and "__pycache__" not in p.parts):
        digest.update(path.relative_to(folder).as_posix().encode() + path.read_bytes())
    return digest.hexdigest()


@pytest.fixture(scope="session")
def committee_site(tmp_path_factory):
    """The site built for the fixture committee: its files go in data/local/, nothing else changes."""
    tmp = tmp_path_factory.mktemp("committee")
    project = fixture_project(tmp / "project")
    before = {name: tree_digest((project / name).resolve()) for name in UNTOUCHED}
    shutil.copytree(COMMITTEE_FIXTURE, project / "data" / "local", dirs_exist_ok=True)
    out = tmp / "site"
    result = run_mkdocs(["build", "--strict", "-d", str(out)], cwd=project)
    assert result.returncode == 0, result.stderr
    for name in UNTOUCHED:
        target = (project / name).resolve()
        assert tree_digest(target) == before[name], f"{name}/ must not change for a committee"
    return out
