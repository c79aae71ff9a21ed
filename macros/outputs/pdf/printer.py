"""Print a built site's printables with Debian's chromium (through playwright, never a downloaded browser).

Every page that says it is printed (`<meta name="wwr-pdf">`: the registry's handouts, content pages
with `pdf:` in their front matter, the whole portfolio and each Part) is opened from a loopback server
and printed tagged (a structure tree, the document's language) and with bookmarks (from the headings),
a few tabs at a time. A page with a contents is printed, the page each entry's target landed on is read
back from the PDF, the numbers are written in, and it is printed again until they hold. Each PDF is
handed to `finish` (another process) while the next pages print.
"""

from __future__ import annotations

import asyncio
import functools
import io
import threading
from collections.abc import Callable, Iterator
from concurrent.futures import Executor
from contextlib import contextmanager
from dataclasses import dataclass
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from lxml import html as lxml_html

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"]
TABS = 3  # pages printing at once: on 2 cores, enough to keep both busy while one page loads
MAX_PASSES = 4  # a contents' page numbers settle in two prints; never more than this
PDF_OPTIONS = {"format": "A4", "print_background": True, "prefer_css_page_size": True, "tagged": True, "outline": True}


def _script(name: str) -> str:
    """A function of ours to run in the page: the file, without its comment lines and final semicolon."""
    lines = Path(__file__).with_name(name).read_text(encoding="utf-8").splitlines()
    return "\n".join(line for line in lines if not line.lstrip().startswith("//")).strip().rstrip(";")


_SCRIPTS = _script("prepare.js"), _script("contents.js")
HEAD_BYTES = 8192  # a page's <head> comes first


def _head_value(page: Path, xpath: str) -> str | None:
    """One attribute's value in the start of a built page, parsed as HTML (entities and all)."""
    with page.open("r", encoding="utf-8", errors="replace") as file:
        start = file.read(HEAD_BYTES)
    found = lxml_html.document_fromstring(start).xpath(xpath) if start.strip() else []
    return str(found[0]) if found else None


@dataclass(frozen=True)
class Printable:
    """A page of the built site (its path from the site's root) and the PDF it prints to."""

    path: str
    name: str
    sources: str = ""  # the fingerprint of what it is printed from (`wwr-pdf-sources`), for the manifest


def printables(site_dir: Path) -> list[Printable]:
    """Every page of the built site that is printed to a PDF, as its <head> says, in a stable order."""
    found = []
    for html in sorted(site_dir.rglob("*.html")):
        name = _head_value(html, '//head/meta[@name="wwr-pdf"]/@content')
        if name:
            path = html.relative_to(site_dir).as_posix()
            sources = _head_value(html, '//head/meta[@name="wwr-pdf-sources"]/@content') or ""
            found.append(Printable(path.removesuffix("index.html"), name, sources))
    # The longest first (the whole portfolio, then its Parts), so no long print is left to run alone at the end.
    return sorted(found, key=lambda item: (item.path != "print/", not item.path.startswith("print/")))


def public_root(site_dir: Path) -> str | None:
    """The site's public address (SITE_URL, as its home page's canonical link gives it), or None."""
    home = site_dir / "index.html"
    return _head_value(home, '//head/link[@rel="canonical"]/@href') if home.is_file() else None


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass


@contextmanager
def served(site_dir: Path) -> Iterator[str]:
    """The site on a free loopback port, for the browser only."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(site_dir)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


class LocalAddress(Exception):
    """A page would print the loopback address it was served from; the message names it."""


def destination_pages(pdf: bytes) -> dict[str, int]:
    """Each named destination of a PDF (an id a link points to) and the page it lands on, from 1."""
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(pdf))
    return {name.lstrip("/"): reader.get_destination_page_number(dest) + 1 for name, dest in reader.named_destinations.items()}


async def _print_page(context, base: str, item: Printable, root: str | None) -> tuple[bytes, dict]:
    prepare, contents = _SCRIPTS
    page = await context.new_page()
    try:
        await page.emulate_media(media="print")
        await page.goto(base + item.path, wait_until="load")
        await page.evaluate("document.fonts.ready.then(() => true)")
        info = await page.evaluate(prepare, {"publicRoot": root})
        if info["local"]:
            raise LocalAddress(f"{item.path} would print {', '.join(info['local'])}: a loopback address means nothing on paper.")
        pdf = await page.pdf(**PDF_OPTIONS)
        if await page.locator(".wwr-contents__page").count():
            for _ in range(MAX_PASSES):
                numbers = await asyncio.to_thread(destination_pages, pdf)
                if not await page.evaluate(contents, numbers):
                    break
                pdf = await page.pdf(**PDF_OPTIONS)
        return pdf, info
    finally:
        await page.close()


async def _print_all(base: str, items: list[Printable], root: str | None, finish: Callable, pool: Executor) -> list:
    from playwright.async_api import async_playwright

    async with async_playwright() as playwright:
        browser = await playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        context = await browser.new_context()
        tabs = asyncio.Semaphore(TABS)
        loop = asyncio.get_running_loop()

        async def one(item: Printable):
            async with tabs:
                pdf, info = await _print_page(context, base, item, root)
            return await loop.run_in_executor(pool, finish, pdf, info, item.name)

        try:
            return await asyncio.gather(*(one(item) for item in items))
        finally:
            await browser.close()


def print_site(site_dir: Path, items: list[Printable], finish: Callable, pool: Executor) -> list:
    """Print `items` from the built site at `site_dir`; `finish(pdf, info, name)` runs in `pool` for each."""
    root = public_root(site_dir)
    with served(site_dir) as base:
        return asyncio.run(_print_all(base, items, root, finish, pool))
