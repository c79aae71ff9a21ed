"""What a reader gets: page weight on first view, Lighthouse scores, and live-edit latency."""

from __future__ import annotations

import contextlib
import functools
import gzip
import json
import os
import posixpath
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from html.parser import HTMLParser
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import yaml

from .project import ENV, copy_project

GZIP_LEVEL = 6  # what a typical web server uses; 9 saves a few per cent more
CHROME = "/usr/bin/chromium"


def page_kinds(project: Path) -> dict[str, str]:
    """One built page of each kind, named by its path in the site (first entry of each data kind)."""
    data = project / "data"

    def first(kind: str) -> str:
        return yaml.safe_load((data / f"{kind}.yml").read_text(encoding="utf-8"))[kind][0]["id"]

    return {
        "home": "",
        "prose page (introduction)": "introduction/",
        "resistance type": f"resistance/{first('resistance_types')}/",
        "case study": f"case-studies/{first('case_studies')}/",
        "course": f"courses/{first('courses')}/",
        "resource": f"resources/{first('resources')}/",
        "references": "references/",
        "ready reckoner": "appendix/ready-reckoner/",
    }


class _Assets(HTMLParser):
    """Collects the stylesheets and scripts a page loads itself (not ones loaded later by script)."""

    def __init__(self):
        super().__init__()
        self.urls: list[str] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "link" and "stylesheet" in (attrs.get("rel") or "").split() and attrs.get("href"):
            self.urls.append(attrs["href"])
        elif tag == "script" and attrs.get("src"):
            self.urls.append(attrs["src"])


def gzipped(path: Path) -> int:
    return len(gzip.compress(path.read_bytes(), GZIP_LEVEL))


def page_weight(site: Path, url_path: str) -> tuple[int, list[str]]:
    """Gzipped bytes of a page's HTML plus the CSS and JS it loads; also the files counted.

    The search index and worker are left out: they load after first view, on first search.
    """
    html = site / url_path / "index.html"
    parser = _Assets()
    parser.feed(html.read_text(encoding="utf-8"))
    total, counted = gzipped(html), [f"{url_path}index.html"]
    for url in dict.fromkeys(parser.urls):  # each file once
        if "://" in url or url.startswith(("//", "data:")):
            raise RuntimeError(f"{url_path} loads {url} from elsewhere; the page weight would be incomplete")
        local = posixpath.normpath(posixpath.join(url_path, url.split("?")[0].split("#")[0]))
        if "search_index" in local or "workers/search" in local:
            continue
        total += gzipped(site / local)
        counted.append(local)
    return total, counted


class QuietHandler(SimpleHTTPRequestHandler):
    """http.server's file handler without a log line per request."""

    def log_message(self, *args):
        pass


