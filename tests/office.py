"""Open Word and PowerPoint files as their users' programs do: python-docx and python-pptx for the
structure, Debian's LibreOffice (headless) for the printed pages, zbarimg for QR codes."""

from __future__ import annotations

import os
import posixpath
import re
import shutil
import subprocess
import tempfile
import zipfile
from pathlib import Path

import markdown
from bs4 import BeautifulSoup
from docx import Document
from docx.oxml.ns import qn
from pptx import Presentation
from pypdf import PdfReader

from macros.outputs.downloads import MEDIA_TYPES

SOFFICE = shutil.which("soffice") or "/usr/bin/soffice"
SENTENCE_END = re.compile(r"(?<=[.?!])\s+(?=[A-Z“\"‘'(])")


def squash(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def docx_text(path: Path) -> str:
    """Every paragraph of a Word file's body, tables included, in reading order, one line each."""
    document = Document(str(path))
    lines = []
    for element in document.element.body.iter(qn("w:p")):
        lines.append("".join(node.text or "" for node in element.iter(qn("w:t"))))
    return "\n".join(lines)


def docx_styles(path: Path) -> list[tuple[str, str]]:
    """(style name, text) of each body paragraph."""
    document = Document(str(path))
    return [(p.style.name, p.text) for p in document.paragraphs]


def pptx_slides(path: Path) -> list[dict]:
    """Each slide: its title, the text of its shapes, its notes and its layout's name."""
    deck = Presentation(str(path))
    slides = []
    for slide in deck.slides:
        title = slide.shapes.title.text_frame.text if slide.shapes.title is not None else ""
        texts = []
        for shape in slide.shapes:
            if shape.has_text_frame:
                texts.append(shape.text_frame.text)
            if getattr(shape, "has_table", False) and shape.has_table:
                texts += [cell.text for row in shape.table.rows for cell in row.cells]
        notes = slide.notes_slide.notes_text_frame.text if slide.has_notes_slide else ""
        slides.append({"title": title, "text": "\n".join(texts), "notes": notes, "layout": slide.slide_layout.name})
    return slides


def sentences(markdown_text: str | None) -> list[str]:
    """The sentences a reader sees in data text: rendered by Python-Markdown, read as plain text."""
    if not markdown_text:
        return []
    html = markdown.markdown(markdown_text.replace("<", "&lt;"))
    found = []
    for block in BeautifulSoup(html, "html.parser").find_all(["p", "li"]):
        parts = [child for child in block.children if getattr(child, "name", None) not in ("ul", "ol", "p")]
        text = squash("".join(part.get_text() if hasattr(part, "get_text") else str(part) for part in parts))
        found += [sentence for sentence in SENTENCE_END.split(text) if sentence.strip()]
    return found


def assert_in_order(expected: list[str], text: str, where: str) -> None:
    """Every expected sentence is in `text`, each after the one before."""
    flat = squash(text)
    position = 0
    for sentence in expected:
        found = flat.find(squash(sentence), position)
        assert found >= 0, f"{where}: missing, or out of order: {sentence!r}"
        position = found + len(squash(sentence))


def to_pdf(files: list[Path], out_dir: Path) -> dict[Path, Path]:
    """Convert files with one headless LibreOffice run (its own profile and home): file -> its PDF."""
    out_dir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="wwr-lo-") as home:
        env = {**os.environ, "HOME": home}
        command = [SOFFICE, "--headless", "--norestore", f"-env:UserInstallation=file://{home}/profile", "--convert-to", "pdf", "--outdir", str(out_dir)]
        result = subprocess.run(command + [str(f) for f in files], env=env, capture_output=True, text=True, timeout=300)
    pdfs = {f: out_dir / f"{f.stem}.pdf" for f in files}
    missing = [str(f) for f, pdf in pdfs.items() if not pdf.is_file()]
    assert not missing, f"LibreOffice did not convert {missing}: {result.stdout[-2000:]} {result.stderr[-2000:]}"
    return pdfs


def pdf_pages(path: Path) -> list[str]:
    return [squash(page.extract_text() or "") for page in PdfReader(str(path)).pages]


def qr_codes(path: Path) -> list[str]:
    """What each QR code picture in a Word file says, read by zbarimg."""
    found = []
    with zipfile.ZipFile(path) as archive:
        for name in archive.namelist():
            if name.startswith("word/media/") and name.endswith(".png"):
                with tempfile.NamedTemporaryFile(suffix=".png") as image:
                    image.write(archive.read(name))
                    image.flush()
                    result = subprocess.run(["zbarimg", "--raw", "-q", image.name], capture_output=True, text=True, timeout=60)
                found += result.stdout.split()
    return found


def package_xml(path: Path) -> dict[str, str]:
    """Every XML part of an Office file, by name."""
    with zipfile.ZipFile(path) as archive:
        return {name: archive.read(name).decode("utf-8") for name in archive.namelist() if name.endswith((".xml", ".rels"))}



def item_sentences(data, kind: str, entry) -> list[str]:
    """The portfolio's sentences of one item, in the order its page gives them."""
    if kind == "case_studies":
        return [*sentences(entry.narrative), *(s for q in entry.questions for s in sentences(q))]
    if kind == "question_sets":
        return [*sentences(entry.intro), *(s for q in entry.questions for s in sentences(q))]
    if kind == "ready_reckoner":
        return [*entry.visits, *(i.text for i in entry.indicators), *(a.text for a in entry.actions)]
    if kind == "resistance_types":
        found = sentences(entry.description)
        for quote in entry.quotes:
            found += sentences(quote.text)
        found += sentences(entry.context) + sentences(entry.examples)
        if entry.indicators:
            found += sentences(entry.indicators.intro) + [s for item in entry.indicators.items for s in sentences(item)]
        return found + sentences(entry.notes)
    if kind == "tools":
        return [*sentences(entry.description), entry.url]
    raise KeyError(kind)


def download_sentences(data, download) -> list[str]:
    """What a download must hold, in order: its items' sentences (a pack's items, session by session)."""
    if download.kind == "packs":
        found = []
        for item in download.entry.items():
            entry = item.entry(data)
            found += item_sentences(data, item.kind.name, entry)
        return found
    entries = download.entry if isinstance(download.entry, list) else [download.entry]
    return [s for entry in entries for s in item_sentences(data, download.kind, entry)]


def download_links(site_dir: Path) -> dict[Path, set[str]]:
    """Each file a built page links to under downloads/, and the pages linking to it."""
    found: dict[Path, set[str]] = {}
    for html in sorted(site_dir.rglob("*.html")):
        for link in BeautifulSoup(html.read_text(encoding="utf-8"), "html.parser").select("a[href]"):
            href = link["href"].split("#")[0]
            if "downloads/" not in href or href.startswith(("http:", "https:")):
                continue
            assert link.has_attr("download") and link["type"] in MEDIA_TYPES.values(), (html, href)
            target = Path(posixpath.normpath((html.parent / href).as_posix()))
            found.setdefault(target, set()).add(html.relative_to(site_dir).as_posix())
    return found
