"""The site served by a real nginx (Debian's) with exactly the settings docs/committees.md gives committees:
pages and search work in the browser, every response carries the Content Security Policy, text is
sent compressed (the build's .gz copies), and fingerprinted assets are cached for long, pages not."""

from __future__ import annotations

import gzip
import io
import json
import re
import shutil
import socket
import subprocess
import time
import urllib.error
import urllib.request
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from macros.hosting import CONTENT_SECURITY_POLICY, DOWNLOAD_TYPES
from macros.model.kinds import ENTRY_PAGES
from tests.conftest import SUB_PATH_URL
from tests.helpers import ROOT, first_search_result, fixture_data, page_address, visit_all

NGINX = shutil.which("nginx") or "/usr/sbin/nginx"
DATA = fixture_data()
assert DATA.case_studies and DATA.resistance_types
CASE = f"case-studies/{DATA.case_studies[0].id}/"
SUB_PATH = urlsplit(SUB_PATH_URL).path  # /cp/portfolio/, the docs' own example
BEHAVIOUR = f"resistance/{DATA.resistance_types[0].id}/"


DOC_PREFIX = "/cp/portfolio/"  # the sub-path docs/committees.md gives its settings for


def readme_nginx_settings(root: Path, prefix: str = "/") -> str:
    """The nginx settings exactly as docs/committees.md gives them, serving the folder `root` at the path `prefix`."""
    doc = (ROOT / "docs" / "committees.md").read_text(encoding="utf-8")
    match = re.search(r"```nginx\n(.*?)```", doc, re.DOTALL)
    settings = match.group(1) if match else ""
    assert "alias /var/www/portfolio/;" in settings and f"location {DOC_PREFIX} {{" in settings, "docs/committees.md must give the nginx settings"
    return settings.replace("alias /var/www/portfolio/;", f"alias {root}/;").replace(DOC_PREFIX, prefix)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="module")
