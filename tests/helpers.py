"""Helpers the tests share: the real command line, built pages parsed, a local web server."""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from bs4 import BeautifulSoup

from benchmarks.project import copy_project as copy_sources
from benchmarks.web import QuietHandler
from benchmarks.web import serve_directory as serve

ROOT = Path(__file__).resolve().parents[1]


def copy_project(dest: Path) -> Path:
    """A copy of the project to change and build (the benchmark's), starting from the repository's caches
    of compressed copies, downloads and icons, so that its builds make only what the test changed."""
    return copy_sources(dest, warm=True)
# The source documents, kept beside the tests so a fresh clone can check faithfulness;
# test_seed_copies_match_shared keeps them identical to ../shared/seeds where that exists.
SEEDS = ROOT / "tests" / "seeds"
COMMITTEE_FIXTURE = ROOT / "tests" / "fixtures" / "committee"  # a second committee's data/local/
SHARED_SEEDS = ROOT.parent / "shared" / "seeds"
MKDOCS = [sys.executable, "-m", "mkdocs"]


def committee_data():
    """The committee fixture's data as its build reads it: the core data/ with the fixture as data/local/."""
    from macros.load import load_site_data

    with tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp) / "data"
        shutil.copytree(ROOT / "data", data)
        shutil.copytree(COMMITTEE_FIXTURE, data / "local", dirs_exist_ok=True)
        return load_site_data(data)


def run_mkdocs(args: list[str], cwd: Path, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    """Run the real mkdocs command line, as a user would."""
    full_env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", **(env or {})}
    return subprocess.run(MKDOCS + args, cwd=cwd, env=full_env, capture_output=True, text=True, timeout=300)


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


@contextlib.contextmanager
def serve_directory(directory: Path, headers: dict[str, str] | None = None, log: list[str] | None = None):
    """Serve a folder on a free loopback port, as is (no compression), adding `headers` to every response;
    the path of every request it answers goes into `log`, if given."""

    class Handler(QuietHandler):
        def end_headers(self):
            for name, value in (headers or {}).items():
                self.send_header(name, value)
            super().end_headers()

        def log_request(self, code="-", size="-"):
            if log is not None:
                log.append(self.path)

    with serve(directory, Handler) as base:
        yield base


# Everything a page could keep in the browser: a service worker, Cache Storage, cookies, web storage, databases.
STORAGE = """async () => ({
  registrations: (await navigator.serviceWorker.getRegistrations()).map(r => r.scope),
  caches: await caches.keys(),
  cookies: document.cookie,
  local: localStorage.length,
  session: sessionStorage.length,
  databases: (await indexedDB.databases()).map(d => d.name),
})"""
NOTHING_STORED = {"registrations": [], "caches": [], "cookies": "", "local": 0, "session": 0, "databases": []}


def readme_policy() -> str:
    """The policy exactly as README.md gives it, so the documented header is the tested one."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    match = re.search(r"Content-Security-Policy: (.+)", text)
    assert match, "README.md must give the Content-Security-Policy header"
    return match.group(1).strip()


def site_paths(site_dir: Path) -> list[str]:
    """The address path of every built page, relative to the site's root ('' for the home page)."""
    paths = []
    for html in html_pages(site_dir):
        path = html.parent.relative_to(site_dir).as_posix()
        paths.append("" if path == "." else path + "/")
    return paths


def visit_all(context, urls: list[str], check, wait: str = "networkidle") -> None:
    """Open every address in `context` and call `check(tab, url)` on each once it has loaded (`wait`:
    "networkidle" where what a page asks of the network matters, "load" where only what it shows does).
    A few tabs are reused, page after page (a new tab costs more than a page): for "networkidle", eight
    at a time, so their half-second waits for a quiet network overlap; for "load", whose checks keep the
    browser busy, one at a time is quickest on two cores."""
    tabs = [context.new_page() for _ in range(min(8 if wait == "networkidle" else 1, len(urls)))]
    for start in range(0, len(urls), len(tabs) or 1):
        batch = list(zip(tabs, urls[start : start + len(tabs)]))
        for tab, url in batch:
            tab.goto(url, wait_until="commit")
        for tab, url in batch:
            tab.wait_for_load_state(wait)
            check(tab, url)
    for tab in tabs:
        tab.close()


def with_front_matter(markdown: str, line: str) -> str:
    """The page with `line` as the first line of its front matter (which it may already have)."""
    if markdown.startswith("---\n"):
        return f"---\n{line}\n{markdown[4:]}"
    return f"---\n{line}\n---\n\n{markdown}"


def type_search(tab, query: str) -> None:
    """Type `query` in the search box as a person would: Material searches on key events."""
    box = tab.locator(".md-search__input")
    box.fill(query)
    box.press("End")


def first_search_result(tab, base: str, query: str):
    """Open the site's introduction, type `query` in the search box as a person would, and return the
    first result (a locator of its list item) once it shows."""
    tab.goto(base + "introduction/")
    type_search(tab, query)
    first = tab.locator(".md-search-result__list > li").first
    first.wait_for(timeout=15_000)
    return first


def site_stylesheet(site_dir: Path, doc: BeautifulSoup) -> str:
    """The text of the site's own stylesheet (assets/stylesheets/site.<hash>.css) that a page links."""
    [link] = [link["href"] for link in doc.select("link[rel=stylesheet]") if "/site." in link["href"]]
    return (site_dir / "assets" / "stylesheets" / link.rsplit("/", 1)[-1]).read_text(encoding="utf-8")
