"""The downloads a build offers: each written file (a Word handout, a deck, a PDF) with the pages that offer
it, as templates ask for them. Made by the build from what it wrote (macros/outputs/), so a page links only
to a file that is there."""

from __future__ import annotations

from pathlib import Path
from typing import Any


class OfferedDownloads:
    """The downloads of this build and the file each is (or is being) written to: what templates link to.
    A file that cannot be written stops the build, so no page is published linking to it."""

    def __init__(self, built: list[tuple[Any, Path]]):
        self.built = built
        self._by_page: dict[str, list] = {}
        self._by_entry: dict[tuple[str, str | None], list] = {}
        for download, _ in built:
            for page in download.pages:
                self._by_page.setdefault(page, []).append(download)
            self._by_entry.setdefault((download.kind, download.entry_id), []).append(download)

    def on_page(self, src: str) -> list:
        """The downloads a page offers (its entry's, or its whole kind's)."""
        return self._by_page.get(src, [])

    def of(self, kind: str, entry_id: str | None = None) -> list:
        """The downloads of one entry (or of a whole or single kind, with no id)."""
        return self._by_entry.get((kind, entry_id), [])

    def all(self) -> list:
        return [download for download, _ in self.built]
