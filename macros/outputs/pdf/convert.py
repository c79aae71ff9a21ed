"""The Word downloads that are also PDFs (a kind's `Download(pdf=True)`: a training pack's participant's handout
and facilitator's guide), converted from the built site's .docx files by LibreOffice, headless, as they would
print from Word: tagged, with bookmarks from the headings, the contents' page numbers worked out as the pages
are laid out. Debian's `libreoffice-writer-nogui` (and the Carlito and Caladea fonts, metric twins of Calibri and
Cambria) does it; `./run` installs them. Which ones, and the fingerprint of what each is made from (for the
manifest beside the PDFs, outputs/printed.py), the pack's page says in its <head> (`wwr-pdf-converted`).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from pypdf import PdfWriter
from pypdf.generic import NameObject

from .printer import _head_value

FOLDER = "downloads"
SOFFICE = ("soffice", "libreoffice", "/usr/bin/soffice", "/usr/lib/libreoffice/program/soffice")
# Tagged, to PDF/UA, with bookmarks from the headings, and the document's title as the window's.
EXPORT = ('pdf:writer_pdf_Export:{"UseTaggedPDF":{"type":"boolean","value":"true"},'
          '"ExportBookmarks":{"type":"boolean","value":"true"},"DisplayPDFDocumentTitle":{"type":"boolean","value":"true"},'
          '"PDFUACompliance":{"type":"boolean","value":"true"}}')
TIMEOUT_S = 600


class NoLibreOffice(Exception):
    """LibreOffice is not installed: the message says what to install."""


def to_convert(site_dir: Path) -> dict[Path, str]:
    """The built site's .docx files that are also PDFs, each with the fingerprint of what it is made from, as the
    pages offering them say (a site built without downloads has none)."""
    found = {}
    for html in sorted(site_dir.rglob("*.html")):
        said = _head_value(html, '//head/meta[@name="wwr-pdf-converted"]/@content')
        for pair in (said or "").split():
            name, _, sources = pair.partition("=")
            docx = site_dir / FOLDER / f"{name.removesuffix('.pdf')}.docx"
            if name.endswith(".pdf") and "/" not in name and docx.is_file():
                found[docx] = sources
    return found


def pdf_name(docx_name: str) -> str:
    return docx_name.rsplit(".", 1)[0] + ".pdf"


def soffice() -> str:
    for name in SOFFICE:
        found = shutil.which(name) or (name if Path(name).is_file() else None)
        if found:
            return found
    raise NoLibreOffice("the packs' handouts are made PDFs by LibreOffice, which is not installed: install Debian's "
                        "libreoffice-writer-nogui, fonts-crosextra-carlito and fonts-crosextra-caladea (./run test installs them)")


def convert_documents(site_dir: Path, out_dir: Path) -> list[tuple[str, int, str]]:
    """Each of the site's .docx files offered as a PDF, converted into `out_dir`: (file name, pages, fingerprint) of
    each. One LibreOffice run, with a profile of its own (so a LibreOffice the user has open is left alone)."""
    wanted = to_convert(site_dir)
    files = sorted(wanted)
    if not files:
        return []
    program = soffice()
    out_dir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="wwr-lo-") as home:
        command = [program, "--headless", "--norestore", "--nolockcheck", f"-env:UserInstallation=file://{home}/profile",
                   "--convert-to", EXPORT, "--outdir", str(out_dir), *map(str, files)]
        result = subprocess.run(command, env={**os.environ, "HOME": home}, capture_output=True, text=True, timeout=TIMEOUT_S,
                                start_new_session=True)
    made = []
    for path in files:
        pdf = out_dir / pdf_name(path.name)
        if not pdf.is_file():
            said = (result.stderr or result.stdout).strip().splitlines()[-1:] or ["no reason given"]
            raise RuntimeError(f"LibreOffice did not convert {path.name} to PDF: {said[0]}")
        made.append((pdf.name, _accessible(pdf), wanted[path]))
    return made


def _accessible(pdf: Path) -> int:
    """What LibreOffice leaves short of PDF/UA, put right (the file cloned, keeping its tags): a role map that
    sends the standard /Quote to /P (from Word's "Quote" style), and pages with links that do not say their tab
    order follows the structure (/Tabs /S). Its number of pages."""
    writer = PdfWriter(clone_from=str(pdf))
    tree = writer._root_object.get("/StructTreeRoot")
    roles = tree.get_object().get("/RoleMap") if tree is not None else None
    if roles is not None:
        roles = roles.get_object()
        for standard in ("/Quote",):
            if standard in roles:
                del roles[standard]
    for page in writer.pages:
        page[NameObject("/Tabs")] = NameObject("/S")
    with pdf.open("wb") as out:
        writer.write(out)
    return len(writer.pages)
