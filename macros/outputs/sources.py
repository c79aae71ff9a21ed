"""Where each item comes from, as every download says it: the part of the portfolio, word for word as the
site's printed pages say it (Markdown, with the portfolio's title in italics)."""

from __future__ import annotations

from typing import Any

from ..load import Project
from ..render.filters import number_word
from ..render.pages import PART_PAGES
from .text import Run, runs

CITATION = "*Working with Resistance* practitioner portfolio, West of Scotland Child Protection Consortium (2016)"
RECKONER_SRC = "appendix/ready-reckoner-blank.md"


def source_of(project: Project, kind: str, entry: Any) -> str:
    """The source line of one item (Markdown)."""
    if kind == "case_studies":
        return f"Source: Part Two, Case Studies, of the {CITATION}."
    if kind == "question_sets":
        title = project.prose.titles.get(project.src_of(kind, entry.id)) or "the portfolio"
        return f"From {title.replace('*', '')}, {CITATION}."
    if kind == "ready_reckoner":
        return f"Source: {entry.title} ({entry.source}), appendix to *Working with Resistance*, West of Scotland Child Protection Consortium (2016)."
    if kind == "resistance_types":
        return f"From {PART_PAGES[1][0]}, {CITATION}."
    if kind == "tools":
        return f"From {PART_PAGES[5][0]}, {CITATION}."
    raise KeyError(kind)


def page_of(project: Project, kind: str, entry: Any) -> str:
    """The source path of the page that shows an item, for its address and its links."""
    if kind == "ready_reckoner":
        return RECKONER_SRC
    return project.src_of(kind, entry.id)


def title_of(kind: str, entry: Any) -> list[Run]:
    """An item's title as runs, as its page's heading reads."""
    if kind == "case_studies":
        return [Run(f"Case study {number_word(entry.number)}: "), *runs(entry.title)]
    if kind == "question_sets":
        return [Run("Checklist: "), *runs(entry.title)]
    return runs(entry.title)
