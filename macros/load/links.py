"""Links between entries, from the registry's `links`: every id named must exist, and each link
is also kept the other way round (a behaviour lists the case studies that illustrate it).
Citations in text, `[...](cite:<id>)`, are links to references, found by scanning the text."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from ..model.kind import Kind
from ..model.kinds import BY_NAME
from .errors import DataProblem, Loc, did_you_mean

CITE = re.compile(r"\]\(cite:([^)\s]*)\)")


@dataclass(frozen=True)
class Located:
    """An entry together with where it was written, for messages and the 'Local' mark."""

    kind: Kind
    entry: Any
    source: Any  # a SourceFile, or the merged settings' MergedSource
    loc: Loc
    local: bool = False

    @property
    def key(self) -> str | None:
        return self.kind.key_of(self.entry)


def named_ids(entry: Any, path: str, loc: Loc = ()) -> Iterator[tuple[Loc, str]]:
    """Each id an entry names through `path` ("illustrates", "quotes.reference"), with its field path."""
    name, _, rest = path.partition(".")
    value = getattr(entry, name)
    items = list(enumerate(value)) if isinstance(value, list) else [(None, value)]
    for index, item in items:
        here = loc + ((name,) if index is None else (name, index))
        if item is None:
            continue
        if rest:
            yield from named_ids(item, rest, here)
        elif isinstance(item, str):  # not an address given in place of an id (a resource's superseded_by)
            yield here, item


def unknown_ids(located: list[Located], known: dict[str, set[str]]) -> list[DataProblem]:
    """Every id named through a link that no entry of the target kind has."""
    problems = []
    for item in located:
        for path, target in item.kind.links.items():
            ids = known.get(target, set())
            for loc, ref in named_ids(item.entry, path):
                if ref not in ids:
                    reason = f"unknown {BY_NAME[target].label} '{ref}'{did_you_mean(ref, ids)}"
                    if path in item.kind.lists_ids:
                        reason += valid_ids(BY_NAME[target], [other.kind.key_of(other.entry) for other in located if other.kind.name == target])
                    problems.append(item.source.problem(item.loc + loc, reason))
    return problems


LISTED_IDS = 8  # an unknown id's message lists at most this many of the valid ones


def valid_ids(kind, ids: list[str]) -> str:
    """"; the case studies are: one, two, three" (the first few, in the data's order, when there are many)."""
    shown = list(dict.fromkeys(ids))
    if not shown:
        return f"; there are no {kind.plural} yet"
    more = f" and {len(shown) - LISTED_IDS} more" if len(shown) > LISTED_IDS else ""
    return f"; the {kind.plural} are: {', '.join(shown[:LISTED_IDS])}{more}"


def backlinks(located: list[Located]) -> dict[tuple[str, str], dict[str, list]]:
    """(target kind, id) -> {referring kind: entries}, in the referring kind's order."""
    found: dict[tuple[str, str], dict[str, list]] = defaultdict(lambda: defaultdict(list))
    listed: set[tuple[str, str, int]] = set()  # (target kind, id, the entry's identity): an entry naming one twice is listed once
    for item in located:
        for path, target in item.kind.links.items():
            for _, ref in named_ids(item.entry, path):
                if (target, ref, id(item.entry)) not in listed:
                    listed.add((target, ref, id(item.entry)))
                    found[(target, ref)][item.kind.name].append(item.entry)
    return {key: dict(value) for key, value in found.items()}


def unknown_citation(ref: str, references: set[str] | dict) -> str:
    """The reason given for a `cite:` id with no reference, in data and in prose alike."""
    return f"citation of unknown reference '{ref}'{did_you_mean(ref, references)}"


def strings(value: Any, loc: Loc = ()) -> Iterator[tuple[Loc, str]]:
    """Every text in a parsed YAML value, with its field path."""
    if isinstance(value, str):
        yield loc, value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from strings(item, loc + (key,))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from strings(item, loc + (index,))


def citations(sources: list, references: set[str]) -> tuple[dict[str, list[tuple[str, Loc]]], list[DataProblem]]:
    """Every `](cite:id)` in data text: unknown ids are problems; known ones, (file, place) per reference."""
    cited: dict[str, list[tuple[str, Loc]]] = defaultdict(list)
    problems = []
    for source in sources:
        for loc, text in strings(source.data):
            for ref in CITE.findall(text):
                if ref in references:
                    cited[ref].append((source.name, loc))
                else:
                    problems.append(source.problem(loc, unknown_citation(ref, references)))
    return cited, problems


def citing_entries(located: list[Located], cited: dict[str, list[tuple[str, Loc]]]) -> dict[str, list[tuple[str, str]]]:
    """For each cited reference, the (kind, id) of each entry citing it (in its text, or in a field its kind
    declares `citing`): one lookup per citation.

    A citation is known by its file and place, as a core and a local file both have a first
    entry; a single kind (the ready reckoner) has no id; an entry replaced by a local one is not
    on the site, so its citations go with it.
    """
    owner = {(item.source.name, item.loc): (item.kind.name, item.key or "") for item in located}
    result: dict[str, list[tuple[str, str]]] = {}
    for ref, places in cited.items():
        entries = []
        for file, loc in places:
            kind = BY_NAME.get(str(loc[0]))
            place = (file, loc[:1] if kind and kind.single else loc[:2])
            if place in owner:
                entries.append(owner[place])
        result[ref] = entries
    for item in located:  # a quotation's source, which the entry's page shows as a citation
        for path in item.kind.citing:
            for _, ref in named_ids(item.entry, path):
                if (item.kind.name, item.key or "") not in result.setdefault(ref, []):
                    result[ref].append((item.kind.name, item.key or ""))
    return result


@dataclass(frozen=True)
class SectionToFind:
    """A `discussed_in` section that its page's own text does not make but its macros may: only rendering the
    page can tell (render/prose_calls.py), which says `problem` (its reason still to write) if they do not."""

    problem: DataProblem
    page: str
    anchor: str
    shown: str  # the page as the editor knows it: content/part-four/managers.md


def unknown_sections(located: list[Located], sections: dict[str, dict[str, str]], docs_name: str,
                     with_macros: frozenset[str] | set[str] = frozenset()) -> tuple[list[DataProblem], list[SectionToFind]]:
    """Every `discussed_in` that names a page of `content/` that is not there, or a section it does not have;
    and those naming a section that a page with macro calls (`with_macros`) may make."""
    problems, to_find = [], []
    for item in located:
        for index, target in enumerate(getattr(item.entry, "discussed_in", None) or []):
            page, _, anchor = target.partition("#")
            loc = item.loc + ("discussed_in", index)
            if page not in sections:
                problems.append(item.source.problem(loc, f"there is no page {docs_name}/{page}{did_you_mean(page, sections)}"))
            elif anchor and anchor not in sections[page] and page in with_macros:
                to_find.append(SectionToFind(item.source.problem(loc, ""), page, anchor, f"{docs_name}/{page}"))
            elif anchor and anchor not in sections[page]:
                problems.append(item.source.problem(loc, f"{docs_name}/{page} has no section '#{anchor}'{did_you_mean(anchor, sections[page])}"))
    return problems, to_find