class _CompressingHandler(QuietHandler):
    """http.server answering as a production web server does: text files gzip-compressed.

    Python's http.server sends every file as is; nginx, Apache and IIS compress text, and
    Lighthouse would otherwise time a download several times larger than a reader's.
    """

    COMPRESSED = (".html", ".css", ".js", ".json", ".svg", ".xml", ".txt")

    def do_GET(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir() and self.path.split("?")[0].endswith("/"):
            path = path / "index.html"
        if not (path.is_file() and path.suffix in self.COMPRESSED and "gzip" in self.headers.get("Accept-Encoding", "")):
            return super().do_GET()
        body = gzip.compress(path.read_bytes(), GZIP_LEVEL)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Vary", "Accept-Encoding")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)
        return None


@contextlib.contextmanager
def serve_directory(directory: Path, handler: type[SimpleHTTPRequestHandler] = _CompressingHandler):
    """A local web server on a free loopback port, in a background thread, for `directory`; yields its base URL.

    By default it compresses text as production servers do; the tests pass a handler of their own.
    """
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(handler, directory=str(directory)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


def find_lighthouse() -> tuple[list[str] | None, str]:
    """The Lighthouse command, or None and why not. Never installs anything.

    Looked for in order: $LIGHTHOUSE (a path to the binary, e.g. a temp-dir install),
    the repo's node_modules/.bin, then `npx --no-install lighthouse`.
    """
    if os.environ.get("LIGHTHOUSE"):
        return [os.environ["LIGHTHOUSE"]], ""
    local = Path(__file__).resolve().parents[1] / "node_modules" / ".bin" / "lighthouse"
    if local.exists():
        return [str(local)], ""
    if not shutil.which("npx"):
        return None, "npx (Node.js) is not installed"
    try:
        probe = subprocess.run(["npx", "--no-install", "lighthouse", "--version"], capture_output=True, text=True, timeout=60)
    except subprocess.TimeoutExpired:
        return None, "`npx --no-install lighthouse --version` timed out"
    if probe.returncode:
        return None, "lighthouse is not installed (npx --no-install found no package; set LIGHTHOUSE=/path/to/lighthouse)"
    return ["npx", "--no-install", "lighthouse"], ""


def lighthouse_scores(command: list[str], url: str) -> dict[str, int]:
    """The four Lighthouse category scores (0-100) for one page, with Debian's chromium, headless."""
    with tempfile.TemporaryDirectory(prefix="wwr-lighthouse-") as tmp:
        report = Path(tmp) / "report.json"
        subprocess.run(
            command + [url, "--quiet", "--output=json", f"--output-path={report}",
                       "--only-categories=performance,accessibility,best-practices,seo",
                       "--chrome-flags=--headless=new --no-sandbox --disable-gpu"],
            env={**os.environ, "CHROME_PATH": CHROME}, check=True, capture_output=True, timeout=300,
        )
        categories = json.loads(report.read_text(encoding="utf-8"))["categories"]
    return {name: round((c["score"] or 0) * 100) for name, c in categories.items()}


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def fetch(url: str) -> str:
    """The page's text, or "" while the server is not answering."""
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8")
    except OSError:
        return ""


def wait_for(url: str, text: str, seconds: float, step: float = 0.02) -> bool:
    """Poll `url` until it shows `text`; False after `seconds`."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if text in fetch(url):
            return True
        time.sleep(step)
    return False


@contextlib.contextmanager
def _serving(project: Path, command: list[str]):
    """Run `command` (its "{port}" a free loopback port) in `project`; yield the address it serves at, stop it after."""
    port = _free_port()
    process = subprocess.Popen([sys.executable, *(part.format(port=port) for part in command)], cwd=project, env=ENV, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        yield f"http://127.0.0.1:{port}/"
    finally:
        process.terminate()
        process.wait(timeout=20)


def preview(project: Path):
    """The editors' preview, `./run serve` (what it runs once set up), of a project on a free loopback port;
    yields its base address, stops it after."""
    return _serving(project, ["-m", "macros", "serve", "{port}"])


def mkdocs_serve(project: Path):
    """`mkdocs serve` of a project on a free loopback port; yields its base address, stops it after."""
    return _serving(project, ["-m", "mkdocs", "serve", "-a", "127.0.0.1:{port}"])


def live_edit_seconds(workdir: Path, edits: int = 3) -> float:
    """Seconds from saving a case study's new title to the preview (`./run serve`) serving it: the median of `edits`
    saves in a row, each waiting for the one before to show (one save's time varies by a few tenths).

    Runs on a copy of the real portfolio; each edit changes the first case study's title.
    """
    project = copy_project(workdir / "live")
    data = project / "data" / "case_studies.yml"
    first = yaml.safe_load(data.read_text(encoding="utf-8"))["case_studies"][0]
    old = f'title: "{first["title"]}"'
    text = data.read_text(encoding="utf-8")
    if old not in text:
        raise RuntimeError(f"cannot find {old} in data/case_studies.yml to edit")
    times = []
    with preview(project) as base:
        url = f"{base}case-studies/{first['id']}/"
        if not wait_for(url, first["title"], 120, step=0.25):
            raise RuntimeError("the preview did not start within 120 s")
        for edit in range(1, edits + 1):
            time.sleep(1)  # let the file watcher settle after the build before
            marker = f"(edit {edit} for timing)"
            start = time.perf_counter()
            data.write_text(text.replace(old, f'title: "{first["title"]} {marker}"', 1), encoding="utf-8")
            if not wait_for(url, marker, 60):
                raise RuntimeError("the edit did not show within 60 s")
            times.append(time.perf_counter() - start)
    return statistics.median(times)
