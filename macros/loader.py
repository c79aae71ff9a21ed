"""Load, validate and cross-link all of `data/` once per build.

Every YAML file is validated against `DataFile`; lists of one kind from several files are
joined (that is how a committee's `data/local/` overlay adds entries). Then ids must be
unique and every reference must name something that exists. Reverse links (which case
studies illustrate a type, which pages cite a reference) are built here in one pass, so
templates never scan all the data for each page.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any, Iterator, get_args

from pydantic import BaseModel, ValidationError

from .errors import DataError, DataProblem, Loc, did_you_mean
from .models import (
    CaseStudy,
    Course,
    DataFile,
    FactorList,
    GlossaryTerm,
    KeyMessages,
    ChangeEntry,
    LocalContact,
    QuestionSet,
    ReadyReckoner,
    SiteSettings,
    Reference,
    ResistanceType,
    Resource,
    Tool,
    TrainingResource,
)
from .yaml_source import SourceFile, read_yaml

CITE = re.compile(r"\]\(cite:([^)\s]*)\)")
# Kinds given once (a mapping), and kinds given as lists that files add to.
SINGLETONS = ("ready_reckoner", "site")
LIST_KINDS = [name for name in DataFile.model_fields if name not in SINGLETONS]
LOCAL_DIR = "local"


@dataclass(frozen=True)
class Located:
    """An entry together with where it was written, for error messages."""

    entry: Any
    source: SourceFile
    loc: Loc
    local: bool = False


@dataclass
class SiteData:
    """Everything in `data/`, validated, with lookups by id and the reverse links the pages show."""

    resistance_types: list[ResistanceType]
    case_studies: list[CaseStudy]
    factor_lists: list[FactorList]
    key_messages: list[KeyMessages]
    question_sets: list[QuestionSet]
    courses: list[Course]
    training_resources: list[TrainingResource]
    tools: list[Tool]
    resources: list[Resource]
    references: list[Reference]
    glossary: list[GlossaryTerm]
    contacts: list[LocalContact]
    changelog: list[ChangeEntry]
    ready_reckoner: ReadyReckoner
    site: SiteSettings
    local: set[tuple[str, str]] = field(default_factory=set)
    by_id: dict[str, dict[str, Any]] = field(default_factory=dict)
    cases_by_type: dict[str, list[CaseStudy]] = field(default_factory=dict)
    questions_by_type: dict[str, list[QuestionSet]] = field(default_factory=dict)
    courses_by_type: dict[str, list[Course]] = field(default_factory=dict)
    tools_by_type: dict[str, list[Tool]] = field(default_factory=dict)
    courses_by_tool: dict[str, list[Course]] = field(default_factory=dict)
    resources_by_reference: dict[str, list[Resource]] = field(default_factory=dict)
    cited_by: dict[str, list[tuple[str, str]]] = field(default_factory=dict)


# Which list field points at which kind: (kind, field) -> target kind.
REFERENCE_FIELDS: dict[tuple[str, str], str] = {
    ("case_studies", "illustrates"): "resistance_types",
    ("question_sets", "addresses"): "resistance_types",
    ("courses", "addresses"): "resistance_types",
    ("courses", "tools"): "tools",
    ("tools", "addresses"): "resistance_types",
    ("resources", "reference"): "references",
}

KIND_LABEL = {
    "resistance_types": "resistance type",
    "case_studies": "case study",
    "tools": "tool",
    "references": "reference",
    "courses": "course",
}


def _reason(error: dict) -> tuple[Loc, str]:
    """Turn one pydantic error into (field path, plain-English reason)."""
    loc = tuple(error["loc"])
    kind = error["type"]
    given = error.get("input")
    if kind == "extra_forbidden":
        name = str(loc[-1])
        return loc, f"unknown field '{name}'{did_you_mean(name, _fields_at(loc[:-1]))}"
    if kind == "missing":
        return loc, "this required field is missing"
    if kind in ("string_type", "string_sub_type"):
        return loc, f"expected text, got {_describe(given)}; put quotes around it if it is meant as text"
    if kind in ("int_type", "int_parsing", "int_from_float"):
        return loc, f"expected a whole number, got {_describe(given)}"
    if kind == "bool_type":
        return loc, f"expected true or false, got {_describe(given)}"
    if kind == "list_type":
        return loc, f"expected a list (lines starting with '- '), got {_describe(given)}"
    if kind in ("model_type", "model_attributes_type", "dict_type"):
        return loc, f"expected a group of fields ('name: value' lines), got {_describe(given)}"
    if kind in ("date_type", "date_parsing", "date_from_datetime_parsing", "date_from_datetime_inexact"):
        return loc, f"expected a date written as YYYY-MM-DD, got {_describe(given)}"
    if kind == "too_short":
        return loc, "must not be empty"
    if kind == "literal_error":
        allowed = error.get("ctx", {}).get("expected", "")
        return loc, f"{_describe(given)} is not one of the allowed values: {allowed}"
    if kind in ("greater_than_equal", "less_than_equal"):
        return loc, error["msg"].lower()
    if kind == "value_error":
        return loc, str(error["ctx"]["error"])
    if kind == "string_too_long":
        return loc, f"is too long; at most {error['ctx']['max_length']} characters are allowed"
    return loc, error["msg"]


def _describe(value: Any) -> str:
    if isinstance(value, (dict, list)):
        return "a group of fields" if isinstance(value, dict) else "a list"
    if isinstance(value, (date, datetime)):
        return value.isoformat()  # YAML reads an unquoted 2010-08-06 as a date
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


_FIELD_NAMES: list[str] = []


def _field_names() -> list[str]:
    """Every field name any model knows, for 'did you mean' on an unknown key."""
    if not _FIELD_NAMES:
        seen: set[str] = set()
        stack = [DataFile]
        while stack:
            model = stack.pop()
            for name, info in model.model_fields.items():
                seen.add(name)
                for arg in _model_args(info.annotation):
                    if arg not in stack:
                        stack.append(arg)
        _FIELD_NAMES.extend(sorted(seen))
    return _FIELD_NAMES


def _fields_at(loc: Loc) -> list[str]:
    """The fields of the model found at `loc`, for 'did you mean' (a name valid elsewhere, such as
    a resource's `author` written in a tool, must not be suggested back as itself)."""
    model: type[BaseModel] = DataFile
    for part in loc:
        if isinstance(part, int):
            continue
        info = model.model_fields.get(str(part))
        inner = next(_model_args(info.annotation), None) if info else None
        if inner is None:
            return _field_names()
        model = inner
    return list(model.model_fields)


def _model_args(annotation: Any) -> Iterator[type]:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        yield annotation
    for arg in get_args(annotation):
        yield from _model_args(arg)


def _validate_file(source: SourceFile) -> tuple[DataFile | None, list[DataProblem]]:
    unknown = [key for key in source.data if key not in DataFile.model_fields]
    if unknown:
        key = str(unknown[0])
        reason = f"unknown kind of data '{key}'{did_you_mean(key, DataFile.model_fields)}"
        return None, [source.problem((key,), reason)]
    try:
        return DataFile.model_validate(source.data), []
    except ValidationError as exc:
        problems = []
        for error in exc.errors(include_url=False):
            loc, reason = _reason(error)
            problems.append(source.problem(loc, reason))
        return None, problems


def data_files(data_dir: Path) -> list[Path]:
    """The core files, then a committee's overlay under `local/`, each in name order."""
    core = sorted(p for p in data_dir.glob("*.y*ml") if p.is_file())
    local = sorted(p for p in (data_dir / "local").glob("*.y*ml") if p.is_file())
    return core + local


def _walk_strings(value: Any, loc: Loc) -> Iterator[tuple[Loc, str]]:
    if isinstance(value, str):
        yield loc, value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _walk_strings(item, loc + (key,))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _walk_strings(item, loc + (index,))


def load_site_data(data_dir: Path, display_root: Path | None = None) -> SiteData:
    """Read and check every data file; raise DataError listing every problem, or return SiteData."""
    display_root = display_root or data_dir.parent
    problems: list[DataProblem] = []
    located: dict[str, list[Located]] = defaultdict(list)
    singletons: dict[str, list[Located]] = defaultdict(list)
    sources: list[SourceFile] = []

    for path in data_files(data_dir):
        name = path.relative_to(display_root).as_posix() if path.is_relative_to(display_root) else str(path)
        try:
            source = read_yaml(path, name)
        except DataError as exc:
            problems.extend(exc.problems)
            continue
        parsed, file_problems = _validate_file(source)
        problems.extend(file_problems)
        if parsed is None:
            continue
        sources.append(source)
        local = path.parent.name == LOCAL_DIR and path.parent.parent == data_dir
        for kind in LIST_KINDS:
            for index, entry in enumerate(getattr(parsed, kind)):
                located[kind].append(Located(entry, source, (kind, index), local))
        for kind in SINGLETONS:
            if getattr(parsed, kind) is not None:
                singletons[kind].append(Located(getattr(parsed, kind), source, (kind,), local))

    if problems:
        raise DataError(problems)

    problems.extend(_apply_overlay(located))
    problems.extend(_check_unique(located))
    chosen = {}
    for kind in SINGLETONS:
        given = _overlaid_singleton(singletons[kind])
        if not given:
            problems.append(DataProblem(f"{data_dir.name}/", 1, "", f"no file gives the {kind} (see README.md)"))
            continue
        chosen[kind] = given[0].entry
        for extra in given[1:]:
            problems.append(extra.source.problem(extra.loc, f"{kind} is already given in {given[0].source.name}"))
    ids = {kind: {_key(kind, item.entry) for item in items} for kind, items in located.items()}
    problems.extend(_check_references(located, ids))
    cited_by, cite_problems = _collect_citations(sources, ids.get("references", set()))
    problems.extend(cite_problems)
    if problems:
        raise DataError(problems)

    return _assemble(located, chosen, cited_by)


def _overlaid_singleton(given: list[Located]) -> list[Located]:
    """A committee's `data/local/` copy of a once-only kind (its site.yml) wins over the core one."""
    local = [item for item in given if item.local]
    return local or given


def _key(kind: str, entry: Any) -> str | None:
    if kind == "glossary":
        return entry.term
    return getattr(entry, "id", None)


def _apply_overlay(located: dict[str, list[Located]]) -> list[DataProblem]:
    """Put each local entry marked `replaces: true` in the place of the core entry with its id."""
    problems = []
    for kind, items in located.items():
        core_keys = {_key(kind, item.entry) for item in items if not item.local}
        replacing: dict[str, Located] = {}
        for item in items:
            if not getattr(item.entry, "replaces", False):
                continue
            key = _key(kind, item.entry)
            if not item.local:
                problems.append(item.source.problem(item.loc + ("replaces",), f"only entries in data/{LOCAL_DIR}/ may replace another entry"))
            elif key not in core_keys:
                problems.append(item.source.problem(item.loc + ("replaces",), f"there is no core entry with id '{key}' to replace"))
            else:
                replacing[key] = item
        if replacing:
            kept = [item for item in items if item not in replacing.values()]
            located[kind] = [item if item.local else replacing.get(_key(kind, item.entry), item) for item in kept]
    return problems


def _check_unique(located: dict[str, list[Located]]) -> list[DataProblem]:
    problems = []
    for kind, items in located.items():
        first: dict[str, Located] = {}
        for item in items:
            key = _key(kind, item.entry)
            if key is None:
                continue
            if key in first:
                where = first[key]
                field = "term" if kind == "glossary" else "id"
                place = f"{where.source.name}:{where.source.line_of(where.loc)}"
                if item.local and not where.local and hasattr(item.entry, "replaces"):
                    reason = f"id '{key}' is already used by the core entry at {place}; add 'replaces: true' to replace it, or choose another id"
                elif item.local and not where.local:
                    reason = f"id '{key}' is already used by the core entry at {place}; a local file cannot replace this kind of entry, choose another id"
                else:
                    reason = f"duplicate {field} '{key}' (already used at {place})"
                problems.append(item.source.problem(item.loc + (field,), reason))
            else:
                first[key] = item
    return problems


def _check_references(located: dict[str, list[Located]], ids: dict[str, set[str]]) -> list[DataProblem]:
    problems = []
    for (kind, name), target in REFERENCE_FIELDS.items():
        known = ids.get(target, set())
        label = KIND_LABEL.get(target, target)
        for item in located.get(kind, []):
            value = getattr(item.entry, name)
            values = value if isinstance(value, list) else [value] if value else []
            for index, ref in enumerate(values):
                if ref not in known:
                    loc = item.loc + ((name, index) if isinstance(value, list) else (name,))
                    problems.append(item.source.problem(loc, f"unknown {label} '{ref}'{did_you_mean(ref, known)}"))
    for item in located.get("resistance_types", []):
        for index, quote in enumerate(item.entry.quotes):
            if quote.reference not in ids.get("references", set()):
                loc = item.loc + ("quotes", index, "reference")
                problems.append(item.source.problem(loc, f"unknown reference '{quote.reference}'{did_you_mean(quote.reference, ids.get('references', set()))}"))
    return problems


def unknown_citation(ref: str, references: set[str] | dict) -> str:
    """The reason given for a `cite:` id with no reference, in data and in prose alike."""
    return f"citation of unknown reference '{ref}'{did_you_mean(ref, references)}"


def _collect_citations(sources: list[SourceFile], references: set[str]) -> tuple[dict[str, list[tuple[str, Loc]]], list[DataProblem]]:
    """Find every `](cite:id)` in data text: unknown ids are errors; known ones feed 'cited by'."""
    cited: dict[str, list[tuple[str, Loc]]] = defaultdict(list)
    problems = []
    for source in sources:
        for loc, text in _walk_strings(source.data, ()):
            for ref in CITE.findall(text):
                if ref in references:
                    cited[ref].append((source.name, loc))
                else:
                    problems.append(source.problem(loc, unknown_citation(ref, references)))
    return cited, problems


def _assemble(located: dict[str, list[Located]], singletons: dict[str, Any], cited: dict[str, list[tuple[str, Loc]]]) -> SiteData:
    entries = {kind: [item.entry for item in located.get(kind, [])] for kind in LIST_KINDS}
    data = SiteData(**entries, **singletons)
    data.local = {(kind, _key(kind, item.entry)) for kind, items in located.items() for item in items if item.local}
    data.changelog.sort(key=lambda change: change.date, reverse=True)
    data.case_studies.sort(key=lambda case: case.number)
    data.by_id = {kind: {_key(kind, e): e for e in items} for kind, items in entries.items() if kind != "changelog"}

    def index(pairs: Iterator[tuple[str, Any]]) -> dict[str, list]:
        out: dict[str, list] = defaultdict(list)
        for key, entry in pairs:
            out[key].append(entry)
        return dict(out)

    data.cases_by_type = index((t, c) for c in data.case_studies for t in c.illustrates)
    data.questions_by_type = index((t, q) for q in data.question_sets for t in q.addresses)
    data.courses_by_type = index((t, c) for c in data.courses for t in c.addresses)
    data.tools_by_type = index((t, tool) for tool in data.tools for t in tool.addresses)
    data.courses_by_tool = index((t, c) for c in data.courses for t in c.tools)
    data.resources_by_reference = index((r.reference, r) for r in data.resources if r.reference)
    data.cited_by = _citing_entries(located, cited)
    return data


def _citing_entries(located: dict[str, list[Located]], cited: dict[str, list[tuple[str, Loc]]]) -> dict[str, list[tuple[str, str]]]:
    """For each cited reference, the (kind, id) of each entry citing it: one lookup per citation.

    A citation is known by its file and place, as a core and a local file both have a first
    entry; a singleton (the ready reckoner) has no id, and an entry replaced by a local one
    is not on the site, so its citations are dropped with it.
    """
    owner = {(item.source.name, item.loc): (kind, _key(kind, item.entry)) for kind, items in located.items() for item in items}
    result: dict[str, list[tuple[str, str]]] = {}
    for ref, places in cited.items():
        entries = []
        for file, loc in places:
            kind = str(loc[0])
            if kind in SINGLETONS:
                entries.append((kind, ""))
            elif (file, loc[:2]) in owner:
                entries.append(owner[(file, loc[:2])])
        result[ref] = entries
    return result
