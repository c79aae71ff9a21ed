"""The mistakes editors make in YAML, each told in plain words at the line where it was made, with what to
type; the parser's own words follow on a second line. Each is one edit to the fixture's case studies, as an
editor would make it, read by the loader as `./run validate` and the build read it."""

from __future__ import annotations

import re
import shutil

import pytest

from macros.load import DataError, load_site_data
from tests.helpers import FIXTURE_DATA

FILE = "case_studies.yml"
QUOTES = "put the whole text in double quotes"

# name: (the line as the fixture has it, the line as the editor left it, the first line of the message)
MISTAKES = {
    "a missing colon": ('    title: "Megan"', '    title "Megan"', "this line has no ':' after its field name; write it as title: \"Megan\""),
    "a missing colon on an entry's first line": ("  - id: two", "  - id two", "this line has no ':' after its field name; write it as id: two"),
    "no space after the colon": ("  - id: two", "  - id:two", "a field name needs a space after its ':'; write it as id: two"),
    "no space after a list's dash": ("  - id: two", "  -id: two", "a list item needs a space after its '-'; write it as - id: two"),
    "an unquoted colon in a title": ('    title: "Megan"', "    title: Case study: Megan",
                                     f"the text holds a colon and a space (': '), which YAML reads as the start of another field; {QUOTES}: title: \"Case study: Megan\""),
    "a field indented too far": ("    number: 2", "      number: 2",
                                 "this line is indented 6 spaces, the field above it (line {id}) 4: the fields of one entry must start in the same column; "
                                 "line it up with the field above, with spaces"),
    "a field not indented enough": ("    number: 2", "   number: 2",
                                    "this line is indented 3 spaces, the field above it (line {id}) 4: the fields of one entry must start in the same column; "
                                    "line it up with the field above, with spaces"),
    "a tab for indentation": ("    number: 2", "\tnumber: 2", "a tab character is used for indentation; indent with spaces"),
    "an unclosed double quote": ('    title: "Megan"', '    title: "Megan', "the text's opening quote (\") is not closed on this line; end the text with \", on the same line"),
    "an unclosed single quote": ('    title: "Megan"', "    title: 'Megan", "the text's opening quote (') is not closed on this line; end the text with ', on the same line"),
    "text after the closing quote": ('    title: "Megan"', '    title: "Megan" and her mother',
                                     'the text goes on after its closing quote; put the whole text in quotes, and write a double quote inside it as \\" (or use ’)'),
    "an apostrophe in single quotes": ('    title: "Megan"', "    title: 'Megan's story'",
                                       "the text is in single quotes and holds a single quote ('); write it twice ('') inside the text, or use double quotes around it"),
    "a list item under a field with a value": ('    title: "Megan"', '    title: "Megan"\n    - "Megan\'s mother"',
                                               "a list item ('- ') under 'title', which already has a value on line {title}; a field holds either one value or a list: "
                                               "write 'title:' alone on its line with the items under it, or remove the '- '"),
    "a text starting with @": ('    title: "Megan"', "    title: @Megan", f"the text starts with '@', which YAML reads as part of its own syntax; {QUOTES}: title: \"@Megan\""),
    "a text starting with *": ('    title: "Megan"', "    title: *Megan*", f"the text starts with '*', which YAML reads as part of its own syntax; {QUOTES}: title: \"*Megan*\""),
    "a backslash in double quotes": ('    title: "Megan"', '    title: "Megan\\Steven"',
                                     "a backslash (\\) inside double quotes starts a code such as \\n; write two backslashes (\\\\) for one, or put the text in single quotes"),
}


@pytest.fixture
def data(tmp_path):
    shutil.copytree(FIXTURE_DATA, tmp_path / "data")
    return tmp_path / "data"


def line_of(text: str, line: str) -> int:
    return text[: text.index(line + "\n")].count("\n") + 1


@pytest.mark.parametrize("name", MISTAKES)
def test_a_common_yaml_mistake_is_told_plainly_at_its_line(data, name):
    right, wrong, expected = MISTAKES[name]
    path = data / FILE
    text = path.read_text(encoding="utf-8")
    assert text.count(right + "\n") >= 1, f"the fixture no longer has {right!r}"
    line = line_of(text, right)
    numbers = {"id": line_of(text, "  - id: two"), "title": line_of(text, '    title: "Megan"')}
    path.write_text(text.replace(right + "\n", wrong + "\n", 1), encoding="utf-8")

    with pytest.raises(DataError) as caught:
        load_site_data(data)

    [problem] = caught.value.problems
    first, second = str(problem).split("\n")
    shown_at = line + 1 if name == "a list item under a field with a value" else line
    assert first == f"data/{FILE}:{shown_at}: {expected.format(**numbers)}"
    assert re.fullmatch(r"    \(the YAML parser said: .+, at line \d+, column \d+\)", second), second
    assert "Traceback" not in str(problem)


def test_the_parser_line_keeps_its_own_words_and_place(data):
    """For developers: the parser's message, and where the parser noticed (here a line after the mistake)."""
    path = data / FILE
    text = path.read_text(encoding="utf-8")
    line = line_of(text, '    title: "Megan"')
    path.write_text(text.replace('    title: "Megan"\n', '    title "Megan"\n', 1), encoding="utf-8")

    with pytest.raises(DataError) as caught:
        load_site_data(data)

    [problem] = caught.value.problems
    assert problem.line == line
    assert problem.detail == f"(the YAML parser said: while scanning a simple key: could not find expected ':', at line {line + 1}, column 5)"
