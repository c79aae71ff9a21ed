"""The files of `content/`, checked before any is read as a page: everything in it is published, so it may
hold pages (.md) and the pictures and documents they show, and nothing else.

A script or an HTML file would be served as it is, running in the site's name; a link to a file elsewhere
on the machine would publish that file; a page whose file name is not a plain address becomes a title the
theme writes out as it is. Each is an error naming the file, with what to do instead.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from .errors import DataProblem

MEDIA = (".png", ".jpg", ".jpeg", ".gif", ".webp", ".pdf")  # what a page may show or offer besides pages
_ADDRESS = re.compile(r"[a-z0-9_-]+(?:/[a-z0-9_-]+)*")


@dataclass(frozen=True)
class PageFile:
    src: str  # from content/, as mkdocs names it: part-one/index.md
    name: str  # as messages show it: content/part-one/index.md
    text: str


def read_pages(docs_dir: Path, display_root: Path) -> tuple[list[PageFile], set[str], list[DataProblem]]:
    """The pages of `docs_dir` with their text, the other files it may hold (by their path from it), and the problems."""
    pages, media, problems = [], set(), []
    for path in sorted(docs_dir.rglob("*")):
        src = path.relative_to(docs_dir).as_posix()
        name = path.relative_to(display_root).as_posix() if path.is_relative_to(display_root) else str(path)
        problem = _file_problem(path, src)
        if problem:
            problems.append(DataProblem(name, 1, "", problem))
        elif path.suffix == ".md":
            page, why = _read(path, src, name)
            if page:
                pages.append(page)
            else:
                problems.append(why)
        elif path.is_file():
            media.add(src)
    return pages, media, problems


def _file_problem(path: Path, src: str) -> str | None:
    if path.is_symlink():
        return "this is a link to a file elsewhere, which the site would publish; put a copy of the file here instead"
    if path.is_dir():
        return None if _ADDRESS.fullmatch(src) else "a folder's name becomes part of its pages' addresses: use lowercase letters, digits and hyphens"
    if not path.is_file():
        return "this is not a file (a pipe or a device); remove it"
    stem, suffix = src.rsplit(".", 1) if "." in path.name else (src, "")
    if f".{suffix}" == ".md":
        return None if _ADDRESS.fullmatch(stem) else "a page's file name becomes its address (and, without a heading, its title): use lowercase letters, digits and hyphens, then .md"
    if f".{suffix.lower()}" not in MEDIA:
        return (f"content/ holds pages (.md) and the pictures and documents they show ({', '.join(MEDIA)}); "
                f"a .{suffix or 'file without an ending'} file would be published as it is: move it out of content/")
    return None


def _read(path: Path, src: str, name: str) -> tuple[PageFile | None, DataProblem | None]:
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        return None, DataProblem(name, line, "", f"the page is not UTF-8 text (byte 0x{raw[exc.start]:02x}); save it as UTF-8")
    return PageFile(src, name, text.removeprefix("\ufeff")), None
