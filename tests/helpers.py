"""Helpers the tests share: the real command line, built pages parsed, a local web server."""

from __future__ import annotations

import contextlib
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import yaml
from bs4 import BeautifulSoup

from benchmarks.project import copy_project as copy_sources
from benchmarks.web import QuietHandler
from benchmarks.web import serve_directory as serve

ROOT = Path(__file__).resolve().parents[1]


def copy_project(dest: Path) -> Path:
    """A copy of the real project to change and build (the benchmark's), starting from the repository's caches
    of compressed copies, downloads and icons, so that its builds make only what the test changed."""
    return copy_sources(dest, warm=True)


FIXTURE_DATA = ROOT / "tests" / "fixtures" / "portfolio" / "data"
FIXTURE_SITE = ROOT / "tests" / "fixtures" / "site"


def fixture_project(dest: Path) -> Path:
    """A small portfolio made for the tests: the fixture data (tests/fixtures/portfolio/data), prose pages that
    place every kind (tests/fixtures/site/content) and their menu (tests/fixtures/site/book.yml), with the
    project's own mkdocs.yml, theme overrides and generator. Tests of the site, the downloads and the browser
    build this, so an editor's change to the real portfolio never breaks them."""
    dest.mkdir(parents=True, exist_ok=True)
    (dest / "macros").symlink_to(ROOT / "macros", target_is_directory=True)
    shutil.copytree(ROOT / "overrides", dest / "overrides")
    shutil.copy2(ROOT / "mkdocs.yml", dest / "mkdocs.yml")
    shutil.copytree(FIXTURE_DATA, dest / "data")
    shutil.copytree(FIXTURE_SITE / "content", dest / "content")
    fixture_site_data(dest / "data")
    return dest


def fixture_site_data(data: Path) -> None:
    """Make a copy of the fixture data (`data`) the fixture site's: its menu (tests/fixtures/site/book.yml) in place
    of the data's, and the fields it adds to entries (tests/fixtures/site/additions.yml: `discussed_in`, which
    names its pages), each written in after its entry's id line."""
    shutil.copy2(FIXTURE_SITE / "book.yml", data / "book.yml")
    additions = yaml.safe_load((FIXTURE_SITE / "additions.yml").read_text(encoding="utf-8"))
    for kind, entries in additions.items():
        path = data / f"{kind}.yml"
        text = path.read_text(encoding="utf-8")
        for entry_id, fields in entries.items():
            found = re.search(rf'^( *)- id: "?{re.escape(entry_id)}"?$', text, re.MULTILINE)
            assert found, f"tests/fixtures/site/additions.yml: no {kind} entry {entry_id!r} in the fixture data"
            indent = found.group(1) + "  "
            lines = "".join(f"\n{indent}{name}: {json.dumps(value, ensure_ascii=False)}" for name, value in fields.items())
            text = text[: found.end()] + lines + text[found.end() :]
        path.write_text(text, encoding="utf-8")


# The source documents, kept beside the tests so a fresh clone can check faithfulness;
# test_seed_copies_match_shared keeps them identical to ../shared/seeds where that exists.
SEEDS = ROOT / "tests" / "seeds"
COMMITTEE_FIXTURE = ROOT / "tests" / "fixtures" / "committee"  # a second committee's data/local/
SHARED_SEEDS = ROOT.parent / "shared" / "seeds"
MKDOCS = [sys.executable, "-m", "mkdocs"]


def committee_data():
    """The committee fixture's data as committee_site's build reads it: the fixture portfolio's data with the
    committee fixture as data/local/ (fixture_data(committee=True))."""
    return fixture_data(committee=True)


def fixture_data(committee: bool = False):
    """The fixture portfolio's data as fixture_project's build reads it (the fixture site's book.yml in place
    of the fixture data's), with the committee fixture as data/local/ when `committee` (committee_site's)."""
    from macros.load import load_site_data

    with tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp) / "data"
        shutil.copytree(FIXTURE_DATA, data)
        fixture_site_data(data)
        if committee:
            shutil.copytree(COMMITTEE_FIXTURE, data / "local", dirs_exist_ok=True)
        return load_site_data(data)


def fixture_portfolio():
    """The fixture portfolio as fixture_project's build reads it: its data and its prose pages (a Project)."""
    from macros.load import load_project

    with tempfile.TemporaryDirectory() as tmp:
        return load_project(fixture_project(Path(tmp) / "project"))


def page_address(source: str) -> str:
    """The address path of a page from its file under content/ ('part-one/index.md' -> 'part-one/', 'index.md' -> '')."""
    path = source.removesuffix(".md").removesuffix("index")
    return path if not path or path.endswith("/") else path + "/"


def fixture_page_paths(data) -> list[str]:
    """The address path of every page the fixture portfolio (`data`, fixture_data()) must build, read from the
    fixture itself: each prose page of tests/fixtures/site/content, each entry's own page, the whole portfolio
    to print and each of its Parts."""
    from macros.model.kinds import ENTRY_PAGES

    content = FIXTURE_SITE / "content"
    paths = {page_address(md.relative_to(content).as_posix()) for md in content.rglob("*.md")}
    paths |= {f"{kind.folder}/{entry.id}/" for kind in ENTRY_PAGES for entry in data.every(kind.name)}
    book = data.book
    paths |= {page_address(book.print_page), *(page_address(book.part_print_page(part.part)) for part in book.parts)}
    return sorted(paths)


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
    """The policy exactly as docs/committees.md gives it, so the documented header is the tested one."""
    text = (ROOT / "docs" / "committees.md").read_text(encoding="utf-8")
    match = re.search(r"Content-Security-Policy: (.+)", text)
    assert match, "docs/committees.md must give the Content-Security-Policy header"
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


def open_settled(tab, url: str) -> None:
    """Open `url` and wait until the page has asked for everything it asks for unprompted, the search
    worker's index included: Material starts that worker after the page's scripts run, which on a slow
    machine can be later than the first half-second of a quiet network. Whatever is requested after
    this was asked for by what the test did."""
    with tab.expect_request(lambda request: request.url.endswith("/search/search_index.json")):
        tab.goto(url, wait_until="domcontentloaded")
    tab.wait_for_load_state("networkidle")


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
