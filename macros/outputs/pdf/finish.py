"""What Chromium leaves out of a tagged PDF, added after (pypdf, keeping the structure tree: the PDF is
cloned, never rebuilt, which would drop the tags and the language).

- The document's metadata: its title (the page's own, not "... - <site name>"), the committee as
  author, a subject and keywords, in the Info dictionary and in XMP (dc:title, dc:creator,
  dc:description, dc:language, pdf:Keywords, pdfuaid:part 1), as PDF/UA asks.
- A role map: Chromium writes PDF 2.0's Strong, Em and Aside into a PDF 1.4 file, which readers of
  1.x do not know; they are mapped to the standard Span and Sect.
- Each link's description (/Contents): the text of the link that the annotation belongs to.
- The running heads, page numbers, rules and backgrounds, which Chromium leaves outside the structure
  tree, marked as artifacts (layout, not content), so no reader mistakes them for untagged text.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from pathlib import Path

from lxml import etree
from pypdf import PdfWriter
from pypdf.generic import ArrayObject, DictionaryObject, NameObject, TextStringObject

from .artifacts import mark_artifacts

LANGUAGE = "en-GB"
# PDF 2.0 structure types Chromium writes, and the PDF 1.7 type each is read as.
ROLE_MAP = {"/Strong": "/Span", "/Em": "/Span", "/Aside": "/Sect", "/Title": "/P", "/Sub": "/Span", "/FENote": "/Note", "/DocumentFragment": "/Div"}
NS = {
    "x": "adobe:ns:meta/",
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "dc": "http://purl.org/dc/elements/1.1/",
    "pdf": "http://ns.adobe.com/pdf/1.3/",
    "xmp": "http://ns.adobe.com/xap/1.0/",
    "pdfuaid": "http://www.aiim.org/pdfua/ns/id/",
}


@dataclass(frozen=True)
class About:
    """What a PDF says about itself."""

    title: str
    author: str
    subject: str
    keywords: str
    language: str = LANGUAGE


def finish(pdf: bytes, about: About, links: list[tuple[str, str]], target: Path) -> int:
    """Write the finished PDF to `target` (via a temporary name); returns its page count."""
    writer = PdfWriter(clone_from=io.BytesIO(pdf))
    writer.add_metadata({"/Title": about.title, "/Author": about.author, "/Subject": about.subject, "/Keywords": about.keywords})
    writer.xmp_metadata = xmp(about, writer.metadata.get("/Producer", ""), writer.metadata.get("/CreationDate", ""))
    metadata = writer.root_object["/Metadata"].get_object()
    metadata[NameObject("/Type")], metadata[NameObject("/Subtype")] = NameObject("/Metadata"), NameObject("/XML")
    if "/StructTreeRoot" in writer.root_object:
        tree = writer.root_object["/StructTreeRoot"].get_object()
        tree[NameObject("/RoleMap")] = DictionaryObject({NameObject(k): NameObject(v) for k, v in ROLE_MAP.items()})
        describe_links(tree, links)
    for page in writer.pages:
        mark_artifacts(page, writer)
    partial = target.with_name(f".{target.name}.partial")
    with partial.open("wb") as out:
        writer.write(out)
    partial.replace(target)
    return len(writer.pages)


def xmp(about: About, producer: str, created: str) -> bytes:
    """The XMP packet: the same title, author, subject and keywords, the language, and PDF/UA-1."""
    rdf, dc = f"{{{NS['rdf']}}}", f"{{{NS['dc']}}}"
    root = etree.Element(f"{{{NS['x']}}}xmpmeta", nsmap={"x": NS["x"]})
    description = etree.SubElement(etree.SubElement(root, f"{rdf}RDF", nsmap={"rdf": NS["rdf"]}), f"{rdf}Description",
                                   {f"{rdf}about": ""}, nsmap={k: v for k, v in NS.items() if k not in ("x", "rdf")})

    def container(name: str, kind: str, *values: str, default: bool = False) -> None:
        items = etree.SubElement(etree.SubElement(description, f"{dc}{name}"), f"{rdf}{kind}")
        for value in values:
            item = etree.SubElement(items, f"{rdf}li")
            item.text = value
            if default:
                item.set("{http://www.w3.org/XML/1998/namespace}lang", "x-default")

    etree.SubElement(description, f"{dc}format").text = "application/pdf"
    container("title", "Alt", about.title, default=True)
    container("creator", "Seq", about.author)
    container("description", "Alt", about.subject, default=True)
    container("language", "Bag", about.language)
    etree.SubElement(description, f"{{{NS['pdf']}}}Keywords").text = about.keywords
    etree.SubElement(description, f"{{{NS['pdf']}}}Producer").text = str(producer)
    if created:
        etree.SubElement(description, f"{{{NS['xmp']}}}CreateDate").text = _xmp_date(str(created))
    etree.SubElement(description, f"{{{NS['pdfuaid']}}}part").text = "1"
    body = etree.tostring(root, encoding="utf-8")
    return b'<?xpacket begin="\xef\xbb\xbf" id="W5M0MpCehiHzreSzNTczkc9d"?>' + body + b'<?xpacket end="w"?>'


def _xmp_date(pdf_date: str) -> str:
    """A PDF date (D:20261201153000Z, or with +01'00') as XMP writes dates (2026-12-01T15:30:00Z)."""
    digits = pdf_date.removeprefix("D:")
    stamp = f"{digits[0:4]}-{digits[4:6]}-{digits[6:8]}T{digits[8:10]}:{digits[10:12]}:{digits[12:14]}"
    zone = digits[14:].replace("'", "")
    return stamp + ("Z" if zone in ("", "Z") else f"{zone[:3]}:{zone[3:5]}")


def _elements(node):
    """Every structure element under `node`, in reading order."""
    kids = node.get("/K")
    if kids is None:
        return
    for kid in kids if isinstance(kids, ArrayObject) else [kids]:
        kid = kid.get_object() if hasattr(kid, "get_object") else kid
        if isinstance(kid, DictionaryObject) and "/S" in kid:
            yield kid
            yield from _elements(kid)


def _target(annotation) -> str | None:
    action = annotation.get("/A")
    if action is not None:
        action = action.get_object()
        if action.get("/S") == "/URI":
            return str(action["/URI"])
        destination = action.get("/D")
    else:
        destination = annotation.get("/Dest")
    return str(destination).lstrip("/") if isinstance(destination, (str, NameObject)) else None


def describe_links(tree, links: list[tuple[str, str]]) -> None:
    """Give each link annotation the text of its link (/Contents): the page's links, in order, are
    matched to the structure tree's Link elements, in order, by where they lead."""
    texts: dict[str, list[str]] = {}
    for target, text in links:
        texts.setdefault(target, []).append(text)
    for element in _elements(tree):
        if element["/S"] != "/Link":
            continue
        kids = element.get("/K")
        annotations = [kid.get_object()["/Obj"].get_object() for kid in (kids if isinstance(kids, ArrayObject) else [kids])
                       if isinstance(kid.get_object(), DictionaryObject) and kid.get_object().get("/Type") == "/OBJR"]
        if not annotations:
            continue
        target = _target(annotations[0])
        queue = texts.get(target or "", [])
        text = queue.pop(0) if queue else (target or "Link")
        for annotation in annotations:
            annotation[NameObject("/Contents")] = TextStringObject(text or target or "Link")
