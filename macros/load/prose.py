"""What the prose pages in `content/` say about the data, read before anything renders.

Which entries a page places with a macro call (`{{ question_set('supervision') }}`), each page's
title, which references it cites, its review fields, and the kind it needs to have anything to show
(front matter `needs: contacts`: with no entries, the page stays out of the navigation and search). Mistakes are found here, at load time,
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
REVIEW_DATES = ("reviewed", "review_due")
LISTED = {kind.name for kind in KINDS if not kind.single}


@dataclass(frozen=True)
class ProseIndex:
    """For each page of `content/` (by source path): its title, what it places, what it cites."""

    titles: dict[str, str] = field(default_factory=dict)
    placements: dict[tuple[str, str], str] = field(default_factory=dict)  # (kind, id) -> the first page placing it
    cited: dict[str, set[str]] = field(default_factory=dict)  # reference id -> pages citing it
    needs: dict[str, str] = field(default_factory=dict)  # page -> the kind whose entries are its content


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
        needs, page_problems = _front_matter(text, name)
        problems += page_problems
        if needs:
            index.needs[src] = needs
        heading = H1.search(text)
        index.titles[src] = heading.group(1).strip() if heading else ""
        for match in MACRO_CALL.finditer(text):
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


def _front_matter(text: str, name: str) -> tuple[str | None, list[DataProblem]]:
    """The kind named by `needs`, and the front matter's problems: review fields must be dates, or
    the review banner could never show; `needs` must name a kind of entries."""
    match = FRONT_MATTER.match(text)
    if not match or not (match.group(1) or "").strip():
        return None, []
    try:
        source = read_yaml_text(match.group(1), name, first_line=2)
    except DataError as exc:
        return None, list(exc.problems)
    problems = []
    for key in REVIEW_DATES:
        value = source.data.get(key)
        if value is None or isinstance(value, date):
            continue
        try:
            date.fromisoformat(str(value))
        except ValueError:
            problems.append(source.problem((key,), f"'{value}' is not a date written as YYYY-MM-DD"))
    needs = source.data.get("needs")
    if needs is not None and not isinstance(needs, str):
        problems.append(source.problem(("needs",), "expected the name of one kind of entries, such as 'contacts'"))
        needs = None
    elif needs is not None and needs not in LISTED:
        problems.append(source.problem(("needs",), f"'{needs}' is not a kind of entries{did_you_mean(needs, LISTED)}"))
        needs = None
    return needs, problems
