"""Read one YAML file strictly, remembering the line of every value.

PyYAML silently keeps the last of two equal keys and forgets where values came from;
both hide mistakes in hand-edited data. Here the file is composed into nodes first, so
duplicates are caught and every field path maps back to a line for error messages. Aliases,
absurd nesting, huge files and characters that are not text are refused: each lets a few bytes
stand for a vast site, a stopped build, or text that reads differently from what it is.
"""

from __future__ import annotations

import math
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NoReturn

import yaml

from .errors import DataError, DataProblem, Loc, format_loc
from .yaml_mistakes import explain

MAX_DEPTH = 40
MAX_FILE_BYTES = 10 * 1024 * 1024  # far above any real data file, far below one that would exhaust the build

# Typed raw, these are not text at all: YAML's reader refuses them (U+0085 it reads as a line break).
_NOT_TEXT = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")
# Refused in keys and values, escapes read ("\u0000", "\e"): controls but tab and line feed, half a character
# code (a lone surrogate cannot even be written to a page), and bidirectional controls (text shown out of order).
_NOT_ALLOWED = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff\u202a-\u202e\u2066-\u2069]")


@dataclass(frozen=True)
class SourceFile:
    """A parsed data file: its display name, its Python value, and a line for each field path."""

    name: str
    data: Any
    lines: dict[Loc, int] = field(repr=False)

    def line_of(self, loc: Loc) -> int:
        """The line of the deepest known part of `loc` (a missing field reports its parent's line)."""
        for end in range(len(loc), -1, -1):
            line = self.lines.get(tuple(loc[:end]))
            if line is not None:
                return line
        return 1

    def problem(self, loc: Loc, reason: str) -> DataProblem:
        """A problem located at `loc` in this file."""
        return DataProblem(self.name, self.line_of(loc), format_loc(loc), reason)


class _StrictLoader(yaml.SafeLoader):
    """SafeLoader whose `<<` merge and tags are those of safe YAML; used only to compose and construct."""

    file = ""  # its name, for messages
    _path: Loc = ()  # the field path of the node being composed

    def compose_node(self, parent, index):
        # An alias repeats its anchor's value, so a few lines can stand for billions of values
        # or characters ("billion laughs"); hand-edited data never needs one.
        if self.check_event(yaml.AliasEvent):
            event = self.peek_event()
            target = self.anchors.get(event.anchor)
            if target is not None:
                what, value = ("", "value") if isinstance(target, yaml.ScalarNode) else (" of lists or groups of fields", "values")
                self._refuse(event.start_mark, (), f"YAML aliases{what} ('*{event.anchor}') are not allowed; write the {value} out")
        # Composing recurses once per level, and PyYAML's scanner slows with the square of the depth
        # of brackets: the first collection nested too deep (or used as a key) stops the reading.
        part = index.value if isinstance(index, yaml.Node) else index  # a key is a scalar by now; None: a key, or the root
        if self.check_event(yaml.CollectionStartEvent):
            start = self.peek_event().start_mark
            if part is None and parent is not None:
                self._refuse(start, self._path, "a key must be a plain name")
            if len(self._path) >= MAX_DEPTH:
                self._refuse(start, (*self._path, part), f"nested more than {MAX_DEPTH} levels deep")
        saved, self._path = self._path, self._path if part is None else (*self._path, part)
        try:
            return super().compose_node(parent, index)
        finally:
            self._path = saved

    def _refuse(self, mark: yaml.Mark, path: Loc, reason: str) -> NoReturn:
        # The path's keys are not checked yet (`_walk` does): any that may not print is masked.
        raise _Fail(DataProblem(self.file, mark.line + 1, _NOT_ALLOWED.sub("\ufffd", format_loc(path)), reason))


_TEXT = "tag:yaml.org,2002:str"
_TIMESTAMP = "tag:yaml.org,2002:timestamp"
_TAG_NAMES = {"int": "a whole number", "float": "a number", "bool": "true or false", "null": "an empty value"}
_SCALAR_CONSTRUCTOR = yaml.constructor.SafeConstructor()


