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
from urllib.parse import quote, urlencode, urljoin

from mkdocs.config import config_options
from mkdocs.config.base import Config
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from .errors import DataError, DataProblem
from .hosting import COMMITTEE_CSS, IFRAME_WORKER_SHIM, AtomicBuild, build_date, check_review_fields, committee_css, qr_svg
from .loader import CITE, SiteData, load_site_data, unknown_citation
from .pages import BIBLIOGRAPHY, ENTRY_PAGES, PAGES_BY_KIND, PART_PAGES, PRINT_PAGE, placements_in, search_boost
from .print_page import BODY_MARKER, PRINT_SOURCE, print_body, print_parts, write_print_page
from .render import TemplateFailure, make_environment, relative, render
from .vocab import AUDIENCES, COURSE_LENGTHS


ACCESSIBILITY_STATEMENT = "accessibility.md"
_H1 = re.compile(r"^# (.+)$", re.MULTILINE)


# Compiled templates, kept between builds (where mkdocs-material's plugins keep their caches too).
TEMPLATE_CACHE = ".cache/plugin/portfolio/templates"


class PortfolioConfig(Config):
    data_dir = config_options.Type(str, default="data")
    templates = config_options.Type(str, default="overrides/portfolio")


class PortfolioPlugin(BasePlugin[PortfolioConfig]):
    """Owns the validated data for one build and everything derived from it."""

    data: SiteData
    placements: dict[tuple[str, str], str]
    cited_on: dict[str, list[str]]

    def on_startup(self, *, command, dirty):
        self.command = command

    @event_priority(100)
    def on_config(self, config):
        root = Path(config.config_file_path).parent
        try:
            self.data = load_site_data(root / self.config.data_dir, display_root=root)
        except DataError as exc:
            raise PluginError(_report(exc)) from None
        self.root = root
        self.atomic = None
        if getattr(self, "command", None) == "build":
            self.atomic = AtomicBuild(Path(config.site_dir))
            config.site_dir = str(self.atomic.staging)
        self.docs_name = Path(config.docs_dir).name
        self.build_date = build_date()
        self._apply_settings(config)
        self.page_titles: dict[str, str] = {}
        self.env = make_environment(
            root / self.config.templates,
            {
                "rel": relative,
                "search_boost": search_boost,
                "part_pages": PART_PAGES,
                "build_date": self.build_date,
                "site": self.data.site,
                "is_local": lambda kind, entry_id: (kind, entry_id) in self.data.local,
                "src_of": self.src_of,
                "data": self.data,
                "page_titles": self.page_titles,
                "course_lengths": COURSE_LENGTHS,
                "course_audiences": list(AUDIENCES),
            },
            cache_dir=root / TEMPLATE_CACHE,
        )
        self.env.filters["lookup"] = lambda entry_id, kind: self.data.by_id[kind][entry_id]
        self.env.filters["audience_label"] = AUDIENCES.__getitem__
        self.abbreviations = "\n".join(f"*[{t.term}]: {t.expansion}" for t in self.data.glossary)
        return config

    def _apply_settings(self, config) -> None:
        """The committee's settings (data/site.yml) become the site's name, footer and colours."""
        settings = self.data.site
        config.site_name = settings.site_name
        config.extra.update(build_date=self.build_date, site=settings.model_dump(mode="json"))
        self.logo = None
        if settings.logo:
            self.logo = self._logo_path(settings.logo)
            config.theme["logo"] = f"assets/images/logo{self.logo.suffix}"
        offline = config.plugins.get("material/offline")
        self.offline = bool(offline and offline.config.enabled)
        if self.offline:
            # Named so that Material's offline plugin does not add its copy from unpkg.com.
            config.extra["polyfills"] = [IFRAME_WORKER_SHIM]

    def _logo_path(self, logo: str) -> Path:
        data_dir = (self.root / self.config.data_dir).resolve()
        path = (data_dir / logo).resolve()
        if not path.is_relative_to(data_dir) or not path.is_file() or path.suffix.lower() not in (".svg", ".png", ".jpg", ".jpeg"):
            raise PluginError(f"{self.config.data_dir}/site.yml: site.logo: '{logo}' must be an .svg, .png or .jpg file inside {self.config.data_dir}/")
        return path

    def page_of(self, kind: str, entry_id: str) -> str | None:
        """Where readers meet an entry: the prose page that places it, else its own page, else nowhere."""
        placed = self.placements.get((kind, entry_id))
        pages = PAGES_BY_KIND.get(kind)
        return placed or (pages.src(entry_id) if pages else None)

    def src_of(self, kind: str, entry_id: str) -> str:
        """Source path of the page an entry is linked to (see page_of); every linked entry has one."""
        src = self.page_of(kind, entry_id)
        if src is None:
            raise KeyError(f"no page shows {kind} '{entry_id}'")
        return src

    def on_files(self, files: Files, config) -> Files:
        self._scan_prose(files)
        for pages in ENTRY_PAGES:
            for entry in getattr(self.data, pages.kind):
                src = pages.src(entry.id)
                file = File.generated(config, src, content="")
                page_url = urljoin(config.site_url, file.url) if config.site_url else None
                try:
                    file.content_string = render(
                        self.env, pages.template, entry=entry, page_src=src, page_url=page_url, qr_code=qr_svg(page_url) if pages.qr_code else None, cited_on=self.cited_on
                    )
                except TemplateFailure as exc:
                    raise PluginError(f"Page {src} could not be generated:\n{exc}") from None
                self.page_titles[src] = _heading(file.content_string)
                files.append(file)
        files.append(File.generated(config, COMMITTEE_CSS, content=committee_css(self.data.site)))
        if self.logo:
            files.append(File.generated(config, config.theme["logo"], abs_src_path=str(self.logo)))
        if self.offline:
            shim = self.root / "node_modules" / "iframe-worker" / "shim" / "index.js"
            if not shim.is_file():
                raise PluginError("The offline build serves search's iframe-worker shim itself, from node_modules/iframe-worker: run `npm ci` (./run does it for you).")
            files.append(File.generated(config, IFRAME_WORKER_SHIM, abs_src_path=str(shim)))
        # Its body is written once every page is built (on_post_build), from their HTML.
        files.append(File.generated(config, PRINT_PAGE, content=PRINT_SOURCE))
        self.print_page = None
        self.statement = files.get_file_from_path(ACCESSIBILITY_STATEMENT)
        return files

    @event_priority(-1000)
    def _move_into_place(self, *, config) -> None:
        """Move the finished site into place; the earlier site goes only once the new one is complete."""
        if self.atomic and self.atomic.finish(config.strict):
            config.site_dir = str(self.atomic.target)

    def on_build_error(self, *, error) -> None:
        """A failed build leaves the earlier site untouched: drop the half-built copy."""
        if getattr(self, "atomic", None):
            self.atomic.abandon()

    def on_page_context(self, context, page, config, nav):
        """Per-page links for the footer: report a problem (mailto with this page's address)."""
        contact = self.data.site.contact
        address = page.canonical_url or page.url
        query = urlencode({"subject": f"Problem with a page: {page.title}", "body": f"Page: {address}\n\nWhat is wrong:\n"}, quote_via=quote)
        context["wwr"] = {
            "report_href": f"mailto:{quote(contact.email, safe='@')}?{query}",
            "accessibility_url": self.statement.url_relative_to(page.file) if self.statement else None,
        }
        return context

    def on_nav(self, nav, config, files):
        self.print_parts = print_parts(nav, self.data)
        return nav

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
                    problems.append(DataProblem(name, line, "", unknown_citation(ref, references)))
        if problems:
            raise PluginError(_report(DataError(problems)))
        for ref, places in self.data.cited_by.items():
            for kind, entry_id in places:
                src = self.page_of(kind, entry_id)
                if src:
                    cited[ref].add(src)
        self.cited_on = {ref: sorted(pages) for ref, pages in cited.items()}

    def render_fragment(self, template: str, page: Page, **context: Any) -> str:
        """Render a card or list template for a macro call on a prose page."""
        try:
            return render(self.env, template, page_src=page.file.src_uri, page_url=page.canonical_url, cited_on=self.cited_on, **context)
        except TemplateFailure as exc:
            raise PluginError(f"{self.docs_name}/{page.file.src_uri} could not be rendered:\n{exc}") from None

    @event_priority(100)
    def _skip_plain_pages(self, markdown: str, page: Page, config, files) -> str:
        """Before macros: a page with no Jinja in it is not compiled as a template (mkdocs-macros would, every build)."""
        macros = config.plugins.get("macros")
        if macros is not None and "render_macros" not in page.meta and not macros.has_j2(markdown):
            page.meta["render_macros"] = False
        return markdown

    @event_priority(-100)
    def _resolve_citations(self, markdown: str, page: Page, config, files) -> str:
        """After macros: point citations at the bibliography and define the abbreviations."""
        src = page.file.src_uri
        check_review_fields(page, f"{self.docs_name}/{src}")
        bibliography = relative(BIBLIOGRAPHY, src)
        markdown = CITE.sub(lambda m: f"]({bibliography}#{m.group(1)}){{: .wwr-cite }}", markdown)
        return f"{markdown}\n\n{self.abbreviations}\n" if self.abbreviations else markdown

    on_page_markdown = CombinedEvent(_skip_plain_pages, _resolve_citations)

    def on_page_content(self, html: str, page: Page, config, files: Files) -> str:
        """The whole-portfolio page gets a marker where its body goes (see on_post_build)."""
        if page.file.src_uri == PRINT_PAGE:
            self.print_page, self.files = page, files
            return html + BODY_MARKER
        return html

    def _write_whole_portfolio(self, *, config) -> None:
        """Every page is built: write the whole-portfolio page's body in place of its marker."""
        if self.print_page is None:  # not converted in this build (mkdocs serve --dirty)
            return
        def page_for(src: str):
            file = self.files.get_file_from_path(src)
            return file.page if file else None

        page = self.print_page
        write_print_page(Path(page.file.abs_dest_path), print_body(self.print_parts, page_for, page.url))

    on_post_build = CombinedEvent(_write_whole_portfolio, _move_into_place)


def _heading(markdown: str) -> str:
    """A page's first-level heading, used to name it in lists of links."""
    match = _H1.search(markdown)
    return match.group(1).strip() if match else ""


def _report(error: DataError) -> str:
    count = len(error.problems)
    heading = "The data has a problem" if count == 1 else f"The data has {count} problems"
    return f"{heading}; nothing was built:\n" + "\n".join(str(p) for p in error.problems)

