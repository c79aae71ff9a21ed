"""What a preview keeps of each page from one build to the next (its conversion, its rendering), by the page's
source path and what it was made from, within a total size: a site of thousands of entries keeps what fits,
and makes the rest afresh, as a build does."""

from __future__ import annotations

from collections.abc import Hashable
from typing import Any


class KeptByPage:
    def __init__(self, limit: int):
        self._kept: dict[str, tuple[Hashable, Any, int]] = {}
        self._size, self._limit = 0, limit
        self.reused: set[str] = set()  # the pages taken as they were since `start_build` (the tests ask)

    def start_build(self) -> None:
        self.reused = set()

    def get(self, source: str, made_from: Hashable) -> Any | None:
        """The page as kept, if it was made from the same."""
        kept = self._kept.get(source)
        if kept is None or kept[0] != made_from:
            return None
        self.reused.add(source)
        return kept[1]

    def put(self, source: str, made_from: Hashable, value: Any, size: int) -> None:
        """Keeps the page as made now, in place of the one before; nothing when it would not fit."""
        self.drop(source)
        if self._size + size <= self._limit:
            self._kept[source] = (made_from, value, size)
            self._size += size

    def drop(self, source: str) -> None:
        kept = self._kept.pop(source, None)
        if kept is not None:
            self._size -= kept[2]
