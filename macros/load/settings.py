"""A committee's `data/local/site.yml` changes only what differs from `data/site.yml`.

Mappings merge field by field and a list replaces the core's list, so a committee that wants
only its own name and logo writes two fields, and a field the core adds later reaches it.
The merged settings are validated as one; a problem names the file, and line, the value came from.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from .errors import DataProblem, Loc
from .yaml_source import SourceFile


def merge(core: Any, local: Any) -> Any:
    """`local` over `core`: mappings merge key by key; anything else (a list, a value) replaces."""
    if isinstance(core, dict) and isinstance(local, dict):
        merged = dict(core)
        for key, value in local.items():
            merged[key] = merge(core[key], value) if key in core else value
        return merged
    return local


@dataclass(frozen=True)
class MergedSource:
    """Where each merged value came from: the local file where it gave the value, else the core file."""

    core: SourceFile
    local: SourceFile

    @property
    def name(self) -> str:
        return self.local.name

    def _depth(self, source: SourceFile, loc: Loc) -> int:
        return next((end for end in range(len(loc), 0, -1) if tuple(loc[:end]) in source.lines), 0)

    def source_of(self, loc: Loc) -> SourceFile:
        # The top-level key (`site:`) is in both files; the local file wins from the first field it gives.
        local_depth = self._depth(self.local, loc)
        return self.local if local_depth > 1 and local_depth >= self._depth(self.core, loc) else self.core

    def line_of(self, loc: Loc) -> int:
        return self.source_of(loc).line_of(loc)

    def problem(self, loc: Loc, reason: str) -> DataProblem:
        return self.source_of(loc).problem(loc, reason)

