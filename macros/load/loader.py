"""Read every file in `data/`, validate each entry against its kind's model, and check it all.

Each entry is validated on its own, so one run reports every problem it can find: a bad field
in one entry does not hide a duplicate id or a dangling link in another. Ids are collected
from the raw files too, so a link to an entry with a bad field is not also called unknown.
A committee's `data/local/` adds entries, replaces core ones (`replaces: true`) or changes
settings, for the kinds the registry allows.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from ..model.kind import Kind
from ..model.kinds import BY_NAME, KINDS
from .errors import DataError, DataProblem, Loc, did_you_mean
from .links import Located
from .reasons import describe, reason
from .settings import MergedSource, merge
from .yaml_source import SourceFile, read_yaml

LOCAL_DIR = "local"
EXAMPLE_SUFFIX = ".example.yml"  # commented samples for committees, never loaded


def data_files(data_dir: Path) -> tuple[list[Path], list[tuple[Path, str]]]:
    """The core files, then a committee's overlay under `local/`, each in name order; and each entry of those
    folders that looks like data but would not be read (a folder, a link, a pipe, a name in capitals), with why:
    an editor's file that is silently left out is a change that silently does not happen."""
    files, odd = [], []
    for folder in (data_dir, data_dir / LOCAL_DIR):
        for path in sorted(folder.iterdir()) if folder.is_dir() else []:
            why = _not_read(path, folder is not data_dir)
            if why:
                odd.append((path, why))
            elif path.suffix == ".yml" and not path.name.endswith(EXAMPLE_SUFFIX):
                files.append(path)
    return files, odd


def _not_read(path: Path, local: bool) -> str | None:
    data_like = path.name.lower().endswith((".yml", ".yaml"))
    if local and path.is_dir() and not path.is_symlink() and not data_like:
        return f"{LOCAL_DIR}/ holds files, not folders: move what this folder holds into {LOCAL_DIR}/ itself"
    if not data_like:
        return None
    if path.is_symlink():
        return "this is a link to a file elsewhere; put the file itself here"
    if not path.is_file():
        return "this is not a file of data (a folder, a pipe or a device); remove it"
    if path.suffix != ".yml":
        return f"data files end in .yml in lower case: rename it {path.stem.lower()}.yml"
    if path.name != path.name.lower():
        return f"data files are named in lower case: rename it {path.name.lower()}"
    return None


@dataclass
class Reading:
    """What the files hold, before the checks across entries."""

    problems: list[DataProblem] = field(default_factory=list)
    sources: list[SourceFile] = field(default_factory=list)
    located: list[Located] = field(default_factory=list)
    # Every key written for each kind, valid entry or not, so links to a broken entry are not "unknown".
    written: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    singles: dict[str, list[tuple[SourceFile, Any, bool]]] = field(default_factory=lambda: defaultdict(list))
    # A file that cannot be read might hold any ids: links are checked only once every file reads.
    unreadable: bool = False
    # For a kind whose committee's entries the site numbers (Kind.numbered): the core's highest number, and how many local ones so far.
    highest: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    numbered: dict[str, int] = field(default_factory=lambda: defaultdict(int))


def read_files(data_dir: Path, display_root: Path) -> Reading:
    reading = Reading()
    files, odd = data_files(data_dir)
    for path, why in odd:
        name = path.relative_to(display_root).as_posix() if path.is_relative_to(display_root) else str(path)
        reading.problems.append(DataProblem(name, 1, "", why))
    for path in files:
        name = path.relative_to(display_root).as_posix() if path.is_relative_to(display_root) else str(path)
        try:
            source = read_yaml(path, name)
        except DataError as exc:
            reading.problems.extend(exc.problems)
            reading.unreadable = True
            continue
        reading.sources.append(source)
        local = path.parent.name == LOCAL_DIR and path.parent.parent == data_dir
        for key, value in source.data.items():
            kind = BY_NAME.get(str(key))
            if kind is None:
                reading.problems.append(source.problem((key,), f"unknown kind of data '{key}'{did_you_mean(str(key), BY_NAME)}"))
            elif local and kind.local is None:
                reading.problems.append(source.problem((key,), _not_local(kind, data_dir.name)))
            elif kind.single:
                reading.singles[kind.name].append((source, value, local))
            else:
                _read_list(reading, kind, source, value, local)
    return reading


def _not_local(kind: Kind, data_name: str) -> str:
    allowed = [k.plural for k in KINDS if k.local]
    return (f"a committee cannot add {kind.plural} in {data_name}/{LOCAL_DIR}/, where nothing may read as the portfolio's own text; "
            f"{data_name}/{LOCAL_DIR}/ holds only {', '.join(allowed[:-1])} and {allowed[-1]}")


def _read_list(reading: Reading, kind: Kind, source: SourceFile, value: Any, local: bool) -> None:
    if not isinstance(value, list):
        reading.problems.append(source.problem((kind.name,), f"expected a list (lines starting with '- '), got {describe(value)}"))
        return
    if kind.most and len(value) > kind.most:
        reading.problems.append(source.problem((kind.name,), f"{len(value):,} {kind.plural}; at most {kind.most:,} are allowed: {kind.why_most}"))
        return
    for index, raw in enumerate(value):
        if kind.key and isinstance(raw, dict) and isinstance(raw.get(kind.key), str):
            reading.written[kind.name].add(raw[kind.key])
        if kind.numbered and isinstance(raw, dict):
            raw = _number(reading, kind, source, (kind.name, index), raw, local)
        entry = validate(kind.model, raw, source, (kind.name, index), reading.problems)
        if entry is not None:
            reading.located.append(Located(kind, entry, source, (kind.name, index), local))


