"""Bad data stops the real `mkdocs build` (of the fixture portfolio) with one clear message, no traceback, nothing written."""

from __future__ import annotations

import pytest

from tests.helpers import fixture_project, run_mkdocs

CASES = {
    "misspelt id": (
        "case_studies.yml",
        "illustrates: [disguised-compliance]",
        "illustrates: [disguised-complience]",
        "case_studies[1].illustrates[0]: unknown resistance type 'disguised-complience' (did you mean 'disguised-compliance'?)",
    ),
    "duplicate key": ("tools.yml", "    title: \"Signs of Safety\"\n", "    title: \"Signs of Safety\"\n    title: \"Again\"\n", "duplicate key 'title'"),
    "empty file": ("glossary.yml", None, "", "data/glossary.yml:1: the file is empty; it needs at least one entry"),
    "not UTF-8": ("glossary.yml", None, b"glossary:\n  - term: caf\xe9\n", "data/glossary.yml:2: the file is not UTF-8 text (byte 0xe9); save it as UTF-8"),
}


@pytest.mark.parametrize("case", CASES, ids=list(CASES))
def test_bad_data_stops_the_build_cleanly(tmp_path, case):
    name, old, new, expected = CASES[case]
    project = fixture_project(tmp_path / "project")
    path = project / "data" / name
    if isinstance(new, bytes):
        path.write_bytes(new)
    elif old is None:
        path.write_text(new, encoding="utf-8")
    else:
        path.write_text(path.read_text(encoding="utf-8").replace(old, new, 1), encoding="utf-8")
    out = tmp_path / "out"

    result = run_mkdocs(["build", "--strict", "-d", str(out)], cwd=project)

    assert result.returncode != 0
    assert expected in result.stderr
    assert "Traceback" not in result.stderr + result.stdout
    error_lines = [line for line in result.stderr.splitlines() if line.startswith("data/")]
    assert len(error_lines) == 1, result.stderr
    assert not out.exists(), "a failed build must not leave a site behind"


def test_dangling_citation_in_a_prose_page_stops_the_build(tmp_path):
    project = fixture_project(tmp_path / "project")
    page = project / "content" / "part-one" / "index.md"
    text = page.read_text(encoding="utf-8")
    line = text.count("\n", 0, text.index("(cite:reder-1993)")) + 1
    page.write_text(text.replace("(cite:reder-1993)", "(cite:reder-1939)"), encoding="utf-8")

    result = run_mkdocs(["build", "--strict", "-d", str(tmp_path / "out")], cwd=project)

    assert result.returncode != 0
    assert f"content/part-one/index.md:{line}: citation of unknown reference 'reder-1939' (did you mean 'reder-1993'?)" in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize("failure", ["bad data", "broken link in strict mode"])
def test_a_failed_build_leaves_the_earlier_site_untouched(tmp_path, failure):
    project = fixture_project(tmp_path / "project")
    out = tmp_path / "out"
    assert run_mkdocs(["build", "--strict", "-d", str(out)], cwd=project).returncode == 0
    (out / "earlier-build.txt").write_text("kept")
    before = sorted(p.relative_to(out).as_posix() for p in out.rglob("*"))
    if failure == "bad data":
        path = project / "data" / "tools.yml"
        path.write_text(path.read_text(encoding="utf-8").replace("  - id: c-change", "  - id: C Change"), encoding="utf-8")
    else:
        path = project / "content" / "about.md"
        path.write_text(path.read_text(encoding="utf-8") + "\n[A page that is not there](nowhere.md)\n", encoding="utf-8")

    result = run_mkdocs(["build", "--strict", "-d", str(out)], cwd=project)

    assert result.returncode != 0
    assert sorted(p.relative_to(out).as_posix() for p in out.rglob("*")) == before
    assert (out / "earlier-build.txt").read_text() == "kept"
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".out")] == [], "no half-built copy is left behind"


def test_a_build_writes_nothing_under_data_or_content(tmp_path):
    project = fixture_project(tmp_path / "project")

    def snapshot():
        return {p.relative_to(project).as_posix(): p.read_bytes() for folder in ("data", "content") for p in (project / folder).rglob("*") if p.is_file()}

    before = snapshot()
    assert run_mkdocs(["build", "--strict", "-d", str(tmp_path / "out")], cwd=project).returncode == 0
    assert snapshot() == before


def test_a_fault_no_input_should_cause_is_one_line_and_its_traceback_is_there_on_request(tmp_path):
    """A bug (here a hook that fails as a recursion would) stops the build with one line for the editor, the
    earlier site kept; WWR_TRACEBACK=1 shows a developer where it happened."""
    project = fixture_project(tmp_path / "project")
    (project / "boom.py").write_text(
        "def on_page_content(html, page, **kwargs):\n"
        "    if page.file.src_uri == 'about.md':\n"
        "        raise RecursionError('maximum recursion depth exceeded')\n"
        "    return html\n",
        encoding="utf-8",
    )
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8") + "\nhooks:\n  - boom.py\n", encoding="utf-8")
    out = tmp_path / "out"

    result = run_mkdocs(["build", "--strict", "-d", str(out)], cwd=project)

    assert result.returncode == 1
    assert "Stopped: the build failed unexpectedly (RecursionError: maximum recursion depth exceeded); the site was not changed." in result.stderr
    assert "Traceback" not in result.stderr + result.stdout
    assert not out.exists()
    shown = run_mkdocs(["build", "--strict", "-d", str(out)], cwd=project, env={"WWR_TRACEBACK": "1"})
    assert shown.returncode != 0 and "Traceback" in shown.stderr and "boom.py" in shown.stderr
