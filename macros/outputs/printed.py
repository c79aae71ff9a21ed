"""The PDFs: which pages `./run pdf` prints, under which names, and which pages offer each one.

A PDF needs a browser to print the built site, so no build makes one. `./run pdf` prints them from a
built site into pdf/, with a manifest (MANIFEST) of what each was printed from: a fingerprint of its
sources (`pdf_fingerprints`: its entry, page or Part, the edition, the settings, SITE_URL, the templates
and the logo), which every printed page carries in its <head> (`wwr-pdf-sources`). A build offers them
like the Word files ("Download: PDF" on the pages the registry names), from pdf/ or PDF_DIR, but only
those whose fingerprint is this build's: `check_pdfs` withdraws a stale one (and a missing one, unless
PDF_DIR names the folder: then a missing one stops the build), and the build says which. The pages to print are each entry's page of a kind with a
`pdf` (a case study's handout, a checklist), a content page whose front matter names its PDF (`pdf:
c4eo-summary.pdf`, the blank reckoner's `pdf: ready-reckoner.pdf`), the whole portfolio and each of its
Parts (data/book.yml).
"""

from __future__ import annotations

import hashlib
import json
import shutil
from dataclasses import dataclass
from pathlib import Path

from ..load import Project
from ..load.links import named_ids
from ..model.kinds import BY_NAME, KINDS
from .downloads import FOLDER, Download, targets
from .text import plain

LABEL = "PDF"
# What a PDF that is no entry's is of (the Download's `kind`): a content page of its own, or the printed portfolio.
PAGE_PDF, PORTFOLIO_PDF = "page", "portfolio"
MANIFEST = "printed-from.json"  # beside the PDFs: each one's fingerprint, as the page printed to it gave it
DEFAULT_FOLDER = "pdf"  # where ./run pdf prints, and where a build finds them without PDF_DIR


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
    planned += converted_pdfs(project, folder)
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


def converted_pdfs(project: Project, folder: Path | None = None, src: str | None = None) -> list[Download]:
    """The Word downloads that are also PDFs (`Download(pdf=True)`: a pack's participant's handout and facilitator's
    guide), which `./run pdf` converts with LibreOffice (outputs/pdf/convert.py), offered beside them; `src`: only
    those offered on that page."""
    found = []
    for kind in KINDS:
        for spec in kind.downloads("word"):
            if not spec.pdf:
                continue
            for entry, entry_id, name, pages in targets(project, kind, spec.name, spec.per_entry):
                if src is not None and src not in pages:
                    continue
                pdf = converted_name(name)
                label = f"{spec.label.rsplit(' (', 1)[0]} (PDF)" if spec.label else LABEL
                title = plain(getattr(entry, "title", entry_id) or "") + spec.suffix
                found.append(Download(f"{FOLDER}/{pdf}", "pdf", label, title, kind.name, entry_id, pages, entry, _copier(folder, pdf)))
    return found


def converted_name(docx_name: str) -> str:
    """The PDF converted from a Word download: pack-x-handout.docx -> pack-x-handout.pdf."""
    return docx_name.rsplit(".", 1)[0] + ".pdf"


def printed_names(project: Project) -> dict[str, str]:
    """The source path of each page printed to a PDF, and the PDF's name."""
    return {download.printed: download.name for download in plan_pdfs(project) if download.printed}


class MissingPdfs(Exception):
    """PDF_DIR lacks some of the PDFs the site would offer (or is not there); the message names them."""


def _copier(folder: Path | None, name: str):
    def write(path: Path) -> None:
        if folder is None:
            raise FileNotFoundError(f"{name} is printed by ./run pdf, not written by the build")
        shutil.copyfile(folder / name, path)

    return write


def _digest(*parts) -> str:
    return hashlib.sha256(json.dumps(parts, sort_keys=True, default=str, ensure_ascii=False).encode("utf-8")).hexdigest()


def _dump(entry) -> object:
    return entry.model_dump(mode="json") if hasattr(entry, "model_dump") else repr(entry)


def _file_digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest() if path.is_file() else ""


def _tree_digest(folder: Path) -> str:
    files = sorted(path for path in folder.rglob("*") if path.is_file() and "__pycache__" not in path.parts) if folder.is_dir() else []
    return _digest([(path.relative_to(folder).as_posix(), _file_digest(path)) for path in files])


