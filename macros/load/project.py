"""Load the whole project once: the data, checked across entries, and the prose that places it."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ..model.kinds import BY_NAME, CITED, KINDS
from ..model.kinds.book import KIND as BOOK
from ..model.kinds.packs import KIND as PACKS_KIND
from ..model.kinds.site import KIND as SITE
from . import links, loader
from .book_pages import book_problems
from .errors import DataError, DataProblem, did_you_mean
from .logo import logo_problem
from .prose import ProseIndex, scan_prose
from .prose_links import link_problems
from .site_data import SiteData
from .warnings import warnings


@dataclass(frozen=True)
class Project:
    """The validated data and what the prose pages say about it; where readers meet each entry."""

    data: SiteData
    prose: ProseIndex = field(default_factory=ProseIndex)
    warnings: tuple[DataProblem, ...] = ()  # what may be a mistake but builds (load/warnings.py)
    sections_to_find: tuple[links.SectionToFind, ...] = ()  # `discussed_in` sections only a page's macros can make

    def page_of(self, kind: str, entry_id: str) -> str | None:
        """The prose page that places an entry, else its own page, else none."""
        placed = self.prose.placements.get((kind, entry_id))
        return placed or (BY_NAME[kind].src(entry_id) if BY_NAME[kind].folder else None)

    def src_of(self, kind: str, entry_id: str) -> str:
        """Source path of the page an entry is linked to; every linked entry has one."""
        src = self.page_of(kind, entry_id)
        if src is None:
            raise KeyError(f"no page shows {kind} '{entry_id}'")
        return src

    def section_title(self, target: str) -> str:
        """The heading of a prose section (`page.md#anchor`), or the page's title (`page.md`)."""
        page, _, anchor = target.partition("#")
        return self.prose.sections[page][anchor] if anchor else self.prose.titles[page]

    @property
    def book(self):
        """The site's structure: its menu, the printed portfolio's Parts, the footer's pages (data/book.yml)."""
        return self.data.book

    def listing_page(self, kind: str) -> str | None:
        """Where readers meet a kind as a whole: the first page, in the menu's order, that lists it (its index
        macro) or shows it (a single kind's); a page not in the menu comes after those that are."""
        order = {page.page: number for number, page in enumerate(page for item in self.book.menu for page in item.all_pages)}
        shown = self.prose.shown.get(kind, [])
        return min(shown, key=lambda src: (order.get(src, len(order)), src)) if shown else None

    def page_for(self, kind: str, entry_id: str | None) -> str | None:
        """The page readers meet an entry on (a single kind's: its listing page)."""
        return self.listing_page(kind) if entry_id is None else self.src_of(kind, entry_id)

    @property
    def bibliography(self) -> str:
        """The page listing the references that `cite:` links point to (the one that calls its index macro)."""
        return self.listing_page(CITED.name) or ""

    def part_title(self, src: str) -> str | None:
        """The title of the Part of the printed portfolio that holds the page `src`, if one does."""
        return next((part.title for part in self.book.parts if any(page.page == src for page in part.all_pages)), None)

    def part_openings(self) -> dict[int, tuple[str, str]]:
        """Each numbered Part's title and opening page, by number: what key messages link to."""
        return {part.number: (part.title, part.all_pages[0].page) for part in self.book.parts if part.number}

    def cited_on(self) -> dict[str, list[str]]:
        """For each reference, the pages that cite it: in their prose, or in an entry they show."""
        pages = {ref: set(srcs) for ref, srcs in self.prose.cited.items()}
        for ref, places in self.data.cited_by.items():
            for kind, entry_id in places:
                src = self.page_of(kind, entry_id) if entry_id else None
                if src:
                    pages.setdefault(ref, set()).add(src)
        return {ref: sorted(srcs) for ref, srcs in pages.items()}


def load_project(root: Path, data_dir: str = "data", docs_dir: str | None = "content") -> Project:
    """Read and check `data/` and `content/` under `root`; raise DataError listing every problem."""
    data, problems, known, located, warned = _load_data(root / data_dir, root)
    prose, to_find = ProseIndex(), []
    if docs_dir and (root / docs_dir).is_dir():
        prose, prose_problems = scan_prose(root / docs_dir, root, known)
        problems += prose_problems
        if known is not None:  # else a data file cannot be read, which might hold any id or page: none is missing yet
            named, to_find = _pages_named(prose, located, known, docs_dir)
            problems += named
    if problems or data is None:
        raise DataError(problems)
    return Project(data, prose, tuple(warned), tuple(to_find))


