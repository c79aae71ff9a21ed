"""Shared fixtures: one real build of the site per test session, and throwaway project copies.

Tests assert on what a reader gets: the built HTML, parsed; a browser where behaviour matters.
"""

from __future__ import annotations

import contextlib
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from benchmarks.project import copy_project  # noqa: F401 - the tests' copy of the project, shared with the benchmark
from benchmarks.web import QuietHandler
from benchmarks.web import serve_directory as serve

ROOT = Path(__file__).resolve().parents[1]
# The source documents, kept beside the tests so a fresh clone can check faithfulness;
# test_seed_copies_match_shared keeps them identical to ../shared/seeds where that exists.
SEEDS = ROOT / "tests" / "seeds"
SHARED_SEEDS = ROOT.parent / "shared" / "seeds"
MKDOCS = [sys.executable, "-m", "mkdocs"]


def run_mkdocs(args: list[str], cwd: Path, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    """Run the real mkdocs command line, as a user would."""
    full_env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", **(env or {})}
    return subprocess.run(MKDOCS + args, cwd=cwd, env=full_env, capture_output=True, text=True, timeout=300)


@pytest.fixture(scope="session")
def site(tmp_path_factory) -> Path:
    """The whole site, built once with `mkdocs build --strict` into a temporary folder."""
    out = tmp_path_factory.mktemp("site")
    result = run_mkdocs(["build", "--strict", "-d", str(out)], cwd=ROOT)
    assert result.returncode == 0, result.stderr
    return out


def html_pages(site_dir: Path) -> list[Path]:
    """Every built page (not the 404 page and not theme assets)."""
    return sorted(p for p in site_dir.rglob("index.html") if "assets" not in p.parts)


def soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def page(site_dir: Path, url_path: str) -> BeautifulSoup:
    """The parsed page at a site path such as 'case-studies/one/'."""
    return soup(site_dir / url_path / "index.html")


def article_text(doc: BeautifulSoup) -> str:
    """The readable text of a page's content, whitespace folded, permalink marks removed."""
    article = doc.select_one("article")
    for mark in article.select("a.headerlink"):
        mark.decompose()
    for br in article.select("br"):
        br.replace_with(" ")
    return re.sub(r"\s+", " ", article.get_text()).strip()


CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


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


@contextlib.contextmanager
def serve_directory(directory: Path, headers: dict[str, str] | None = None):
    """Serve a folder on a free loopback port, as is (no compression), adding `headers` to every response."""

    class Handler(QuietHandler):
        def end_headers(self):
            for name, value in (headers or {}).items():
                self.send_header(name, value)
            super().end_headers()

    with serve(directory, Handler) as base:
        yield base


@pytest.fixture(scope="session")
def served_site(site):
    with serve_directory(site) as url:
        yield url
