"""A corpus of bad input, every data kind: each case breaks one thing and names the exact messages.

Each case copies the real `data/` into a temporary folder, applies its edits, calls the loader
and compares the FULL list of messages (`file:line: field.path: reason`) with what a committee
member should read. Line numbers are not written out by hand: `{@text}` stands for the line on
which `text` first occurs in the edited file (`{@other.yml|text}` in another data file), so the
cases keep working when entries are added above them, yet still pin the exact line.

A representative handful then goes through the real `mkdocs build` command line: non-zero exit,
the message on stderr, no traceback, and an earlier site in the `-d` folder left as it was.
"""

from __future__ import annotations

import hashlib
import re
import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest

from macros.load import DataError, load_site_data
from macros.model import vocab
from macros.model.kinds import KINDS
from tests.helpers import ROOT, fixture_project, run_mkdocs

FIXTURE = ROOT / "tests" / "fixtures" / "portfolio" / "data"
FIVE_MB = 5 * 1024 * 1024
NESTING = 200


@dataclass(frozen=True)
class Edit:
    """Replace `old` by `new` once in `file` (under data/). `old=None`: write `new` as the whole
    file (creating folders); `new=None` as well: delete the file. Bytes edit the raw bytes."""

    file: str
    old: str | bytes | None
    new: str | bytes | None


@dataclass(frozen=True)
class Case:
    kind: str
    edits: tuple[Edit, ...]
    expected: tuple[str, ...]

    @property
    def file(self) -> str:
        return self.edits[0].file


def case(kind: str, file: str, old, new, *expected: str) -> Case:
    """A case of one edit; `expected` is the full list of messages, in the order they are reported."""
    return Case(kind, (Edit(file, old, new),), tuple(expected))


def apply_edits(data_dir: Path, edits: tuple[Edit, ...]) -> None:
    for edit in edits:
        path = data_dir / edit.file
        if edit.old is None:
            if edit.new is None:
                path.unlink()
                continue
            path.parent.mkdir(parents=True, exist_ok=True)
            if isinstance(edit.new, bytes):
                path.write_bytes(edit.new)
            else:
                path.write_text(edit.new, encoding="utf-8")
        elif isinstance(edit.old, bytes):
            raw = path.read_bytes()
            assert edit.old in raw, f"{edit.old!r} not in {edit.file}"
            path.write_bytes(raw.replace(edit.old, edit.new, 1))
        else:
            text = path.read_text(encoding="utf-8")
            assert edit.old in text, f"{edit.old!r} not in {edit.file}"
            path.write_text(text.replace(edit.old, edit.new, 1), encoding="utf-8")


_AT = re.compile(r"\{@(?:([\w/.-]+\.ya?ml)\|)?([^}]*)\}")


def expand(message: str, data_dir: Path, default_file: str) -> str:
    """Fill in `{@text}` / `{@file.yml|text}` with the 1-based line where the text first occurs."""

    def line(match: re.Match) -> str:
        raw = (data_dir / (match.group(1) or default_file)).read_bytes()
        needle = match.group(2).encode("utf-8")
        assert needle in raw, f"{match.group(2)!r} not in {match.group(1) or default_file}"
        return str(raw[: raw.index(needle)].count(b"\n") + 1)

    return _AT.sub(line, message)


def messages(data_dir: Path) -> list[str]:
    with pytest.raises(DataError) as caught:
        load_site_data(data_dir)
    return [str(problem) for problem in caught.value.problems]


@pytest.fixture
def data_dir(tmp_path) -> Path:
    """A small copy of the portfolio's data (tests/fixtures/portfolio/data: a few entries of each kind)."""
    shutil.copytree(FIXTURE, tmp_path / "data")
    return tmp_path / "data"


# Texts reused below.
CASE_TWO_NARRATIVE = '    narrative: "Megan is fourteen months old'


def allowed(values) -> str:
    """A closed vocabulary as the message lists it: 'a', 'b' or 'c'."""
    quoted = [f"'{value}'" for value in values]
    return ", ".join(quoted[:-1]) + " or " + quoted[-1]


TAGS = allowed(vocab.TAGS)
LENGTHS = allowed(vocab.COURSE_LENGTHS)
AUDIENCES = allowed(vocab.AUDIENCES)
MI_TOOL = """tools:
  - id: motivational-interviewing
    title: "Motivational Interviewing (local course notes)"
    description: "A committee's own entry that reuses a core id."
    url: "https://example.org/mi"
"""
LOCAL_CASE = """case_studies:
  - id: eight
    number: 8
    title: "A local case"
    summary: "A local case."
    narrative: "A local case."
    questions: ["What now?"]
"""
LOCAL_RESOURCE = """resources:
  - id: nspcc-disguised-compliance-factsheet
    title: "Disguised compliance (local copy)"
    type: "Factsheet"
    author: "Riverside CPC"
    available_from:
      - url: "https://riverside.example/dc"
    description: "A committee's own entry that reuses a core id."
    date_published: "2026"
"""
HEADINGS = "headings ('#', or a line underlined with '===' or '---') are not allowed in data text; the page template sets the headings"
OFF_SITE_PICTURE = "comes from another site; a page may show pictures from this site only (no request may go elsewhere)"
NOT_A_PAGE = "is neither a web address nor a page of the site (a path ending in .md, such as ../a-page.md#a-section)"


def scheme(address: str) -> str:
    """The message for a link whose scheme no page may link to, as it is rendered (its scheme in lower case)."""
    name = address.split(":")[0].lower()
    return f"the address '{address}' uses '{name}:', which a page may not link to; use http, https, mailto or tel"
ONE_LINE = "HTML tags ('<b>') and character references ('&lt;') are not allowed in a one-line field; write plain text"
NOT_A_URL = "is not a web address (http:// or https://) or a mailto: address"
NARRATIVE_ONE = "    narrative: |\n      Jane is a teacher"
NARRATIVE_LINE = "{@    narrative: |\n}"  # case study One comes first


def in_narrative(text: str, reason: str):
    """A case putting `text` as the first paragraph of case study One's narrative."""
    return case(
        "case_studies", "case_studies.yml", NARRATIVE_ONE, f"    narrative: |\n      {text}\n\n      Jane is a teacher",
        f"data/case_studies.yml:{NARRATIVE_LINE}: case_studies[0].narrative: {reason}",
    )


NESTED = "[" * NESTING + "]" * NESTING