def nginx_servers(site, sub_path_build, tmp_path_factory):
    """nginx on two loopback ports, each server block the README's lines: the site at the domain root, and
    the sub-path build at /cp/portfolio/, as docs/committees.md gives them; stopped after the tests."""
    assert Path(NGINX).exists(), "nginx comes from Debian: ./run test installs it"
    work = tmp_path_factory.mktemp("nginx")
    port, sub_port = free_port(), free_port()
    temp_paths = "\n".join(f"  {name}_temp_path {work}/{name};" for name in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi"))
    (work / "nginx.conf").write_text(f"""
user root;
worker_processes 1;
pid {work}/nginx.pid;
error_log {work}/error.log;
events {{ worker_connections 64; }}
http {{
  include /etc/nginx/mime.types;
  default_type application/octet-stream;
  access_log off;
{temp_paths}
  server {{
    listen 127.0.0.1:{port};
{readme_nginx_settings(site)}
  }}
  server {{
    listen 127.0.0.1:{sub_port};
{readme_nginx_settings(sub_path_build / "portfolio", SUB_PATH)}
  }}
}}
""", encoding="utf-8")
    check = subprocess.run([NGINX, "-t", "-p", str(work), "-c", str(work / "nginx.conf"), "-e", str(work / "error.log")], capture_output=True, text=True)
    assert check.returncode == 0, check.stderr
    process = subprocess.Popen([NGINX, "-p", str(work), "-c", str(work / "nginx.conf"), "-e", str(work / "error.log"), "-g", "daemon off;"])
    base = f"http://127.0.0.1:{port}/"
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(base, timeout=1)
            break
        except OSError:
            time.sleep(0.1)
    yield base, f"http://127.0.0.1:{sub_port}{SUB_PATH}"
    process.terminate()
    process.wait(timeout=10)


@pytest.fixture(scope="module")
def nginx_site(nginx_servers):
    """The address of the site served by nginx at the domain root."""
    return nginx_servers[0]


@pytest.fixture(scope="module")
def nginx_sub_path(nginx_servers):
    """The address of the sub-path build served by nginx under /cp/portfolio/."""
    return nginx_servers[1]


def fetch(url: str, encoding: str = "gzip"):
    request = urllib.request.Request(url, headers={"Accept-Encoding": encoding})
    with urllib.request.urlopen(request, timeout=10) as response:
        return response.status, dict(response.headers), response.read()


def test_pages_come_compressed_with_the_policy_and_short_caching(nginx_site, site):
    for path in ("", CASE, BEHAVIOUR, "search/search_index.json", "sitemap.xml"):
        status, headers, body = fetch(nginx_site + path)
        file = site / path / "index.html" if not path or path.endswith("/") else site / path
        assert status == 200
        assert headers.get("Content-Encoding") == "gzip", path
        assert gzip.decompress(body) == file.read_bytes(), path
        assert headers["Content-Security-Policy"] == CONTENT_SECURITY_POLICY
        assert headers.get("Cache-Control") == "no-cache", path
    _, headers, body = fetch(nginx_site + CASE, encoding="identity")
    assert "Content-Encoding" not in headers and body == (site / CASE / "index.html").read_bytes()


def test_fingerprinted_assets_are_kept_for_a_year_and_every_type_is_known(nginx_site, site):
    for settings in (".htaccess", "web.config"):
        assert (site / settings).is_file()
        with pytest.raises(urllib.error.HTTPError, match="404"):
            fetch(nginx_site + settings)
    bundle = next(site.glob("assets/javascripts/bundle.*.min.js")).relative_to(site).as_posix()
    _, headers, _ = fetch(nginx_site + bundle)
    assert headers["Cache-Control"] == "max-age=31536000"
    seen = set()
    for file in sorted(site.rglob("*")):
        if file.is_file() and file.suffix not in seen and file.suffix not in (".gz", ".br", ".map", ".config", "") and not file.name.startswith("."):
            seen.add(file.suffix)
            _, headers, _ = fetch(nginx_site + file.relative_to(site).as_posix())
            assert headers["Content-Type"].split(";")[0] != "application/octet-stream", file.name


# Every page of the menu, an entry's page of each kind and the page for a missing address: every page is
# opened under the same policy, with no server in between, by tests/browser/test_hosting.py; here nginx
# must serve what they need.
assert DATA.book.menu and ENTRY_PAGES and all(getattr(DATA, kind.name) for kind in ENTRY_PAGES)
PAGES = list(dict.fromkeys([*(page_address(page.page) for item in DATA.book.menu for page in item.all_pages),
                            *(f"{kind.folder}/{getattr(DATA, kind.name)[0].id}/" for kind in ENTRY_PAGES), "404.html"]))
# The course catalogue: the page the book lists the courses' own pages after.
[CATALOGUE] = [page_address(page.page) for item in DATA.book.menu for page in item.all_pages if "courses" in page.entries]
# A practitioner's word the portfolio does not use ("filmed" is): it finds the behaviour that describes it.
[FILMED] = [behaviour for behaviour in DATA.resistance_types if "filmed" in behaviour.examples]


def test_pages_and_search_work_in_the_browser_under_nginx(browser, nginx_site):
    context = browser.new_context()
    failures: list[str] = []
    context.on("response", lambda r: failures.append(f"{r.url} {r.status}") if r.status >= 400 and not r.url.endswith("404.html") else None)
    visit_all(context, [nginx_site + path for path in PAGES], lambda tab, url: None)
    first = first_search_result(context.new_page(), nginx_site, "filming")
    assert first.locator("a").first.get_attribute("href").split("?")[0].endswith(f"resistance/{FILMED.id}/")
    context.close()
    assert failures == []


def test_downloads_come_whole_with_their_types(nginx_site, site):
    """Each Word and PowerPoint file the site offers, fetched through nginx, is the file, with its type."""
    from docx import Document
    from pptx import Presentation

    opened = 0
    for file in sorted((site / "downloads").glob("*")):
        if file.suffix not in (".docx", ".pptx"):
            continue
        _, headers, body = fetch(nginx_site + f"downloads/{file.name}")
        assert body == file.read_bytes(), file.name
        assert headers["Content-Type"] == DOWNLOAD_TYPES[file.suffix], file.name
        (Document if file.suffix == ".docx" else Presentation)(io.BytesIO(body))
        opened += 1
    assert opened >= 2


def test_the_site_saves_itself_for_offline_use_under_nginx(browser, nginx_site, site):
    """The README's settings (compressed copies, caching, types) let "Save for offline use" check and keep
    every listed file, downloads included; then, with no connection, a page never opened comes from the copy."""
    files = json.loads((site / "offline.json").read_text(encoding="utf-8"))
    total = files["core"]["files"] + files["downloads"]["files"]
    context = browser.new_context()
    try:
        tab = context.new_page()
        tab.goto(nginx_site + "offline/")
        tab.check("[data-wwr-offline-downloads]")
        tab.click("[data-wwr-offline-save]")
        status = tab.locator("[data-wwr-offline-status]")
        status.filter(has_text="Saved on this device on").wait_for(timeout=60_000)
        assert f", {total} files, " in status.inner_text() and "with the downloads" in status.inner_text()
        context.set_offline(True)
        tab.goto(nginx_site + CATALOGUE)  # never opened before
        tab.locator(".wwr-offline-banner p", has_text="There is no connection").wait_for()
        assert tab.locator("article h1").inner_text()
    finally:
        context.close()


def test_under_a_sub_path_nginx_serves_the_site_and_its_own_404_page(nginx_sub_path, sub_path_build):
    """docs/committees.md's settings for /cp/portfolio/ (`location` and `alias`): the pages, the long-kept
    assets, the settings files refused, and an address under the sub-path that is not there answered with the
    site's own 404 page, status 404, as the Apache and IIS settings do (tests/unit/test_hosting.py)."""
    site = sub_path_build / "portfolio"
    assert SUB_PATH == DOC_PREFIX
    for path in ("", CASE):
        status, headers, body = fetch(nginx_sub_path + path, encoding="identity")
        assert status == 200 and body == (site / path / "index.html").read_bytes(), path
        assert headers["Content-Security-Policy"] == CONTENT_SECURITY_POLICY and headers["Cache-Control"] == "no-cache", path
    bundle = next(site.glob("assets/javascripts/bundle.*.min.js")).relative_to(site).as_posix()
    status, headers, _ = fetch(nginx_sub_path + bundle)
    assert status == 200 and headers["Cache-Control"] == "max-age=31536000"
    for missing in ("no-such-page/", "case-studies/no-such-case/", "web.config"):
        with pytest.raises(urllib.error.HTTPError) as raised:
            fetch(nginx_sub_path + missing, encoding="identity")
        assert raised.value.code == 404, missing
        assert raised.value.read() == (site / "404.html").read_bytes(), missing
        assert raised.value.headers["Content-Security-Policy"] == CONTENT_SECURITY_POLICY
