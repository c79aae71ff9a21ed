"""The offline copy, as a practitioner uses it on a phone (README: "Offline on a phone"), in Debian's
chromium, on the sub-path build served under /portfolio/ with the documented Content Security Policy.

One browser context saves the site and goes offline, and the tests below follow it in order: nothing
stored before the button is pressed, saving (with the downloads) and its progress, then, offline
(the server's log shows it hears nothing), every page, search, the reckoner printed, a page the copy
lacks and a download; then "Remove offline copy". A second context
saves the site without its downloads while a new version is deployed, watches the copy update, and
then finds the server gone while the phone is online.
"""

from __future__ import annotations

import io
import json
import os
import re
from datetime import date
from pathlib import Path
from urllib.parse import unquote

import pytest
from playwright.sync_api import expect
from pypdf import PdfReader

from tests.browser.test_accessibility import AXE, RUN_AXE, TAGS
from tests.browser.test_csp import RECORD_VIOLATIONS
from tests.conftest import SUB_PATH_URL
from tests.helpers import (
    CHROMIUM,
    CHROMIUM_ARGS,
    NOTHING_STORED,
    STORAGE,
    first_search_result,
    fixture_data,
    fixture_page_paths,
    fixture_project,
    readme_policy,
    run_mkdocs,
    serve_directory,
    site_paths,
    visit_all,
)

# What the control and the banner say, as the reader reads it.
SAVED = "Saved on this device on"
TODAY = f"{date.today().day} {date.today():%B %Y}"

# The fixture portfolio: its edition (each page's footer, the banner), what the copy is tried on.
DATA = fixture_data()
VERSION = DATA.edition.version
NEW_VERSION = VERSION + ".1"  # what the committee publishes next
assert len(DATA.case_studies) >= 3 and DATA.courses and DATA.ready_reckoner.indicators
FIRST_INDICATOR = DATA.ready_reckoner.indicators[0].id
CASE_TWO, CASE_THREE = (f"case-studies/{case.id}/" for case in DATA.case_studies[1:3])

# Every text the control's status line and the banner take, in order (the progress flashes by on loopback).
RECORD_STATUS = """
window.__statuses = [];
new MutationObserver(() => {
  for (const el of document.querySelectorAll("[data-wwr-offline-status], .wwr-offline-banner p")) {
    if (window.__statuses[window.__statuses.length - 1] !== el.textContent) window.__statuses.push(el.textContent);
  }
}).observe(document, {subtree: true, childList: true, characterData: true});
"""

# The files a saved copy holds, read from its caches by the page itself.
COPY_HOLDS = """async () => {
  const names = await caches.keys();
  const copy = names.find(name => name.includes(" copy "));
  return copy ? (await (await caches.open(copy)).keys()).map(request => request.url) : null;
}"""


class Host:
    """A folder served on loopback under /portfolio/ with the Content Security Policy, logging every request."""

    def __init__(self, root: Path, base: str, log: list[str]):
        self.root, self.base, self.log = root, base, log

    def deploy(self, site_dir: Path) -> None:
        """Put a build in place as a host would, switching the served folder in one step."""
        link = self.root / "portfolio"
        temporary = self.root / "portfolio.new"
        temporary.symlink_to(site_dir, target_is_directory=True)
        os.replace(temporary, link)


@pytest.fixture(scope="module")
def site_dir(sub_path_build) -> Path:
    return sub_path_build / "portfolio"


def hosted(tmp: Path, site_dir: Path):
    root = tmp / "www"
    root.mkdir()
    (root / "portfolio").symlink_to(site_dir, target_is_directory=True)
    log: list[str] = []
    server = serve_directory(root, headers={"Content-Security-Policy": readme_policy()}, log=log)
    return root, log, server


class Visit:
    """One browser context, its first tab, what it recorded, and the host it visits."""

    def __init__(self, context, host: Host):
        self.context, self.host = context, host
        self.failed: list[str] = []
        context.add_init_script(RECORD_VIOLATIONS + RECORD_STATUS)
        context.on("requestfailed", lambda r: self.failed.append(f"{r.url} ({r.failure})"))
        self.tab = context.new_page()

    def status(self, tab=None) -> str:
        return (tab or self.tab).locator("[data-wwr-offline-status]").first.inner_text()

    def storage(self) -> dict:
        return self.tab.evaluate(STORAGE)