def alias_bomb() -> str:
    """'Billion laughs': nine lists of nine aliases, 9**9 values from ten lines."""
    lines = ['      - &l0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    for level in range(1, 10):
        lines.append(f"      - &l{level} [" + ", ".join([f"*l{level - 1}"] * 9) + "]")
    return "    note:\n" + "\n".join(lines) + "\n"


CASES: dict[str, Case] = {
    # ---- YAML that cannot be read -------------------------------------------------------
    "yaml syntax error (unclosed list)": case(
        "training_resources", "training_resources.yml", "  - id: resilience-matrix\n", "  - id: [resilience-matrix\n",
        "data/training_resources.yml:{@  - id: [resilience-matrix}: the text starts with '[', which YAML reads as the start of a list or group written on one line: "
        "end it with ']' on the same line, or, if it is text, put the whole text in double quotes: id: \"[resilience-matrix\"\n"
        "    (the YAML parser said: while parsing a flow sequence: expected ',' or ']', but got ':', at line {@    title: \"Resilience Matrix}, column 10)",
    ),
    "yaml syntax error (bad indentation)": case(
        "key_messages", "key_messages.yml", "    part: 3\n", "      part: 3\n",
        "data/key_messages.yml:{@      part: 3}: this line is indented 6 spaces, the field above it (line {@  - id: part-three}) 4: the fields of one entry "
        "must start in the same column; line it up with the field above, with spaces\n"
        "    (the YAML parser said: mapping values are not allowed here, at line {@      part: 3}, column 11)",
    ),
    "tab used for indentation": case(
        "courses", "courses.yml", "    format: \"2 day training\"", "\tformat: \"2 day training\"",
        "data/courses.yml:{@\tformat}: a tab character is used for indentation; indent with spaces\n"
        "    (the YAML parser said: while scanning for the next token: found character '\\t' that cannot start any token, at line {@\tformat}, column 1)",
    ),
    "duplicate key in an entry": case(
        "resources", "resources.yml", '    author: "NSPCC"\n', '    author: "NSPCC"\n    author: "Someone else"\n',
        "data/resources.yml:{@    author: \"Someone else\"}: resources[0].author: duplicate key 'author' (first given at line {@    author: \"NSPCC\"})",
    ),
    "duplicate key in a nested mapping": case(
        "courses", "courses.yml", '      url: "http://www.reconstruct.co.uk"\n', '      url: "http://www.reconstruct.co.uk"\n      url: "http://example.org"\n',
        "data/courses.yml:{@      url: \"http://example.org\"}: courses[0].contact.url: duplicate key 'url' (first given at line {@      url: \"http://www.reconstruct.co.uk\"})",
    ),
    "duplicate key in a question set": case(
        "question_sets", "question_sets.yml", '    title: "Assessing risk and need"\n', '    title: "Assessing risk and need"\n    title: "Again"\n',
        "data/question_sets.yml:{@    title: \"Again\"}: question_sets[1].title: duplicate key 'title' (first given at line {@    title: \"Assessing risk and need\"})",
    ),
    "bytes that are not UTF-8": case(
        "references", "references.yml", b'    authors: "Barnsdale, L. and Walker, M."', b'    authors: "Barnsdale, L. and Walker, M. \xe9t al."',
        "data/references.yml:{@    authors: \"Barnsdale}: the file is not UTF-8 text (byte 0xe9); save it as UTF-8",
    ),
    "UTF-16 file": case(
        "glossary", "glossary.yml", None, "glossary:\n  - term: CPC\n    expansion: Child Protection Committee\n".encode("utf-16"),
        "data/glossary.yml:1: the file is not UTF-8 text (byte 0xff); save it as UTF-8",
    ),
    "empty file": case("key_messages", "key_messages.yml", None, "", "data/key_messages.yml:1: the file is empty; it needs at least one entry"),
    "file holding only comments": case(
        "factor_lists", "factor_lists.yml", None, "# factor lists to come\n", "data/factor_lists.yml:1: the file is empty; it needs at least one entry"
    ),
    "a list where the file's mapping belongs": case(
        "glossary", "glossary.yml", None, "- term: CPC\n  expansion: Child Protection Committee\n",
        "data/glossary.yml:1: the file must be a mapping whose top-level key names the kind of data, e.g. 'case_studies:'",
    ),
    "two YAML documents in one file": case(
        "glossary", "glossary.yml", "glossary:\n", "---\nglossary: []\n---\nglossary:\n",
        "data/glossary.yml:{@---\nglossary:\n}: a line '---' starts a second document here; a data file holds one: delete the '---' line\n"
        "    (the YAML parser said: expected a single document in the stream: but found another document, at line {@---\nglossary:\n}, column 1)",
    ),
    "YAML merge key": case(
        "tools", "tools.yml", '    title: "Signs of Safety"\n', '    title: "Signs of Safety"\n    <<: {url: "https://example.org"}\n',
        "data/tools.yml:{@    <<:}: tools[2]: YAML merge keys ('<<') are not allowed; write the fields out",
    ),
    "YAML alias bomb (billion laughs)": case(
        "glossary", "glossary.yml", '    expansion: "Accident and Emergency"\n', '    expansion: "Accident and Emergency"\n' + alias_bomb(),
        "data/glossary.yml:{@*l0}: YAML aliases of lists or groups of fields ('*l0') are not allowed; write the values out",
    ),
    "python object tag": case(
        "tools", "tools.yml", '    title: "Signs of Safety"', '    title: !!python/object/apply:os.system ["echo pwned"]',
        "data/tools.yml:{@    title: !!python}: the YAML tag '!!python/object/apply:os.system' is not allowed; data files hold only text, numbers, true/false, lists and fields",
    ),
    "explicit tag that cannot apply": case(
        "case_studies", "case_studies.yml", "    number: 2\n", "    number: !!int two\n",
        "data/case_studies.yml:{@    number: !!int}: case_studies[1].number: 'two' cannot be read as a whole number",
    ),
    "200 levels of nested lists": case(
        "factor_lists", "factor_lists.yml", '      - "Shame, ambivalence and lack of confidence"', f"      - {NESTED}",
        "data/factor_lists.yml:{@      - [[[}: factor_lists[0].items[2]" + "[0]" * 37 + ": nested more than 40 levels deep",
    ),
    "a 5 MB field": case(
        "case_studies", "case_studies.yml", '      - "Are we at risk of becoming inured', '      - "' + "x" * FIVE_MB + '"\n      - "Are we at risk of becoming inured',
        f"data/case_studies.yml:{{@      - \"xxx}}: case_studies[1].questions[0]: is {FIVE_MB:,} characters long; at most 20,000 are allowed",
    ),
    # ---- resistance_types -----------------------------------------------------------------
    "resistance type: unknown key": case(
        "resistance_types", "resistance_types.yml", "  examples: |\n    - parents/carers", "  exmaples: |\n    - parents/carers",
        "data/resistance_types.yml:{@  exmaples}: resistance_types[0].exmaples: unknown field 'exmaples' (did you mean 'examples'?)",
    ),
    "resistance type: summary not copied from the description": case(
        "resistance_types", "resistance_types.yml",
        '  summary: "This behaviour can involve proactively sabotaging',
        '  summary: "This behaviour may involve proactively sabotaging',
        "data/resistance_types.yml:{@- id: \"active-non-compliance\"}: resistance_types[1]: summary must be a sentence copied exactly from description",
    ),
    "resistance type: dangling quote reference": case(
        "resistance_types", "resistance_types.yml", '    reference: "brandon-2008"', '    reference: "brandon-208"',
        "data/resistance_types.yml:{@    reference: \"brandon-208\"}: resistance_types[2].quotes[0].reference: unknown reference 'brandon-208' (did you mean 'brandon-2008'?)",
    ),
    "resistance type: dangling citation in text": case(
        "resistance_types", "resistance_types.yml", "(cite:vincent-petch-2012)", "(cite:nope)",
        "data/resistance_types.yml:{@  description: \"This behaviour can include}: resistance_types[0].description: citation of unknown reference 'nope'",
    ),
    "resistance type: tag outside the vocabulary": case(
        "resistance_types", "resistance_types.yml", "  tags: [engaging families]", "  tags: [engaging famlies]",
        f"data/resistance_types.yml:{{@  tags: [engaging famlies]}}: resistance_types[0].tags[0]: 'engaging famlies' is not one of the allowed values: {TAGS}",
    ),
    "resistance type: number where text belongs": case(
        "resistance_types", "resistance_types.yml", '  title: "Active non-compliance"', "  title: 42",
        "data/resistance_types.yml:{@  title: 42}: resistance_types[1].title: expected text, got 42; put quotes around it if it is meant as text",
    ),
    # ---- case_studies ---------------------------------------------------------------------
    "case study: missing field": case(
        "case_studies", "case_studies.yml", CASE_TWO_NARRATIVE, "    unused: \"Megan is fourteen months old",
        "data/case_studies.yml:{@  - id: two}: case_studies[1].narrative: this required field is missing",
        "data/case_studies.yml:{@    unused:}: case_studies[1].unused: unknown field 'unused'",
    ),
    "case study: number below one": case(
        "case_studies", "case_studies.yml", "    number: 2\n", "    number: 0\n",
        "data/case_studies.yml:{@    number: 0}: case_studies[1].number: input should be greater than or equal to 1",
    ),
    "case study: a number too large to be a file name": case(
        "case_studies", "case_studies.yml", "    number: 2\n", "    number: 1" + "0" * 300 + "\n",
        "data/case_studies.yml:{@    number: 1000}: case_studies[1].number: input should be less than or equal to 999",
    ),
    "case study: empty list of questions": case(
        "case_studies", "case_studies.yml",
        '    questions:\n      - "Are we at risk of becoming inured',
        '    questions: []\n    unused_questions:\n      - "Are we at risk of becoming inured',
        "data/case_studies.yml:{@    questions: []}: case_studies[1].questions: must not be empty",
        "data/case_studies.yml:{@    unused_questions:}: case_studies[1].unused_questions: unknown field 'unused_questions' (did you mean 'questions'?)",
    ),
    "case study: empty title": case(
        "case_studies", "case_studies.yml", '    title: "Megan"', '    title: ""',
        'data/case_studies.yml:{@    title: ""}: case_studies[1].title: must not be empty',
    ),
    "case study: duplicate id": case(
        "case_studies", "case_studies.yml", "  - id: three\n", "  - id: two\n",
        "data/case_studies.yml:{@  - id: two\n    number: 3}: case_studies[2].id: duplicate id 'two' (already used at data/case_studies.yml:{@  - id: two})",
    ),
    "case study: a number already given": case(
        "case_studies", "case_studies.yml", "  - id: three\n    number: 3\n", "  - id: three\n    number: 2\n",
        "data/case_studies.yml:{@    number: 2\n    title: \"Marie and Brian\"}: case_studies[2].number: number 2 is already given to the case study 'two' "
        "at data/case_studies.yml:{@    number: 2}; each case study needs its own number",
    ),
    "case study: dangling illustrates": case(
        "case_studies", "case_studies.yml", "    illustrates: [disguised-compliance]", "    illustrates: [disguised-complience]",
        "data/case_studies.yml:{@    illustrates: [disguised-complience]}: case_studies[1].illustrates[0]: unknown resistance type 'disguised-complience' (did you mean 'disguised-compliance'?)",
    ),
    "case study: dangling citation in a question": case(
        "case_studies", "case_studies.yml", '      - "Are we at risk of becoming inured', '      - "([Nobody, 2020](cite:nope)) Are we at risk of becoming inured',
        "data/case_studies.yml:{@      - \"([Nobody}: case_studies[1].questions[0]: citation of unknown reference 'nope'",
    ),
    # ---- factor_lists ---------------------------------------------------------------------
    "factor list: no items": case(
        "factor_lists", "factor_lists.yml", '    title: "Internal and external factors"\n    items:\n', '    title: "Internal and external factors"\n    items: []\n    old_items:\n',
        "data/factor_lists.yml:{@    items: []}: factor_lists[0].items: must not be empty",
        "data/factor_lists.yml:{@    old_items:}: factor_lists[0].old_items: unknown field 'old_items' (did you mean 'items'?)",
    ),
    "factor list: number as an item": case(
        "factor_lists", "factor_lists.yml", '      - "Shame, ambivalence and lack of confidence"', "      - 3",
        "data/factor_lists.yml:{@      - 3}: factor_lists[0].items[2]: expected text, got 3; put quotes around it if it is meant as text",
    ),
    "factor list: heading inside an item": case(
        "factor_lists", "factor_lists.yml", '      - "Shame, ambivalence and lack of confidence"', '      - "# Shame"',
        "data/factor_lists.yml:{@      - \"# Shame\"}: factor_lists[0].items[2]: " + HEADINGS,
    ),
    # ---- key_messages ---------------------------------------------------------------------
    "key messages: part out of range": case(
        "key_messages", "key_messages.yml", "    part: 3\n", "    part: 7\n",
        "data/key_messages.yml:{@    part: 7}: key_messages[1].part: input should be less than or equal to 6",
    ),
    "key messages: part written as a word": case(
        "key_messages", "key_messages.yml", "    part: 3\n", "    part: three\n",
        "data/key_messages.yml:{@    part: three}: key_messages[1].part: expected a whole number, got 'three'",
    ),
    "key messages: text where a list belongs": case(
        "key_messages", "key_messages.yml", "    part: 1\n    messages:\n", '    part: 1\n    messages: "Resistance is common."\n    more:\n',
        "data/key_messages.yml:{@    messages: \"Resistance}: key_messages[0].messages: expected a list (lines starting with '- '), got 'Resistance is common.'",
        "data/key_messages.yml:{@    more:}: key_messages[0].more: unknown field 'more'",
    ),
    # ---- question_sets --------------------------------------------------------------------
    "question set: dangling addresses": case(
        "question_sets", "question_sets.yml", "    addresses: [disguised-compliance, active-non-compliance]", "    addresses: [disguised-compliance, active-noncompliance]",
        "data/question_sets.yml:{@active-noncompliance}: question_sets[0].addresses[1]: unknown resistance type 'active-noncompliance' (did you mean 'active-non-compliance'?)",
    ),
    "question set: number where true/false belongs": case(
        "question_sets", "question_sets.yml", "    numbered: true\n", "    numbered: 1\n",
        "data/question_sets.yml:{@    numbered: 1}: question_sets[0].numbered: expected true or false, got 1",
    ),
    "question set: empty question": case(
        "question_sets", "question_sets.yml", '      - "What need is it meeting for the parent/carer?"', '      - " "',
        'data/question_sets.yml:{@      - " "}: question_sets[0].questions[1]: must not be empty',
    ),
    # ---- courses --------------------------------------------------------------------------
    "course: a session with a date and a start": case(
        "courses", "courses.yml", "      - date: 2099-09-15\n", "      - date: 2099-09-15\n        start: 2099-09-14\n",
        "data/courses.yml:{@      - date: 2099-09-15}: courses[0].sessions[2].date: give either date (a one-day session) or start and end (several days), not both",
    ),
    "course: a session with no day": case(
        "courses", "courses.yml", "      - date: 2099-09-15\n        venue:", "      - places: 12\n        venue:",
        "data/courses.yml:{@      - places: 12}: courses[0].sessions[2]: a session needs its day, date: YYYY-MM-DD, or for several days both start: and end:",
    ),
    "course: a session that ends before it starts": case(
        "courses", "courses.yml", "        end: 2099-03-04", "        end: 2099-03-01",
        "data/courses.yml:{@        end: 2099-03-01}: courses[0].sessions[1].end: the session ends (2099-03-01) before it starts (2099-03-03)",
    ),
    "course: a session's date written the British way": case(
        "courses", "courses.yml", "      - date: 2099-09-15", "      - date: 15/09/2099",
        "data/courses.yml:{@      - date: 15/09/2099}: courses[0].sessions[2].date: expected a date written as YYYY-MM-DD, got '15/09/2099'",
    ),
    "course: replaced but not withdrawn": case(
        "courses", "courses.yml", "    withdrawn: 2026-06-30\n", "",
        "data/courses.yml:{@    replaced_by: sandstories}: courses[2].replaced_by: only a withdrawn entry is replaced: add withdrawn: YYYY-MM-DD (the day it was withdrawn), or remove replaced_by",
    ),
    "resource: superseded by an unknown resource": case(
        "resources", "resources.yml", "    superseded_by: c4eo-highly-resistant-families", "    superseded_by: c4eo-highly-resistant-familes",
        "data/resources.yml:{@    superseded_by: c4eo}: resources[0].superseded_by: unknown resource 'c4eo-highly-resistant-familes' (did you mean 'c4eo-highly-resistant-families'?)",
    ),
    "course: dangling tool": case(
        "courses", "courses.yml", "    tools: [motivational-interviewing]", "    tools: [motivational-interviewin]",
        "data/courses.yml:{@    tools: [motivational-interviewin]}: courses[3].tools[0]: unknown tool 'motivational-interviewin' (did you mean 'motivational-interviewing'?)",
    ),
    "course: length outside the vocabulary": case(
        "courses", "courses.yml", '    length: "2 days"', '    length: "two days"',
        f"data/courses.yml:{{@    length: \"two days\"}}: courses[0].length: 'two days' is not one of the allowed values: {LENGTHS}",
    ),
    "course: unknown audience": case(
        "courses", "courses.yml", "    audience: [frontline, single-agency, multi-agency]", "    audience: [frontline, single-agency, everyone]",
        f"data/courses.yml:{{@    audience: [frontline, single-agency, everyone]}}: courses[0].audience[2]: 'everyone' is not one of the allowed values: {AUDIENCES}",
    ),
    "course: email that is not an email": case(
        "courses", "courses.yml", '      email: "info@futurechildcaretraining.com"', '      email: "not-an-email"',
        "data/courses.yml:{@      email: \"not-an-email\"}: courses[2].contact.email: 'not-an-email' is not an email address",
    ),
    "course: javascript: URL": case(
        "courses", "courses.yml", '      url: "http://www.reconstruct.co.uk"', '      url: "javascript:alert(1)"',
        "data/courses.yml:{@      url: \"javascript:}: courses[0].contact.url: 'javascript:alert(1)' is not a web address (http:// or https://) or a mailto: address",
    ),
    "course: missing learning outcomes": case(
        "courses", "courses.yml", "    learning_outcomes:\n      numbered: false\n", "    outcomes:\n      numbered: false\n",
        "data/courses.yml:{@  - id: reconstruct-difficult-dangerous-evasive}: courses[0].learning_outcomes: this required field is missing",
        "data/courses.yml:{@    outcomes:}: courses[0].outcomes: unknown field 'outcomes' (did you mean 'learning_outcomes'?)",
    ),
    "course: text where a group of fields belongs": case(
        "courses", "courses.yml", '    contact:\n      url: "http://www.reconstruct.co.uk"\n', '    contact: "http://www.reconstruct.co.uk"\n',
        "data/courses.yml:{@    contact: \"http}: courses[0].contact: expected a group of fields ('name: value' lines), got 'http://www.reconstruct.co.uk'",
    ),
    # ---- training_resources ---------------------------------------------------------------
    "training resource: address without a scheme": case(
        "training_resources", "training_resources.yml", '    url: "https://youtube/nbRIMeAWY_Y"', '    url: "www.example.org"',
        "data/training_resources.yml:{@    url: \"www.example.org\"}: training_resources[1].url: 'www.example.org' is not a web address (http:// or https://) or a mailto: address",
    ),
    "training resource: data: URL": case(
        "training_resources", "training_resources.yml", '    url: "http://www.gov.scot/Resource/0040/00408604.pdf"', '    url: "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg=="',
        "data/training_resources.yml:{@    url: \"data:}: training_resources[0].url: 'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==' is not a web address (http:// or https://) or a mailto: address",
    ),
    "training resource: duplicate id": case(
        "training_resources", "training_resources.yml", "  - id: resilience-matrix\n", "  - id: national-risk-framework\n",
        "data/training_resources.yml:{@  - id: national-risk-framework\n    title: \"Resilience}: training_resources[1].id: duplicate id 'national-risk-framework' (already used at data/training_resources.yml:{@  - id: national-risk-framework})",
    ),
    # ---- tools ----------------------------------------------------------------------------
    "tool: javascript: URL": case(
        "tools", "tools.yml", '    url: "http://www.signsofsafety.net/signs-of-safety-2/"', '    url: "javascript:alert(1)"',
        "data/tools.yml:{@    url: \"javascript:}: tools[2].url: 'javascript:alert(1)' is not a web address (http:// or https://) or a mailto: address",
    ),
    "tool: web address with no site": case(
        "tools", "tools.yml", '    url: "http://www.signsofsafety.net/signs-of-safety-2/"', '    url: "https://"',
        "data/tools.yml:{@    url: \"https://\"}: tools[2].url: the address 'https://' has no site name after '//'",
    ),
    "tool: dangling addresses": case(
        "tools", "tools.yml", "    addresses: [disguised-compliance, active-non-compliance]", "    addresses: [disguised-compliance, nope]",
        "data/tools.yml:{@    addresses: [disguised-compliance, nope]}: tools[3].addresses[1]: unknown resistance type 'nope'",
    ),
    "tool: unknown key": case(
        "tools", "tools.yml", '    authors: "Dendy Platt & Katie Riches"', '    author: "Dendy Platt & Katie Riches"',
        "data/tools.yml:{@    author:}: tools[3].author: unknown field 'author' (did you mean 'authors'?)",
    ),
    # ---- resources ------------------------------------------------------------------------
    "resource: dangling reference": case(
        "resources", "resources.yml", "    reference: c4eo-2010", "    reference: c4eo-2011",
        "data/resources.yml:{@    reference: c4eo-2011}: resources[2].reference: unknown reference 'c4eo-2011' (did you mean 'c4eo-2010'?)",
    ),
    "resource: availability with nothing in it": case(
        "resources", "resources.yml", '      - note: "ALSO ATTACHED AS APPENDIX"', "      - url: null",
        "data/resources.yml:{@      - url: null}: resources[1].available_from[1]: give a url, a contact or a note",
    ),
    "resource: javascript: URL in availability": case(
        "resources", "resources.yml",
        '      - url: "http://archive.c4eo.org.uk/themes/safeguarding/files/safeguarding_knowledge_review.pdf"',
        '      - url: "JavaScript:alert(document.cookie)"',
        "data/resources.yml:{@      - url: \"JavaScript}: resources[2].available_from[0].url: 'JavaScript:alert(document.cookie)' is not a web address (http:// or https://) or a mailto: address",
    ),
    # date_published is text ("August 6 th 2010"), yet an impossible date is tested here because
    # YAML itself reads an unquoted 2026-13-45 as a date, whatever the field.
    "resource: impossible date": case(
        "resources", "resources.yml", '    date_published: "2010"', "    date_published: 2026-13-45",
        "data/resources.yml:{@    date_published: 2026-13-45}: resources[0].date_published: '2026-13-45' is not a real date; write dates as YYYY-MM-DD, and put quotes around text that only looks like a date",
    ),
    "resource: unquoted date in a text field": case(
        "resources", "resources.yml", '    date_published: "2010"', "    date_published: 2010-08-06",
        "data/resources.yml:{@    date_published: 2010-08-06}: resources[0].date_published: expected text, got 2010-08-06; put quotes around it if it is meant as text",
    ),
    "case study: impossible review date": case(
        "case_studies", "case_studies.yml", "    number: 2\n", "    number: 2\n    reviewed: 2026-13-45\n",
        "data/case_studies.yml:{@    reviewed:}: case_studies[1].reviewed: '2026-13-45' is not a real date; write dates as YYYY-MM-DD, and put quotes around text that only looks like a date",
    ),
    "case study: quoted impossible review date": case(
        "case_studies", "case_studies.yml", "    number: 2\n", '    number: 2\n    reviewed: "2026-13-45"\n',
        "data/case_studies.yml:{@    reviewed:}: case_studies[1].reviewed: expected a date written as YYYY-MM-DD, got '2026-13-45'",
    ),
    # ---- references -----------------------------------------------------------------------
    "reference: duplicate id": case(
        "references", "references.yml", "  - id: brandon-2009\n", "  - id: barnsdale-walker-2007\n",
        "data/references.yml:{@  - id: barnsdale-walker-2007\n    as_printed: \"Brandon}: references[1].id: duplicate id 'barnsdale-walker-2007' (already used at data/references.yml:{@  - id: barnsdale-walker-2007})",
    ),
    "reference: printed entry disagrees with its fields": case(
        "references", "references.yml", '    year: "2007"', '    year: "2008"',
        "data/references.yml:{@  - id: barnsdale-walker-2007}: references[0]: as_printed does not contain the year '2008'",
    ),
    "reference: year as a number": case(
        "references", "references.yml", '    year: "2007"', "    year: 2007",
        "data/references.yml:{@    year: 2007}: references[0].year: expected text, got 2007; put quotes around it if it is meant as text",
    ),
    # ---- glossary -------------------------------------------------------------------------
    "glossary: duplicate term": case(
        "glossary", "glossary.yml", '  - term: "BASW"', '  - term: "A&E"',
        "data/glossary.yml:{@  - term: \"A&E\"\n    expansion: \"British}: glossary[1].term: duplicate term 'A&E' (already used at data/glossary.yml:{@  - term: \"A&E\"})",
    ),
    "glossary: empty expansion": case(
        "glossary", "glossary.yml", '    expansion: "Child Protection Committee"', '    expansion: ""',
        'data/glossary.yml:{@    expansion: ""}: glossary[3].expansion: must not be empty',
    ),
    "glossary: missing expansion": case(
        "glossary", "glossary.yml", '  - term: "CPC"\n    expansion: "Child Protection Committee"\n', '  - term: "CPC"\n',
        'data/glossary.yml:{@  - term: "CPC"}: glossary[3].expansion: this required field is missing',
    ),
    # ---- search_phrases ------------------------------------------------------------------
    "search phrase: no words": case(
        "search_phrases", "search_phrases.yml", '    words: ["cancel", "cancelled", "called off the visit"]', "    words: []",
        "data/search_phrases.yml:{@    words: []}: search_phrases[0].words: must not be empty",
    ),
    "search phrase: a phrase longer than search matches": case(
        "search_phrases", "search_phrases.yml", '"called off the visit"', '"called off the home visit"',
        "data/search_phrases.yml:{@    words: [}: search_phrases[0].words[2]: has 5 words; a phrase has at most 4, as search matches runs "
        "of up to 4 words typed: shorten it, or give its parts as phrases of their own",
    ),
    "search phrase: one term, not a list": case(
        "search_phrases", "search_phrases.yml", '    means: ["missing appointments"]', '    means: "missing appointments"',
        "data/search_phrases.yml:{@    means: \"missing}: search_phrases[0].means: expected a list (lines starting with '- '), got 'missing appointments'",
    ),
    # ---- ready_reckoner -------------------------------------------------------------------
    "ready reckoner: action for a visit that does not exist": case(
        "ready_reckoner", "ready_reckoner.yml", "    - visit: 3\n", "    - visit: 4\n",
        "data/ready_reckoner.yml:{@ready_reckoner:}: ready_reckoner: an action is given for visit 4, but there are only 3 visits",
    ),
    "ready reckoner: id that is not an id": case(
        "ready_reckoner", "ready_reckoner.yml", "    - id: deflect-attention", '    - id: "Deflect Attention"',
        "data/ready_reckoner.yml:{@    - id: \"Deflect}: ready_reckoner.indicators[0].id: 'Deflect Attention' is not a valid id; use lowercase letters, digits and single hyphens, e.g. 'disguised-compliance'",
    ),
    "ready reckoner: no visits": case(
        "ready_reckoner", "ready_reckoner.yml", '  visits: ["Visit 1", "Visit 2", "Visit 3"]', "  visits: []",
        "data/ready_reckoner.yml:{@  visits: []}: ready_reckoner.visits: must not be empty",
    ),
    "ready reckoner: missing": case("ready_reckoner", "ready_reckoner.yml", None, None, "data/:1: no file gives the ready_reckoner (see docs/kinds.md)"),
    "ready reckoner: given twice": case(
        "ready_reckoner", "reckoner-copy.yml", None, 'ready_reckoner:\n  title: "T"\n  heading: "H"\n  source: "S"\n  visits: ["V"]\n  indicators:\n    - {id: a, text: "A"}\n  actions:\n    - {visit: 1, text: "Act"}\n',
        "data/reckoner-copy.yml:1: ready_reckoner: ready_reckoner is already given in data/ready_reckoner.yml",
    ),
    # ---- text that could run or load from elsewhere: refused with an exact message ----------
    "javascript: link": in_narrative("[click](javascript:alert(1))", scheme("javascript:alert(1)")),
    "JaVaScRiPt: link in a course description": case(
        "courses", "courses.yml", "      Practitioners working with child protection", "      [more](JaVaScRiPt:alert(1)) Practitioners working with child protection",
        f"data/courses.yml:{{@    description: |\n      [more]}}: courses[0].description: {scheme('JaVaScRiPt:alert(1)')}",
    ),
    "data: link in a tool description": case(
        "tools", "tools.yml", "      Motivational interviewing is a counselling method", "      [x](data:text/html;base64,PHNjcmlwdD4=) Motivational interviewing is a counselling method",
        f"data/tools.yml:{{@    description: |\n      [x](data}}: tools[0].description: {scheme('data:text/html;base64,PHNjcmlwdD4=')}",
    ),
    "vbscript: link in a resource description": case(
        "resources", "resources.yml", "      This factsheet briefly explains", "      [x](vbscript:msgbox(1)) This factsheet briefly explains",
        f"data/resources.yml:{{@    description: |\n      [x](vb}}: resources[0].description: {scheme('vbscript:msgbox(1)')}",
    ),
    "javascript: link in angle brackets": case(
        "case_studies", "case_studies.yml", '      - "What assumptions', '      - "[x](<javascript:alert(1)>) What assumptions',
        f"data/case_studies.yml:{{@      - \"[x](<java}}: case_studies[0].questions[0]: the link '<javascript:alert(1)>' {NOT_A_PAGE}",
    ),
    "javascript: link after spaces": in_narrative("[click](   javascript:alert(1))", scheme("javascript:alert(1)")),
    # As the browser reads it: the character reference decoded, the scheme found.
    "javascript: link hidden in a character reference": in_narrative("[click](&#106;avascript:alert(1))", scheme("javascript:alert(1)")),
    "reference-style javascript: definition": in_narrative("[click][x]\n\n      [x]: javascript:alert(1)", scheme("javascript:alert(1)")),
    # The issue's trial: a definition indented inside a list, which Markdown reads once it strips the list's indentation.
    "javascript: definition indented in a list": in_narrative("- A list item.\n\n          [x]: javascript:alert(document.domain)\n\n      Read the [case notes][x] first.",
                                                               scheme("javascript:alert(document.domain)")),
    # A definition nothing on this entry uses: another field on the same page could.
    "javascript: definition used nowhere": in_narrative("Notes.\n\n      [unused]: javascript:alert(1)", scheme("javascript:alert(1)")),
    "reference-style data: definition in angle brackets": case(
        "key_messages", "key_messages.yml", '      - "Cooperation should not be automatically viewed as a protective factor"', '      - "[x]: <data:text/html,hi>"',
        f"data/key_messages.yml:{{@      - \"[x]:}}: key_messages[0].messages[4]: the link '<data:text/html,hi' {NOT_A_PAGE}",
    ),
    "reference-style vbscript: definition in a quote": case(
        "factor_lists", "factor_lists.yml", '      - "Shame, ambivalence and lack of confidence"', '      - "> [x]: vbscript:msgbox(1)"',
        f"data/factor_lists.yml:{{@      - \"> [x]}}: factor_lists[0].items[2]: {scheme('vbscript:msgbox(1)')}",
    ),
    "image from another site": case(
        "question_sets", "question_sets.yml", '      - "What need is it meeting for the parent/carer?"', '      - "What need is it meeting? ![pixel](http://tracker.example/p.png)"',
        "data/question_sets.yml:{@      - \"What need is it meeting?}: question_sets[0].questions[1]: the picture 'http://tracker.example/p.png' " + OFF_SITE_PICTURE,
    ),
    "reference-style image": in_narrative("![logo][l]\n\n      [l]: https://tracker.example/logo.png", "the picture 'https://tracker.example/logo.png' " + OFF_SITE_PICTURE),
    "short reference image, defined on a later line": in_narrative("![pixel] marks\n\n      [pixel]: https://tracker.example/p.png", "the picture 'https://tracker.example/p.png' " + OFF_SITE_PICTURE),
    # Markdown's parser recurses a level at a time: these stopped the build with a traceback.
    "lists nested 3,000 deep": in_narrative("- " * 3000 + "x", "the text puts 20 or more lists or quotes inside each other on one line; write it flatter"),
    "a run of 10,000 asterisks": in_narrative("*" * 10000 + "x", "the text holds a run of 50 or more '*' in a row, which is not writing; write it as text"),
    "a paragraph of 3,000 brackets": in_narrative("[*" * 3000 + "x", "a paragraph holds 3,000 '[', which takes Markdown too long to read; split it, or write the brackets as \\["),
    "setext heading": in_narrative("A title of its own\n      ==================", HEADINGS),
    "mail link copying someone in secret": in_narrative("[write](mailto:cpc@example.org?bcc=watcher@example.org)",
                                                         "the mail address 'mailto:cpc@example.org?bcc=watcher@example.org' carries extra fields after '?' (such as cc or bcc); give the address alone"),
    "attribute list with an event handler": in_narrative('A paragraph.\n      {: onclick="alert(1)" }', "attribute lists ('{: ...}') are not allowed in data text"),
    "short attribute list": case(
        "glossary", "glossary.yml", '    expansion: "Accident and Emergency"\n', '    expansion: "Accident and Emergency"\n    note: "Hospital{onmouseover=alert(1)}"\n',
        "data/glossary.yml:{@    note:}: glossary[0].note: attribute lists ('{: ...}') are not allowed in data text",
    ),
    "script tag in a case study title": case(
        "case_studies", "case_studies.yml", '    title: "Jane and Steven"', '    title: "Jane and Steven<script>window.__pwned=1</script>"',
        f"data/case_studies.yml:{{@    title: \"Jane}}: case_studies[0].title: {ONE_LINE}",
    ),
    "closing title tag in a resource title": case(
        "resources", "resources.yml", '    title: "Disguised Compliance"', "    title: \"Disguised Compliance</title><img src=x onerror='window.__pwned=2'>\"",
        f"data/resources.yml:{{@    title: \"Disguised Compliance<}}: resources[0].title: {ONE_LINE}",
    ),
    "event handler in a glossary expansion": case(
        "glossary", "glossary.yml", '    expansion: "Accident and Emergency"', "    expansion: \"Accident and Emergency <svg onload='window.__pwned=3'>\"",
        f"data/glossary.yml:{{@    expansion: \"Accident}}: glossary[0].expansion: {ONE_LINE}",
    ),
    "script tag in the site name": case(
        "site", "site.yml", '  site_name: "Working with Resistance"', '  site_name: "Working with Resistance</title><script>alert(1)</script>"',
        f"data/site.yml:{{@  site_name:}}: site.site_name: {ONE_LINE}",
    ),
    "character references in a tool title": case(
        "tools", "tools.yml", '    title: "Signs of Safety"', '    title: "Signs of Safety &lt;/title&gt;&lt;script&gt;alert(1)&lt;/script&gt;"',
        f"data/tools.yml:{{@    title: \"Signs of Safety &}}: tools[2].title: {ONE_LINE}",
    ),
    "vbscript: URL field": case(
        "tools", "tools.yml", '    url: "http://www.motivationalinterviewing.org/"', '    url: "vbscript:msgbox(1)"',
        f"data/tools.yml:{{@    url: \"vbscript}}: tools[0].url: 'vbscript:msgbox(1)' {NOT_A_URL}",
    ),
    "mailto: URL hiding a script": case(
        "courses", "courses.yml", '      url: "http://www.reconstruct.co.uk"', '      url: "mailto:javascript:alert(1)"',
        "data/courses.yml:{@      url: \"mailto}: courses[0].contact.url: 'mailto:javascript:alert(1)' is not a mail address",
    ),
    "URL breaking out of its attribute": case(
        "training_resources", "training_resources.yml", '    url: "https://youtube/nbRIMeAWY_Y"', "    url: 'https://example.org/\" onmouseover=\"alert(1)'",
        f"data/training_resources.yml:{{@    url: 'https}}: training_resources[1].url: 'https://example.org/\" onmouseover=\"alert(1)' {NOT_A_URL}",
    ),
    # ---- site, contacts, changelog ---------------------------------------------------------
    "site: colour that is not a colour": case(
        "site", "site.yml", '    primary: "#1f4e79"', '    primary: "navy"',
        "data/site.yml:{@    primary: \"navy\"}: site.colours.primary: 'navy' is not a colour written as #rrggbb",
    ),
    "site: a name that would end the theme's attribute": case(
        "site", "site.yml", '  site_name: "Working with Resistance"', '  site_name: "Riverside\\" onmouseover=\\"alert(1)"',
        "data/site.yml:{@  site_name:}: site.site_name: the theme writes this name into the pages' HTML as it is, where a double quote (\") would end it; write ’ or “ ” instead",
    ),
    "site: a committee name that would redirect every page": case(
        "site", "site.yml", '  committee_name: "', '  committee_name: "0;url=https://evil.example/\\" http-equiv=\\"refresh" #',
        "data/site.yml:{@  committee_name:}: site.committee_name: the theme writes this name into the pages' HTML as it is, where a double quote (\") would end it; write ’ or “ ” instead",
    ),
    "site: missing contact address": case(
        "site", "site.yml", '    email: "feedback@example.org"\n', "",
        "data/site.yml:{@  contact:}: site.contact.email: this required field is missing",
    ),
    "local contact: email that is not an email": case(
        "contacts", "local/contacts.yml", None, 'contacts:\n  - id: duty-team\n    name: "Duty team"\n    email: "duty at riverside"\n',
        "data/local/contacts.yml:4: contacts[0].email: 'duty at riverside' is not an email address",
    ),
    "edition: a review due before the edition was published": case(
        "edition", "edition.yml", "  review_due: 2030-11-25", "  review_due: 2025-11-20",
        "data/edition.yml:{@  review_due:}: edition.review_due: the next review (2025-11-20) must come after the edition was published (2026-11-25)",
    ),
    "edition: a version missing": case(
        "edition", "edition.yml", '  version: "1.0"\n', "",
        "data/edition.yml:{@edition:}: edition.version: this required field is missing",
    ),
    "edition: last year's version still in site.yml": case(
        "site", "site.yml", "site:\n", 'site:\n  version: "1.1"\n',
        "data/site.yml:{@  version:}: site.version: the version is now the edition's: write it as 'version:' under 'edition:' "
        "in data/edition.yml (a committee's own in data/local/edition.yml), and delete it here",
    ),
    "change log: date that is not a date": case(
        "changelog", "changelog.yml", "  - date: 2026-11-25", "  - date: 25/11/2026",
        "data/changelog.yml:{@  - date: 25/11/2026}: changelog[0].date: expected a date written as YYYY-MM-DD, got '25/11/2026'",
    ),
    # ---- the book: the site's structure --------------------------------------------------------
    "book: a menu item with a page and pages": case(
        "book", "book.yml", "      page: print.md\n  print_page", '      page: print.md\n      pages:\n        - {title: "x", page: x.md}\n  print_page',
        "data/book.yml:{@    - title: \"The whole}: book.menu[0]: give either page (one page) or pages (a group of pages)",
    ),
    "book: two Parts with one name": case(
        "book", "book.yml", "      page: print.md\n  print_page", '      page: print.md\n      part: whole\n    - title: "Again"\n      page: print.md\n      part: whole\n  print_page',
        "data/book.yml:{@      part: whole\n  print}: book.menu[1].part: part 'whole' is already given to menu[0]",
    ),
    "book: a page written as an address": case(
        "book", "book.yml", "      page: print.md\n", "      page: /print/\n",
        "data/book.yml:{@      page: /print/}: book.menu[0].page: '/print/' is not a page of content/ (a path ending in .md, from content/), with an optional #section",
    ),
    # ---- training packs -------------------------------------------------------------------
    "pack: key sentences not word for word": case(
        "packs", "packs.yml", "          - case_study: one\n", "          - case_study: one\n            key_sentences: [\"Jane is a teacher.\"]\n",
        "data/packs.yml:{@            key_sentences:}: packs[0].sessions[0].items[0].key_sentences[0]: this is not word for word in the case study 'one': "
        "copy the sentence exactly from its text",
    ),
    "pack: key sentences on the trainer's own item": case(
        "packs", "packs.yml", "          - agenda: true\n", "          - agenda: true\n            key_sentences: [\"Jane is a teacher.\"]\n",
        "data/packs.yml:{@            key_sentences:}: packs[0].sessions[1].items[0].key_sentences: key sentences are chosen from an item of the portfolio "
        "(a case study's narrative), not from the trainer's own",
    ),
    "pack: unknown case study": case(
        "packs", "packs.yml", "          - case_study: one\n", "          - case_study: onee\n",
        "data/packs.yml:{@          - case_study: onee}: packs[0].sessions[0].items[0].case_study: unknown case study 'onee' (did you mean 'one'?); "
        "the case studies are: one, two, three",
    ),
    "pack: unknown behaviour": case(
        "packs", "packs.yml", "behaviour: disguised-compliance", "behaviour: disguised-complience",
        "data/packs.yml:{@disguised-complience}: packs[0].sessions[0].items[2].behaviour: unknown resistance type 'disguised-complience' "
        "(did you mean 'disguised-compliance'?); the resistance types are: failure-to-enable-necessary-contact, active-non-compliance, "
        "disguised-compliance, threats-of-violence-or-intimidation, online-behaviours",
    ),
    "pack: an item named twice": case(
        "packs", "packs.yml", "          - ready_reckoner: true\n", "          - ready_reckoner: true\n          - question_set:   assessment\n",
        "data/packs.yml:{@question_set:   assessment}: packs[0].sessions[0].items[5].question_set: question set 'assessment' is already in this "
        "pack at sessions[0].items[1]; name each item once",
    ),
    "pack: an item naming two entries": case(
        "packs", "packs.yml", "          - tool: motivational-interviewing\n", "          - tool: motivational-interviewing\n            case_study: two\n",
        "data/packs.yml:{@          - tool: motivational}: packs[0].sessions[0].items[3]: name exactly one item: behaviour, case_study, question_set, "
        "tool or ready_reckoner: true; or one of the trainer's own: agenda: true, outcomes, activity, discussion, break: true, slide",
    ),
    "pack: misspelt item field": case(
        "packs", "packs.yml", "          - behaviour: disguised-compliance", "          - behavior: disguised-compliance",
        "data/packs.yml:{@behavior}: packs[0].sessions[0].items[2].behavior: unknown field 'behavior' (did you mean 'behaviour'?)",
    ),
    "pack: no sessions": case(
        "packs", "packs.yml", None, 'packs:\n  - id: empty\n    title: "Empty"\n    audience: "Anyone"\n    duration: "1 hour"\n    sessions: []\n',
        "data/packs.yml:6: packs[0].sessions: must not be empty",
    ),
    "pack: a session with no items": case(
        "packs", "packs.yml", None, 'packs:\n  - id: empty\n    title: "Empty"\n    audience: "Anyone"\n    duration: "1 hour"\n    sessions:\n'
                                    '      - title: "Nothing yet"\n        items: []\n',
        "data/packs.yml:8: packs[0].sessions[0].items: must not be empty",
    ),
    "pack: duration as a number": case(
        "packs", "packs.yml", '    duration: "1 hour"', "    duration: 60",
        "data/packs.yml:{@    duration: 60}: packs[0].duration: expected text, got 60; put quotes around it if it is meant as text",
    ),
    "pack: a trainer's slide with no title": case(
        "packs", "packs.yml", '            title: "Close"\n', "",
        "data/packs.yml:{@          - slide:}: packs[0].sessions[1].items[5].title: a slide of the trainer's needs a title: add title: \"...\"",
    ),
    "pack: a title on the portfolio's item": case(
        "packs", "packs.yml", "          - case_study: one\n", '          - case_study: one\n            title: "My case"\n',
        "data/packs.yml:{@My case}: packs[0].sessions[0].items[0].title: title is for the trainer's own items (agenda, outcomes, activity, "
        "discussion, break, slide); the portfolio's case study keeps its own title and text",
    ),
    "pack: grouping on a discussion": case(
        "packs", "packs.yml", "          - discussion: ", '          - grouping: "Pairs"\n            discussion: ',
        "data/packs.yml:{@Pairs\"\n            discussion}: packs[0].sessions[1].items[4].grouping: grouping is for an activity (how the group works on it), "
        "not a discussion",
    ),
    "pack: items longer than their session": case(
        "packs", "packs.yml", "        minutes: 30\n        items:\n          - agenda", "        minutes: 20\n        items:\n          - agenda",
        "data/packs.yml:{@        minutes: 20}: packs[0].sessions[1].minutes: the session's items take 30 minutes, more than its 20: "
        "give the session more minutes, or its items fewer",
    ),
    "pack: minutes as text": case(
        "packs", "packs.yml", "            minutes: 5\n          - discussion", '            minutes: "five"\n          - discussion',
        "data/packs.yml:{@five}: packs[0].sessions[1].items[3].minutes: expected a whole number, got 'five'",
    ),
    "pack: a start that is no time of day": case(
        "packs", "packs.yml", '    starts: "09:30"', '    starts: "9.30am"',
        "data/packs.yml:{@9.30am}: packs[0].starts: '9.30am' is not a time of day: write it as HH:MM, e.g. 09:30",
    ),
    # ---- data/local/ ---------------------------------------------------------------------
    # A committee's overlay: only the kinds the registry allows, and a core id reused only with `replaces: true`.
    "local file adding a kind a committee may not add": case(
        "tools", "local/tools.yml", None, MI_TOOL,
        "data/local/tools.yml:1: tools: a committee cannot add tools in data/local/, where nothing may read as the portfolio's own text; "
        "data/local/ holds only case studies, courses, resources, local contacts, training packs, edition details and site settings",
    ),
    "local case study giving its number": case(
        "case_studies", "local/case_studies.yml", None, LOCAL_CASE,
        "data/local/case_studies.yml:3: case_studies[0].number: the site numbers a committee's case studies itself, after the portfolio's "
        "(this one is number 4); delete this line",
    ),
    "local case study reusing a core id": case(
        "case_studies", "local/case_studies.yml", None, LOCAL_CASE.replace("    number: 8\n", "").replace("id: eight", "id: one"),
        "data/local/case_studies.yml:2: case_studies[0].id: id 'one' is already used by the core entry at "
        "data/case_studies.yml:{@case_studies.yml|  - id: one}; a local file cannot replace this kind of entry, choose another id",
    ),
    "local resource reusing a core id without replacing it": case(
        "resources", "local/resources.yml", None, LOCAL_RESOURCE,
        "data/local/resources.yml:2: resources[0].id: id 'nspcc-disguised-compliance-factsheet' is already used by the core entry at "
        "data/resources.yml:{@resources.yml|  - id: nspcc-disguised-compliance-factsheet}; add 'replaces: true' to replace it, or choose another id",
    ),
}

def test_corpus_covers_every_kind():
    """Each kind in the registry has hand-written cases here (tests/loading/test_kind_contract.py adds the generic ones)."""
    counts = {kind.name: sum(1 for c in CASES.values() if c.kind == kind.name) for kind in KINDS}
    assert {c.kind for c in CASES.values()} <= set(counts)
    assert all(counts.values()), counts


@pytest.mark.parametrize("name", CASES)
def test_bad_input_gives_exact_messages(data_dir, name):
    bad = CASES[name]
    apply_edits(data_dir, bad.edits)
    expected = [expand(message, data_dir, bad.file) for message in bad.expected]
    assert messages(data_dir) == expected


# ---- through the real command line --------------------------------------------------------

CLI_CASES = {
    "tab": "tab used for indentation",
    "alias bomb": "YAML alias bomb (billion laughs)",
    "impossible date": "resource: impossible date",
    "javascript url": "tool: javascript: URL",
    "5 MB field": "a 5 MB field",
    "local case study giving its number": "local case study giving its number",
    "script tag in a title": "script tag in a case study title",
}


def snapshot(folder: Path) -> dict[str, str]:
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def earlier_site(tmp_path_factory) -> Path:
    """A site built from the unchanged project, standing for what a server already publishes."""
    project = fixture_project(tmp_path_factory.mktemp("clean") / "project")
    out = tmp_path_factory.mktemp("earlier") / "site"
    result = run_mkdocs(["build", "--strict", "-d", str(out)], cwd=project)
    assert result.returncode == 0, result.stderr
    return out


def check_failed_build(result, expected: str, out: Path, before: dict[str, str]) -> None:
    assert result.returncode != 0
    assert expected in result.stderr, result.stderr
    assert "Traceback" not in result.stderr + result.stdout
    assert snapshot(out) == before, "a failed build must leave the earlier site as it was"


@pytest.mark.builds
@pytest.mark.parametrize("name", CLI_CASES, ids=list(CLI_CASES))
def test_bad_input_stops_the_real_build(tmp_path, earlier_site, name):
    bad = CASES[CLI_CASES[name]]
    project = fixture_project(tmp_path / "project")
    apply_edits(project / "data", bad.edits)
    [expected] = [expand(message, project / "data", bad.file) for message in bad.expected]
    out = tmp_path / "out"
    shutil.copytree(earlier_site, out)
    before = snapshot(out)

    result = run_mkdocs(["build", "--strict", "-d", str(out)], cwd=project)

    check_failed_build(result, expected, out, before)


@pytest.mark.builds
def test_dangling_citation_in_a_content_page_stops_the_real_build(tmp_path, earlier_site):
    """Checked while the pages are read, after mkdocs has started on the output folder (atomic builds keep it)."""
    project = fixture_project(tmp_path / "project")
    page = project / "content" / "part-one" / "index.md"
    text = page.read_text(encoding="utf-8")
    target = re.search(r"\]\(cite:([a-z0-9-]+)\)", text)
    assert target, "expected a citation on the fixture's content/part-one/index.md"
    line = text.count("\n", 0, target.start()) + 1
    page.write_text(text[: target.start()] + "](cite:nope)" + text[target.end() :], encoding="utf-8")
    out = tmp_path / "out"
    shutil.copytree(earlier_site, out)
    before = snapshot(out)

    result = run_mkdocs(["build", "--strict", "-d", str(out)], cwd=project)

    check_failed_build(result, f"content/part-one/index.md:{line}: citation of unknown reference 'nope'", out, before)
