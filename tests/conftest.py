"""Shared fixtures: one real build of the site per test session, a real browser, a served site.

Tests live in layers: unit/ (pure functions), loading/ (the loader over small fixture data),
outputs/ (the Word and PowerPoint downloads, opened with python-docx, python-pptx and Debian's
LibreOffice), site/ (real builds, parsed), browser/ (Debian's chromium through playwright; marked
`browser`, so `./run test -m "not browser"` is the fast layer).
"""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import pytest

from .helpers import CHROMIUM, CHROMIUM_ARGS, COMMITTEE_FIXTURE, ROOT, copy_project, run_mkdocs, serve_directory


def pytest_collection_modifyitems(items):
    """Every test under tests/browser/ drives the browser, and only those carry the marker."""
    browser_dir = ROOT / "tests" / "browser"
    for item in items:
        if browser_dir in item.path.parents:
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def site(tmp_path_factory):
    """The whole site, built once with `mkdocs build --strict` into a temporary folder."""
    out = tmp_path_factory.mktemp("site")
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
    project = copy_project(tmp / "project")
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
    project = copy_project(tmp / "project")
    before = {name: tree_digest(ROOT / name) for name in UNTOUCHED}
    shutil.copytree(COMMITTEE_FIXTURE, project / "data" / "local", dirs_exist_ok=True)
    out = tmp / "site"
    result = run_mkdocs(["build", "--strict", "-d", str(out)], cwd=project)
    assert result.returncode == 0, result.stderr
    for name in UNTOUCHED:
        target = (project / name).resolve()
        assert tree_digest(target) == before[name], f"{name}/ must not change for a committee"
    return out
