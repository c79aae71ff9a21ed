"""The data of one revision as written: each kind's entries as plain YAML values, `data/local/` laid over
`data/`, without the models' checks.

An earlier edition may hold fields that have since been renamed, or text today's checks refuse; it is still
what the committee approved then, so it is read, not validated. Both sides of a comparison are read here,
the same way, so that nothing differs but what the editors wrote.
"""

from __future__ import annotations

from typing import Any

import yaml

from ...load.errors import DataError
from ...load.settings import merge
from ...load.yaml_source import MAX_FILE_BYTES, read_yaml_text
from ...model.kinds import BY_NAME, KINDS
from .values import entry_key, plain

LOCAL = "local/"  # a committee's folder, inside data/
REPLACES = "replaces"  # how a local entry takes a core one's place: not part of what it says


def is_data_file(name: str) -> bool:
    """A file the loader reads, by its path from data/: data/*.yml and data/local/*.yml, but the examples."""
    folder, _, file = name.rpartition("/")
    return folder in ("", LOCAL.rstrip("/")) and file.endswith(".yml") and not file.endswith(".example.yml")


def written_entries(files: dict[str, str]) -> tuple[dict[str, Any], tuple[str, ...]]:
    """Each kind's entries from `files` (path from data/ -> text): a list of plain entries, or a single kind's
    fields (None when not given); and a note for each file that could not be read."""
    core: dict[str, Any] = {}
    local: dict[str, Any] = {}
    notes = []
    for name in sorted(files, key=lambda name: (name.startswith(LOCAL), name)):
        value, why = _read(files[name], name)
        if why:
            notes.append(f"data/{name} could not be read ({why}); what it held is not compared")
            continue
        into = local if name.startswith(LOCAL) else core
        for key, given in value.items():
            kind = BY_NAME.get(str(key))
            if kind is None:
                continue
            if kind.single:
                into[kind.name] = merge(into[kind.name], given) if kind.name in into else given
            elif isinstance(given, list):
                into.setdefault(kind.name, []).extend(entry for entry in given if isinstance(entry, dict))
    return {kind.name: _laid_over(kind, core.get(kind.name), local.get(kind.name)) for kind in KINDS}, tuple(notes)


def _laid_over(kind, core: Any, local: Any) -> Any:
    """A committee's entries over the core's: fields merged for a single kind; for a list, a local entry with a
    core entry's id in its place, the others after."""
    if kind.single:
        value = merge(core, local) if core is not None and local is not None else (local if core is None else core)
        return plain(value) if isinstance(value, dict) else None
    entries = [plain(entry) for entry in core or ()]
    where = {entry_key(entry, kind.key): index for index, entry in enumerate(entries)}
    for entry in (plain(entry) for entry in local or ()):
        entry.pop(REPLACES, None)
        key = entry_key(entry, kind.key)
        if key is not None and key in where:
            entries[where[key]] = entry
        else:
            entries.append(entry)
    return entries


class _NoAliases(yaml.SafeLoader):
    """PyYAML's safe reader, refusing aliases: one line of them can stand for more values than memory holds."""

    def compose_node(self, parent, index):
        if self.check_event(yaml.AliasEvent):
            raise yaml.YAMLError("it uses YAML aliases")
        return super().compose_node(parent, index)


def _read(text: str, name: str) -> tuple[dict, str]:
    """A file's mapping, read strictly as the loader does, else as plain YAML; or why it cannot be read."""
    if len(text.encode("utf-8", "surrogatepass")) > MAX_FILE_BYTES:
        return {}, f"it is larger than {MAX_FILE_BYTES // 2**20} MB"
    try:
        return read_yaml_text(text, f"data/{name}").data, ""
    except DataError:
        pass
    try:
        value = yaml.load(text, Loader=_NoAliases)  # a SafeLoader
    except (yaml.YAMLError, ValueError, TypeError, RecursionError) as exc:
        return {}, str(exc).splitlines()[0] if str(exc) else "it is not YAML"
    return (value, "") if isinstance(value, dict) else ({}, "it holds no kinds of data")
