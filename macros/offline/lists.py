"""What an offline copy holds: every file a reader's browser loads from the built site (every page,
the stylesheets, scripts, images, the search index and the web app manifest), and, apart, the
downloads (Word, PowerPoint), saved only if the reader asks. Each is listed with its size and a
fingerprint (the start of its SHA-256), which the browser checks as it saves; together they make the
build's id, which changes whenever any file does, so a saved copy notices a new build.

Left out: what no browser loads from a page (the servers' settings, the pre-compressed copies, the
source maps, the sitemap, the 404 page, this list and the worker themselves), and lunr's language files,
except those the search plugin's languages need (Material's search worker imports them only for
languages other than English)."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path

from ..hosting.digests import FileDigests
from . import LISTS, SUMMARY, WORKER

DOWNLOADS = "downloads/"
LUNR = "assets/javascripts/lunr/"
NEVER_SAVED_NAMES = {".htaccess", "web.config", "sitemap.xml", "404.html", SUMMARY, LISTS, WORKER}
NEVER_SAVED_SUFFIXES = (".gz", ".br", ".map")
FINGERPRINT = 16  # hex digits of SHA-256: enough to tell two versions of a file apart


@dataclass(frozen=True)
class Saved:
    """One file of the copy: its address in the site (a page by its folder, 'case-studies/one/'), bytes, fingerprint."""

    url: str
    size: int
    sha: str

    def row(self) -> list:
        return [self.url, self.size, self.sha]


def lunr_files(langs: list[str]) -> set[str]:
    """lunr's files that Material's search worker imports for these languages (none for English alone)."""
    others = [lang for lang in langs if lang != "en"]
    if not others:
        return set()
    files = {f"{LUNR}min/lunr.stemmer.support.min.js"} | {f"{LUNR}min/lunr.{lang}.min.js" for lang in others}
    if len(langs) > 1:
        files.add(f"{LUNR}min/lunr.multi.min.js")
    files |= {f"{LUNR}tinyseg.js" for lang in langs if lang == "ja"} | {f"{LUNR}wordcut.js" for lang in langs if lang == "th"}
    return files


def _saved(path: str, langs: list[str]) -> bool:
    name = path.rsplit("/", 1)[-1]
    if name in NEVER_SAVED_NAMES or name.startswith(".") or name.endswith(NEVER_SAVED_SUFFIXES):
        return False
    return not path.startswith(LUNR) or path in lunr_files(langs)


def _address(path: str, directory_urls: bool) -> str:
    """A page is asked for by its folder ('one/', '' for the home page) when the site uses folder addresses."""
    if directory_urls and (path == "index.html" or path.endswith("/index.html")):
        return path[: -len("index.html")]
    return path


def site_files(site_dir: Path, directory_urls: bool, langs: list[str], digests: FileDigests | None = None) -> tuple[list[Saved], list[Saved]]:
    """The copy's files, and the downloads, in path order."""
    digests = digests or FileDigests()
    core, downloads = [], []
    for file in sorted(p for p in site_dir.rglob("*") if p.is_file()):
        path = file.relative_to(site_dir).as_posix()
        if not _saved(path, langs):
            continue
        saved = Saved(_address(path, directory_urls), file.stat().st_size, digests.of(file)[:FINGERPRINT])
        (downloads if path.startswith(DOWNLOADS) else core).append(saved)
    return core, downloads


def build_id(core: list[Saved], downloads: list[Saved]) -> str:
    """Changes whenever any file of the copy does (a page's text, the build date in every footer, a download)."""
    digest = hashlib.sha256()
    for saved in core + downloads:
        digest.update(f"{saved.url}\0{saved.sha}\n".encode())
    return digest.hexdigest()[:12]


def _totals(files: list[Saved]) -> dict:
    return {"files": len(files), "bytes": sum(f.size for f in files)}


def write_lists(site_dir: Path, version: str, built: str, directory_urls: bool, langs: list[str], digests: FileDigests | None = None) -> dict:
    """Write offline.json (the build, its version and the copy's size) and offline-files.json (every
    file); returns what offline.json says."""
    core, downloads = site_files(site_dir, directory_urls, langs, digests)
    build = build_id(core, downloads)
    pages = sum(1 for f in core if f.url == "" or f.url.endswith(("/", ".html")))
    summary = {"build": build, "version": version, "built": built, "core": {**_totals(core), "pages": pages}, "downloads": _totals(downloads)}
    lists = {"build": build, "core": [f.row() for f in core], "downloads": [f.row() for f in downloads]}
    (site_dir / SUMMARY).write_text(json.dumps(summary, indent=1), encoding="utf-8")
    (site_dir / LISTS).write_text(json.dumps(lists, separators=(",", ":")), encoding="utf-8")
    return summary
