"""Each built file's SHA-256, worked out once per build: the offline copy's lists fingerprint every
file by it, and the compressed copies' cache is keyed by it. Files are read in chunks, so a 30 MB
search index is never held whole just to be hashed."""

from __future__ import annotations

import hashlib
from pathlib import Path


class FileDigests:
    """Memoised hex digests; a file must not change after it is first asked for (built files do not)."""

    def __init__(self):
        self._known: dict[Path, str] = {}

    def of(self, path: Path) -> str:
        found = self._known.get(path)
        if found is None:
            with path.open("rb") as file:
                found = self._known[path] = hashlib.file_digest(file, "sha256").hexdigest()
        return found
