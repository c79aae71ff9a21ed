"""Reading PDFs back as a reader's software does: pypdf for the structure, poppler's pdftotext and
pdftoppm for the text and pixels, zbar's zbarimg for the QR codes (Debian packages ./run test installs)."""

from __future__ import annotations

import re
import subprocess
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from pypdf import PdfReader
from pypdf.generic import ArrayObject, DictionaryObject

LOCAL = re.compile(r"127\.0\.0\.1|localhost|0\.0\.0\.0|\[::1\]", re.I)


def norm(text: str) -> str:
    """Text compared as a reader sees it: case, curly quotes, dashes, spacing and line breaks ignored."""
    text = unicodedata.normalize("NFKC", text).replace("’", "'").replace("‘", "'").replace("“", '"').replace("”", '"')
    text = re.sub(r"[–—‐-]", "-", text)
    return re.sub(r"\s+", " ", text).strip().casefold()


def page_texts(path: Path, layout: bool = False) -> list[str]:
    """The text of each page, as poppler extracts it."""
    args = ["pdftotext", "-enc", "UTF-8"] + (["-layout"] if layout else []) + [str(path), "-"]
    return subprocess.run(args, capture_output=True, text=True, check=True).stdout.split("\f")[:-1]


@dataclass(frozen=True)
class Mark:
    """A bookmark: its title, nesting depth, the page it opens (from 1) and how far down (PDF points from the top)."""

    title: str
    depth: int
    page: int
    from_top: float


def bookmarks(reader: PdfReader) -> list[Mark]:
    marks = []

    def walk(items, depth):
        for item in items:
            if isinstance(item, list):
                walk(item, depth + 1)
                continue
            number = reader.get_destination_page_number(item)
            height = float(reader.pages[number].mediabox.height)
            top = float(item.top) if item.get("/Top") is not None else height
            marks.append(Mark(str(item.title), depth, number + 1, height - top))

    walk(reader.outline, 0)
    return marks


def structure_roles(reader: PdfReader) -> list[str]:
    """Every structure element's role, in reading order."""
    roles = []

    def walk(node):
        kids = node.get("/K")
        for kid in kids if isinstance(kids, ArrayObject) else [kids] if kids is not None else []:
            kid = kid.get_object() if hasattr(kid, "get_object") else kid
            if isinstance(kid, DictionaryObject) and "/S" in kid:
                roles.append(str(kid["/S"]))
                walk(kid)

    walk(reader.trailer["/Root"]["/StructTreeRoot"].get_object())
    return roles


@dataclass(frozen=True)
class Link:
    page: int  # where the link is, from 1
    top: float  # its top edge, PDF points from the page's top
    uri: str | None  # an address outside the PDF
    lands: int | None  # the page a link inside the PDF opens, from 1
    name: str | None  # the named destination it opens
    contents: str | None  # its description (/Contents)


def links(reader: PdfReader) -> list[Link]:
    named = reader.named_destinations
    found = []
    for number, page in enumerate(reader.pages, start=1):
        height = float(page.mediabox.height)
        for annotation in page.get("/Annots", []) or []:
            annotation = annotation.get_object()
            if annotation.get("/Subtype") != "/Link":
                continue
            action = annotation.get("/A")
            action = action.get_object() if action is not None else {}
            uri = str(action["/URI"]) if action.get("/S") == "/URI" else None
            dest = annotation.get("/Dest") or action.get("/D")
            name = lands = None
            if isinstance(dest, str):
                name = str(dest).lstrip("/")
                lands = reader.get_destination_page_number(named[str(dest)]) + 1
            top = height - float(annotation["/Rect"][3])
            contents = annotation.get("/Contents")
            found.append(Link(number, top, uri, lands, name, str(contents) if contents is not None else None))
    return found


def qr_codes(path: Path, page: int, dpi: int) -> list[str]:
    """What zbar reads from a page rendered at `dpi`, as a phone's camera would from the paper."""
    image = path.with_name(f"{path.stem}-{page}-{dpi}")
    subprocess.run(["pdftoppm", "-r", str(dpi), "-gray", "-png", "-singlefile", "-f", str(page), "-l", str(page), str(path), str(image)],
                   check=True)
    result = subprocess.run(["zbarimg", "-q", "--raw", str(image) + ".png"], capture_output=True, text=True)
    assert result.returncode in (0, 4), result.stderr  # 4: no code found
    return result.stdout.split()


def contents_entries(texts: list[str], skip: set[str]) -> list[tuple[str, int]]:
    """Each entry of a printed contents (its title and the page number at the end of its line), from
    the page text (-layout) between "Contents" and the first page without numbered lines; lines in
    `skip` (the running head) and the footers are not entries."""
    entries: list[tuple[str, int]] = []
    pending = ""
    for text in texts:
        lines = [line.strip() for line in text.splitlines() if line.strip() and line.strip() not in skip]
        if "Contents" not in lines and not entries:
            continue
        numbered = [line for line in lines if re.search(r"\s\d+$", line)]
        if entries and not numbered:
            break
        for line in lines[lines.index("Contents") + 1 if "Contents" in lines else 0:]:
            match = re.fullmatch(r"(.*?)[\s.]+(\d+)", line)
            if match and not re.fullmatch(r"Page \d+ of \d+", line):
                entries.append(((pending + " " + match.group(1)).strip(), int(match.group(2))))
                pending = ""
            elif not re.fullmatch(r"Page \d+ of \d+", line):
                pending = (pending + " " + line).strip()
        pending = ""
    return entries
