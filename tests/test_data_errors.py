"""Every validation rule, each with the exact message a committee member would read.

Each case copies the real data, breaks one thing, and checks the loader's message names the
file, the line of the mistake, the field path and the reason.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from macros.errors import DataError
from macros.loader import load_site_data

from .conftest import ROOT


@pytest.fixture
def data_dir(tmp_path) -> Path:
    shutil.copytree(ROOT / "data", tmp_path / "data")
    return tmp_path / "data"


def break_file(data_dir: Path, name: str, old: str, new: str, count: int = 1) -> int:
    """Replace text in one data file; return the 1-based line where the change starts."""
    path = data_dir / name
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {name}"
    start = text.index(old)
    path.write_text(text.replace(old, new, count), encoding="utf-8")
    return text.count("\n", 0, start) + 1


def messages(data_dir: Path) -> list[str]:
    with pytest.raises(DataError) as caught:
        load_site_data(data_dir)
    return [str(problem) for problem in caught.value.problems]


def test_real_data_is_valid():
    data = load_site_data(ROOT / "data")
    assert len(data.resistance_types) == 5 and len(data.case_studies) == 7


def test_misspelt_reference_suggests_the_right_id(data_dir):
    line = break_file(data_dir, "case_studies.yml", "illustrates: [disguised-compliance]", "illustrates: [disguised-complience]")
    index = _index_of_entry_at(data_dir / "case_studies.yml", line)
    assert messages(data_dir) == [
        f"data/case_studies.yml:{line}: case_studies[{index}].illustrates[0]: unknown resistance type 'disguised-complience' (did you mean 'disguised-compliance'?)"
    ]


def test_duplicate_key_is_caught(data_dir):
    line = break_file(data_dir, "case_studies.yml", "    number: 2\n", "    number: 2\n    number: 3\n")
    assert messages(data_dir) == [f"data/case_studies.yml:{line + 1}: case_studies[1].number: duplicate key 'number' (first given at line {line})"]


def test_yaml_syntax_error(data_dir):
    line = break_file(data_dir, "tools.yml", "  - id: signs-of-safety\n", "  - id: [signs-of-safety\n")
    # An unclosed '[' is noticed where the next line makes it impossible.
    assert messages(data_dir) == [f"data/tools.yml:{line + 1}: YAML syntax error: expected ',' or ']', but got ':' (while parsing a flow sequence)"]


def test_tab_indentation(data_dir):
    line = break_file(data_dir, "tools.yml", "    title: \"Signs of Safety\"", "\ttitle: \"Signs of Safety\"")
    assert messages(data_dir) == [f"data/tools.yml:{line}: a tab character is used for indentation; indent with spaces"]


def test_unknown_key_suggests_the_field(data_dir):
    line = break_file(data_dir, "case_studies.yml", "    narrative: |", "    narative: |")
    found = messages(data_dir)
    assert f"data/case_studies.yml:{line}: case_studies[0].narative: unknown field 'narative' (did you mean 'narrative'?)" in found
    assert "data/case_studies.yml:" in found[0] and "case_studies[0].narrative: this required field is missing" in " ".join(found)


def test_missing_required_field(data_dir):
    line = break_file(data_dir, "tools.yml", "    title: \"Signs of Safety\"\n", "")
    index = _index_of_entry_at(data_dir / "tools.yml", line)
    assert messages(data_dir) == [f"data/tools.yml:{line - 1}: tools[{index}].title: this required field is missing"]


def test_wrong_type(data_dir):
    line = break_file(data_dir, "case_studies.yml", "    number: 2\n", "    number: two\n")
    assert messages(data_dir) == [f"data/case_studies.yml:{line}: case_studies[1].number: expected a whole number, got 'two'"]


def test_empty_text(data_dir):
    line = break_file(data_dir, "tools.yml", "    title: \"Signs of Safety\"", "    title: \"  \"")
    index = _index_of_entry_at(data_dir / "tools.yml", line)
    assert messages(data_dir) == [f"data/tools.yml:{line}: tools[{index}].title: must not be empty"]


def test_duplicate_id(data_dir):
    line = break_file(data_dir, "case_studies.yml", "  - id: two\n", "  - id: one\n")
    first = _line_of(data_dir / "case_studies.yml", "  - id: one\n")
    assert messages(data_dir) == [f"data/case_studies.yml:{line}: case_studies[1].id: duplicate id 'one' (already used at data/case_studies.yml:{first})"]


def test_unknown_citation(data_dir):
    line = break_file(data_dir, "tools.yml", "(cite:miller-rollnick-2013)", "(cite:miller-rolnick-2013)")
    found = messages(data_dir)
    assert found[0] == (
        f"data/tools.yml:{_key_line(data_dir / 'tools.yml', line)}: tools[0].description: "
        "citation of unknown reference 'miller-rolnick-2013' (did you mean 'miller-rollnick-2013'?)"
    )


def test_empty_file(data_dir):
    (data_dir / "glossary.yml").write_text("# nothing yet\n", encoding="utf-8")
    assert messages(data_dir) == ["data/glossary.yml:1: the file is empty; it needs at least one entry"]


def test_file_that_is_not_utf8(data_dir):
    path = data_dir / "glossary.yml"
    path.write_bytes(path.read_bytes().replace("glossary:".encode(), "glossary:\n# caf\xe9".encode("latin-1"), 1))
    line = path.read_bytes().split(b"\xe9")[0].count(b"\n") + 1
    assert messages(data_dir) == [f"data/glossary.yml:{line}: the file is not UTF-8 text (byte 0xe9); save it as UTF-8"]


def test_unknown_kind_of_data(data_dir):
    (data_dir / "extra.yml").write_text("case_study:\n  - id: x\n", encoding="utf-8")
    assert messages(data_dir) == ["data/extra.yml:1: case_study: unknown kind of data 'case_study' (did you mean 'case_studies'?)"]


def test_source_files_are_never_modified(data_dir):
    before = {p.name: p.read_bytes() for p in data_dir.glob("*.yml")}
    load_site_data(data_dir)
    assert {p.name: p.read_bytes() for p in data_dir.glob("*.yml")} == before


def _line_of(path: Path, text: str) -> int:
    content = path.read_text(encoding="utf-8")
    return content.count("\n", 0, content.index(text)) + 1


def _index_of_entry_at(path: Path, line: int) -> int:
    """Which list entry (`  - id:` lines) the given line belongs to."""
    lines = path.read_text(encoding="utf-8").splitlines()[:line]
    return sum(1 for text in lines if text.startswith("  - id:")) - 1


def _key_line(path: Path, line: int) -> int:
    """The line of the field key that holds the (multi-line) text at `line`."""
    lines = path.read_text(encoding="utf-8").splitlines()
    for number in range(line, 0, -1):
        if lines[number - 1].startswith("    ") and not lines[number - 1].startswith("     ") and ":" in lines[number - 1]:
            return number
    return line


def test_fast_and_strict_readers_build_the_same_data(monkeypatch):
    """libyaml reads sound files; the strict reader must give exactly the same data and lines."""
    from macros import yaml_source

    for path in sorted((ROOT / "data").glob("*.yml")):
        fast = yaml_source._fast_read(path.read_text(encoding="utf-8"), path.name)
        assert fast is not None, path
        with monkeypatch.context() as patch:
            patch.setattr(yaml_source, "_fast_read", lambda text, name: None)
            strict = yaml_source.read_yaml(path, path.name)
        assert (fast.data, fast.lines) == (strict.data, strict.lines), path


def test_a_citation_in_a_local_file_is_credited_to_the_local_entry(data_dir):
    """Core and local files both have a first entry: 'cited by' must tell them apart."""
    local = data_dir / "local"
    local.mkdir()
    fixture = (ROOT / "tests" / "fixtures" / "committee" / "courses.yml").read_text(encoding="utf-8")
    cited = fixture.replace(
        'description: "A local workshop on engaging fathers and male carers."',
        'description: "A local workshop drawing on [Robb 2014](cite:robb-2014)."',
    )
    assert cited != fixture
    (local / "courses.yml").write_text(cited, encoding="utf-8")
    data = load_site_data(data_dir)
    first_core_course = data.courses[0].id
    assert ("courses", "riverside-engaging-fathers") in data.cited_by["robb-2014"]
    assert ("courses", first_core_course) not in data.cited_by["robb-2014"]
