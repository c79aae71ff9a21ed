"""The build's caches under .cache/ (the downloads, the compressed copies, the phone icons) keep only
what builds use (a module of its own, below every layer, for each that keeps a cache): a build touches each entry it uses, and an entry no build used for an hour goes (a
file or a folder being written by another build is minutes old, so it stays). No mkdocs here."""

from __future__ import annotations

import os
import shutil
import stat
import time
from collections.abc import Iterable
from pathlib import Path

KEEP_UNUSED_SECONDS = 3600


TOUCHED_RECENTLY_SECONDS = 600  # an entry touched this recently is far from the hour: touching it again changes nothing


def mark_used(path: Path) -> None:
    os.utime(path)


def in_cache(path: Path) -> bool:
    """Whether the file `path` is in its cache, marked used if it is (one stat, and a touch only when it is not recent)."""
    try:
        found = path.stat()
    except OSError:
        return False
    if not stat.S_ISREG(found.st_mode):
        return False
    if found.st_mtime < time.time() - TOUCHED_RECENTLY_SECONDS:
        mark_used(path)
    return True


def prune_unused(cache_dir: Path, used: Iterable[Path]) -> None:
    """Remove each file or folder of `cache_dir` not in `used` that no build touched for an hour."""
    keep = set(used)
    cutoff = time.time() - KEEP_UNUSED_SECONDS
    for path in cache_dir.iterdir():
        try:
            if path not in keep and path.stat().st_mtime < cutoff:
                if path.is_dir():
                    shutil.rmtree(path)
                else:
                    path.unlink()
        except OSError:
            pass