@pytest.fixture(scope="module")
def saving(browser, site_dir, tmp_path_factory):
    root, log, server = hosted(tmp_path_factory.mktemp("offline-a"), site_dir)
    with server as base:
        context = browser.new_context()
        yield Visit(context, Host(root, base + "portfolio/", log))
        context.close()


def listed(site_dir: Path, downloads: bool) -> list[str]:
    lists = json.loads((site_dir / "offline-files.json").read_text(encoding="utf-8"))
    return [row[0] for row in lists["core"] + (lists["downloads"] if downloads else [])]


def one_page_of_each_kind(site_dir: Path) -> list[str]:
    """The home page and the first page under each top-level folder (each kind of entry, each Part, each list)."""
    kinds: dict[str, str] = {}
    paths = site_paths(site_dir)
    assert paths
    for path in paths:
        kinds.setdefault(path.split("/", 1)[0], path)
    return sorted(kinds.values())


def test_nothing_is_stored_before_the_reader_saves_the_site(saving, site_dir):
    base, tab = saving.host.base, saving.tab
    sessions: dict[str, int] = {}
    visit_all(saving.context, [base + path for path in one_page_of_each_kind(site_dir)],
              lambda page, url: sessions.update({url: page.evaluate("sessionStorage.length")}), wait="load")
    first_search_result(tab, base, "disguised compliance").click()
    tab.goto(base + "appendix/ready-reckoner/")
    tab.check(f"#tick-{FIRST_INDICATOR}-1")
    tab.goto(base)
    # offline-page.js fills these in once it has asked the browser and read offline.json: wait for them, as a reader does.
    expect(tab.locator("[data-wwr-offline-status]")).to_have_text("Nothing of this site is stored on this device.")
    summary = json.loads((site_dir / "offline.json").read_text(encoding="utf-8"))
    expect(tab.locator("[data-wwr-offline-size]")).to_have_text(f"The site is {summary['core']['bytes'] / 1024 ** 2:.1f} MB ({summary['core']['files']} files).")
    assert saving.storage() == NOTHING_STORED
    assert saving.context.cookies() == [] and set(sessions.values()) == {0}


def test_saving_shows_its_progress_and_keeps_every_listed_file(saving, site_dir):
    tab = saving.tab
    tab.check("[data-wwr-offline-downloads]")
    tab.click("[data-wwr-offline-save]")
    tab.locator("[data-wwr-offline-status]", has_text=SAVED).wait_for(timeout=60_000)
    files = listed(site_dir, downloads=True)
    statuses = tab.evaluate("window.__statuses")
    progress = [s for s in statuses if s.startswith("Saving: ")]
    assert progress and re.fullmatch(rf"Saving: {len(files)} of {len(files)} files, ([\d.]+) MB of \1 MB\. Keep this page open\.", progress[-1])
    assert all(re.fullmatch(rf"Saving: \d+ of {len(files)} files, [\d.]+ MB of [\d.]+ MB\. Keep this page open\.", s) for s in progress)
    assert re.search(rf"{SAVED} {TODAY} at \d\d:\d\d: edition {re.escape(VERSION)} \(built \d{{1,2}} [A-Z][a-z]+ \d{{4}}\), {len(files)} files, [\d.]+ MB, with the downloads\.", saving.status())
    stored = saving.storage()
    assert stored["registrations"] == [saving.host.base]  # the worker's scope: the site's folder
    assert len(stored["caches"]) == 2 and {k: v for k, v in stored.items() if k not in ("registrations", "caches")} == {
        k: v for k, v in NOTHING_STORED.items() if k not in ("registrations", "caches")}
    assert tab.evaluate("window.__violations") == []
    holds = tab.evaluate(COPY_HOLDS)
    assert sorted(holds) == sorted([saving.host.base + path for path in files] + [saving.host.base + "offline-files.json"])


