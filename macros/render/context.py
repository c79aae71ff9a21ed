"""What every portfolio template can use: the data, links between pages, and the site's settings."""

from __future__ import annotations

from pathlib import Path

from jinja2 import Environment

from ..load import Project
from ..model.kinds._pack_documents import minutes_text, trainer_item
from ..model.vocab import AUDIENCES, COURSE_LENGTHS
from .filters import relative, search_boost
from .offered import OfferedDownloads
from .templates import make_environment


def portfolio_environment(project: Project, template_dir: Path, build_date: str, page_titles: dict[str, str], downloads: OfferedDownloads | None = None,
                          cache_dir: Path | None = None) -> Environment:
    """One environment per build; `page_titles` maps each page's source path to its title; `downloads`
    holds the files written for readers to download (templates link to these only)."""
    data = project.data
    env = make_environment(
        template_dir,
        {
            "data": data,
            "site": data.site,
            "build_date": build_date,
            "page_titles": page_titles,
            "cited_on": project.cited_on(),
            "rel": relative,
            "src_of": project.src_of,
            "section_title": project.section_title,
            "is_local": data.is_local,
            "search_boost": search_boost,
            "part_pages": project.part_openings(),
            "course_lengths": COURSE_LENGTHS,
            "course_audiences": list(AUDIENCES),
            "downloads": downloads or OfferedDownloads([]),
        },
        cache_dir=cache_dir,
    )
    env.filters["lookup"] = lambda entry_id, kind: data.by_id[kind][entry_id]
    env.globals["listing_page"] = project.listing_page
    env.globals["pack_item"] = lambda item, pack: (
        {"title": trainer_item(item, pack, "").title, "src": None} if item.trainer
        else {"title": item.kind.item(item.entry(data), project).title, "src": project.page_for(item.kind.name, item.entry_id)})
    env.globals["minutes_text"] = minutes_text
    env.filters["audience_label"] = AUDIENCES.__getitem__
    return env
