"""Hosted as committees host it: under a sub-path with no internet and the documented Content Security
Policy, or from a shared drive. One visit to every page checks what each page asks of the network and
of the policy (those waits for a quiet network are the slow part, so they are made once)."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest
from playwright.sync_api import expect

from tests.browser.test_csp import RECORD_VIOLATIONS
from tests.conftest import SUB_PATH_URL as SITE_URL
from tests.helpers import NOTHING_STORED, STORAGE, fixture_data, fixture_page_paths, fixture_project, readme_policy, run_mkdocs, serve_directory, site_paths, type_search, visit_all
from tests.office import download_links, qr_codes

DATA = fixture_data()


@pytest.fixture(scope="module")
def sub_path_site(sub_path_build):
    """The site built for a sub-path address (conftest.py) and served on loopback under /portfolio/."""
    with serve_directory(sub_path_build, headers={"Content-Security-Policy": readme_policy()}) as base:
        yield sub_path_build / "portfolio", base + "portfolio/"


def test_every_page_under_a_sub_path_and_the_policy_asks_only_its_own_host_breaks_no_rule_and_stores_nothing(browser, sub_path_site):
    site_dir, base = sub_path_site
    requests, failures, violations, kept = [], [], {}, {}
    context = browser.new_context()
    context.add_init_script(RECORD_VIOLATIONS)
    context.on("request", lambda r: requests.append(r.url))
    context.on("requestfailed", lambda r: failures.append(f"{r.url} ({r.failure})"))
    context.on("response", lambda r: failures.append(f"{r.url} ({r.status})") if r.status >= 400 else None)

    def check(tab, url):
        found = tab.evaluate("() => window.__violations")
        if found:
            violations[url] = found
        storage = tab.evaluate(STORAGE)
        if storage != NOTHING_STORED:
            kept[url] = storage

    paths = site_paths(site_dir)
    assert paths and sorted(paths) == fixture_page_paths(DATA)  # every page the fixture portfolio makes
    visit_all(context, [base + path for path in paths], check)
    assert context.cookies() == []
    context.close()
    assert kept == {}  # no service worker, Cache Storage, cookie, web storage or database until a reader saves the site
    host = urlsplit(base).netloc
    elsewhere = sorted({url for url in requests if urlsplit(url).netloc != host and not url.startswith("data:")})
    assert elsewhere == []
    assert failures == []
    assert violations == {}
    assert all(urlsplit(url).path.startswith("/portfolio/") for url in requests if urlsplit(url).netloc == host)


@pytest.fixture(scope="module")
def offline_site(tmp_path_factory):
    """An offline copy (OFFLINE=true), as `./run bundle` makes it for a shared drive."""
    tmp = tmp_path_factory.mktemp("offline")
    project = fixture_project(tmp / "project")
    out = tmp / "offline"
    node_modules = (project / "macros").resolve().parent / "node_modules"
    (project / "node_modules").symlink_to(node_modules, target_is_directory=True)
    result = run_mkdocs(["build", "-d", str(out)], cwd=project, env={"OFFLINE": "true"})
    assert result.returncode == 0, result.stderr
    return out


def test_offline_copy_searches_from_the_file_system_and_says_it_needs_no_saving(tab, offline_site):
    out = offline_site
    requests: list[str] = []
    errors: list[str] = []
    tab.on("request", lambda r: requests.append(r.url))
    tab.on("pageerror", lambda e: errors.append(str(e)))
    tab.goto((out / "index.html").as_uri())
    # No worker can run from file://: the control says so (and why it needs none) instead of failing.
    expect(tab.locator("[data-wwr-offline-note]")).to_contain_text("opened from a file")  # once offline.js has run
    assert tab.locator("[data-wwr-offline-save]").is_hidden()
    assert not any((out / name).exists() for name in ("offline-worker.js", "offline.json", "offline-files.json", "manifest.webmanifest"))
    assert tab.locator("link[rel=manifest]").count() == 0
    behaviour = DATA.by_id["resistance_types"]["disguised-compliance"]  # its title is also a resource's
    type_search(tab, behaviour.title)
    first = tab.locator(".md-search-result__list > li > a").first
    first.wait_for(timeout=15000)
    assert f"resistance/{behaviour.id}.html" in first.get_attribute("href")
    first.click()
    tab.wait_for_load_state()
    assert tab.locator("article h1").inner_text().startswith(behaviour.title)
    assert all(url.startswith(("file://", "data:", "blob:")) for url in requests), [u for u in requests if not u.startswith("file://")]
    assert errors == []


def test_every_download_link_works_offline_and_under_a_sub_path(tab, offline_site, sub_path_site):
    """Each page's download links open their file from the shared drive (file://) and from the
    server under /portfolio/; the handouts of a hosted build carry its address in their QR codes."""
    links = download_links(offline_site)
    assert links and sorted(links) == sorted((offline_site / "downloads").iterdir())
    assert all(page.endswith(".html") for pages in links.values() for page in pages)
    for target, pages in links.items():
        tab.goto((offline_site / sorted(pages)[0]).as_uri())
        link = tab.locator(f"a[download][href$='{target.name}']").first
        with tab.expect_download() as download:
            link.click()
        assert Path(download.value.path()).read_bytes() == target.read_bytes()
    site_dir, base = sub_path_site
    links = download_links(site_dir)
    assert links and sorted(links) == sorted((site_dir / "downloads").iterdir())
    for target, pages in links.items():
        page = sorted(pages)[0].removesuffix("index.html")
        tab.goto(base + page)
        href = tab.locator(f"a[download][href$='{target.name}']").first.get_attribute("href")
        response = tab.request.get(urljoin(base + page, href))
        assert response.status == 200 and response.body() == target.read_bytes(), href
    assert DATA.case_studies
    case = DATA.case_studies[0]
    assert qr_codes(site_dir / "downloads" / f"case-study-{case.number:02d}-{case.id}.docx") == [f"{SITE_URL}case-studies/{case.id}/"]