def _pages_named(prose: ProseIndex, located: list[loader.Located], known: dict[str, set[str]],
                 docs_dir: str) -> tuple[list[DataProblem], list[links.SectionToFind]]:
    """Each page or section that data (`discussed_in`, the book's menu) or a prose link names and the site will not
    have; and each `discussed_in` section that only rendering its page's macros can find."""
    problems, to_find = links.unknown_sections(located, prose.sections, docs_dir, set(prose.jinja))
    book = next((item for item in located if item.kind.name == BOOK.name), None)
    if book is not None:
        entry_pages = {kind.src(entry_id) for kind in KINDS if kind.pages for entry_id in known.get(kind.name, ())}
        problems += book_problems(book, set(prose.titles) | entry_pages, docs_dir)
        printed = {book.entry.print_page} | {book.entry.part_print_page(part.part) for part in book.entry.parts}
        problems += link_problems(prose.links, set(prose.titles) | entry_pages | printed, prose.media, prose.sections, prose.jinja)
    return problems, to_find


def load_site_data(data_dir: Path, display_root: Path | None = None) -> SiteData:
    """Read and check `data/` alone; raise DataError listing every problem, or return SiteData."""
    data, problems, _, _, _ = _load_data(data_dir, display_root or data_dir.parent)
    if problems or data is None:
        raise DataError(problems)
    return data


def _load_data(data_dir: Path, display_root: Path) -> tuple[SiteData | None, list[DataProblem], dict[str, set[str]] | None, list[loader.Located], list[DataProblem]]:
    """The data (None when it has problems), its problems, the ids written for each kind, where each entry is
    (the single kinds' too), and its warnings."""
    reading = loader.read_files(data_dir, display_root)
    singles = loader.read_singles(reading, data_dir.name)
    located, problems = loader.apply_overlay(reading.located)
    problems = reading.problems + problems + loader.duplicates(located)
    known = {name: set(keys) for name, keys in reading.written.items()}
    cited, cite_problems = links.citations(reading.sources, known.get(CITED.name, set()))
    if not reading.unreadable:
        problems += links.unknown_ids(located + list(singles.values()), known) + cite_problems
    site = singles.get(SITE.name)
    for setting in ("logo", "logo_print"):
        if site and getattr(site.entry, setting, None):
            why = logo_problem(getattr(site.entry, setting), data_dir)
            if why:
                problems.append(site.source.problem((SITE.name, setting), why))
    everything = located + list(singles.values())
    if reading.unreadable:
        return None, problems, None, everything, []  # ids in prose cannot be checked either
    if problems or len(singles) < sum(1 for kind in KINDS if kind.single):
        return None, problems, known, everything, []
    hidden, why = hidden_packs(site.entry.hide_packs, located)
    if why:
        return None, [site.source.problem((SITE.name, "hide_packs"), why)], known, everything, []
    data = _assemble(located, singles, links.backlinks(everything), links.citing_entries(everything, cited), hidden)
    crossed = [item.source.problem(item.loc + loc, reason) for item in located if item.kind.cross_checks
               for loc, reason in item.kind.cross_checks(item.entry, data.by_id)]
    if crossed:
        return None, crossed, known, everything, []
    return data, problems, known, everything, warnings(reading.sources, everything, data.by_id)


def hidden_packs(hide: list[str] | str, located: list[loader.Located]) -> tuple[frozenset[tuple[str, str]], str | None]:
    """The core training packs a committee hides (its settings' `hide_packs`: ids, or "all"), or why it cannot:
    an id that is no core pack's (a committee's own pack it simply removes from data/local/)."""
    core = [item.key for item in located if item.kind.name == PACKS_KIND.name and not item.local and item.key]
    wanted = core if hide == "all" else list(hide)
    unknown = [pack for pack in wanted if pack not in core]
    if unknown:
        mine = [item.key for item in located if item.kind.name == PACKS_KIND.name and item.local]
        reason = (f"'{unknown[0]}' is a pack of your own: remove it from data/local/ instead" if unknown[0] in mine
                  else f"unknown {PACKS_KIND.label} '{unknown[0]}'{did_you_mean(unknown[0], set(core))}{links.valid_ids(PACKS_KIND, set(core))}")
        return frozenset(), reason
    return frozenset((PACKS_KIND.name, pack) for pack in wanted), None


def _assemble(located: list[loader.Located], singles: dict, backlinks: dict, cited_by: dict, hidden: frozenset = frozenset()) -> SiteData:
    entries: dict[str, object] = {}
    for kind in KINDS:
        if kind.single:
            entries[kind.name] = singles[kind.name].entry
            continue
        items = [item.entry for item in located if item.kind is kind]
        if kind.sort_key:
            items.sort(key=kind.sort_key, reverse=kind.newest_first)
        entries[kind.name] = items
    by_id = {kind.name: {kind.key_of(e): e for e in entries[kind.name]} for kind in KINDS if kind.key and not kind.single}
    local = frozenset((item.kind.name, item.key) for item in located if item.local and item.key)
    return SiteData(entries=entries, local=local, by_id=by_id, backlinks=backlinks, cited_by=cited_by, hidden=hidden)
