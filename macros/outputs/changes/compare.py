"""The data then and now, entry by entry, for each kind in the registry's order.

Both sides are plain values (each entry as the fields YAML holds, read by written.py), so an earlier
revision that today's checks would refuse still compares. An entry is matched by its key (`id`, a glossary's
`term`); entries of a kind without one are matched in order by their text. It is:

- **added**: its key is new;
- **withdrawn**: its `withdrawn` field (on kinds that have one) was empty and is now set;
- **deleted**: its key is gone; where the kind gives each entry a page, that published address no longer
  answers, which the report flags (entries are withdrawn, never deleted);
- **changed**: any other field's words differ (spacing and line breaks aside). The review dates are not
  changes of text: they are listed apart, as moved.
"""

from __future__ import annotations

from typing import Any

from ...model.kind import Kind
from ...model.kinds import KINDS
from .diff import pairs, same_words, word_diff
from .records import DateMove, EntryChange, FieldChange, KindChanges
from .values import entry_key, in_words, is_empty, plain, shown, title_of

REVIEW_FIELDS = ("reviewed", "review_due")
WITHDRAWN = "withdrawn"
Entries = dict[str, Any]  # kind name -> a list of entries (each a dict of fields), or one entry (or None) for a single kind
Found = list[tuple[EntryChange | None, list[DateMove]]]


def compare_data(old: Entries, new: Entries) -> tuple[tuple[KindChanges, ...], tuple[DateMove, ...]]:
    """Every kind's entries added, withdrawn, deleted and changed, and every review date moved."""
    kinds, dates = [], []
    for kind in KINDS:
        before, after = old.get(kind.name), new.get(kind.name)
        if kind.single:
            found = _single(kind, before, after)
        elif kind.key:
            found = _keyed(kind, before or [], after or [])
        else:
            found = _in_order(kind, before or [], after or [])
        entries = tuple(entry for entry, _ in found if entry)
        dates += [move for _, moves in found for move in moves]
        if entries:
            kinds.append(KindChanges(kind.name, kind.plural, kind.label, entries))
    return tuple(kinds), tuple(dates)


def _keyed(kind: Kind, before: list, after: list) -> Found:
    old = {key: entry for entry in before if isinstance(entry, dict) and (key := entry_key(entry, kind.key)) is not None}
    new = {key: entry for entry in after if isinstance(entry, dict) and (key := entry_key(entry, kind.key)) is not None}
    found: Found = []
    for key, entry in new.items():
        title = title_of(entry, kind.key, kind.label)
        found.append(_compared(kind, key, title, old[key], entry) if key in old else (_added(kind, key, title, entry), []))
    found += [(EntryChange(key, title_of(entry, kind.key, kind.label), "deleted", _address(kind, key)), [])
              for key, entry in old.items() if key not in new]
    return found


def _in_order(kind: Kind, before: list, after: list) -> Found:
    before, after = [e for e in before if isinstance(e, dict)], [e for e in after if isinstance(e, dict)]
    found: Found = []
    for i, j in pairs([shown(entry) for entry in before], [shown(entry) for entry in after]):
        if i is not None and j is not None:
            found.append(_compared(kind, None, title_of(after[j], None, kind.label), before[i], after[j]))
        elif j is not None:
            found.append((_added(kind, None, title_of(after[j], None, kind.label), after[j]), []))
        else:
            found.append((EntryChange(None, title_of(before[i], None, kind.label), "deleted"), []))
    return found


def _single(kind: Kind, before: dict | None, after: dict | None) -> Found:
    """A single kind's one entry (the settings, the edition), called by its kind: "Edition details"."""
    title = kind.plural[:1].upper() + kind.plural[1:]
    if before is None and after is None:
        return []
    if before is None:
        return [(_added(kind, None, title, after), [])]
    if after is None:
        return [(EntryChange(None, title, "deleted"), [])]
    return [_compared(kind, None, title, before, after)]


def _added(kind: Kind, key: str | None, title: str, entry: dict) -> EntryChange:
    """A new entry, with everything it says, for the committee to read."""
    names = [name for name in entry if name != kind.key]
    return EntryChange(key, title, "added", _address(kind, key), tuple(field_changes(names, {}, entry)))


def _compared(kind: Kind, key: str | None, title: str, old: dict, new: dict) -> tuple[EntryChange | None, list[DateMove]]:
    """One entry on both sides: its fields that changed, whether it was withdrawn, its review dates that moved."""
    address = _address(kind, key)
    moves = [DateMove(title if kind.single else kind.label, title, name, plain(old.get(name)) or None, plain(new.get(name)) or None, address)
             for name in REVIEW_FIELDS if (plain(old.get(name)) or None) != (plain(new.get(name)) or None)]
    withdrawn = is_empty(old.get(WITHDRAWN)) and not is_empty(new.get(WITHDRAWN))
    names = [name for name in dict.fromkeys([*new, *old]) if name not in REVIEW_FIELDS and name != kind.key]
    fields = tuple(field_changes(names, old, new, skip=(WITHDRAWN,) if withdrawn else ()))
    if not withdrawn and not fields:
        return None, moves
    status = "withdrawn" if withdrawn else "changed"
    return EntryChange(key, title, status, address, fields, in_words(new.get(WITHDRAWN)) if withdrawn else ""), moves


def field_changes(names: list[str], old: dict, new: dict, skip: tuple[str, ...] = ()) -> list[FieldChange]:
    """Each of `names` whose words differ between `old` and `new`, with the word-level difference."""
    changes = []
    for name in names:
        if name in skip:
            continue
        before, after = shown(old.get(name)), shown(new.get(name))
        if not same_words(before, after):
            changes.append(FieldChange(name, word_diff(before, after)))
    return changes


def _address(kind: Kind, key: str | None) -> str | None:
    """An entry's page, from the site's root, when its kind gives each entry one."""
    return f"{kind.folder}/{key}/" if kind.folder and key else None