def _number(reading: Reading, kind: Kind, source: SourceFile, loc: Loc, raw: dict, local: bool) -> dict:
    """The core's entries give their number (Kind.numbered); a committee's own leave it out and get the next after
    the core's highest, in the order they are written (core files are read first), so a local case study can never
    take, or be read as, one of the portfolio's numbers."""
    name = kind.numbered
    assert name is not None
    given = raw.get(name)
    if not local:
        if isinstance(given, int) and not isinstance(given, bool):
            reading.highest[kind.name] = max(reading.highest[kind.name], given)
        return raw
    reading.numbered[kind.name] += 1
    number = reading.highest[kind.name] + reading.numbered[kind.name]
    if name in raw:
        reading.problems.append(source.problem(loc + (name,), f"the site numbers a committee's {kind.plural} itself, after the portfolio's "
                                               f"(this one is {name} {number}); delete this line"))
    return {**raw, name: number}


def validate(model: type[BaseModel], raw: Any, source: Any, loc: Loc, problems: list[DataProblem]) -> Any | None:
    """One entry as its model, or None with its problems added (checks across fields included)."""
    try:
        entry = model.model_validate(raw)
    except ValidationError as exc:
        for error in exc.errors(include_url=False):
            where, why = reason(error, model)
            problems.append(source.problem(loc + where, why))
        return None
    before = len(problems)
    for where, why in model_problems(entry, ()):
        problems.append(source.problem(loc + where, why))
    return entry if len(problems) == before else None


def model_problems(value: Any, loc: Loc):
    """`problems()` of a model and of every model inside it, with their field paths."""
    if isinstance(value, BaseModel):
        if hasattr(value, "problems"):
            for where, why in value.problems():
                yield loc + where, why
        for name in type(value).model_fields:
            yield from model_problems(getattr(value, name), loc + (name,))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from model_problems(item, loc + (index,))


def read_singles(reading: Reading, data_name: str) -> dict[str, Located]:
    """Each single kind: exactly one core file gives it; a local file may change its fields (`local: merge`)."""
    chosen: dict[str, Located] = {}
    for kind in (k for k in KINDS if k.single):
        given = reading.singles.get(kind.name, [])
        core = [g for g in given if not g[2]]
        local = [g for g in given if g[2]]
        for extra_source, _, _ in (core[1:] + local[1:]):
            first = (core if extra_source in (g[0] for g in core) else local)[0][0]
            reading.problems.append(extra_source.problem((kind.name,), f"{kind.name} is already given in {first.name}"))
        if not core:
            reading.problems.append(DataProblem(f"{data_name}/", 1, "", f"no file gives the {kind.name} (see docs/kinds.md)"))
            continue
        source, raw = core[0][0], core[0][1]
        if local:
            source, raw = MergedSource(source, local[0][0]), merge(raw, local[0][1])
        entry = validate(kind.model, raw, source, (kind.name,), reading.problems)
        if entry is not None:
            chosen[kind.name] = Located(kind, entry, source, (kind.name,), bool(local))
    return chosen


def apply_overlay(located: list[Located]) -> tuple[list[Located], list[DataProblem]]:
    """Put each local entry marked `replaces: true` in the place of the core entry with its id."""
    problems = []
    core = {(item.kind.name, item.key) for item in located if not item.local}
    replacing: dict[tuple[str, str | None], Located] = {}
    for item in located:
        if not getattr(item.entry, "replaces", False):
            continue
        if not item.local:
            problems.append(item.source.problem(item.loc + ("replaces",), f"only entries in data/{LOCAL_DIR}/ may replace another entry"))
        elif (item.kind.name, item.key) not in core:
            problems.append(item.source.problem(item.loc + ("replaces",), f"there is no core entry with id '{item.key}' to replace"))
        else:
            replacing[(item.kind.name, item.key)] = item
    kept = [item for item in located if item not in replacing.values()]
    return [item if item.local else replacing.get((item.kind.name, item.key), item) for item in kept], problems


def duplicates(located: list[Located]) -> list[DataProblem]:
    problems = []
    first: dict[tuple[str, str], Located] = {}
    for item in located:
        if item.key is None:
            continue
        where = first.setdefault((item.kind.name, item.key), item)
        if where is item:
            continue
        place = f"{where.source.name}:{where.source.line_of(where.loc)}"
        if item.local and not where.local and item.kind.local == "replace":
            why = f"id '{item.key}' is already used by the core entry at {place}; add 'replaces: true' to replace it, or choose another id"
        elif item.local and not where.local:
            why = f"id '{item.key}' is already used by the core entry at {place}; a local file cannot replace this kind of entry, choose another id"
        else:
            why = f"duplicate {item.kind.key} '{item.key}' (already used at {place})"
        problems.append(item.source.problem(item.loc + (item.kind.key,), why))
    return problems + _shared_values(located)


def _shared_values(located: list[Located]) -> list[DataProblem]:
    """Fields a kind keeps unique besides its id: two case studies numbered 3 would both print as Case study Three."""
    problems = []
    first: dict[tuple[str, str, object], Located] = {}
    for item in located:
        for name in item.kind.unique:
            where = first.setdefault((item.kind.name, name, getattr(item.entry, name)), item)
            if where is not item:
                place = f"{where.source.name}:{where.source.line_of(where.loc + (name,))}"
                problems.append(item.source.problem(item.loc + (name,), f"{name} {getattr(item.entry, name)} is already given to "
                                                    f"the {item.kind.label} '{where.key}' at {place}; each {item.kind.label} needs its own {name}"))
    return problems
