"""Every file a reader can download, planned from the project and the registry: where it is served,
what it is called, which pages offer it, what it is made from, and how to write it.

The registry says which kinds have a download (`Kind.word`, `Kind.slides`: a file name per entry,
or one for the whole kind); this module lists them. Templates ask a Shelf of the downloads that
were actually written which ones a page offers, so a link is never shown for a file not built.
Other formats join by adding a FORMATS entry and a writer. PDFs are not written by the build: `./run pdf`
prints them from a built site, and a build given their folder offers them (outputs/printed.py).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..load import Project
from ..model.registry import KINDS, Kind
from .edition import Edition
from .sources import title_of
from .text import plain

FOLDER = "downloads"  # where the site serves them
# Each format: the registry field naming its files, and the label of a link to one.
FORMATS = {"docx": ("word", "Word (.docx)"), "pptx": ("slides", "PowerPoint (.pptx)")}
MEDIA_TYPES = {
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "pptx": "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    "pdf": "application/pdf",
}


@dataclass(frozen=True)
class Download:
    """One downloadable file of the site."""

    path: str  # as served, from the site's root: "downloads/case-study-01-one.docx"
    format: str  # "docx", "pptx"
    label: str  # the link's text: "Word (.docx)"
    title: str  # what it holds: "Case study One: Jane and Steven"
    kind: str  # the registry's kind
    entry_id: str | None  # None for a document of a whole kind or of a single kind
    pages: tuple[str, ...]  # source paths of the pages that offer it
    entry: Any = field(repr=False, compare=False)  # the entry, or the list of entries, it is made from
    write: Callable[[Path], None] = field(repr=False, compare=False)
    printed: str | None = None  # a PDF's: the source path of the page printed to make it

    @property
    def name(self) -> str:
        return self.path.rsplit("/", 1)[-1]

    @property
    def media_type(self) -> str:
        return MEDIA_TYPES[self.format]


def plan_downloads(project: Project, edition: Edition) -> list[Download]:
    """Every download the registry asks for, in registry order."""
    planned = []
    for kind in KINDS:
        for fmt, (attribute, label) in FORMATS.items():
            name = getattr(kind, attribute)
            if not name:
                continue
            for entry, entry_id, file_name, pages in targets(project, kind, name):
                planned.append(Download(f"{FOLDER}/{file_name}", fmt, label, title_for(project, kind, entry, fmt), kind.name, entry_id,
                                        pages, entry, _writer(fmt, kind.name, project, edition, entry)))
    return planned


def targets(project: Project, kind: Kind, name: str):
    """(entry or entries, id, file name, pages offering it) of each file of a kind."""
    entries = getattr(project.data, kind.name)
    if kind.single:
        yield entries, None, name, tuple(project.prose.shown.get(kind.name, ()))
    elif Kind.per_entry(name):
        for entry in entries:
            entry_id = kind.key_of(entry)
            pages = [kind.src(entry_id)] if kind.folder else []
            placed = project.page_of(kind.name, entry_id)
            yield entry, entry_id, name.format(entry=entry), tuple(dict.fromkeys([*pages, *([placed] if placed else [])]))
    elif entries:
        yield list(entries), None, name, tuple(project.prose.shown.get(kind.name, ()))


def title_for(project: Project, kind: Kind, entry: Any, fmt: str) -> str:
    if kind.name == "packs":
        return f"{plain(entry.title)}: {'slides' if fmt == 'pptx' else 'handout'}"
    if isinstance(entry, list):
        shown = project.prose.shown.get(kind.name, [])
        return plain(project.prose.titles.get(shown[0], "")) if shown else kind.plural.capitalize()
    return "".join(run.text for run in title_of(kind.name, entry)).strip()


def _writer(fmt: str, kind: str, project: Project, edition: Edition, entry: Any) -> Callable[[Path], None]:
    """The function that writes one file; python-docx and python-pptx are imported only when a file is written."""

    def write(path: Path) -> None:
        writers(fmt)[kind](path, project, edition, entry)

    return write


def writers(fmt: str) -> dict[str, Callable[..., None]]:
    """Each kind's writer of a format (a test keeps these in step with the registry)."""
    if fmt == "docx":
        from .word.handouts import WRITERS

        return WRITERS
    from .slides.pack import WRITERS as SLIDES

    return SLIDES


class Shelf:
    """The downloads of this build and the file each is (or is being) written to: what templates link to.
    A file that cannot be written stops the build, so no page is published linking to it."""

    def __init__(self, built: list[tuple[Download, Path]]):
        self.built = built
        self._by_page: dict[str, list[Download]] = {}
        self._by_entry: dict[tuple[str, str | None], list[Download]] = {}
        for download, _ in built:
            for page in download.pages:
                self._by_page.setdefault(page, []).append(download)
            self._by_entry.setdefault((download.kind, download.entry_id), []).append(download)

    def on_page(self, src: str) -> list[Download]:
        """The downloads a page offers (its entry's, or its whole kind's)."""
        return self._by_page.get(src, [])

    def of(self, kind: str, entry_id: str | None = None) -> list[Download]:
        """The downloads of one entry (or of a whole or single kind, with no id)."""
        return self._by_entry.get((kind, entry_id), [])

    def all(self) -> list[Download]:
        return [download for download, _ in self.built]
