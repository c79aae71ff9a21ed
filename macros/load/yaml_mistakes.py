"""The YAML parser's complaints, as an editor can act on them: the line where the mistake is (the parser
often notices a line or two later), what is wrong in plain words, and what to type. The parser's own words
stay, as a second line, for whoever reports the problem further.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import yaml

KEY = re.compile(r"^(?P<indent> *)(?P<dash>- +)?(?P<key>[A-Za-z_][\w-]*):(?:\s|$)")
QUOTED_START = re.compile(r"^(?P<head> *(?:- +)?[A-Za-z_][\w-]*: +)(?P<quote>[\"'])")
NEEDS_QUOTES = {"@": "'@'", "`": "'`'", "%": "'%'", "*": "'*'", "|": "'|'", ">": "'>'", "{": "'{'", "[": "'['", "!": "'!'"}


@dataclass(frozen=True)
class Mistake:
    line: int  # 1-based, where the editor should look
    reason: str
    parser: str  # the parser's own words, for developers


def explain(exc: yaml.MarkedYAMLError, text: str) -> Mistake:
    """Why the file cannot be read, at the line where the mistake most likely is."""
    lines = text.split("\n")
    mark = exc.problem_mark or exc.context_mark
    noticed = mark.line + 1 if mark else 1
    parser = _parser_words(exc, noticed, mark.column + 1 if mark else 1)
    for rule in (_second_document, _tab, _backslash, _dash_without_space, _needs_quotes, _unclosed_quote, _missing_colon, _colon_in_value, _after_closing_quote, _list_under_text, _indentation):
        found = rule(exc, lines, noticed)
        if found:
            line, reason = found
            return Mistake(line, reason, parser)
    return Mistake(noticed, "this line cannot be read as YAML; compare it with the entries around it (each field is 'name: value')", parser)


def _parser_words(exc: yaml.MarkedYAMLError, line: int, column: int) -> str:
    words = exc.problem or "invalid YAML"
    if exc.context:
        words = f"{exc.context}: {words}"
    return f"(the YAML parser said: {words}, at line {line}, column {column})"


def _text(lines: list[str], line: int) -> str:
    return lines[line - 1] if 0 < line <= len(lines) else ""


def _previous(lines: list[str], line: int) -> int:
    """The nearest line above `line` with something on it other than a comment."""
    for number in range(line - 1, 0, -1):
        stripped = _text(lines, number).strip()
        if stripped and not stripped.startswith("#"):
            return number
    return line


def _second_document(exc, lines, noticed):
    if "expected a single document" in f"{exc.context} {exc.problem}":
        return noticed, "a line '---' starts a second document here; a data file holds one: delete the '---' line"
    return None


def _backslash(exc, lines, noticed):
    if exc.context == "while scanning a double-quoted scalar" and "escape" in (exc.problem or ""):
        return noticed, ("a backslash (\\) inside double quotes starts a code such as \\n; write two backslashes (\\\\) for one, "
                         "or put the text in single quotes")
    return None


def _dash_without_space(exc, lines, noticed):
    """`-id: two`: YAML reads it as text, not a list item, and notices on that line or the next."""
    for number in (noticed, _previous(lines, noticed)):
        line = _text(lines, number).strip()
        if re.match(r"-[A-Za-z_]", line):
            return number, f"a list item needs a space after its '-'; write it as - {line[1:]}"
    return None


def _tab(exc, lines, noticed):
    for number in (noticed, _previous(lines, noticed)):
        if "\t" in _text(lines, number):
            return number, "a tab character is used for indentation; indent with spaces"
    return None


def _needs_quotes(exc, lines, noticed):
    """`title: @Megan`, `title: *Megan*`, `title: | Megan`: a character that means something to YAML starts the text."""
    problem = exc.problem or ""
    cannot_start = re.search(r"found character '(.)' that cannot start any token", problem)
    starts = cannot_start.group(1) if cannot_start else None
    if starts is None and exc.context in ("while scanning an alias", "while scanning an anchor", "while scanning a block scalar", "while scanning a tag"):
        starts = _value(_text(lines, exc.context_mark.line + 1))[:1]
        noticed = exc.context_mark.line + 1
    if starts is None and exc.context in ("while parsing a flow mapping", "while parsing a flow sequence") and exc.context_mark:
        noticed = exc.context_mark.line + 1
        starts = _value(_text(lines, noticed))[:1]
    if starts in ("[", "{"):
        closing = "]" if starts == "[" else "}"
        return noticed, _quote_advice(_text(lines, noticed), f"starts with '{starts}', which YAML reads as the start of a list or group written on "
                                      f"one line: end it with '{closing}' on the same line, or, if it is text,").replace("; put the whole", " put the whole")
    if starts in NEEDS_QUOTES:
        return noticed, _quote_advice(_text(lines, noticed), f"starts with {NEEDS_QUOTES[starts]}, which YAML reads as part of its own syntax")
    return None


def _value(line: str) -> str:
    match = KEY.match(line)
    return line[match.end() :].strip() if match else line.strip().removeprefix("- ").strip()


def _quote_advice(line: str, why: str) -> str:
    match = KEY.match(line)
    value = _value(line).replace('"', '\\"')
    write = f'{match.group("key")}: "{value}"' if match else f'"{value}"'
    return f"the text {why}; put the whole text in double quotes: {write}"


def _unclosed_quote(exc, lines, noticed):
    """`title: "Megan` goes on to the next quote, lines later: the mistake is the line whose quote is not closed."""
    if exc.context == "while scanning a quoted scalar" and exc.context_mark:
        start = exc.context_mark.line + 1
        return start, _unclosed(_text(lines, start))
    if "expected <block end>" in (exc.problem or "") and "'<scalar>'" in (exc.problem or ""):
        for number in range(noticed - 1, max(0, noticed - 20), -1):
            line = _text(lines, number)
            quoted = QUOTED_START.match(line)
            if quoted and not _closed(line[quoted.end() :], quoted.group("quote")):
                return number, _unclosed(line)
    return None


def _closed(rest: str, quote: str) -> bool:
    if quote == "'":
        return bool(re.search(r"(?<!')'(?:'')*(?!')", rest.replace("''", "")))
    return bool(re.search(r'(?<!\\)"', rest))


def _unclosed(line: str) -> str:
    quote = QUOTED_START.match(line)
    mark = quote.group("quote") if quote else '"'
    return f"the text's opening quote ({mark}) is not closed on this line; end the text with {mark}, on the same line"


def _missing_colon(exc, lines, noticed):
    """`title "Megan"`: a field without its ':' (the parser notices on the next line)."""
    if "could not find expected ':'" in (exc.problem or "") and exc.context_mark:
        number = exc.context_mark.line + 1
        line = _text(lines, number).strip().removeprefix("- ")
        name = re.match(r"[A-Za-z_][\w-]*", line)
        example = f"{name.group()}: {line[name.end():].strip()}" if name else "title: \"...\""
        return number, f"this line has no ':' after its field name; write it as {example}"
    if (exc.problem or "").startswith("mapping values are not allowed"):
        above = _previous(lines, noticed)
        line = _text(lines, above)
        squashed = re.match(r"^ *(?:- +)?([A-Za-z_][\w-]*):(\S.*)$", line)
        if squashed and not KEY.match(line):
            return above, f"a field name needs a space after its ':'; write it as {squashed.group(1)}: {squashed.group(2)}"
        if not KEY.match(line) and ":" not in line and KEY.match(_text(lines, noticed)):
            bare = line.strip().removeprefix("- ")
            name = re.match(r"[A-Za-z_][\w-]*", bare)
            if name:
                return above, f"this line has no ':' after its field name; write it as {name.group()}: {bare[name.end():].strip()}"
    return None


def _colon_in_value(exc, lines, noticed):
    """`title: Case study: Megan`: a second ': ' on the line, which YAML reads as a field inside the text."""
    if not (exc.problem or "").startswith("mapping values are not allowed"):
        return None
    line = _text(lines, noticed)
    match = KEY.match(line)
    if match and ": " in line[match.end() :] + " ":
        return noticed, _quote_advice(line, "holds a colon and a space (': '), which YAML reads as the start of another field")
    return None


def _after_closing_quote(exc, lines, noticed):
    """`title: "Megan" and Steven`, `title: 'Megan's story'`: text goes on after the quotes close."""
    if "'<scalar>'" not in (exc.problem or ""):
        return None
    line = _text(lines, noticed)
    quoted = QUOTED_START.match(line)
    if quoted and quoted.group("quote") == "'":
        return noticed, "the text is in single quotes and holds a single quote ('); write it twice ('') inside the text, or use double quotes around it"
    if quoted:
        return noticed, 'the text goes on after its closing quote; put the whole text in quotes, and write a double quote inside it as \\" (or use ’)'
    if _value(line)[:1] in "[{":
        return noticed, _quote_advice(line, f"starts with '{_value(line)[0]}', which YAML reads as the start of a list or group")
    return None


def _list_under_text(exc, lines, noticed):
    """A list item ('- ') under a field that already has a value on its own line."""
    problem = exc.problem or ""
    if "expected <block end>" not in problem or not ("'-'" in problem or "'<block sequence start>'" in problem):
        return None
    above = _previous(lines, noticed)
    match = KEY.match(_text(lines, above))
    item, above_item = (re.match(r"^( *)- ", _text(lines, number)) for number in (noticed, above))
    if item and above_item and item.group(1) != above_item.group(1):
        return noticed, (f"this list item is indented {len(item.group(1))} spaces, the item above it (line {above}) {len(above_item.group(1))}: "
                         "the items of one list must start in the same column; line its '-' up with the one above, with spaces")
    if match and _value(_text(lines, above)):
        name = match.group("key")
        return noticed, (f"a list item ('- ') under '{name}', which already has a value on line {above}; a field holds either one "
                         f"value or a list: write '{name}:' alone on its line with the items under it, or remove the '- '")
    return noticed, "a list item ('- ') where a field ('name: value') is expected; check its indentation against the lines above"


def _indentation(exc, lines, noticed):
    """A field indented more or less than the other fields of its entry."""
    problem = exc.problem or ""
    if not ("expected <block end>" in problem or problem.startswith("mapping values are not allowed")):
        return None
    here = _text(lines, noticed)
    above = _previous(lines, noticed)
    column = _field_column(_text(lines, above))
    own = _field_column(here)
    if column is not None and own is not None and own != column:
        return noticed, (f"this line is indented {own} spaces, the field above it (line {above}) {column}: the fields of one entry "
                         "must start in the same column; line it up with the field above, with spaces")
    return noticed, "this line's indentation does not match the lines above it; line its field up with the other fields of its entry, with spaces"


def _field_column(line: str) -> int | None:
    match = KEY.match(line)
    if not match:
        return None
    return len(match.group("indent")) + len(match.group("dash") or "")
