"""What may be a mistake but builds: `validate` names each with its line and still passes, and so does the build."""

from __future__ import annotations

import subprocess
import sys

import pytest

from macros.load import load_project
from tests.helpers import fixture_project, run_mkdocs


def line_of(text: str, needle: str) -> int:
    return text[: text.index(needle)].count("\n") + 1


@pytest.fixture
def project(tmp_path):
    return fixture_project(tmp_path / "project")


def replace(path, old: str, new: str) -> str:
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return path.read_text(encoding="utf-8")


def test_a_value_pasted_with_curly_quotes_is_named_with_its_line(project):
    text = replace(project / "data" / "courses.yml", '    title: "Sandstories"', "    title: “Sandstories”")
    warned = [str(w) for w in load_project(project).warnings]
    assert warned == [f"data/courses.yml:{line_of(text, 'title: “Sandstories”')}: courses[1].title: the value is wrapped in curly quotes (“…”), "
                      "which will show on the page as part of the text (Word adds them when text is pasted): delete them, "
                      "or if the whole value is a quotation, ignore this"]


def test_curly_quotes_inside_a_value_are_not_a_warning(project):
    replace(project / "data" / "courses.yml", '    title: "Sandstories"', "    title: “Sand” and “stories”")
    assert load_project(project).warnings == ()


def test_a_link_to_a_withdrawn_entry_is_named_with_its_line(project):
    data = load_project(project).data
    course = next(c for c in data.courses if not c.tools)
    tool = data.tools[0]
    text = replace(project / "data" / "courses.yml", f"  - id: {course.id}\n", f"  - id: {course.id}\n    tools: [{tool.id}]\n")
    assert load_project(project).warnings == ()  # a link to an offered entry is no warning
    replace(project / "data" / "tools.yml", f"  - id: {tool.id}\n", f"  - id: {tool.id}\n    withdrawn: 2026-01-31\n")
    warned = [str(w) for w in load_project(project).warnings]
    assert (f"data/courses.yml:{line_of(text, f'    tools: [{tool.id}]')}: courses[{data.courses.index(course)}].tools[0]: '{tool.id}' was withdrawn on "
            "31 January 2026: readers still reach its page, marked withdrawn; remove it here, or name what is offered instead") in warned


def test_a_link_to_a_withdrawn_entry_that_was_replaced_names_the_replacement(project):
    data = load_project(project).data
    tool, other = data.tools[0], data.tools[1]
    replace(project / "data" / "tools.yml", f"  - id: {tool.id}\n", f"  - id: {tool.id}\n    withdrawn: 2026-01-31\n    replaced_by: {other.id}\n")
    warned = [str(w) for w in load_project(project).warnings]
    assert warned and all(f"'{tool.id}' was withdrawn on 31 January 2026 and replaced by '{other.id}': write '{other.id}' here" in w for w in warned)


@pytest.mark.builds
def test_validate_and_the_build_show_the_warnings_and_still_pass(project):
    text = replace(project / "data" / "courses.yml", '    title: "Sandstories"', "    title: “Sandstories”")
    where = f"data/courses.yml:{line_of(text, 'title: “Sandstories”')}: courses[1].title: the value is wrapped in curly quotes"
    checked = subprocess.run([sys.executable, "-m", "macros", "validate"], cwd=project, capture_output=True, text=True, timeout=120)
    assert checked.returncode == 0, checked.stderr
    assert "One thing to check (the site still builds):\n" + where in checked.stderr
    built = run_mkdocs(["build", "--strict", "-d", str(project.parent / "site")], cwd=project)
    assert built.returncode == 0 and where in built.stderr, built.stderr