def test_offline_every_page_opens_from_the_copy_with_its_banner(saving, site_dir):
    saving.context.set_offline(True)
    heard = len(saving.host.log)
    saving.failed.clear()
    seen: dict[str, tuple[str, str]] = {}

    def check(tab, url):
        banner = tab.locator(".wwr-offline-banner p")
        banner.filter(has_text="no connection").wait_for()
        seen[url] = (tab.locator("article h1").first.inner_text(), banner.inner_text())
        assert tab.evaluate("window.__violations") == [], url  # the policy allows what the copy does

    paths = site_paths(site_dir)
    assert paths and sorted(paths) == fixture_page_paths(DATA)  # every page the fixture portfolio makes
    visit_all(saving.context, [saving.host.base + path for path in paths], check, wait="load")
    assert len(seen) == len(paths)
    for url, (title, banner) in seen.items():
        assert title, url
        assert banner.startswith(f"Offline copy from {TODAY}, edition {VERSION} (built "), url
    # The server heard nothing but, at most, the browser checking the worker's own scripts for an update
    # (it does so itself, outside the pages, where DevTools' offline mode does not reach; with no signal
    # the check fails quietly): the copy answered every request of every page.
    heard_now = saving.host.log[heard:]
    assert [path for path in heard_now if path not in ("/portfolio/offline-worker.js", "/portfolio/assets/javascripts/offline-names.js")] == [], heard_now
    # A request the next page's navigation cancelled (the favicon, fetched after `load`, in a reused tab)
    # fails as ERR_ABORTED; a file the copy lacks fails otherwise (ERR_FAILED, ERR_INTERNET_DISCONNECTED).
    assert [failure for failure in saving.failed if not failure.endswith("(net::ERR_ABORTED)")] == []


def test_offline_search_finds_a_page_and_opens_it(saving):
    course = DATA.courses[0]
    first = first_search_result(saving.tab, saving.host.base, course.title)
    assert f"courses/{course.id}/" in first.locator("a").first.get_attribute("href")
    first.locator("a").first.click()
    saving.tab.wait_for_load_state()
    assert saving.tab.locator("article h1").inner_text().startswith(course.title)
    saving.tab.locator(".wwr-offline-banner p", has_text="Offline copy from").wait_for()


def test_offline_the_reckoner_is_ticked_and_printed(saving):
    tab = saving.tab
    tab.goto(saving.host.base + "appendix/ready-reckoner/")
    tab.locator(".wwr-offline-banner").wait_for()
    tab.fill("#reckoner-case", "CD-42")
    for tick in (f"#tick-{FIRST_INDICATOR}-1", f"#tick-{FIRST_INDICATOR}-2"):
        tab.check(tick)
    assert tab.locator("#count-2").inner_text() == "1"
    reader = PdfReader(io.BytesIO(tab.pdf(format="A4", print_background=True, prefer_css_page_size=True)))
    text = re.sub(r"\s+", " ", reader.pages[0].extract_text())
    assert len(reader.pages) == 1 and "CD-42" in text and text.count("✓") == 2
    assert "Offline copy" not in text  # the banner is for the screen


def test_offline_a_page_the_copy_lacks_gets_a_friendly_page_and_downloads_open(saving, site_dir):
    tab = saving.tab
    tab.goto(saving.host.base + "case-studies/no-such-case/")
    assert tab.url.startswith(saving.host.base + "not-in-offline-copy/?page=")
    assert tab.locator("article h1").inner_text().startswith("This page is not in your offline copy")
    assert tab.locator("[data-wwr-not-saved] a").inner_text() == "/portfolio/case-studies/no-such-case/"
    tab.goto(saving.host.base + CASE_TWO)
    link = tab.locator("article a[download]").first
    with tab.expect_download() as download:
        link.click()
    name = unquote(link.get_attribute("href")).rsplit("/", 1)[-1]
    assert Path(download.value.path()).read_bytes() == (site_dir / "downloads" / name).read_bytes()
    assert tab.evaluate("window.__violations") == []


