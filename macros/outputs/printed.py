"""The PDFs: which pages `./run pdf` prints, under which names, and which pages offer each one.

A PDF needs a browser to print the built site, so no build makes one. `./run pdf` prints them from a
built site; a build told where they are (PDF_DIR, as `./run build --with-pdf` does) offers them like
the Word files: "Download: PDF" on the pages the registry names, and only for a file that is there
(one missing stops the build, naming it). The pages to print are each entry's page of a kind with a
`pdf` (a case study's handout, a checklist), a content page whose front matter names its PDF (`pdf:
c4eo-summary.pdf`, the blank reckoner's `pdf: ready-reckoner.pdf`), the whole portfolio and each of its
Parts (data/book.yml).
"""

from __future__ import annotations

import shutil
from pathlib import Path

from ..load import Project
from ..model.kinds import KINDS
from .downloads import FOLDER, Download, targets
from .text import plain

LABEL = "PDF"
# What a PDF that is no entry's is of (the Download's `kind`): a content page of its own, or the printed portfolio.
PAGE_PDF, PORTFOLIO_PDF = "page", "portfolio"


def plan_pdfs(project: Project, folder: Path | None = None) -> list[Download]:
    """Every PDF: each entry's of the kinds that have one, each content page's that names one (a page showing a
    single kind, the ready reckoner, offers it wherever that kind is shown), the whole portfolio and its Parts
    (data/book.yml). With `folder` (where ./run pdf printed them), each one's `write` copies it from there."""
    planned = []

    def add(name: str, title: str, kind: str, entry_id: str | None, pages: tuple[str, ...], printed: str, entry=None) -> None:
        planned.append(Download(f"{FOLDER}/{name}", "pdf", LABEL, title, kind, entry_id, pages, entry, _copier(folder, name), printed))

    for kind in KINDS:
        if kind.pdf and not kind.single:
            for entry, entry_id, name, pages in targets(project, kind, kind.pdf, per_entry=True):
                title = plain(kind.item(entry, project).title) if kind.item else plain(getattr(entry, "title", entry_id))
                add(name, title, kind.name, entry_id, pages, kind.src(entry_id), entry)
    titles, shown = project.prose.titles, project.prose.shown
    for src, name in project.prose.pdfs.items():
        single = next((kind for kind in KINDS if kind.single and src in shown.get(kind.name, [])), None)
        if single is not None:
            entry = getattr(project.data, single.name)
            title = plain(single.item(entry, project).title) if single.item else titles.get(src, name)
            add(name, title, single.name, None, tuple(shown[single.name]), src, entry)
        else:
            add(name, titles.get(src, name), PAGE_PDF, src, (src,), src)
    book = project.book
    add(book.pdf, "The whole portfolio", PORTFOLIO_PDF, None, (book.print_page,), book.print_page)
    for part in book.parts:
        opening, print_page = part.all_pages[0].page, book.part_print_page(part.part)
        add(f"{part.part}.pdf", titles.get(opening, part.part), PORTFOLIO_PDF, part.part, (opening, print_page, book.print_page), print_page)
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
