"""`./run serve`: a mistake in data/ or content/ shows in the page the editor has open, in words, and the
preview keeps running; once the file is fixed, the page shows the site again by itself.

One preview (`python -m macros serve PORT`, what `./run serve PORT` runs) of a copy of the fixture portfolio,
for the whole file; each test opens a page in chromium, makes a mistake, waits for the page to show it with
its file and line, checks the preview is still running, and puts the file back.
"""

from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from playwright.sync_api import expect

from benchmarks.web import wait_for
from tests.helpers import fixture_data, fixture_project

CASE = fixture_data().case_studies[0]
SHOWN_WITHIN_MS = 30_000  # a rebuild of the fixture takes a few seconds; more on a busy two-core machine
PROBLEMS_HEADING = re.compile(r"The preview has (a problem|\d+ problems)")


@dataclass
class Preview:
    project: Path
    base: str
    process: subprocess.Popen
    output: Path

    def running(self) -> bool:
        return self.process.poll() is None

    def said(self) -> str:
        return self.output.read_text(encoding="utf-8", errors="replace")


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="module")
def preview(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("preview")
    project = fixture_project(tmp / "project")
    port = _free_port()
    output = tmp / "preview.log"
    with output.open("w", encoding="utf-8") as log:
        process = subprocess.Popen([sys.executable, "-m", "macros", "serve", str(port)], cwd=project, stdout=log, stderr=subprocess.STDOUT,
                                   env={**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONUNBUFFERED": "1"})
    served = Preview(project, f"http://127.0.0.1:{port}/", process, output)
    try:
        assert wait_for(served.base + "introduction/", "Introduction", 120, step=0.25), f"the preview did not start:\n{served.said()}"
        yield served
    finally:
        process.terminate()
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


@pytest.fixture
def page(browser, preview):
    """A tab on the introduction, noting any script or style the page's own policy blocked."""
    context = browser.new_context()
    tab = context.new_page()
    tab.blocked = []
    tab.on("console", lambda message: tab.blocked.append(message.text) if "Content Security Policy" in message.text else None)
    tab.goto(preview.base + "introduction/")
    expect(tab.locator("article h1")).to_contain_text("Introduction")
    yield tab
    context.close()


@dataclass(frozen=True)
class Mistake:
    """A mistake an editor makes in one file: `make` turns the file's text into the mistaken text and the line of the mistake."""

    name: str
    file: str
    make: Callable[[str], tuple[str, int]]


def _added_line(line: str) -> Callable[[str], tuple[str, int]]:
    """A new paragraph at the end of a prose page."""

    def make(text: str) -> tuple[str, int]:
        kept = text.rstrip("\n")
        return f"{kept}\n\n{line}\n", len(kept.splitlines()) + 2

    return make


def _yaml_syntax_error(text: str) -> tuple[str, int]:
    """A case study's title followed by a colon and a space, outside its quotes, which YAML cannot read."""
    title = f'    title: "{CASE.title}"'
    lines = text.splitlines(keepends=True)
    index = next(i for i, line in enumerate(lines) if line.rstrip("\n") == title)
    lines[index] = f"{title}: more [\n"
    return "".join(lines), index + 1


MISTAKES = [
    Mistake("yaml-syntax", "data/case_studies.yml", _yaml_syntax_error),
    Mistake("unknown-macro", "content/introduction.md", _added_line("{{ no_such_macro() }}")),
    Mistake("missing-brace", "content/introduction.md", _added_line("{{ x }")),
]


def make_mistake(preview: Preview, mistake: Mistake) -> tuple[str, str]:
    """Save the file with the mistake in it; returns the file's own text, and where the page must say the mistake is."""
    path = preview.project / mistake.file
    text = path.read_text(encoding="utf-8")
    mistaken, line = mistake.make(text)
    path.write_text(mistaken, encoding="utf-8")
    return text, f"{mistake.file}:{line}"


def shows_problem(tab, preview: Preview, where: str) -> None:
    expect(tab.locator("main > h1")).to_have_text(PROBLEMS_HEADING, timeout=SHOWN_WITHIN_MS)
    expect(tab.locator("main > ol > li", has_text=where)).to_have_count(1)
    assert preview.running(), f"the preview stopped:\n{preview.said()}"


def shows_site(tab) -> None:
    expect(tab.locator("article h1")).to_contain_text("Introduction", timeout=SHOWN_WITHIN_MS)


def test_the_preview_prints_the_address_to_open(preview):
    assert f"Open {preview.base} in your browser" in preview.said()


@pytest.mark.parametrize("mistake", MISTAKES, ids=lambda m: m.name)
def test_a_mistake_shows_in_the_open_page_until_it_is_fixed(preview, page, mistake):
    path = preview.project / mistake.file
    text, where = make_mistake(preview, mistake)
    try:
        shows_problem(page, preview, where)
        assert page.title().endswith("(preview)")
        assert page.locator("html").get_attribute("lang") == "en-GB"
        assert page.blocked == []  # the page's own style and script run under its policy
    finally:
        path.write_text(text, encoding="utf-8")
    shows_site(page)
    assert preview.running()


def test_the_same_mistake_made_again_is_shown_again(preview, page):
    """mkdocs prints a message it has printed before only once ("Aborted with a BuildError!" alone):
    the page still says what is wrong the second time."""
    mistake = MISTAKES[0]
    path = preview.project / mistake.file
    for _ in range(2):
        text, where = make_mistake(preview, mistake)
        try:
            shows_problem(page, preview, where)
            expect(page.locator("main > ol > li", has_text=where)).to_contain_text("YAML")
        finally:
            path.write_text(text, encoding="utf-8")
        shows_site(page)


def test_every_problem_shows_at_once_and_the_page_follows_each_save(preview, page):
    """A second mistake, saved while the page shows the first, joins it on the page without the editor reloading."""
    first, second = MISTAKES[1], Mistake("missing-brace-elsewhere", "content/about.md", _added_line("{{ x }"))
    texts = {}
    try:
        texts[first.file], first_where = make_mistake(preview, first)
        shows_problem(page, preview, first_where)
        texts[second.file], second_where = make_mistake(preview, second)
        expect(page.locator("main > ol > li", has_text=second_where)).to_have_count(1, timeout=SHOWN_WITHIN_MS)
        expect(page.locator("main > h1")).to_have_text("The preview has 2 problems")
        expect(page.locator("main > ol > li", has_text=first_where)).to_have_count(1)
    finally:
        for file, text in texts.items():
            (preview.project / file).write_text(text, encoding="utf-8")
    shows_site(page)
    assert preview.running()