def pdf_fingerprints(project: Project, site_url: str | None, data_dir: Path, docs_dir: Path, theme_dir: Path) -> dict[str, str]:
    """Each PDF's fingerprint: what it is printed from (its entry; its page's source and every kind the page
    shows; a Part's pages, the book's Parts), and what every PDF depends on (the site's settings, its edition,
    SITE_URL, the logo and the one for paper, every page's and entry's title, the theme's templates and stylesheets). Not the build
    date: a PDF printed yesterday from the same sources is current."""
    data, prose, book = project.data, project.prose, project.book
    kinds: dict[str, str] = {}

    def kind_digest(name: str) -> str:
        if name not in kinds:
            entries = getattr(data, name, None)
            kinds[name] = _digest([_dump(entry) for entry in entries] if isinstance(entries, list) else _dump(entries))
        return kinds[name]

    def page_digest(src: str, entries: tuple[str, ...] = ()) -> str:
        shows = sorted({name for name, pages in prose.shown.items() if src in pages} | set(entries))
        return _digest(src, _file_digest(docs_dir / src), [(name, kind_digest(name)) for name in shows])

    titles = [(kind.name, [getattr(entry, "title", None) for entry in entries]) for kind in KINDS
              if isinstance(entries := getattr(data, kind.name, None), list)]
    logo = [_file_digest(data_dir / path) if path else "" for path in (data.site.logo, data.site.logo_print)]  # the cover's, on paper
    common = _digest(_dump(data.site), _dump(data.edition), site_url or "", logo, prose.titles, titles, _tree_digest(theme_dir))
    parts = {part.part: _digest([page_digest(page.page, tuple(page.entries)) for page in part.all_pages]) for part in book.parts}
    found = {}
    for download in plan_pdfs(project):
        if download.kind == PORTFOLIO_PDF:
            sources = parts[download.entry_id] if download.entry_id else _digest(parts)
        elif download.kind == PAGE_PDF or download.entry_id is None:
            sources = page_digest(download.printed)
        else:
            sources = _digest(download.kind, _dump(download.entry))
            if download.printed is None:  # converted from a pack's Word file: it holds the entries the pack names, too
                named = [(target, ref) for path, target in BY_NAME[download.kind].links.items() for _, ref in named_ids(download.entry, path)]
                entries = [_dump(data.by_id[target][ref]) for target, ref in named if ref in data.by_id.get(target, {})]
                sources = _digest(sources, entries, [(kind.name, kind_digest(kind.name)) for kind in KINDS if kind.single])
        found[download.name] = _digest(common, sources)[:32]
    return found


def write_manifest(folder: Path, fingerprints: dict[str, str]) -> None:
    """What each PDF in `folder` was printed from, for a build to compare with its own (`check_pdfs`)."""
    text = json.dumps({"about": "Written by ./run pdf: the fingerprint of what each PDF was printed from. A build offers only the PDFs whose "
                                "fingerprint is its own.", "pdfs": dict(sorted(fingerprints.items()))}, indent=1, ensure_ascii=False)
    (folder / MANIFEST).write_text(text + "\n", encoding="utf-8")


def read_manifest(folder: Path) -> dict[str, str]:
    """The fingerprints in `folder`'s manifest ({} when it has none, or one this version cannot read)."""
    try:
        pdfs = json.loads((folder / MANIFEST).read_text(encoding="utf-8")).get("pdfs", {})
    except (OSError, ValueError, AttributeError):
        return {}
    return {str(name): str(value) for name, value in pdfs.items()} if isinstance(pdfs, dict) else {}


@dataclass(frozen=True)
class CheckedPdfs:
    """The PDFs a build offers (each with its file), and those it withdraws: out of date, or not printed."""

    offered: list[tuple[Download, Path]]
    stale: list[Download]
    missing: list[Download]

    def notice(self, folder: str) -> str | None:
        """What the build says of the PDFs it withdraws (None when it withdraws none)."""
        if not self.stale and not self.missing:
            return None

        def listed(downloads: list[Download]) -> str:
            return "".join(f"\n  {download.name} ({download.title})" for download in downloads)

        withdrawn = len(self.stale) + len(self.missing)
        lines = [f"{withdrawn} of the {withdrawn + len(self.offered)} PDFs for {folder}/ {'is' if withdrawn == 1 else 'are'} not offered by this build:"]
        if self.stale:
            lines.append(f"out of date (what they were printed from has changed since):{listed(self.stale)}")
        if self.missing:
            lines.append(f"not printed yet:{listed(self.missing)}")
        lines.append("Print them again with ./run build --with-pdf (or ./run pdf, then ./run build).")
        return "\n".join(lines)


def check_pdfs(planned: list[Download], folder: Path, fingerprints: dict[str, str], required: bool = False) -> CheckedPdfs:
    """Each planned PDF in `folder` that was printed from what this build would print it from (the manifest's
    fingerprint is this build's); the others withdrawn. With `required` (PDF_DIR named the folder), one that is
    not there at all stops the build (MissingPdfs names them)."""
    printed = read_manifest(folder)
    offered, stale, missing = [], [], []
    for download in planned:
        if not (folder / download.name).is_file():
            missing.append(download)
        elif printed.get(download.name) != fingerprints.get(download.name):
            stale.append(download)
        else:
            offered.append((download, folder / download.name))
    if required and missing:
        names = [download.name for download in missing]
        raise MissingPdfs(f"{folder} has no {', '.join(names[:5])}{' ...' if len(names) > 5 else ''}: "
                          "print them from this build's site (./run pdf, or ./run build --with-pdf), or leave PDF_DIR unset.")
    return CheckedPdfs(offered, stale, missing)
