"""Pre-compressed siblings (`page.html.gz`, `page.html.br`) of every text file of a built site.

nginx (`gzip_static`), Apache (rewrite rules) and IIS can send these as they are, so a host that
does not compress on the fly still sends small pages. gzip at its best level and Brotli at quality
9 cost about a second for the real portfolio, so each compressed copy is kept in a cache folder by
the hash of what it compresses, and a build only compresses what changed (Material's own assets,
most of the bytes, never do). The copies are byte-for-byte reproducible (no timestamp in the gzip).
"""

from __future__ import annotations

import gzip
import os
import shutil
import threading
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import brotli

from ..caches import in_cache, prune_unused
from . import TEXT_TYPES
from .digests import FileDigests

MIN_SIZE = 256  # smaller files gain nothing
GZIP_LEVEL = 9
BROTLI_QUALITY = 9
EXTENSIONS = ("gz", "br")


def compressible(site_dir: Path) -> list[Path]:
    return sorted(p for p in site_dir.rglob("*") if p.is_file() and p.suffix in TEXT_TYPES and p.stat().st_size >= MIN_SIZE)


def _compress(data: bytes) -> tuple[bytes, bytes]:
    return gzip.compress(data, GZIP_LEVEL, mtime=0), brotli.compress(data, quality=BROTLI_QUALITY)


def _keep(path: Path, content: bytes) -> None:
    """Write a file whole or not at all: builds may share the cache."""
    partial = path.with_name(f".{path.name}.{os.getpid()}.{threading.get_ident()}")
    partial.write_bytes(content)
    partial.replace(path)


def _place(copy: Path, sibling: Path) -> None:
    """The cached copy as the site's file: a second name for it (a hard link, ten times cheaper than copying;
    cached copies are only ever replaced whole, never changed), or a copy where the two folders are on
    different disks or links are not allowed."""
    try:
        os.link(copy, sibling)
    except FileExistsError:  # a file of an earlier build in the same folder
        sibling.unlink()
        _place(copy, sibling)
    except OSError:
        shutil.copyfile(copy, sibling)


def write_compressed(site_dir: Path, cache: Path | None = None, digests: FileDigests | None = None) -> int:
    """Write `.gz` and `.br` beside each text file; returns how many files were compressed.

    A copy in the cache becomes the site's file by a hard link (`_place`), never read into memory; zlib
    and Brotli work outside the GIL, so files are done four at a time. Copies no build used for an
    hour (of pages since changed) leave the cache."""
    digests = digests or FileDigests()
    if cache:
        cache.mkdir(parents=True, exist_ok=True)
    files = compressible(site_dir)
    used: list[Path] = []

    def one(path: Path) -> None:
        siblings = [path.with_name(f"{path.name}.{ext}") for ext in EXTENSIONS]
        if cache:
            key = digests.of(path)
            cached = [cache / f"{key}.{ext}" for ext in EXTENSIONS]
            used.extend(cached)
            if all(in_cache(copy) for copy in cached):
                for copy, sibling in zip(cached, siblings):
                    _place(copy, sibling)
                return
        compressed = _compress(path.read_bytes())
        for sibling, content in zip(siblings, compressed):
            sibling.unlink(missing_ok=True)  # it may be a cached copy's second name (`_place`): never write into that
            sibling.write_bytes(content)
        if cache:
            for copy, content in zip(cached, compressed):
                _keep(copy, content)

    with ThreadPoolExecutor(max_workers=4) as pool:
        list(pool.map(one, files))
    if cache:
        prune_unused(cache, used)
    return len(files)
