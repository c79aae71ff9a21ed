"""`mkdocs serve` rebuilds when data or theme overrides change, and serves the new page."""

from __future__ import annotations

import os
import socket
import subprocess
import time
import urllib.request

import pytest

from .conftest import MKDOCS, copy_project


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def fetch(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8")
    except OSError:
        return ""


def wait_for(url: str, text: str, seconds: float = 60) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if text in fetch(url):
            return True
        time.sleep(0.25)
    return False


@pytest.fixture
def served_project(tmp_path):
    project = copy_project(tmp_path / "project")
    port = free_port()
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    process = subprocess.Popen(
        MKDOCS + ["serve", "-a", f"127.0.0.1:{port}"],
        cwd=project,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}/"
    try:
        assert wait_for(base + "case-studies/one/", "Jane and Steven"), "mkdocs serve did not start"
        yield project, base
    finally:
        process.terminate()
        process.wait(timeout=20)


def test_serve_rebuilds_after_a_data_edit_and_a_template_edit(served_project):
    project, base = served_project
    data = project / "data" / "case_studies.yml"
    data.write_text(data.read_text(encoding="utf-8").replace("    title: \"Jane and Steven\"", "    title: \"Jane and Steven (edited)\"", 1), encoding="utf-8")
    assert wait_for(base + "case-studies/one/", "Jane and Steven (edited)")

    template = project / "overrides" / "portfolio" / "case_study.md"
    template.write_text(template.read_text(encoding="utf-8").replace("## Something to think about", "## Something to think about (edited)"), encoding="utf-8")
    assert wait_for(base + "case-studies/one/", "Something to think about (edited)")
