"""Each page's search keywords and abbreviations: the site's additions, for search only.

Keywords are words practitioners type that the portfolio's text does not use ("won't let me see
the child"), from each entry's `keywords` (data) and each prose page's front matter. An entry with
a page of its own gives them to that page; one shown on a prose page (a question set) to that
page; one with no page (a glossary term) to the page listing its kind.

Abbreviations come from the glossary (the kind that `explains` terms): one that stands for an entry's title ("MI", Motivational
Interviewing) goes to that entry's page, strongly, so a search for it finds that page first;
the others are keywords of the glossary, which explains them.
"""

from __future__ import annotations

import re

from ..load import Project
from ..model.kinds import KINDS, explained


def page_keywords(project: Project) -> dict[str, list[str]]:
    """Source path of each page -> its keywords, in the order written, without repeats."""
    found: dict[str, list[str]] = {src: list(words) for src, words in project.prose.keywords.items()}
    standing_for = {term for terms in page_abbreviations(project).values() for term in terms}
    for kind in (kind for kind in KINDS if kind.explains):
        listing = next(iter(project.prose.shown.get(kind.name, [])), None)
        terms = [term for term, _ in map(kind.explains, getattr(project.data, kind.name)) if term not in standing_for]
        if listing and terms:
            found.setdefault(listing, []).extend(terms)
    for kind in KINDS:
        if kind.single or not kind.key:
            continue
        for entry in getattr(project.data, kind.name):
            words = getattr(entry, "keywords", None)
            src = _searchable_page(project, kind, kind.key_of(entry)) if words else None
            if src:
                found.setdefault(src, []).extend(word for word in words if word not in found[src])
    return found


def page_abbreviations(project: Project) -> dict[str, list[str]]:
    """Source path of a page -> the glossary's abbreviations that stand for what it is about."""
    titles = {}
    for kind in KINDS:
        if kind.pages and kind.pages.searchable:
            for entry in getattr(project.data, kind.name):
                titles[_plain(entry.title)] = kind.src(kind.key_of(entry))
    found: dict[str, list[str]] = {}
    for term, expansion in explained(project.data).items():
        expansion = _plain(expansion)
        src = next((src for title, src in titles.items() if title == expansion or f"({title})" in expansion), None)
        if src:
            found.setdefault(src, []).append(term)
    return found


def _plain(text: str) -> str:
    return re.sub(r"\s+", " ", text.lower()).strip()


def _searchable_page(project: Project, kind, entry_id: str) -> str | None:
    """The page search should find for an entry: the prose page placing it, its own page, or its list."""
    placed = project.prose.placements.get((kind.name, entry_id))
    if placed:
        return placed
    if kind.pages and kind.pages.searchable:
        return kind.src(entry_id)
    return next(iter(project.prose.shown.get(kind.name, [])), None)


