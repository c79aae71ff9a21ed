"""`./run pdf`: print the printable pages to A4 PDFs with headless Chromium.

Prints the blank ready reckoner, every case-study handout, every question checklist and the
whole portfolio, from a build served on 127.0.0.1, using Debian's `chromium` through
playwright (never a downloaded browser). Trainers can also print any page from a browser;
this makes the same files in one go.
"""

from __future__ import annotations

import argparse
import functools
import subprocess
import sys
import tempfile
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from ..load import load_site_data
from ..model.registry import KINDS
from ..render.pages import PRINT_PAGE, url_of

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def printables(data_dir: Path) -> list[tuple[str, str]]:
    """(site path, PDF file name) of everything made for paper."""
    data = load_site_data(data_dir)
    items = []
    for kind in KINDS:
        if kind.pdf and kind.single:
            items.append((url_of(kind.print_page), kind.pdf))
        elif kind.pdf:
            items += [(url_of(kind.src(kind.key_of(entry))), kind.pdf.format(entry=entry)) for entry in getattr(data, kind.name)]
    items.append((url_of(PRINT_PAGE), "working-with-resistance.pdf"))
    return items


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass


def print_pdfs(site_dir: Path, out_dir: Path, items: list[tuple[str, str]]) -> list[Path]:
    """Serve `site_dir` on loopback and print each item to `out_dir`."""
    from playwright.sync_api import sync_playwright

    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(site_dir)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            page = browser.new_page()
            for path, name in items:
                page.goto(base + path, wait_until="networkidle")
                target = out_dir / name
                page.pdf(path=str(target), format="A4", print_background=True, prefer_css_page_size=True)
                written.append(target)
            browser.close()
    finally:
        server.shutdown()
        server.server_close()
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="./run pdf", description=__doc__.splitlines()[0])
    parser.add_argument("--out", default="pdf", help="folder for the PDFs (default: pdf/)")
    parser.add_argument("--site-dir", help="an already built site to print (default: build one now)")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        site_dir = Path(args.site_dir) if args.site_dir else Path(tmp) / "site"
        if not args.site_dir:
            result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--quiet", "-d", str(site_dir)])
            if result.returncode:
                return result.returncode
        for path in print_pdfs(site_dir, Path(args.out), printables(Path("data"))):
            print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
