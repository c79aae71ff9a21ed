"""The PDFs: which pages `./run pdf` prints, under which names, and which pages offer each one.

A PDF needs a browser to print the built site, so no build makes one. `./run pdf` prints them from a
built site; a build told where they are (PDF_DIR, as `./run build --with-pdf` does) offers them like
the Word files: "Download: PDF" on the pages the registry names, and only for a file that is there
(one missing stops the build, naming it). The pages to print are the registry's (`Kind.pdf`: a case
study's handout, a checklist, the blank reckoner), a content page whose front matter names its PDF
(`pdf: c4eo-summary.pdf`), the whole portfolio and each of its Parts (render/pages.py, BOOK).
"""

from __future__ import annotations

import shutil
from pathlib import Path

from ..load import Project
from ..model.registry import KINDS
from ..render.pages import BOOK, BOOK_PDF, PRINT_PAGE, part_print_page
from .downloads import FOLDER, Download, targets, title_for

LABEL = "PDF"


def plan_pdfs(project: Project, folder: Path | None = None) -> list[Download]:
    """Every PDF, in registry order, then the content pages', then the whole portfolio and its Parts.
    With `folder` (where ./run pdf printed them), each one's `write` copies it from there."""
    planned = []

    def add(name: str, title: str, kind: str, entry_id: str | None, pages: tuple[str, ...], printed: str, entry=None) -> None:
        planned.append(Download(f"{FOLDER}/{name}", "pdf", LABEL, title, kind, entry_id, pages, entry, _copier(folder, name), printed))

    for kind in KINDS:
        if not kind.pdf:
            continue
        for entry, entry_id, name, pages in targets(project, kind, kind.pdf):
            printed = kind.print_page if kind.single else kind.src(entry_id)
            add(name, title_for(project, kind, entry, "pdf"), kind.name, entry_id, pages, printed, entry)
    titles = project.prose.titles
    for src, name in project.prose.pdfs.items():
        add(name, titles.get(src, name), "pages", src, (src,), src)
    add(BOOK_PDF, "The whole portfolio", "book", None, (PRINT_PAGE,), PRINT_PAGE)
    for opening, slug in BOOK.items():
        add(f"{slug}.pdf", titles.get(opening, slug), "book", slug, (opening, part_print_page(slug), PRINT_PAGE), part_print_page(slug))
    return planned


def printed_names(project: Project) -> dict[str, str]:
    """The source path of each page printed to a PDF, and the PDF's name."""
    return {download.printed: download.name for download in plan_pdfs(project) if download.printed}


class MissingPdfs(Exception):
    """PDF_DIR lacks some of the PDFs the site would offer; the message names them."""


def place_pdfs(planned: list[Download], folder: Path) -> list[tuple[Download, Path]]:
    """Each PDF with its printed file in `folder`; MissingPdfs names every one that is not there."""
    missing = [download.name for download in planned if not (folder / download.name).is_file()]
    if missing:
        raise MissingPdfs(f"{folder} has no {', '.join(missing[:5])}{' ...' if len(missing) > 5 else ''}: "
                          "print them from this build's site (./run pdf, or ./run build --with-pdf), or leave PDF_DIR unset.")
    return [(download, folder / download.name) for download in planned]


def _copier(folder: Path | None, name: str):
    def write(path: Path) -> None:
        if folder is None:
            raise FileNotFoundError(f"{name} is printed by ./run pdf, not written by the build")
        shutil.copyfile(folder / name, path)

    return write
