"""Data text (Markdown) as the blocks and runs a document is made of, read by a real Markdown parser.

The same parser as the site (Python-Markdown) turns the text into HTML, which lxml reads into
paragraphs, lists and quotes of runs (bold, italic, code, link). Raw HTML in data is escaped
first, exactly as the site's `md` filter does, so it comes out as text, never as markup; and
characters XML 1.0 cannot hold (most control characters) are dropped, so any data gives a valid
document. Nothing here knows about Word or PowerPoint.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field, replace

import markdown
from lxml import html as lxml_html

# Everything XML 1.0 allows: tab, line feed, carriage return, and the rest of Unicode but
# surrogates and the two non-characters U+FFFE and U+FFFF.
_NOT_XML = re.compile("[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
_SPACE = re.compile(r"[ \t\r\n]+")


def xml_safe(text: str) -> str:
    """`text` without the characters an XML document cannot contain."""
    return _NOT_XML.sub("", text)


@dataclass(frozen=True)
class Run:
    """A stretch of text with one formatting; `href` is the link as written in the data."""

    text: str
    bold: bool = False
    italic: bool = False
    code: bool = False
    href: str | None = None
    line_break: bool = False  # a hard line break (two spaces at a line's end), before nothing else


@dataclass(frozen=True)
class Paragraph:
    runs: tuple[Run, ...]


@dataclass(frozen=True)
class ListBlock:
    ordered: bool
    items: tuple[tuple[Block, ...], ...]


@dataclass(frozen=True)
class Quote:
    blocks: tuple[Block, ...]


Block = Paragraph | ListBlock | Quote


@dataclass
class _Style:
    bold: bool = False
    italic: bool = False
    code: bool = False
    href: str | None = None
    runs: list[Run] = field(default_factory=list)


_INLINE = {"em": "italic", "i": "italic", "strong": "bold", "b": "bold", "code": "code"}


@functools.cache
def _parser() -> markdown.Markdown:
    return markdown.Markdown()  # made when a file is written, not by every build that reuses them all


def _html(text: str) -> str:
    return _parser().reset().convert(xml_safe(text).replace("<", "&lt;"))


def blocks(text: str | None) -> list[Block]:
    """Markdown from data as blocks: paragraphs, lists (nested) and quotes."""
    if not text or not text.strip():
        return []
    root = lxml_html.fragment_fromstring(_html(text), create_parent="div")
    return _blocks(root)


def runs(text: str | None) -> list[Run]:
    """A one-line field (a title) as runs; its paragraphs, if any, joined by spaces."""
    found: list[Run] = []
    for block in blocks(text):
        for paragraph in paragraphs(block):
            if found:
                found.append(Run(" "))
            found.extend(paragraph.runs)
    return found


# Text Markdown leaves exactly as it is: a letter first (so no list, heading or quote), then only letters, digits,
# single spaces and punctuation that is never markup. Most titles are such text, and need no parser.
_LITERAL = re.compile(r"[^\W\d_](?:[^\W_]|[,.'’‘“”:;?()/–—%£-]| (?=\S))*")


@functools.lru_cache(maxsize=8192)  # a title is asked for by the downloads, the PDFs and their fingerprints
def plain(text: str | None) -> str:
    """The text a reader sees, without formatting: for titles, properties and file names."""
    if text and _LITERAL.fullmatch(text):
        return text
    return parsed_plain(text)


def parsed_plain(text: str | None) -> str:
    """`plain`, always through the parser."""
    return "".join(run.text for run in runs(text)).strip()


def paragraphs(block: Block):
    """Every paragraph inside a block, in reading order."""
    if isinstance(block, Paragraph):
        yield block
    elif isinstance(block, Quote):
        for inner in block.blocks:
            yield from paragraphs(inner)
    else:
        for item in block.items:
            for inner in item:
                yield from paragraphs(inner)


def _blocks(element) -> list[Block]:
    """The blocks of an element whose children are block elements (loose text becomes a paragraph)."""
    found: list[Block] = []
    loose = _Style()
    _text(element.text, loose)
    for child in element:
        tag = child.tag if isinstance(child.tag, str) else ""
        if tag in ("ul", "ol", "blockquote", "p", "pre", "div"):
            _flush(loose, found)
            if tag in ("ul", "ol"):
                items = tuple(tuple(_blocks(li)) for li in child if isinstance(li.tag, str))
                found.append(ListBlock(tag == "ol", items))
            elif tag == "blockquote":
                found.append(Quote(tuple(_blocks(child))))
            elif tag == "div":
                found.extend(_blocks(child))
            else:
                style = _Style(code=tag == "pre")
                _inline(child, style)
                _flush(style, found)
        elif tag == "hr":
            _flush(loose, found)
        else:
            _inline(child, loose)
        _text(child.tail, loose)
    _flush(loose, found)
    return found


def _flush(style: _Style, found: list[Block]) -> None:
    runs = _trim(style.runs)
    if runs:
        found.append(Paragraph(tuple(runs)))
    style.runs = []


def _trim(runs: list[Run]) -> list[Run]:
    """Spaces at a paragraph's edges and doubled between runs are HTML layout, not text."""
    out: list[Run] = []
    for run in runs:
        text = run.text
        if out and out[-1].line_break:
            text = text.lstrip(" ")
        elif out and out[-1].text.endswith(" ") and text.startswith(" "):
            text = text[1:]
        if text or run.line_break:
            out.append(replace(run, text=text))
    while out and not out[0].line_break and not out[0].text.strip():
        out.pop(0)
    if out and not out[0].line_break:
        out[0] = replace(out[0], text=out[0].text.lstrip())
    while out and (out[-1].line_break or not out[-1].text.strip()):
        out.pop()
    if out:
        out[-1] = replace(out[-1], text=out[-1].text.rstrip())
    return [run for run in out if run.text or run.line_break]


def _text(text: str | None, style: _Style) -> None:
    if text:
        text = text if style.code else _SPACE.sub(" ", text)
        style.runs.append(Run(text, style.bold, style.italic, style.code, style.href))


def _inline(element, style: _Style) -> None:
    tag = element.tag if isinstance(element.tag, str) else ""
    if tag == "br":
        style.runs.append(Run("", line_break=True))
        return
    inner = _Style(style.bold, style.italic, style.code, style.href, style.runs)
    if tag in _INLINE:
        setattr(inner, _INLINE[tag], True)
    elif tag == "a":
        inner.href = element.get("href")
    _text(element.text, inner)
    for child in element:
        _inline(child, inner)
        _text(child.tail, inner)


def property_text(text: str, limit: int = 255) -> str:
    """Text for a document property (title, subject): one line, XML-safe, within Office's 255 characters."""
    text = _SPACE.sub(" ", xml_safe(text)).strip()
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"
