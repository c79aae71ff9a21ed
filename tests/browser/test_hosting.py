"""Hosted as committees host it: under a sub-path with no internet and the documented Content Security
Policy, or from a shared drive. One visit to every page checks what each page asks of the network and
of the policy (those waits for a quiet network are the slow part, so they are made once)."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest

from tests.browser.test_csp import RECORD_VIOLATIONS
from tests.helpers import copy_project, readme_policy, run_mkdocs, serve_directory, site_paths, visit_all

SITE_URL = "https://intranet.example/cp/portfolio/"


@pytest.fixture(scope="module")
def sub_path_site(tmp_path_factory):
    """The site built for a sub-path address and served on loopback under /portfolio/."""
    tmp = tmp_path_factory.mktemp("subpath")
    project = copy_project(tmp / "project")
    root = tmp / "www"
    result = run_mkdocs(["build", "--strict", "-d", str(root / "portfolio")], cwd=project, env={"SITE_URL": SITE_URL})
    assert result.returncode == 0, result.stderr
    with serve_directory(root, headers={"Content-Security-Policy": readme_policy()}) as base:
        yield root / "portfolio", base + "portfolio/"


def test_every_page_under_a_sub_path_and_the_policy_asks_only_its_own_host_and_breaks_no_rule(browser, sub_path_site):
    site_dir, base = sub_path_site
    requests, failures, violations = [], [], {}
    context = browser.new_context()
    context.add_init_script(RECORD_VIOLATIONS)
    context.on("request", lambda r: requests.append(r.url))
    context.on("requestfailed", lambda r: failures.append(f"{r.url} ({r.failure})"))
    context.on("response", lambda r: failures.append(f"{r.url} ({r.status})") if r.status >= 400 else None)

    def check(tab, url):
        found = tab.evaluate("() => window.__violations")
        if found:
            violations[url] = found

    paths = site_paths(site_dir)
    assert len(paths) > 70
    visit_all(context, [base + path for path in paths], check)
    context.close()
    host = urlsplit(base).netloc
    elsewhere = sorted({url for url in requests if urlsplit(url).netloc != host and not url.startswith("data:")})
    assert elsewhere == []
    assert failures == []
    assert violations == {}
    assert all(urlsplit(url).path.startswith("/portfolio/") for url in requests if urlsplit(url).netloc == host)


def test_offline_copy_searches_from_the_file_system(tab, tmp_path):
    project = copy_project(tmp_path / "project")
    out = tmp_path / "offline"
    node_modules = (project / "macros").resolve().parent / "node_modules"
    (project / "node_modules").symlink_to(node_modules, target_is_directory=True)
    result = run_mkdocs(["build", "-d", str(out)], cwd=project, env={"OFFLINE": "true"})
    assert result.returncode == 0, result.stderr
    requests: list[str] = []
    tab.on("request", lambda r: requests.append(r.url))
    tab.goto((out / "index.html").as_uri())
    box = tab.locator(".md-search__input")
    box.fill("Disguised compliance")
    box.press("End")
    first = tab.locator(".md-search-result__list > li > a").first
    first.wait_for(timeout=15000)
    assert "resistance/disguised-compliance.html" in first.get_attribute("href")
    first.click()
    tab.wait_for_load_state()
    assert tab.locator("article h1").inner_text().startswith("Disguised compliance")
    assert all(url.startswith(("file://", "data:", "blob:")) for url in requests), [u for u in requests if not u.startswith("file://")]
