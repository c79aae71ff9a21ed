"""`python -m macros.check_links` against a local server: one status per address, exit 1 if any is broken.

No real internet: every address points at an http.server on 127.0.0.1 (or a closed port there).
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from macros.commands.check_links import collect, urls_in_text
from tests.helpers import FIXTURE_DATA, FIXTURE_SITE, ROOT, fixture_data

SLOW_SECONDS = 3
TIMEOUT = "0.5"


class Handler(BaseHTTPRequestHandler):
    """/ok 200, /moved 301 to /ok, /missing 404, /slow answers too late, /get-only refuses HEAD,
    /loop redirects to itself, /broken 500."""

    def _answer(self, body: bool) -> None:
        path = self.path.split("?")[0]
        if path == "/slow":
            time.sleep(SLOW_SECONDS)
        if path == "/moved":
            self.send_response(301)
            self.send_header("Location", "/ok")
        elif path == "/twice":
            self.send_response(302)
            self.send_header("Location", "/moved")
        elif path == "/loop":
            self.send_response(302)
            self.send_header("Location", "/loop")
        elif path == "/get-only" and not body:
            self.send_response(405)
        elif path in ("/ok", "/slow", "/get-only"):
            self.send_response(200)
        elif path == "/broken":
            self.send_response(500)
        else:
            self.send_response(404)
        self.send_header("Content-Length", "2" if body else "0")
        self.end_headers()
        if body:
            try:
                self.wfile.write(b"ok")
            except OSError:
                pass

    def do_HEAD(self):
        self.server.requests.append(("HEAD", self.path))
        self._answer(body=False)

    def do_GET(self):
        self.server.requests.append(("GET", self.path))
        self._answer(body=True)

    def log_message(self, *args):
        pass


@pytest.fixture
def server():
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    httpd.daemon_threads = True
    httpd.block_on_close = False
    httpd.requests = []
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield httpd, f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def make_project(folder: Path, base: str, extra_data: str = "") -> None:
    (folder / "data").mkdir(parents=True)
    (folder / "content" / "part").mkdir(parents=True)
    (folder / "data" / "links.yml").write_text(
        "# links used by the test\n"
        "tools:\n"
        "  - id: one\n"
        f'    url: "{base}/ok"\n'
        "    description: |\n"
        f"      See [the moved page]({base}/moved) and [a missing one]({base}/missing).\n"
        f'    contact: "mailto:someone@example.org"\n' + extra_data,
        encoding="utf-8",
    )
    (folder / "content" / "part" / "page.md").write_text(
        "# A page\n\n"
        f"The same address again: <{base}/ok>.\n\n"
        f"A slow one ({base}/slow), and an address in prose: {base}/missing.\n",
        encoding="utf-8",
    )


def run_check(cwd: Path, *args: str) -> subprocess.CompletedProcess:
    env = {key: value for key, value in os.environ.items() if "proxy" not in key.lower()}
    env.update({"NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(ROOT)})
    return subprocess.run(
        [sys.executable, "-m", "macros", "check-links", "--timeout", TIMEOUT, *args], cwd=cwd, env=env, capture_output=True, text=True, timeout=60
    )


def test_reports_each_status_with_the_files_that_use_it(tmp_path, server):
    httpd, base = server
    make_project(tmp_path, base)

    result = run_check(tmp_path, "--data-dir", "data", "--content-dir", "content")

    assert result.returncode == 1, result.stdout + result.stderr
    assert result.stderr == ""
    assert result.stdout.splitlines() == [
        f"404 Not Found  {base}/missing",
        "    data/links.yml:6",
        "    content/part/page.md:5",
        f"301 -> {base}/ok (200 OK)  {base}/moved",
        "    data/links.yml:6",
        f"200 OK  {base}/ok",
        "    data/links.yml:4",
        "    content/part/page.md:3",
        f"timeout  {base}/slow",
        "    content/part/page.md:5",
        "",
        "4 addresses checked: 1 fine, 1 redirected, 2 broken",
    ]
    assert not any("mailto" in path for _, path in httpd.requests)


def test_all_fine_exits_zero_and_head_falls_back_to_get(tmp_path, server):
    httpd, base = server
    (tmp_path / "data").mkdir()
    (tmp_path / "content").mkdir()
    (tmp_path / "data" / "x.yml").write_text(f'tools:\n  - url: "{base}/get-only"\n  - url: "{base}/twice"\n', encoding="utf-8")

    result = run_check(tmp_path, "--data-dir", "data", "--content-dir", "content")

    assert result.returncode == 0, result.stdout
    assert result.stdout.splitlines() == [
        f"200 OK  {base}/get-only",
        "    data/x.yml:2",
        f"302 -> {base}/moved, 301 -> {base}/ok (200 OK)  {base}/twice",
        "    data/x.yml:3",
        "",
        "2 addresses checked: 1 fine, 1 redirected, 0 broken",
    ]
    assert ("HEAD", "/get-only") in httpd.requests and ("GET", "/get-only") in httpd.requests


def test_redirect_loops_server_errors_and_refused_connections_are_broken(tmp_path, server):
    _, base = server
    refused = f"http://127.0.0.1:{closed_port()}/nothing-here"
    (tmp_path / "data").mkdir()
    (tmp_path / "content").mkdir()
    (tmp_path / "content" / "index.md").write_text(f"[loop]({base}/loop)\n[500]({base}/broken)\n[refused]({refused})\n", encoding="utf-8")

    result = run_check(tmp_path, "--data-dir", "data", "--content-dir", "content")

    assert result.returncode == 1
    lines = result.stdout.splitlines()
    hops = ", ".join([f"302 -> {base}/loop"] * 6)
    assert f"{hops} (error: more than 5 redirects)  {base}/loop" in lines
    assert f"500 Internal Server Error  {base}/broken" in lines
    assert f"error: connection refused  {refused}" in lines
    assert lines[-1] == "3 addresses checked: 0 fine, 0 redirected, 3 broken"


def test_built_site_addresses_are_checked_when_asked(tmp_path, server):
    _, base = server
    for name in ("data", "content"):
        (tmp_path / name).mkdir()
    (tmp_path / "site" / "page").mkdir(parents=True)
    (tmp_path / "site" / "page" / "index.html").write_text(
        f'<!doctype html>\n<p><a href="{base}/ok">ok</a>\n<a href="../other/">internal</a>\n<img src="{base}/missing"></p>\n', encoding="utf-8"
    )

    without = run_check(tmp_path, "--data-dir", "data", "--content-dir", "content")
    assert without.returncode == 0 and without.stdout == "No external addresses found.\n"

    result = run_check(tmp_path, "--data-dir", "data", "--content-dir", "content", "--site-dir", "site")
    assert result.returncode == 1
    assert result.stdout.splitlines()[:4] == [f"404 Not Found  {base}/missing", "    site/page/index.html:4", f"200 OK  {base}/ok", "    site/page/index.html:2"]


def test_a_missing_folder_is_a_usage_error(tmp_path):
    result = run_check(tmp_path, "--data-dir", "nope")
    assert result.returncode == 2
    assert "nope is not a folder" in result.stderr
    assert "Traceback" not in result.stderr


def test_addresses_are_cut_where_the_markdown_ends_them():
    text = (
        "See [x](https://a.example/p_(q)) and <https://b.example/>. Also https://c.example/d, then "
        "(https://d.example/e). And 'https://e.example/f' \"https://f.example/g\" https://g.example/h?i=1&j=2#k\n"
        "not a link: https:// and http:/x and ftp://h.example/\n"
    )
    assert [url for url, _ in urls_in_text(text)] == [
        "https://a.example/p_(q)",
        "https://b.example/",
        "https://c.example/d",
        "https://d.example/e",
        "https://e.example/f",
        "https://f.example/g",
        "https://g.example/h?i=1&j=2#k",
    ]


def test_a_portfolio_lists_its_addresses_without_fetching():
    """The fixture portfolio's data and pages: every tool's address is found, in tools.yml."""
    uses = collect(FIXTURE_DATA, FIXTURE_SITE / "content")
    tools = fixture_data().tools
    assert tools and all(tool.url in uses for tool in tools)
    assert all(url.startswith(("http://", "https://")) for url in uses)
    assert all(any(use.file.endswith("data/tools.yml") for use in uses[tool.url]) for tool in tools)
