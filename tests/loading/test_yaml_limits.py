"""Hostile YAML: aliases, deep nesting, characters that are not text and huge files, each refused at its line.

Each case copies the fixture's `data/`, applies one edit and compares the FULL list of messages, as the
corpus in test_bad_input_corpus.py does (`{@text}` is the line on which `text` first occurs). Every case
runs twice: through libyaml, as a build reads a sound file, and through the pure-Python reader alone, which
words every problem; both must give the same messages (the libyaml reader hands anything odd to the other).
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from macros.load import DataError, load_project, load_site_data, yaml_source
from tests.helpers import fixture_project, run_mkdocs
from tests.loading.test_bad_input_corpus import FIXTURE, Case, Edit, apply_edits, case, expand, messages

ELEVEN_MB = 11 * 1024 * 1024
NOT_TEXT = "that is not text; delete it (it often comes from pasting)"
BIDI = "an invisible control that makes text display in a different order than it is written; delete it (it may not show, or be written as"
# A character written as an escape between double quotes, and how a message words it.
ESCAPES = {
    "\\u0000": "a control character (U+0000), which is not allowed; delete it (it may be written as a backslash code, such as \\u0000)",
    "\\x1b": "a control character (U+001B), which is not allowed; delete it (it may be written as a backslash code, such as \\u001b)",
    "\\e": "a control character (U+001B), which is not allowed; delete it (it may be written as a backslash code, such as \\u001b)",
    "\\r": "a control character (U+000D), which is not allowed; delete it (it may be written as a backslash code, such as \\u000d)",
    "\\u007f": "a control character (U+007F), which is not allowed; delete it (it may be written as a backslash code, such as \\u007f)",
    "\\u0085": "a control character (U+0085), which is not allowed; delete it (it may be written as a backslash code, such as \\u0085)",
    "\\ud800": "half of a character code (U+D800), which is not text on its own; write the character itself instead of its backslash code",
    "\\udfff": "half of a character code (U+DFFF), which is not text on its own; write the character itself instead of its backslash code",
    "\\u202e": f"a right-to-left override (U+202E), {BIDI} \\u202e)",
    "\\u202a": f"a left-to-right embedding (U+202A), {BIDI} \\u202a)",
    "\\u2066": f"a left-to-right isolate (U+2066), {BIDI} \\u2066)",
    "\\u2069": f"a pop directional isolate (U+2069), {BIDI} \\u2069)",
}
RLO, NUL, ESC, LRI, SURROGATE = (ESCAPES[e] for e in ("\\u202e", "\\u0000", "\\e", "\\u2066", "\\ud800"))
GLOSSARY_ENTRY = '    expansion: "Accident and Emergency"\n'
FACTOR = '      - "Shame, ambivalence and lack of confidence"'
FACTOR_PATH = "factor_lists[0].items[2]" + "[0]" * 37  # 41 levels down
DEEP = "nested more than 40 levels deep"


def padded(head: str, size: int) -> str:
    """`head` then a comment line, `size` bytes in all."""
    return head + "# " + "x" * (size - len(head.encode()) - 3) + "\n"


def block_mappings(levels: int) -> str:
    """A glossary note holding `levels` mappings, each indented under the one before."""
    return "    note:\n" + "".join(f"{'  ' * (level + 2)}level{level}:\n" for level in range(1, levels + 1)) + "  " * (levels + 2) + "end\n"


CASES: dict[str, Case] = {
    # ---- aliases: a scalar's too, which could make a 64 KB file a 240 MB site ---------------
    "alias of a text": case(
        "glossary", "glossary.yml", GLOSSARY_ENTRY, '    expansion: &ae "Accident and Emergency"\n    note: *ae\n',
        "data/glossary.yml:{@    note: *ae}: YAML aliases ('*ae') are not allowed; write the value out",
    ),
    "alias of a number": case(
        "case_studies", "case_studies.yml", "    number: 2\n", "    number: &n 2\n    unused: *n\n",
        "data/case_studies.yml:{@    unused: *n}: YAML aliases ('*n') are not allowed; write the value out",
    ),
    "alias of a text as a key": case(
        "glossary", "glossary.yml", GLOSSARY_ENTRY, '    expansion: &k "note"\n    *k : "Hospital"\n',
        "data/glossary.yml:{@    *k}: YAML aliases ('*k') are not allowed; write the value out",
    ),
    "alias bomb of texts": case(
        "glossary", "glossary.yml", GLOSSARY_ENTRY, '    expansion: &a "Accident and Emergency"\n    note: [' + ", ".join(["*a"] * 3000) + "]\n",
        "data/glossary.yml:{@    note: [*a}: YAML aliases ('*a') are not allowed; write the value out",
    ),
    "alias of a list, as before": case(
        "glossary", "glossary.yml", GLOSSARY_ENTRY, GLOSSARY_ENTRY + '    note: &l ["a"]\n    more: *l\n',
        "data/glossary.yml:{@    more: *l}: YAML aliases of lists or groups of fields ('*l') are not allowed; write the values out",
    ),
    # ---- nesting: at the line where it goes too deep, with its field path ---------------------
    "1,000 levels of nested lists": case(
        "factor_lists", "factor_lists.yml", FACTOR, "      - " + "[" * 1000 + "]" * 1000, f"data/factor_lists.yml:{{@      - [[[}}: {FACTOR_PATH}: {DEEP}",
    ),
    "100,000 brackets never closed": case(
        "factor_lists", "factor_lists.yml", FACTOR, "      - " + "[" * 100_000, f"data/factor_lists.yml:{{@      - [[[}}: {FACTOR_PATH}: {DEEP}",
    ),
    "1,000 levels of nested mappings in brackets": case(
        "factor_lists", "factor_lists.yml", FACTOR, "      - " + "{k: " * 1000 + "x" + "}" * 1000,
        "data/factor_lists.yml:{@      - {k: }: factor_lists[0].items[2]" + ".k" * 37 + f": {DEEP}",
    ),
    "1,000 levels of lists on one line": case(
        "factor_lists", "factor_lists.yml", FACTOR, "      - " + "- " * 1000 + "x", f"data/factor_lists.yml:{{@      - - - }}: {FACTOR_PATH}: {DEEP}",
    ),
    "200 levels of indented mappings": case(
        "glossary", "glossary.yml", GLOSSARY_ENTRY, GLOSSARY_ENTRY + block_mappings(200),
        "data/glossary.yml:{@level39:}: glossary[0].note" + "".join(f".level{level}" for level in range(1, 39)) + f": {DEEP}",
    ),
    "mappings as keys of keys, 1,000 deep": case(
        "glossary", "glossary.yml", GLOSSARY_ENTRY, GLOSSARY_ENTRY + "    note: {" + "? {" * 1000 + "}" * 1001 + "\n",
        "data/glossary.yml:{@    note: {? }: glossary[0].note: a key must be a plain name",
    ),
    # ---- characters typed raw that are not text ------------------------------------------------
    "NUL byte": case(
        "glossary", "glossary.yml", b"Accident and", b"Accident\x00and", f"data/glossary.yml:{{@Accident}}: the file holds a control character (U+0000) {NOT_TEXT}",
    ),
    "ESC byte": case(
        "case_studies", "case_studies.yml", b'title: "Megan"', b'title: "Me\x1b[31mgan"',
        f"data/case_studies.yml:{{@title: \"Me}}: the file holds a control character (U+001B) {NOT_TEXT}",
    ),
    "BEL byte in a comment": case(
        "tools", "tools.yml", b"# Used by", b"# Used\x07 by", f"data/tools.yml:1: the file holds a control character (U+0007) {NOT_TEXT}",
    ),
    "U+0085, which YAML would read as a line break": case(
        "glossary", "glossary.yml", b"Accident and", b"Accident\xc2\x85and", f"data/glossary.yml:{{@Accident}}: the file holds a control character (U+0085) {NOT_TEXT}",
    ),
    "U+FFFF": case(
        "glossary", "glossary.yml", b"Accident and", b"Accident\xef\xbf\xbfand", f"data/glossary.yml:{{@Accident}}: the file holds a character (U+FFFF) {NOT_TEXT}",
    ),
    "a right-to-left override typed in a title": case(
        "case_studies", "case_studies.yml", '    title: "Megan"', '    title: "Me\u202egan"',
        f"data/case_studies.yml:{{@    title: \"Me}}: case_studies[1].title: the text holds {RLO}",
    ),
    # ---- one message for each key or value, the first refused character --------------------------
    "refused characters in two values and a key": case(
        "case_studies", "case_studies.yml", '    title: "Megan"\n', '    title: "Me\\egan\\u0000"\n    "\\u2066": 1\n    summary2: "\\u202e"\n',
        f"data/case_studies.yml:{{@    title: \"Me}}: case_studies[1].title: the text holds {ESC}",
        f"data/case_studies.yml:{{@    \"\\u2066}}: case_studies[1]: a key holds {LRI}",
        f"data/case_studies.yml:{{@    summary2}}: case_studies[1].summary2: the text holds {RLO}",
    ),
    # ---- found while these were written: PyYAML raises IndexError for an empty whole number -----------
    "an empty value tagged as a whole number": case(
        "case_studies", "case_studies.yml", "    number: 2\n", "    number: !!int\n",
        "data/case_studies.yml:{@    number: !!int}: case_studies[1].number: '' cannot be read as a whole number",
    ),
    # ---- a too big file, refused before it is read ------------------------------------------------
    "an 11 MB file": case(
        "glossary", "glossary.yml", None, padded("glossary: []\n", ELEVEN_MB),
        "data/glossary.yml:1: the file is 11.0 MB; a data file may be at most 10 MB. Split it, or check that nothing was pasted in by mistake",
    ),
}
for escape, words in ESCAPES.items():
    CASES[f"{escape} in a title"] = case(
        "case_studies", "case_studies.yml", '    title: "Megan"', f'    title: "Me{escape}gan"',
        f"data/case_studies.yml:{{@    title: \"Me}}: case_studies[1].title: the text holds {words}",
    )
    CASES[f"{escape} in a key"] = case(
        "tools", "tools.yml", '    title: "Signs of Safety"', f'    "ti{escape}tle": "Signs of Safety"',
        f"data/tools.yml:{{@    \"ti}}: tools[2]: a key holds {words}",
    )


@pytest.fixture
def data_dir(tmp_path) -> Path:
    shutil.copytree(FIXTURE, tmp_path / "data")
    return tmp_path / "data"


@pytest.fixture(params=["libyaml", "pure Python"])
def reader(request, monkeypatch) -> str:
    """Read through libyaml first (as a build does), or through the pure-Python reader alone."""
    if request.param == "pure Python":
        monkeypatch.setattr(yaml_source, "_fast_read", lambda text, name: None)
    return request.param


@pytest.mark.parametrize("name", CASES)
def test_hostile_yaml_gives_exact_messages(data_dir, reader, name):
    bad = CASES[name]
    apply_edits(data_dir, bad.edits)
    expected = [expand(message, data_dir, bad.file) for message in bad.expected]
    assert messages(data_dir) == expected


def test_libyaml_hands_a_file_with_any_alias_to_the_strict_reader():
    """libyaml composes `*a` as the anchored node itself: a text repeated is found like a list repeated."""
    assert yaml_source._fast_read('glossary:\n  - term: &t "A"\n    expansion: *t\n', "g.yml") is None
    assert yaml_source._fast_read('glossary:\n  - term: &t "A"\n    expansion: "B"\n', "g.yml") is not None  # an anchor alone is harmless


def test_a_file_over_the_limit_is_not_parsed(data_dir, monkeypatch):
    (data_dir / "glossary.yml").write_text(padded("glossary: []\n", ELEVEN_MB), encoding="utf-8")
    monkeypatch.setattr(yaml_source, "_read", lambda text, name: pytest.fail("parsed a file over the limit"))
    with pytest.raises(DataError) as caught:
        yaml_source.read_yaml(data_dir / "glossary.yml", "data/glossary.yml")
    assert [str(p) for p in caught.value.problems] == [
        "data/glossary.yml:1: the file is 11.0 MB; a data file may be at most 10 MB. Split it, or check that nothing was pasted in by mistake"
    ]


def test_a_file_of_exactly_the_limit_is_read(tmp_path):
    path = tmp_path / "glossary.yml"
    path.write_text(padded('glossary:\n  - term: "CPC"\n    expansion: "Child Protection Committee"\n', yaml_source.MAX_FILE_BYTES), encoding="utf-8")
    assert path.stat().st_size == yaml_source.MAX_FILE_BYTES
    assert yaml_source.read_yaml(path, "data/glossary.yml").data == {"glossary": [{"term": "CPC", "expansion": "Child Protection Committee"}]}


def test_tabs_and_line_breaks_in_text_are_still_text(data_dir, reader):
    """Only the characters that are not text are refused: a tab or a new line inside a value is kept."""
    apply_edits(data_dir, (
        Edit("case_studies.yml", "They have two children", "They have\ttwo children"),
        Edit("case_studies.yml", '      - "Are we at risk', '      - "Two lines:\\nand a\\ttab. Are we at risk'),
    ))
    data = load_site_data(data_dir)
    assert "They have\ttwo children" in data.case_studies[0].narrative
    assert data.case_studies[1].questions[0].startswith("Two lines:\nand a\ttab. Are we at risk")


def front_matter_problems(tmp_path: Path, front_matter: str) -> list[str]:
    shutil.copytree(FIXTURE, tmp_path / "data")
    (tmp_path / "content").mkdir()
    (tmp_path / "content" / "page.md").write_text(f"---\n{front_matter}---\n\n# A page\n", encoding="utf-8")
    with pytest.raises(DataError) as caught:
        load_project(tmp_path, "data", "content")
    return [str(p) for p in caught.value.problems]


def test_a_page_front_matter_is_held_to_the_same_characters(tmp_path, reader):
    assert front_matter_problems(tmp_path, 'title: "a\\u202eb"\nreviewed: 2026-01-01\nkeywords: ["\\u0000"]\n') == [
        f"content/page.md:2: title: the text holds {RLO}",
        f"content/page.md:4: keywords[0]: the text holds {NUL}",
    ]


def test_a_page_front_matter_alias_is_refused(tmp_path, reader):
    assert front_matter_problems(tmp_path, 'title: &t "A"\ndescription: *t\n') == ["content/page.md:3: YAML aliases ('*t') are not allowed; write the value out"]


def test_front_matter_over_the_limit_is_refused():
    with pytest.raises(DataError) as caught:
        yaml_source.read_yaml_text(padded("title: A\n", ELEVEN_MB), "content/page.md", first_line=2)
    assert [str(p) for p in caught.value.problems] == [
        "content/page.md:2: the front matter is 11.0 MB; it may be at most 10 MB. Check that nothing was pasted in by mistake"
    ]


@pytest.mark.builds
def test_a_lone_surrogate_stops_the_real_build_cleanly(tmp_path):
    """A lone surrogate ("\\ud800") once passed validation, then failed the build writing the page (UnicodeEncodeError)."""
    project = fixture_project(tmp_path / "project")
    path = project / "data" / "case_studies.yml"
    text = path.read_text(encoding="utf-8")
    title = re.search(r'^    title: "(.+)"$', text, re.MULTILINE)
    line = text.count("\n", 0, title.start()) + 1
    path.write_text(text[: title.start(1)] + "\\ud800" + text[title.start(1) :], encoding="utf-8")

    result = run_mkdocs(["build", "--strict", "-d", str(tmp_path / "out")], cwd=project)

    assert result.returncode != 0
    assert f"data/case_studies.yml:{line}: case_studies[0].title: the text holds {SURROGATE}" in result.stderr, result.stderr[-3000:]
    assert "Traceback" not in result.stderr + result.stdout
    assert not re.search(r"UnicodeEncodeError|RecursionError", result.stderr + result.stdout)
