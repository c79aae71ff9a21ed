"""The `portfolio` mkdocs plugin: load the data once, generate entry pages, resolve citations.

mkdocs-macros renders macro calls inside pages but cannot add pages, so this small plugin
does the build-level work: it validates `data/` before anything renders (a bad file stops
the build with `file:line: field: reason` and no traceback), adds one generated page per
entry, and, after macros have run, turns `](cite:id)` links into links to the bibliography
and appends the glossary's abbreviations so every page explains them in place.
"""

from __future__ import annotations

import re
from collections import defaultdict
from pathlib import Path
from typing import Any

from mkdocs.config import config_options
from mkdocs.config.base import Config
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from .errors import DataError, DataProblem, did_you_mean
from .loader import CITE, SiteData, load_site_data
from .pages import BIBLIOGRAPHY, ENTRY_PAGES, PAGES_BY_KIND, PART_PAGES, entry_src, placements_in, search_boost
from .render import TemplateFailure, make_environment, relative, render
from .vocab import AUDIENCES, COURSE_LENGTHS


_H1 = re.compile(r"^# (.+)$", re.MULTILINE)


class PortfolioConfig(Config):
    data_dir = config_options.Type(str, default="data")
    templates = config_options.Type(str, default="overrides/portfolio")


class PortfolioPlugin(BasePlugin[PortfolioConfig]):
    """Owns the validated data for one build and everything derived from it."""

    data: SiteData
    placements: dict[tuple[str, str], str]
    cited_on: dict[str, list[str]]

    @event_priority(100)
    def on_config(self, config):
        root = Path(config.config_file_path).parent
        try:
            self.data = load_site_data(root / self.config.data_dir, display_root=root)
        except DataError as exc:
            raise PluginError(_report(exc)) from None
        self.docs_name = Path(config.docs_dir).name
        self.page_titles: dict[str, str] = {}
        self.env = make_environment(
            root / self.config.templates,
            {
                "rel": relative,
                "search_boost": search_boost,
                "part_pages": PART_PAGES,
                "src_of": self.src_of,
                "data": self.data,
                "page_titles": self.page_titles,
                "course_lengths": COURSE_LENGTHS,
                "course_audiences": list(AUDIENCES),
            },
        )
        self.env.filters["lookup"] = lambda entry_id, kind: self.data.by_id[kind][entry_id]
        self.env.filters["audience_label"] = AUDIENCES.__getitem__
        self.abbreviations = "\n".join(f"*[{t.term}]: {t.expansion}" for t in self.data.glossary)
        return config

    def src_of(self, kind: str, entry_id: str) -> str:
        """Source path of an entry's page, or of the prose page that places it."""
        pages = PAGES_BY_KIND.get(kind)
        if pages:
            return pages.src(entry_id)
        return self.placements[(kind, entry_id)]

    def on_files(self, files: Files, config) -> Files:
        self._scan_prose(files)
        for pages in ENTRY_PAGES:
            for entry in getattr(self.data, pages.kind):
                src = pages.src(entry.id)
                try:
                    content = render(self.env, pages.template, entry=entry, page_src=src, cited_on=self.cited_on)
                except TemplateFailure as exc:
                    raise PluginError(f"Page {src} could not be generated:\n{exc}") from None
                self.page_titles[src] = _heading(content)
                files.append(File.generated(config, src, content=content))
        return files

    def _scan_prose(self, files: Files) -> None:
        """Find where prose pages place data and which references they cite, before any page renders."""
        problems: list[DataProblem] = []
        self.placements = {}
        cited: dict[str, set[str]] = defaultdict(set)
        references = self.data.by_id["references"]
        for file in files.documentation_pages():
            text = file.content_string
            self.page_titles[file.src_uri] = _heading(text)
            for placed in placements_in(text):
                self.placements.setdefault(placed, file.src_uri)
            for match in CITE.finditer(text):
                ref = match.group(1)
                if ref in references:
                    cited[ref].add(file.src_uri)
                else:
                    line = text.count("\n", 0, match.start()) + 1
                    name = f"{self.docs_name}/{file.src_uri}"
                    problems.append(DataProblem(name, line, "", f"citation of unknown reference '{ref}'{did_you_mean(ref, references)}"))
        if problems:
            raise PluginError(_report(DataError(problems)))
        for ref, places in self.data.cited_by.items():
            for kind, entry_id in places:
                entry = self.data.by_id.get(kind, {}).get(entry_id)
                src = (entry_src(kind, entry) if entry else None) or self.placements.get((kind, entry_id))
                if src:
                    cited[ref].add(src)
        self.cited_on = {ref: sorted(pages) for ref, pages in cited.items()}

    def render_fragment(self, template: str, page: Page, **context: Any) -> str:
        """Render a card or list template for a macro call on a prose page."""
        try:
            return render(self.env, template, page_src=page.file.src_uri, cited_on=self.cited_on, **context)
        except TemplateFailure as exc:
            raise PluginError(f"{self.docs_name}/{page.file.src_uri} could not be rendered:\n{exc}") from None

    @event_priority(-100)
    def on_page_markdown(self, markdown: str, page: Page, config, files) -> str:
        """After macros: point citations at the bibliography and define the abbreviations."""
        bibliography = relative(BIBLIOGRAPHY, page.file.src_uri)
        markdown = CITE.sub(lambda m: f"]({bibliography}#{m.group(1)})", markdown)
        return f"{markdown}\n\n{self.abbreviations}\n" if self.abbreviations else markdown


def _heading(markdown: str) -> str:
    """A page's first-level heading, used to name it in lists of links."""
    match = _H1.search(markdown)
    return match.group(1).strip() if match else ""


def _report(error: DataError) -> str:
    count = len(error.problems)
    heading = "The data has a problem" if count == 1 else f"The data has {count} problems"
    return f"{heading}; nothing was built:\n" + "\n".join(str(p) for p in error.problems)

