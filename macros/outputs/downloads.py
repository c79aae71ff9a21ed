"""Every file a reader can download, planned from the project and the registry: where it is served,
what it is called, which pages offer it, what it is made from, and how to write it.

Each kind says what downloads it has (`Kind.word`, `Kind.slides`: a file name per entry, or one for the whole
kind, and the document it holds); this module lists them. Templates ask the downloads that were actually
written (render/offered.py) which ones a page offers, so a link is never shown for a file not built.
Other formats join by adding a FORMATS entry and a writer. PDFs are not written by the build: `./run pdf`
prints them from a built site, and a build given their folder offers them (outputs/printed.py).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..load import Project
from ..model.document import Document
from ..model.kind import Kind
from ..model.kinds import KINDS
from .edition import Edition
from .text import plain

FOLDER = "downloads"  # where the site serves them
# Each format: the kind's download of it, the link's label, and the writer of its documents.
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
    """Every download the kinds declare, in the kinds' order."""
    planned = []
    for kind in KINDS:
        for fmt, (attribute, label) in FORMATS.items():
            for spec in kind.downloads(attribute):
                for entry, entry_id, file_name, pages in targets(project, kind, spec.name, spec.per_entry):
                    document = spec.document(entry, project)
                    planned.append(Download(f"{FOLDER}/{file_name}", fmt, spec.label or label, plain(document.title) + spec.suffix, kind.name,
                                            entry_id, pages, entry, _writer(fmt, project, edition, document)))
    return planned


def targets(project: Project, kind: Kind, name: str, per_entry: bool):
    """(entry or entries, id, file name, pages offering it) of each file of a kind (none of an entry the committee hides)."""
    entries = project.data.every(kind.name)
    if not kind.single:
        entries = [entry for entry in entries if not project.data.is_hidden(kind.name, entry)]
    if kind.single:
        yield entries, None, name, tuple(project.prose.shown.get(kind.name, ()))
    elif per_entry:
        for entry in entries:
            entry_id = kind.key_of(entry)
            pages = [kind.src(entry_id)] if kind.folder else []
            placed = project.page_of(kind.name, entry_id)
            yield entry, entry_id, name.format(entry=entry), tuple(dict.fromkeys([*pages, *([placed] if placed else [])]))
    elif entries:
        yield list(entries), None, name, tuple(project.prose.shown.get(kind.name, ()))


def _writer(fmt: str, project: Project, edition: Edition, document: Document) -> Callable[[Path], None]:
    """The function that writes one file; python-docx and python-pptx are imported only when a file is written."""

    def write(path: Path) -> None:
        if fmt == "docx":
            from .word.handouts import write_document

            write_document(path, project, edition, document)
        else:
            from .slides.pack import write_deck

            write_deck(path, project, edition, document)

    return write