def test_removing_the_copy_leaves_nothing(saving):
    saving.context.set_offline(False)
    tab = saving.tab
    tab.goto(saving.host.base + "offline/")
    tab.locator("[data-wwr-offline-status]", has_text=SAVED).wait_for()
    tab.click("[data-wwr-offline-remove]")
    tab.locator("[data-wwr-offline-status]", has_text="The offline copy was removed").wait_for()
    assert saving.storage() == NOTHING_STORED
    assert saving.context.cookies() == []
    saving.context.set_offline(True)
    with pytest.raises(Exception, match="ERR_INTERNET_DISCONNECTED"):
        tab.goto(saving.host.base + "introduction/")
    saving.context.set_offline(False)


@pytest.fixture(scope="module")
def new_version(tmp_path_factory) -> Path:
    """The same site as a committee would publish it next: its version changed (every page's footer)."""
    tmp = tmp_path_factory.mktemp("new-version")
    project = fixture_project(tmp / "project")
    (project / "data" / "local").mkdir(exist_ok=True)
    (project / "data" / "local" / "edition.yml").write_text(f'edition:\n  version: "{NEW_VERSION}"\n', encoding="utf-8")
    out = tmp / "site"
    result = run_mkdocs(["build", "--strict", "-d", str(out)], cwd=project, env={"SITE_URL": SUB_PATH_URL})
    assert result.returncode == 0, result.stderr
    return out


def test_a_new_version_deployed_while_saved_replaces_the_copy(browser, site_dir, new_version, tmp_path_factory):
    root, log, server = hosted(tmp_path_factory.mktemp("offline-b"), site_dir)
    with server as base:
        context = browser.new_context()
        visit = Visit(context, Host(root, base + "portfolio/", log))
        tab, base = visit.tab, visit.host.base
        # Saved without the downloads: they are not in the copy, and the pages say so.
        tab.goto(base + "offline/")
        tab.click("[data-wwr-offline-save]")
        tab.locator("[data-wwr-offline-status]", has_text=SAVED).wait_for(timeout=60_000)
        assert not any("/downloads/" in url for url in tab.evaluate(COPY_HOLDS))
        assert tab.evaluate("async () => (await navigator.storage.estimate()).usage") <= 5 * 1024**2  # the budget, as the browser keeps it
        tab.goto(base + CASE_TWO)
        tab.locator(".wwr-offline-banner p", has_text="It is the latest version.").wait_for()
        assert tab.locator(".wwr-offline-missing").first.inner_text().strip() == "(not in your offline copy)"

        visit.host.deploy(new_version)
        tab.goto(base + CASE_THREE)
        banner = tab.locator(".wwr-offline-banner p")
        banner.filter(has_text=f"Your offline copy is now edition {NEW_VERSION}").wait_for(timeout=60_000)
        statuses = tab.evaluate("window.__statuses")
        assert any(s.startswith(f"Offline copy from {TODAY}, edition {VERSION}") and f"A newer version is online (edition {NEW_VERSION}" in s for s in statuses)
        assert f"edition {VERSION}," in tab.locator(".wwr-footer-meta").inner_text()  # this page is still the old one, and says so
        tab.get_by_role("button", name="Show the new version of this page").click()
        banner.filter(has_text="It is the latest version.").wait_for()
        assert banner.inner_text().startswith(f"Offline copy from {TODAY}, edition {NEW_VERSION}")
        assert f"edition {NEW_VERSION}," in tab.locator(".wwr-footer-meta").inner_text()
        stored = visit.storage()
        assert len(stored["caches"]) == 2  # the pointer and the new copy; the older copy is gone
        assert sorted(tab.evaluate(COPY_HOLDS)) == sorted([base + p for p in listed(new_version, downloads=False)] + [base + "offline-files.json"])

        context.set_offline(True)
        tab.goto(base + "introduction/")
        tab.locator(".wwr-offline-banner p", has_text="no connection").wait_for()
        assert f"edition {NEW_VERSION}," in tab.locator(".wwr-footer-meta").inner_text()
        assert tab.evaluate("window.__violations") == []
        context.set_offline(False)
        # Online, but on a signal too poor to answer (20 s for anything from the network): the copy answers
        # at once, gives up on checking for a newer build after 10 s, and says why.
        context.new_cdp_session(tab).send("Network.emulateNetworkConditions", {"offline": False, "latency": 20_000, "downloadThroughput": -1, "uploadThroughput": -1})
        tab.goto(base + "references/", wait_until="commit")
        tab.locator("article h1").wait_for(timeout=5_000)
        tab.locator(".wwr-offline-banner p", has_text="The site cannot be reached just now: this page is from the copy on this device.").wait_for(timeout=15_000)
        assert tab.evaluate("navigator.onLine")
        context.close()


