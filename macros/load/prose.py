"""What the prose pages in `content/` say about the data, read before anything renders.

Which entries a page places with a macro call (`{{ question_set('supervision') }}`), each page's
title, which references it cites, and its review fields. Mistakes are found here, at load time,
with the page and line: an unknown id in a macro call, an unknown citation, a review date that
is not a date.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from ..model.registry import KINDS
from .errors import DataError, DataProblem, did_you_mean
from .links import CITE, unknown_citation
from .yaml_source import read_yaml_text

H1 = re.compile(r"^# (.+)$", re.MULTILINE)
MACRO_CALL = re.compile(r"\{\{\s*(\w+)\(\s*(?:['\"]([^'\"]*)['\"])?\s*\)\s*\}\}")
FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?\n)?(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.DOTALL)
PLACING = {kind.placed_by: kind for kind in KINDS if kind.placed_by and not kind.single}
# Macros that show a whole kind: an index (every entry), or the one entry of a single kind.
SHOWING = {kind.index: kind for kind in KINDS if kind.index} | {kind.placed_by: kind for kind in KINDS if kind.placed_by and kind.single}
REVIEW_DATES = ("reviewed", "review_due")


@dataclass(frozen=True)
class ProseIndex:
    """For each page of `content/` (by source path): its title, what it places, what it cites."""

    titles: dict[str, str] = field(default_factory=dict)
    placements: dict[tuple[str, str], str] = field(default_factory=dict)  # (kind, id) -> the first page placing it
    cited: dict[str, set[str]] = field(default_factory=dict)  # reference id -> pages citing it
    shown: dict[str, list[str]] = field(default_factory=dict)  # kind -> pages showing all of it (index macro, or a single kind's)


def scan_prose(docs_dir: Path, display_root: Path, known: dict[str, set[str]]) -> tuple[ProseIndex, list[DataProblem]]:
    """Read every page; `known` holds the ids written in data/ for each kind."""
    index = ProseIndex()
    cited: dict[str, set[str]] = defaultdict(set)
    problems: list[DataProblem] = []
    references = known.get("references", set())
    for path in sorted(docs_dir.rglob("*.md")):
        src = path.relative_to(docs_dir).as_posix()
        name = path.relative_to(display_root).as_posix() if path.is_relative_to(display_root) else str(path)
        text = path.read_text(encoding="utf-8-sig")
        problems += _front_matter_problems(text, name)
        heading = H1.search(text)
        index.titles[src] = heading.group(1).strip() if heading else ""
        for match in MACRO_CALL.finditer(text):
            whole = SHOWING.get(match.group(1))
            if whole is not None and src not in index.shown.setdefault(whole.name, []):
                index.shown[whole.name].append(src)
            kind = PLACING.get(match.group(1))
            if kind is None:
                continue
            entry_id, ids = match.group(2) or "", known.get(kind.name, set())
            if entry_id in ids:
                index.placements.setdefault((kind.name, entry_id), src)
            else:
                call = f"{match.group(1)}('{entry_id}')"
                problems.append(DataProblem(name, _line(text, match.start()), call, f"unknown {kind.label} '{entry_id}'{did_you_mean(entry_id, ids)}"))
        for match in CITE.finditer(text):
            ref = match.group(1)
            if ref in references:
                cited[ref].add(src)
            else:
                problems.append(DataProblem(name, _line(text, match.start()), "", unknown_citation(ref, references)))
    index.cited.update(cited)
    return index, problems


def _line(text: str, offset: int) -> int:
    return text.count("\n", 0, offset) + 1


def _front_matter_problems(text: str, name: str) -> list[DataProblem]:
    """Review fields in a page's front matter must be dates, or the review banner could never show."""
    match = FRONT_MATTER.match(text)
    if not match or not (match.group(1) or "").strip():
        return []
    try:
        source = read_yaml_text(match.group(1), name, first_line=2)
    except DataError as exc:
        return list(exc.problems)
    problems = []
    for key in REVIEW_DATES:
        value = source.data.get(key)
        if value is None or isinstance(value, date):
            continue
        try:
            date.fromisoformat(str(value))
        except ValueError:
            problems.append(source.problem((key,), f"'{value}' is not a date written as YYYY-MM-DD"))
    return problems
