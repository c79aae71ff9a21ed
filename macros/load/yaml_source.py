"""Read one YAML file strictly, remembering the line of every value.

PyYAML silently keeps the last of two equal keys and forgets where values came from;
both hide mistakes in hand-edited data. Here the file is composed into nodes first, so
duplicates are caught and every field path maps back to a line for error messages.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .errors import DataError, DataProblem, Loc, format_loc

MAX_DEPTH = 40


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


class _Refused(yaml.MarkedYAMLError):
    """A YAML feature refused while composing; its problem is the whole message."""


class _StrictLoader(yaml.SafeLoader):
    """SafeLoader whose `<<` merge and tags are those of safe YAML; used only to compose and construct."""

    def compose_node(self, parent, index):
        # An alias of a list or mapping shares one node between places, so a few lines can
        # stand for billions of values ("billion laughs"); hand-edited data never needs one.
        if self.check_event(yaml.AliasEvent):
            event = self.peek_event()
            target = self.anchors.get(event.anchor)
            if isinstance(target, (yaml.SequenceNode, yaml.MappingNode)):
                raise _Refused(None, None, f"YAML aliases of lists or groups of fields ('*{event.anchor}') are not allowed; write the values out", event.start_mark)
        return super().compose_node(parent, index)


_TIMESTAMP = "tag:yaml.org,2002:timestamp"
_TAG_NAMES = {"int": "a whole number", "float": "a number", "bool": "true or false", "null": "an empty value"}
_SCALAR_CONSTRUCTOR = yaml.constructor.SafeConstructor()


def _scalar_problem(node: yaml.ScalarNode) -> str | None:
    """Why a scalar cannot be read as the type YAML gives it (an impossible date, `!!int abc`), if it cannot.

    PyYAML raises plain ValueError/KeyError for these while constructing, with no line; checking
    each scalar here, where its place is known, turns them into ordinary located problems.
    """
    construct = yaml.SafeLoader.yaml_constructors.get(node.tag)
    if construct is None:
        return None  # an unknown tag: construction reports it with its line
    try:
        construct(_SCALAR_CONSTRUCTOR, node)
    except yaml.YAMLError:
        return None
    except (ValueError, KeyError, TypeError, AttributeError, OverflowError):
        if node.tag == _TIMESTAMP:
            return f"'{node.value}' is not a real date; write dates as YYYY-MM-DD, and put quotes around text that only looks like a date"
        tag = node.tag.rsplit(":", 1)[-1]
        return f"'{node.value}' cannot be read as {_TAG_NAMES.get(tag, tag)}"
    return None


def _decode(raw: bytes, name: str) -> str:
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise _Fail(DataProblem(name, line, "", f"the file is not UTF-8 text (byte 0x{raw[exc.start]:02x}); save it as UTF-8")) from None
    return text.removeprefix("\ufeff")


class _Fail(Exception):
    def __init__(self, problem: DataProblem):
        self.problem = problem


def _yaml_reason(exc: yaml.MarkedYAMLError, line_text: str) -> str:
    if "\t" in line_text:
        return "a tab character is used for indentation; indent with spaces"
    unknown_tag = re.search(r"constructor for the tag '(?:tag:yaml\.org,2002:)?([^']*)'", exc.problem or "")
    if isinstance(exc, yaml.constructor.ConstructorError) and unknown_tag:
        return f"the YAML tag '!!{unknown_tag.group(1)}' is not allowed; data files hold only text, numbers, true/false, lists and fields"
    problem = exc.problem or "invalid YAML"
    if exc.context and problem.startswith("but "):
        return f"YAML syntax error: {exc.context}, {problem}"  # PyYAML splits "expected X, but found Y"
    context = f" ({exc.context})" if exc.context else ""
    return f"YAML syntax error: {problem}{context}"


def _walk(node: yaml.Node, loc: Loc, lines: dict[Loc, int], name: str, depth: int) -> None:
    """Record each value's line and refuse duplicate keys, non-text keys and absurd nesting."""
    if depth > MAX_DEPTH:
        raise _Fail(DataProblem(name, node.start_mark.line + 1, format_loc(loc), f"nested more than {MAX_DEPTH} levels deep"))
    lines.setdefault(loc, node.start_mark.line + 1)
    if isinstance(node, yaml.MappingNode):
        seen: dict[str, int] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                raise _Fail(DataProblem(name, key_node.start_mark.line + 1, format_loc(loc), "a key must be a plain name"))
            key = key_node.value
            line = key_node.start_mark.line + 1
            reason = _scalar_problem(key_node)
            if reason:
                raise _Fail(DataProblem(name, line, format_loc(loc), reason))
            if key == "<<":
                raise _Fail(DataProblem(name, line, format_loc(loc), "YAML merge keys ('<<') are not allowed; write the fields out"))
            if key in seen:
                raise _Fail(DataProblem(name, line, format_loc(loc + (key,)), f"duplicate key '{key}' (first given at line {seen[key]})"))
            seen[key] = line
            lines[loc + (key,)] = line
            _walk(value_node, loc + (key,), lines, name, depth + 1)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            _walk(item, loc + (index,), lines, name, depth + 1)
    elif isinstance(node, yaml.ScalarNode):
        reason = _scalar_problem(node)
        if reason:
            raise _Fail(DataProblem(name, lines[loc], format_loc(loc), reason))


