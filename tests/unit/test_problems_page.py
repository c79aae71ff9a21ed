"""The preview's problems page (macros/render/problems_page.py): a failed build's messages read into problems,
each with its file, line and field, what is wrong and the parser's words, and rendered as a page that shows
what the editor typed as text."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from macros.load import DataError, load_project
from macros.render.problems_page import (
    UNSAID,
    Problem,
    build_problems,
    fingerprint,
    is_summary,
    known_site_name,
    problems_page,
    problems_text,
    read_problems,
)
from tests.helpers import ROOT, fixture_project

TEMPLATES = ROOT / "overrides" / "portfolio"
REPORT = """The data has 3 problems; nothing was built:
data/case_studies.yml:8: case_studies[0].narative: unknown field 'narative' (did you mean 'narrative'?)
data/tools.yml:18: a tab character is used for indentation; indent with spaces
    (the YAML parser said: found character '\\t' that cannot start any token, at line 18, column 1)
content/part-four/managers.md:17: question_set('supervison'): unknown question set 'supervison' (did you mean 'supervision'?)"""


def test_a_data_report_is_read_into_one_problem_a_line_with_its_file_line_field_and_the_parsers_words():
    assert read_problems([REPORT]) == [
        Problem("unknown field 'narative' (did you mean 'narrative'?)", "data/case_studies.yml", 8, "case_studies[0].narative"),
        Problem("a tab character is used for indentation; indent with spaces", "data/tools.yml", 18,
                detail="(the YAML parser said: found character '\\t' that cannot start any token, at line 18, column 1)"),
        Problem("question_set('supervison'): unknown question set 'supervison' (did you mean 'supervision'?)", "content/part-four/managers.md", 17),
    ]
    assert read_problems([REPORT])[0].where == "data/case_studies.yml:8"


def test_a_message_that_says_what_the_build_was_doing_gives_its_problems_that_context():
    [problem] = read_problems(["A page could not be generated:\noverrides/portfolio/case_study.md:3: 'entry' is undefined"])
    assert problem == Problem("'entry' is undefined", "overrides/portfolio/case_study.md", 3, context="A page could not be generated")


# Mistakes of every shape the loader reports: fields with a path, the YAML parser's words, a prose page's line.
LOADER_MISTAKES = [
    ("data/case_studies.yml", lambda text: text.replace("    number: 1\n", "    number: one\n    narative: x\n", 1)),
    ("data/tools.yml", lambda text: text + "\n\tbad: [\n"),
    ("content/introduction.md", lambda text: text + "\n{{ questions('x') }}\n\n{{ x }\n"),
]


def test_the_loaders_own_messages_read_back_into_the_problems_it_found(tmp_path):
    """What the build logs for bad data (engine/start.py `report`: the loader's DataProblems, one a line) reads back
    into the same file, line, field, reason and parser's words."""
    from macros.engine.start import report

    project = fixture_project(tmp_path / "project")
    found = []
    for file, mistake in LOADER_MISTAKES:
        path = project / file
        text = path.read_text(encoding="utf-8")
        path.write_text(mistake(text), encoding="utf-8")
        try:
            with pytest.raises(DataError) as raised:
                load_project(project)
        finally:
            path.write_text(text, encoding="utf-8")
        assert build_problems([report(raised.value), "Aborted with a BuildError!"]) == [
            Problem(p.reason, p.file, p.line, p.path, p.detail) for p in raised.value.problems
        ]
        found += raised.value.problems
    assert any(p.path for p in found) and any(p.detail for p in found) and any(p.file.startswith("content/") for p in found)


def test_a_failed_builds_messages_leave_out_mkdocs_summary_and_say_each_problem_once():
    messages = ["Error building page 'introduction.md':", "content/introduction.md:4: the page is not UTF-8 text (byte 0xe9); save it as UTF-8",
                "Doc file 'about.md' contains a link 'nowhere.md', but the target is not found among documentation files.",
                "content/introduction.md:4: the page is not UTF-8 text (byte 0xe9); save it as UTF-8", "Aborted with a BuildError!",
                "Aborted with 2 warnings in strict mode!"]
    assert build_problems(messages) == [
        Problem("the page is not UTF-8 text (byte 0xe9); save it as UTF-8", "content/introduction.md", 4, context="Error building page 'introduction.md'"),
        Problem("Doc file 'about.md' contains a link 'nowhere.md', but the target is not found among documentation files."),
    ]
    assert is_summary("Aborted with a BuildError!") and not is_summary("Aborted: the disk is full")


def test_a_failure_that_said_nothing_still_says_something():
    assert build_problems(["Aborted with a BuildError!", ""]) == [Problem(UNSAID)]


def test_a_message_without_a_place_is_a_problem_of_its_own():
    [problem] = build_problems(["Stopped: the build failed unexpectedly (KeyError: 'x'); the site was not changed."])
    assert problem.where == "" and problem.text.startswith("Stopped: the build failed unexpectedly")


HOSTILE = Problem("unknown field '<script>alert(1)</script>'", "data/case_studies.yml", 8, "case_studies[0].<b>x</b>",
                  detail="(the YAML parser said: <img src=x onerror=alert(2)>)", context="A page <i>could not</i> be generated")


def page(problems: list[Problem], live: bool = True, nonce: str = "n0nce") -> BeautifulSoup:
    return BeautifulSoup(problems_page(TEMPLATES, problems, "A <Committee> Portfolio", live, nonce), "html.parser")


def test_the_page_lists_every_problem_with_its_place_field_words_and_context():
    problems = read_problems([REPORT])
    doc = page(problems)
    assert doc.html["lang"] == "en-GB"
    assert doc.title.get_text() == "The preview has 3 problems: A <Committee> Portfolio (preview)"
    assert [h1.get_text() for h1 in doc.select("h1")] == ["The preview has 3 problems"]
    items = doc.select("main > ol > li")
    assert len(items) == 3
    first, second, third = (" ".join(item.get_text(" ").split()) for item in items)
    assert "data/case_studies.yml:8" in first and "case_studies[0].narative" in first and "did you mean 'narrative'" in first
    assert "data/tools.yml:18" in second and "(the YAML parser said: found character" in second
    assert "content/part-four/managers.md:17" in third
    assert doc.select_one("meta[name=preview-problems]")["content"] == fingerprint(problems)


def test_what_the_editor_typed_is_shown_as_text_and_only_the_pages_own_style_and_script_run():
    doc = page([HOSTILE])
    assert [tag.name for tag in doc.find_all(["script", "style", "img", "b", "i", "link", "iframe"])] == ["style", "script"]
    assert all(tag["nonce"] == "n0nce" for tag in doc.find_all(["script", "style"]))
    text = doc.get_text(" ")
    for typed in ("<script>alert(1)</script>", "<b>x</b>", "<img src=x onerror=alert(2)>", "<i>could not</i>"):
        assert typed in text
    assert doc.find("a") is None and not doc.select("[src], [href]")  # nothing loaded from anywhere


def test_the_page_polls_only_when_the_preview_rebuilds_on_a_save():
    assert page([HOSTILE], live=False).find("script") is None
    script = page([HOSTILE]).find("script").get_text()
    assert "X-Preview-Problems" in script and 'cache: "no-store"' in script and "location.reload()" in script
    assert len(script) < 600  # a tiny script, no more


def test_the_fingerprint_changes_with_the_problems():
    one, two = read_problems([REPORT])[:2]
    assert fingerprint([one]) == fingerprint([Problem(one.text, one.file, one.line, one.field)])
    assert len({fingerprint([one]), fingerprint([two]), fingerprint([one, two])}) == 3
    assert re.fullmatch(r"[0-9a-f]{16}", fingerprint([one]))


def test_the_problems_as_text_when_the_pages_template_cannot_render():
    assert problems_text(read_problems([REPORT])[:2]) == (
        "The preview has 2 problems\n"
        "data/case_studies.yml:8: case_studies[0].narative: unknown field 'narative' (did you mean 'narrative'?)\n"
        "data/tools.yml:18: a tab character is used for indentation; indent with spaces\n"
        "    (the YAML parser said: found character '\\t' that cannot start any token, at line 18, column 1)\n"
    )


def test_the_site_name_is_the_committees_as_the_files_are_now(tmp_path: Path):
    data = tmp_path / "data"
    (data / "local").mkdir(parents=True)
    assert known_site_name(data) is None
    (data / "site.yml").write_text('site:\n  site_name: "Working with Resistance"\n', encoding="utf-8")
    assert known_site_name(data) == "Working with Resistance"
    (data / "local" / "site.yml").write_text('site:\n  site_name: "Anytown  CPC\n   portfolio"\n', encoding="utf-8")
    assert known_site_name(data) == "Anytown CPC portfolio"
    (data / "local" / "site.yml").write_text("site: [\n", encoding="utf-8")  # broken: the next one along
    assert known_site_name(data) == "Working with Resistance"
