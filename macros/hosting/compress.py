"""Pre-compressed siblings (`page.html.gz`, `page.html.br`) of every text file of a built site.

nginx (`gzip_static`), Apache (rewrite rules) and IIS can send these as they are, so a host that
does not compress on the fly still sends small pages. gzip at its best level and Brotli at quality
9 cost about a second for the real portfolio, so each compressed copy is kept in a cache folder by
the hash of what it compresses, and a build only compresses what changed (Material's own assets,
most of the bytes, never do). The copies are byte-for-byte reproducible (no timestamp in the gzip).
"""

from __future__ import annotations

import gzip
import hashlib
import os
import threading
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import brotli

from . import TEXT_TYPES

MIN_SIZE = 256  # smaller files gain nothing
GZIP_LEVEL = 9
BROTLI_QUALITY = 9


def compressible(site_dir: Path) -> list[Path]:
    return sorted(p for p in site_dir.rglob("*") if p.is_file() and p.suffix in TEXT_TYPES and p.stat().st_size >= MIN_SIZE)


def _compressed(data: bytes, cache: Path | None) -> tuple[bytes, bytes]:
    key = hashlib.sha256(data).hexdigest()
    if cache:
        gz, br = cache / f"{key}.gz", cache / f"{key}.br"
        if gz.is_file() and br.is_file():
            return gz.read_bytes(), br.read_bytes()
    result = gzip.compress(data, GZIP_LEVEL, mtime=0), brotli.compress(data, quality=BROTLI_QUALITY)
    if cache:
        for path, content in ((gz, result[0]), (br, result[1])):  # whole or not at all: builds may share the cache
            partial = path.with_name(f".{path.name}.{os.getpid()}.{threading.get_ident()}")
            partial.write_bytes(content)
            partial.replace(path)
    return result


def write_compressed(site_dir: Path, cache: Path | None = None) -> int:
    """Write `.gz` and `.br` beside each text file; returns how many files were compressed."""
    if cache:
        cache.mkdir(parents=True, exist_ok=True)
    files = compressible(site_dir)

    def one(path: Path) -> None:
        gz, br = _compressed(path.read_bytes(), cache)
        path.with_name(path.name + ".gz").write_bytes(gz)
        path.with_name(path.name + ".br").write_bytes(br)

    with ThreadPoolExecutor(max_workers=4) as pool:  # zlib and Brotli work outside the GIL
        list(pool.map(one, files))
    return len(files)