def read_yaml(path: Path, name: str) -> SourceFile:
    """Parse `path` (shown to users as `name`); raise DataError with one clear problem when it cannot."""
    try:
        return _read(_decode(path.read_bytes(), name), name)
    except _Fail as fail:
        raise DataError([fail.problem]) from None


def read_yaml_text(text: str, name: str, first_line: int = 1) -> SourceFile:
    """Parse YAML that starts at `first_line` of the file `name` (a page's front matter), strictly."""
    try:
        return _read("\n" * (first_line - 1) + text, name)
    except _Fail as fail:
        raise DataError([fail.problem]) from None


def _fast_read(text: str, name: str) -> SourceFile | None:
    """Parse a sound file with libyaml (C), about ten times faster than the pure-Python parser.

    Returns None at the first sign of trouble, so that the strict path below finds the problem
    and words it exactly as always; both build the same data, as both use SafeLoader's constructors.
    """
    if not getattr(yaml, "__with_libyaml__", False):
        return None
    try:
        loader = yaml.CSafeLoader(text)
        try:
            node = loader.get_single_node()
            if node is None or _shares_a_collection(node):
                return None
            lines: dict[Loc, int] = {}
            _walk(node, (), lines, name, 0)
            data = loader.construct_document(node)
        finally:
            loader.dispose()
    except Exception:  # noqa: BLE001 - any problem is reported by the strict path
        return None
    return SourceFile(name=name, data=data, lines=lines) if isinstance(data, dict) else None


def _shares_a_collection(root: yaml.Node) -> bool:
    """True if a list or mapping node appears twice (libyaml composes `*alias` as the anchored node)."""
    seen: set[int] = set()
    stack = [root]
    while stack:
        node = stack.pop()
        if isinstance(node, yaml.ScalarNode):
            continue
        if id(node) in seen:
            return True
        seen.add(id(node))
        if isinstance(node, yaml.MappingNode):
            stack.extend(part for pair in node.value for part in pair)
        else:
            stack.extend(node.value)
    return False


def _read(text: str, name: str) -> SourceFile:
    fast = _fast_read(text, name)
    if fast is not None:
        return fast
    try:
        loader = _StrictLoader(text)
        try:
            node = loader.get_single_node()
            if node is None:
                raise _Fail(DataProblem(name, 1, "", "the file is empty; it needs at least one entry"))
            lines: dict[Loc, int] = {}
            _walk(node, (), lines, name, 0)
            data = loader.construct_document(node)
        finally:
            loader.dispose()
    except _Refused as exc:
        raise _Fail(DataProblem(name, exc.problem_mark.line + 1, "", exc.problem)) from None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else 1
        raise _Fail(DataProblem(name, line, "", _yaml_reason(exc, _line_text(text, line)))) from None
    except yaml.YAMLError as exc:
        raise _Fail(DataProblem(name, 1, "", f"YAML error: {exc}")) from None
    except RecursionError:
        raise _Fail(DataProblem(name, 1, "", f"nested more than {MAX_DEPTH} levels deep")) from None
    if not isinstance(data, dict):
        raise _Fail(DataProblem(name, 1, "", "the file must be a mapping whose top-level key names the kind of data, e.g. 'case_studies:'"))
    return SourceFile(name=name, data=data, lines=lines)


def _line_text(text: str, line: int) -> str:
    parts = text.splitlines()
    return parts[line - 1] if 0 < line <= len(parts) else ""