def _scalar_problem(node: yaml.ScalarNode) -> str | None:
    """Why a scalar cannot be read as the type YAML gives it (an impossible date, `!!int abc`), if it cannot.

    PyYAML raises plain ValueError/KeyError for these while constructing, with no line; checking
    each scalar here, where its place is known, turns them into ordinary located problems.
    """
    if node.tag == _TEXT:
        return None  # text is read as it stands: nothing to fail (nearly every scalar)
    construct = yaml.SafeLoader.yaml_constructors.get(node.tag)
    if construct is None:
        return None  # an unknown tag: construction reports it with its line
    try:
        construct(_SCALAR_CONSTRUCTOR, node)
    except yaml.YAMLError:
        return None
    except (ValueError, KeyError, IndexError, TypeError, AttributeError, OverflowError):
        if node.tag == _TIMESTAMP:
            return f"'{node.value}' is not a real date; write dates as YYYY-MM-DD, and put quotes around text that only looks like a date"
        tag = node.tag.rsplit(":", 1)[-1]
        return f"'{node.value}' cannot be read as {_TAG_NAMES.get(tag, tag)}"
    return None


def _refused_character(text: str) -> str | None:
    """What refused character `text` holds, in words, if any: one regex search, as nearly all text is clean."""
    found = _NOT_ALLOWED.search(text)
    if found is None:
        return None
    char = found.group()
    code = f"U+{ord(char):04X}"
    if "\ud800" <= char <= "\udfff":
        return f"half of a character code ({code}), which is not text on its own; write the character itself instead of its backslash code"
    escape = f"\\u{ord(char):04x}"
    if char >= "\u202a":
        return (f"a {unicodedata.name(char).lower()} ({code}), an invisible control that makes text display in a different order "
                f"than it is written; delete it (it may not show, or be written as {escape})")
    return f"a control character ({code}), which is not allowed; delete it (it may be written as a backslash code, such as {escape})"


def _decode(raw: bytes, name: str) -> str:
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise _Fail(DataProblem(name, line, "", f"the file is not UTF-8 text (byte 0x{raw[exc.start]:02x}); save it as UTF-8")) from None
    return text.removeprefix("\ufeff")


def _limit_size(size: int, name: str, line: int, what: str, advice: str) -> None:
    """Refuse text over MAX_FILE_BYTES before parsing it: a bigger file is a mistake, and would exhaust the build."""
    if size > MAX_FILE_BYTES:
        megabytes = math.ceil(size * 10 / 1024 / 1024) / 10  # rounded up, so a file over the limit never reads as 10.0 MB
        raise _Fail(DataProblem(name, line, "", f"{what} is {megabytes:.1f} MB; {advice}"))


class _Fail(Exception):
    def __init__(self, *problems: DataProblem):
        self.problems = list(problems)


def _yaml_problem(exc: yaml.MarkedYAMLError, text: str, name: str) -> DataProblem:
    unknown_tag = re.fullmatch(r"could not determine a constructor for the tag '(tag:yaml\.org,2002:)?([^']*)'", exc.problem or "")
    if isinstance(exc, yaml.constructor.ConstructorError) and unknown_tag:
        tag = ("!!" if unknown_tag.group(1) else "") + unknown_tag.group(2)
        mark = exc.problem_mark or exc.context_mark
        return DataProblem(name, mark.line + 1 if mark else 1, "", f"the YAML tag '{tag}' is not allowed; data files hold only text, numbers, true/false, lists and fields")
    mistake = explain(exc, text)
    return DataProblem(name, mistake.line, "", mistake.reason, mistake.parser)


def _check(node: yaml.Node, name: str) -> dict[Loc, int]:
    """Each value's line, or _Fail with every problem of the file's keys and values."""
    lines, found = {}, []
    _walk(node, (), lines, name, 0, found)
    if found:
        raise _Fail(*found)
    return lines


def _walk(node: yaml.Node, loc: Loc, lines: dict[Loc, int], name: str, depth: int, found: list[DataProblem]) -> None:
    """Record each value's line; add to `found` duplicate keys, non-text keys, absurd nesting and refused characters."""
    if depth > MAX_DEPTH:
        found.append(DataProblem(name, node.start_mark.line + 1, format_loc(loc), f"nested more than {MAX_DEPTH} levels deep"))
        return
    lines.setdefault(loc, node.start_mark.line + 1)
    if isinstance(node, yaml.MappingNode):
        seen: dict[str, int] = {}
        for key_node, value_node in node.value:
            key, line = key_node.value, key_node.start_mark.line + 1
            if not isinstance(key_node, yaml.ScalarNode):
                reason = "a key must be a plain name"
            elif key == "<<":
                reason = "YAML merge keys ('<<') are not allowed; write the fields out"
            else:  # a key holding a refused character is not repeated: it may not print
                refused = _refused_character(key)
                reason = f"a key holds {refused}" if refused else _scalar_problem(key_node)
            if reason:
                found.append(DataProblem(name, line, format_loc(loc), reason))
            elif key in seen:
                found.append(DataProblem(name, line, format_loc(loc + (key,)), f"duplicate key '{key}' (first given at line {seen[key]})"))
            else:
                seen[key] = line
                lines[loc + (key,)] = line
                _walk(value_node, loc + (key,), lines, name, depth + 1, found)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            _walk(item, loc + (index,), lines, name, depth + 1, found)
    elif isinstance(node, yaml.ScalarNode):
        refused = _refused_character(node.value)
        reason = f"the text holds {refused}" if refused else _scalar_problem(node)
        if reason:
            found.append(DataProblem(name, lines[loc], format_loc(loc), reason))