def test_an_address_that_is_not_secure_is_told_why_it_cannot_be_saved(browser, site_dir, tmp_path_factory):
    """Browsers run service workers only on https (or this machine): an intranet on plain http is told so."""
    _, _, server = hosted(tmp_path_factory.mktemp("insecure"), site_dir)
    playwright_browser = browser.browser_type.launch(executable_path=CHROMIUM, args=[*CHROMIUM_ARGS, "--host-resolver-rules=MAP intranet.test 127.0.0.1"], headless=True)
    with server as base:
        try:
            tab = playwright_browser.new_page()
            tab.goto(base.replace("127.0.0.1", "intranet.test") + "portfolio/offline/")
            expect(tab.locator("[data-wwr-offline-note]")).to_contain_text("only when the site is served securely (an address starting https://)")
            assert tab.locator("[data-wwr-offline-save]").is_hidden()
        finally:
            playwright_browser.close()


def test_the_site_can_be_installed(browser, site_dir, tmp_path_factory):
    """Chromium's own check: the manifest parses and the site meets every condition for installing it."""
    _, _, server = hosted(tmp_path_factory.mktemp("install"), site_dir)
    with server as base:
        context = browser.browser_type.launch_persistent_context(str(tmp_path_factory.mktemp("profile")), executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        try:
            tab = context.new_page()
            tab.goto(base + "portfolio/" + CASE_TWO, wait_until="networkidle")
            cdp = context.new_cdp_session(tab)
            manifest = cdp.send("Page.getAppManifest")
            assert manifest["url"] == base + "portfolio/manifest.webmanifest" and manifest["errors"] == []
            assert cdp.send("Page.getInstallabilityErrors")["installabilityErrors"] == []
        finally:
            context.close()


def test_the_banner_and_what_the_copy_lacks_meet_wcag_in_either_scheme(browser, served_site):
    """axe on a page from a copy saved without the downloads, offline: the banner and the "(not in your
    offline copy)" notes (the root build, served without the policy, which would refuse axe's inline script)."""
    context = browser.new_context()
    try:
        tab = context.new_page()
        tab.goto(served_site + "offline/")
        tab.click("[data-wwr-offline-save]")
        tab.locator("[data-wwr-offline-status]", has_text=SAVED).wait_for(timeout=60_000)
        context.set_offline(True)
        tab.goto(served_site + CASE_TWO)
        tab.locator(".wwr-offline-banner p", has_text="no connection").wait_for()
        assert tab.locator(".wwr-offline-missing").count() > 0
        tab.add_script_tag(path=str(AXE))
        tab.add_style_tag(content="*, *::before, *::after { transition: none !important; animation: none !important; }")
        for scheme in ("default", "slate"):
            tab.evaluate("scheme => document.body.setAttribute('data-md-color-scheme', scheme)", scheme)
            assert tab.evaluate(RUN_AXE, TAGS) == [], scheme
    finally:
        context.close()


def test_a_reader_who_never_saves_the_site_never_loads_the_offline_script(browser, served_site):
    """The offline copy's scripts come only with the control (home page, /offline/) until the site is saved on the device."""
    scripts = {"offline-names.js", "offline-copy.js", "offline-page.js"}
    context = browser.new_context()
    tab = context.new_page()
    loaded = []
    tab.on("request", lambda request: loaded.append(request.url.rsplit("/", 1)[-1]))
    for path, wanted in ((f"case-studies/{DATA.case_studies[0].id}/", False), ("appendix/ready-reckoner/", False), ("offline/", True), ("", True)):
        loaded.clear()
        tab.goto(served_site + path, wait_until="networkidle")
        assert (scripts & set(loaded)) == (scripts if wanted else set()), (path, loaded)
        assert "offline-when-saved.js" in loaded
    context.close()
