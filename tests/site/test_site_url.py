"""The public address (SITE_URL) is checked before a build for hosting writes anything: `./run build`,
`./run pdf` and `./run bundle` stop in one line that says what to set, for an address that is not the folder
the site is served from or that is this computer's own; `./run serve`, which previews at that address, is not."""

from __future__ import annotations

import os
import socket
import subprocess
import sys

import pytest

from benchmarks.web import wait_for
from tests.helpers import fixture_data, fixture_project, run_mkdocs

pytestmark = pytest.mark.builds

FOLDER = "https://intranet.example/cp/portfolio/"
BAD = {
    "a file name": (f"{FOLDER}index.html", f"give the folder the site is served from, ending in /, e.g. {FOLDER}"),
    "a query": (f"{FOLDER}?site=cp", f"without '?' or '#' and what follows, ending in /, e.g. {FOLDER}"),
    "a fragment": (f"{FOLDER}#top", f"without '?' or '#' and what follows, ending in /, e.g. {FOLDER}"),
    "localhost": ("http://localhost:8000/", "that is this computer's own address, which no reader can open"),
    "127.x": ("http://127.0.1.1/cp/", "that is this computer's own address, which no reader can open"),
    "::1": ("http://[::1]:8000/", "that is this computer's own address, which no reader can open"),
    "not the web": ("ftp://intranet.example/cp/", "give the site's web address, starting https://"),
    "a password": ("https://editor:secret@intranet.example/cp/", "without a user name or password"),
}


def error_lines(result) -> list[str]:
    return [line for line in result.stderr.splitlines() if line.strip() and not line.startswith("INFO")]


@pytest.fixture(scope="module")
def project(tmp_path_factory):
    return fixture_project(tmp_path_factory.mktemp("site-url") / "project")


@pytest.mark.parametrize("case", BAD, ids=list(BAD))
def test_a_bad_public_address_stops_the_build_in_one_line(project, tmp_path, case):
    value, advice = BAD[case]
    out = tmp_path / "site"
    result = run_mkdocs(["build", "--strict", "-d", str(out)], cwd=project, env={"SITE_URL": value})
    assert result.returncode != 0
    assert "Traceback" not in result.stdout + result.stderr
    [line] = error_lines(result)
    assert line.startswith(f"Stopped: SITE_URL={value}: ") and advice in line, line
    assert not out.exists() and [p.name for p in tmp_path.iterdir()] == [], "nothing is written, not even a staging folder"


def test_a_failed_check_keeps_the_earlier_site(project, tmp_path):
    out = tmp_path / "site"
    assert run_mkdocs(["build", "--strict", "-d", str(out)], cwd=project, env={"SITE_URL": FOLDER}).returncode == 0
    before = sorted(p.relative_to(out).as_posix() for p in out.rglob("*"))
    result = run_mkdocs(["build", "--strict", "-d", str(out)], cwd=project, env={"SITE_URL": "http://localhost/"})
    assert result.returncode != 0 and len(error_lines(result)) == 1
    assert sorted(p.relative_to(out).as_posix() for p in out.rglob("*")) == before


@pytest.mark.parametrize("command", ["pdf", "bundle"])
def test_pdf_and_bundle_stop_at_a_loopback_address_writing_nothing(project, tmp_path, command):
    out = tmp_path / "out"
    result = subprocess.run([sys.executable, "-m", "macros", command, "--out", str(out)], cwd=project, capture_output=True, text=True, timeout=300,
                            env={**os.environ, "NO_MKDOCS_2_WARNING": "1", "SITE_URL": "http://127.0.0.1:8000/"})
    assert result.returncode != 0
    assert "Traceback" not in result.stdout + result.stderr
    assert error_lines(result) == ["Stopped: SITE_URL=http://127.0.0.1:8000/: that is this computer's own address, which no reader can open; "
                                   "set the public address the site is served from, e.g. https://intranet.example/cp/portfolio/ "
                                   "(./run serve previews the site on this computer without it)"]
    assert not out.exists() and [p.name for p in tmp_path.iterdir()] == []


def test_serve_is_not_checked(project):
    """`mkdocs serve` previews on this computer's own address, whatever SITE_URL says."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    base = f"http://127.0.0.1:{port}/"
    case = fixture_data().case_studies[0]
    process = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}"], cwd=project,
                               env={**os.environ, "NO_MKDOCS_2_WARNING": "1", "SITE_URL": base}, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        assert wait_for(base + f"case-studies/{case.id}/", case.title, 90, step=0.25), "mkdocs serve did not start"
    finally:
        process.terminate()
        process.wait(timeout=20)
