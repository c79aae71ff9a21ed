"""What a kind of data declares, all in one place, as Sphinx's `add_node` registers every output of a node:
where it is written and what it links to, its pages and macros, and what it is in the downloads. Each kind
is one module of macros/model/kinds/; loading, pages, print, PDFs, Word, slides, packs, search and the schema
ask the kind, and never test its name.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any, Literal

from .base import Model
from .document import Document, Item

Local = Literal["add", "replace", "merge"]


@dataclass(frozen=True)
class EntryPages:
    """A page per entry at <folder>/<id>/, made from a template of overrides/portfolio/."""

    folder: str
    template: str
    searchable: bool = True
    search_weight: float = 1.0  # how its pages rank against others that match as well (1: like a prose page)
    qr_code: bool = False  # its printed page carries a QR code of its address (when SITE_URL is set)


@dataclass(frozen=True)
class Download:
    """An editable download: its file name (with `{entry...}`: one per entry, else one of every entry, or of
    the single entry), and the document it holds, made from the entry (or every entry) and the project."""

    name: str
    document: Callable[[Any, Any], Document]
    suffix: str = ""  # after the document's title where the site lists it: "Resistance: an induction: slides"
    label: str | None = None  # the link's text, where a kind has two of a format: "Facilitator’s guide (Word)"
    pdf: bool = False  # `./run pdf` also makes it a PDF (LibreOffice), offered beside it: a pack's handouts

    @property
    def per_entry(self) -> bool:
        return "{entry" in self.name


@dataclass(frozen=True)
class Kind:
    """One kind of data. `rank` orders the kinds (the schema, the downloads, the entry pages)."""

    name: str  # the top-level key in a data file, and the attribute of SiteData
    model: type[Model] | None
    label: str  # one entry, in messages: "case study"
    plural: str
    rank: int
    single: bool = False  # given once, as a mapping (the ready reckoner, the settings)
    key: str | None = "id"  # the field that names an entry uniquely
    unique: tuple[str, ...] = ()  # other fields no two entries may share (a case study's number)
    links: dict[str, str] = field(default_factory=dict)  # field (dotted through lists) -> the kind it names
    local: Local | None = None  # what a committee may do in data/local/: add entries, replace core ones, or merge fields
    numbered: str | None = None  # a field the site fills for a committee's own entries, after the core's highest (they leave it out)
    apart: bool = False  # a committee's own entries are printed apart, after the core's, under its name (its index template lists them so too)
    most: int | None = None  # at most this many entries in a file, where each costs every page work ...
    why_most: str = ""  # ... and why, for the message
    sort_key: Callable[[Any], Any] | None = None
    newest_first: bool = False
    pages: EntryPages | None = None
    index: str | None = None  # macro listing every entry (its template has the same name)
    placed_by: str | None = None  # macro showing one entry in prose: name('<id>'), or name() for a single kind
    script: str | None = None  # a script its index or placing macro needs (assets/javascripts/), loaded only where placed
    pdf: str | None = None  # per-entry PDF file name, formatted with `entry` (./run pdf prints its page)
    word: Download | tuple[Download, ...] | None = None  # several: each its own file (a pack's two editions)
    slides: Download | None = None
    item: Callable[[Any, Any], Item] | None = None  # what an entry is in a document: its handout, a pack, its slides
    pack_item: str | None = None  # the field of a training pack's item that names one of these
    cited: bool = False  # text cites its entries as `[...](cite:<id>)`
    citing: tuple[str, ...] = ()  # link fields to the cited kind that its page shows as citations (a quotation's source)
    explains: Callable[[Any], tuple[str, str]] | None = None  # (term, expansion) explained wherever the term is used
    rewords: Callable[[Any], tuple[list[str], list[str]]] | None = None  # (practitioners' words, the portfolio's terms they mean),
    # for search only: a section using one of the terms is also found by the words (never shown)
    # problems an entry has with the entries it names, once all are loaded: (field path, reason) for each
    # (a pack's key sentences must be the named case study's own)
    cross_checks: Callable[[Any, dict[str, dict[str, Any]]], Iterator[tuple[tuple, str]]] | None = None
    assemble: Callable[[list[Kind]], dict[str, Any]] | None = None  # fields made from the other kinds (a pack's items)
    lists_ids: tuple[str, ...] = ()  # links (as in `links`) whose unknown id is answered with the ids there are (a pack's items)

    def downloads(self, attribute: str) -> tuple[Download, ...]:
        """Its downloads of one format (`word`, `slides`), however many."""
        spec = getattr(self, attribute)
        return spec if isinstance(spec, tuple) else (spec,) if spec else ()

    @property
    def file(self) -> str:
        return f"{self.name}.yml"

    @property
    def folder(self) -> str | None:
        return self.pages.folder if self.pages else None

    def src(self, entry_id: str) -> str:
        """The source path of an entry's own page."""
        return f"{self.folder}/{entry_id}.md"

    def key_of(self, entry: Any) -> str | None:
        return getattr(entry, self.key) if self.key else None
