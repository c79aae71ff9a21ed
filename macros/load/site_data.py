"""The validated data set that templates and outputs read: entries by kind, lookups by id, and
the links between entries in both directions, all made once when the data is loaded."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ..model.kinds import BY_NAME, KINDS


@dataclass(frozen=True)
class SiteData:
    """Everything in `data/`: `data.case_studies`, `data.by_id["tools"]["c-change"]`, `data.linked_from(...)`.

    Each kind in the registry is an attribute of the same name: a list of entries, or the one
    entry of a single kind (the ready reckoner, the site settings).
    """

    entries: dict[str, Any]
    local: frozenset[tuple[str, str]] = frozenset()
    by_id: dict[str, dict[str, Any]] = field(default_factory=dict)
    # (target kind, target id) -> {referring kind: [entries]}, from the registry's `links`.
    backlinks: dict[tuple[str, str], dict[str, list]] = field(default_factory=dict)
    # reference id -> the (kind, id) of each entry whose text cites it ("" for a single kind).
    cited_by: dict[str, list[tuple[str, str]]] = field(default_factory=dict)

    def __getattr__(self, name: str) -> Any:
        if name in BY_NAME and "entries" in self.__dict__:
            return self.entries[name]
        raise AttributeError(name)

    def linked_from(self, kind: str, entry_id: str, from_kind: str) -> list:
        """Entries of `from_kind` that name this entry: the case studies illustrating a behaviour, say."""
        return self.backlinks.get((kind, entry_id), {}).get(from_kind, [])

    def is_local(self, kind: str, entry_id: str) -> bool:
        """True for an entry a committee added in data/local/: its pages say so."""
        return (kind, entry_id) in self.local

    def counts(self) -> dict[str, int]:
        """How many entries each list kind has, in registry order."""
        return {kind.plural: len(self.entries[kind.name]) for kind in KINDS if not kind.single}
