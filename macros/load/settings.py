"""A committee's `data/local/site.yml` changes only what differs from `data/site.yml`.

Mappings merge field by field and a list replaces the core's list, so a committee that wants
only its own name and logo writes two fields, and a field the core adds later reaches it.
The merged settings are validated as one; a problem names the file, and line, the value came from.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..offline.icons import IconError, logo_at
from .errors import DataProblem, Loc
from .yaml_source import SourceFile

LOGO_TYPES = (".svg", ".png", ".jpg", ".jpeg")


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


def logo_problem(logo: str, data_dir: Path) -> str | None:
    """Why the logo named in the settings cannot be used, if it cannot."""
    root = data_dir.resolve()
    path = (root / logo).resolve()
    if not path.is_relative_to(root):
        return f"'{logo}' is outside {data_dir.name}/; put the logo in {data_dir.name}/local/ and give its path from {data_dir.name}/, e.g. local/logo.svg"
    if path.suffix.lower() not in LOGO_TYPES:
        return f"'{logo}' is not an .svg, .png or .jpg file"
    if not path.is_file():
        return f"there is no file {data_dir.name}/{Path(logo).as_posix()}; give the logo's path from {data_dir.name}/, e.g. local/logo.svg"
    try:  # it becomes the site's icon on a phone's home screen (macros/offline/icons.py)
        logo_at(path, 16)
    except IconError as exc:
        return f"'{logo}' cannot be drawn for the site's icon ({exc}); save it again as an .svg, .png or .jpg file"
    return None