def read_yaml(path: Path, name: str) -> SourceFile:
    """Parse `path` (shown to users as `name`); raise DataError with clear, located problems when it cannot."""
    try:
        with path.open("rb") as file:
            raw = file.read(MAX_FILE_BYTES + 1)  # no more: the rest of a bigger file is never read
        size = path.stat().st_size if len(raw) > MAX_FILE_BYTES else len(raw)
        _limit_size(size, name, 1, "the file", f"a data file may be at most {MAX_FILE_BYTES // 2**20} MB. Split it, or check that nothing was pasted in by mistake")
        return _read(_decode(raw, name), name)
    except _Fail as fail:
        raise DataError(fail.problems) from None


def read_yaml_text(text: str, name: str, first_line: int = 1) -> SourceFile:
    """Parse YAML that starts at `first_line` of the file `name` (a page's front matter), strictly."""
    try:
        size = len(text.encode("utf-8", "surrogatepass"))
        _limit_size(size, name, first_line, "the front matter", f"it may be at most {MAX_FILE_BYTES // 2**20} MB. Check that nothing was pasted in by mistake")
        return _read("\n" * (first_line - 1) + text, name)
    except _Fail as fail:
        raise DataError(fail.problems) from None


# libyaml composes recursively in C: only a version that limits nesting (0.2.6, 1,000 levels) is safe to give any file.
_LIBYAML = getattr(yaml, "__with_libyaml__", False) and yaml._yaml.get_version() >= (0, 2, 6)


def _fast_read(text: str, name: str) -> SourceFile | None:
    """Parse a sound file with libyaml (C), about ten times faster than the pure-Python parser.

    Returns None at the first sign of trouble, so that the strict path below finds the problem
    and words it exactly as always; both build the same data, as both use SafeLoader's constructors.
    """
    if not _LIBYAML or "\x85" in text:  # libyaml would read a raw U+0085 as a line break
        return None
    try:
        loader = yaml.CSafeLoader(text)
        try:
            node = loader.get_single_node()
            if node is None or _shares_a_node(node):
                return None
            lines = _check(node, name)
            data = loader.construct_document(node)
        finally:
            loader.dispose()
    except Exception:  # noqa: BLE001 - any problem is reported by the strict path
        return None
    return SourceFile(name=name, data=data, lines=lines) if isinstance(data, dict) else None


def _shares_a_node(root: yaml.Node) -> bool:
    """True if a node appears twice: libyaml composes `*alias` as the anchored node itself."""
    seen, stack = set(), [root]
    while stack:
        node = stack.pop()
        if id(node) in seen:
            return True
        seen.add(id(node))
        if isinstance(node, yaml.MappingNode):
            stack.extend(part for pair in node.value for part in pair)
        elif isinstance(node, yaml.SequenceNode):
            stack.extend(node.value)
    return False


def _read(text: str, name: str) -> SourceFile:
    if (fast := _fast_read(text, name)) is not None:
        return fast
    if not_text := _NOT_TEXT.search(text):  # libyaml refuses these too: only a file that failed there is searched
        char, line = not_text.group(), text.count("\n", 0, not_text.start()) + 1
        what = "a control character" if char <= "\x9f" else "a character"
        raise _Fail(DataProblem(name, line, "", f"the file holds {what} (U+{ord(char):04X}) that is not text; delete it (it often comes from pasting)"))
    try:
        loader = _StrictLoader(text)
        loader.file = name
        try:
            node = loader.get_single_node()
            if node is None:
                raise _Fail(DataProblem(name, 1, "", "the file is empty; it needs at least one entry"))
            lines = _check(node, name)
            data = loader.construct_document(node)
        finally:
            loader.dispose()
    except yaml.MarkedYAMLError as exc:
        raise _Fail(_yaml_problem(exc, text, name)) from None
    except yaml.YAMLError as exc:
        raise _Fail(DataProblem(name, 1, "", f"YAML error: {exc}")) from None
    if not isinstance(data, dict):
        raise _Fail(DataProblem(name, 1, "", "the file must be a mapping whose top-level key names the kind of data, e.g. 'case_studies:'"))
    return SourceFile(name=name, data=data, lines=lines)
