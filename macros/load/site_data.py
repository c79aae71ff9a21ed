"""The validated data set that templates and outputs read: entries by kind, lookups by id, and
the links between entries in both directions, all made once when the data is loaded."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ..model.kinds import BY_NAME, KINDS


def withdrawn(entry: Any) -> bool:
    """Whether an entry was withdrawn: its page stays, but no list or link offers it."""
    return bool(getattr(entry, "withdrawn", None))


@dataclass(frozen=True)
class SiteData:
    """Everything in `data/`: `data.case_studies`, `data.by_id["tools"]["c-change"]`, `data.linked_from(...)`.

    Each kind in the registry is an attribute of the same name: the list of its entries readers are offered
    (withdrawn ones left out), or the one entry of a single kind (the ready reckoner, the site settings).
    `every(kind)` includes the withdrawn, whose pages stay; `by_id` finds any entry.
    """

    entries: dict[str, Any]
    local: frozenset[tuple[str, str]] = frozenset()
    by_id: dict[str, dict[str, Any]] = field(default_factory=dict)
    # (target kind, target id) -> {referring kind: [entries]}, from the registry's `links`.
    backlinks: dict[tuple[str, str], dict[str, list]] = field(default_factory=dict)
    # reference id -> the (kind, id) of each entry whose text cites it ("" for a single kind).
    cited_by: dict[str, list[tuple[str, str]]] = field(default_factory=dict)
    # (kind, id) of the core entries the committee does not offer (its settings' `hide_packs`): in no list, no downloads.
    hidden: frozenset[tuple[str, str]] = frozenset()

    def __post_init__(self) -> None:
        offered = {name: [entry for entry in value if not withdrawn(entry) and not self.is_hidden(name, entry)] if isinstance(value, list) else value
                   for name, value in self.entries.items()}
        object.__setattr__(self, "offered", offered)

    def is_hidden(self, kind: str, entry: Any) -> bool:
        """Whether the committee hides this entry (an entry, or its id): its page stays, saying so, but nothing offers it."""
        return bool(self.hidden) and (kind, entry if isinstance(entry, str) else getattr(entry, "id", None)) in self.hidden

    def __getattr__(self, name: str) -> Any:
        if name in BY_NAME and "offered" in self.__dict__:
            return self.offered[name]
        raise AttributeError(name)

    def every(self, kind: str) -> Any:
        """Every entry of a kind, the withdrawn too: each keeps its page and its downloads."""
        return self.entries[kind]

    def linked_from(self, kind: str, entry_id: str, from_kind: str) -> list:
        """Offered entries of `from_kind` that name this entry: the case studies illustrating a behaviour, say."""
        return [entry for entry in self.backlinks.get((kind, entry_id), {}).get(from_kind, []) if not withdrawn(entry) and not self.is_hidden(from_kind, entry)]

    def is_local(self, kind: str, entry_id: str) -> bool:
        """True for an entry a committee added in data/local/: its pages say so."""
        return (kind, entry_id) in self.local

    def counts(self) -> dict[str, int]:
        """How many entries each list kind has, in registry order."""
        return {kind.plural: len(self.entries[kind.name]) for kind in KINDS if not kind.single}
