"""The `portfolio` mkdocs plugin: each hook hands over to a named module of this package.

mkdocs-macros renders macro calls inside pages but cannot add pages or check data, so this
plugin loads and checks the project before anything renders (a mistake stops the build with
`file:line: field: reason` and no traceback), adds the generated pages and files, prepares
each page's Markdown, passes each page's HTML through the site's sanitiser, lets wide tables scroll in
their own region, leaves pages with nothing to show out of the navigation and search, writes the
whole-portfolio page, and makes the build atomic. In a preview it keeps each page as converted and
rendered, so that a save redoes only the pages it changed.
"""

from __future__ import annotations

import logging
from pathlib import Path

from mkdocs.config import config_options
from mkdocs.config.base import Config
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority

from ..model.vocab import long_date
from ..render.tables import scrolling_tables
from ..render.templates import TEMPLATE_DIR, cache_theme_templates
from . import markdown
from .assets import add_generated_files, release_markdown, release_source
from .atomic import stop_failed_build
from .checked_pages import checked_html
from .empty_pages import drop_from_nav, pages_with_nothing_yet
from .finish import finish_site
from .footer import footer_links
from .kept_pages import KeptPages
from .lazy_imports import defer_unused_imports
from .navigation import listing_pages
from .offline import add_offline_files
from .print_page import PrintedPortfolio, print_parts
from .search_index import add_practitioner_words, search_entries
from .start import Build, start_build
from .state import THEME_CACHE
from .theme_files import list_theme_without_hidden_folders

defer_unused_imports()  # before mkdocs loads mkdocs-macros, the next plugin in mkdocs.yml


class PortfolioConfig(Config):
    data_dir = config_options.Type(str, default="data")
    templates = config_options.Type(str, default=TEMPLATE_DIR)
    downloads = config_options.Type(bool, default=True)  # the Word and PowerPoint files (macros/outputs/)
    pdf_dir = config_options.Optional(config_options.Type(str))  # PDFs printed by ./run pdf, offered as downloads


class PortfolioPlugin(BasePlugin[PortfolioConfig]):
    """Holds one Build (made in on_config, not changed after), and what mkdocs hands back as the build goes."""

    build: Build | None = None
    command: str = "build"
    printed_portfolio: PrintedPortfolio | None = None
    empty_pages: frozenset[str] = frozenset()
    kept = KeptPages(keep=False)  # a preview's pages as converted and rendered last, kept across its builds
    downloads_when_asked = False  # set by the editors' preview, which writes a download when it is asked for

    def on_startup(self, *, command, dirty):
        self.command = command
        self.kept = KeptPages(keep=command == "serve" and not dirty)
        # mkdocs-macros reports its set-up at INFO on every build; a build should print only what needs action.
        logging.getLogger("mkdocs.plugins.mkdocs_macros").setLevel(logging.WARNING)

    @event_priority(100)
    def on_config(self, config):
        self.build, self.entry_pages = None, []
        self.build, self.entry_pages = start_build(config, self.config, self.command, self.downloads_when_asked)
        list_theme_without_hidden_folders(config.theme)
        return config

    @property
    def state(self):
        return self.build.state

    def on_files(self, files, config):
        build, entry_pages, self.entry_pages = self.build, self.entry_pages, []  # mkdocs' files from now on
        add_generated_files(files, config, build.state, entry_pages, build.offline, build.stylesheet, build.joined_stylesheets)
        for listing in listing_pages(config, build.state.project.prose):
            files.append(listing)
        add_offline_files(files, config, build.state, build.offline)
        self.files = files
        return files

    def on_nav(self, nav, config, files):
        self.empty_pages = pages_with_nothing_yet(self.state)
        self.printed_portfolio = PrintedPortfolio(print_parts(self.state, self.empty_pages), self.state.project.book)
        self.kept.start_converting(config, files)
        self.nav = drop_from_nav(nav, self.empty_pages)
        return self.nav

    @event_priority(100)
    def _before_macros(self, markdown_text, page, config, files):
        release_source(page.file)
        self.kept.convert(page)  # before mkdocs converts it
        return markdown.prepare_page(markdown_text, page, config, self.state, self.empty_pages, self.build.offline)

    @event_priority(-100)
    def _after_macros(self, markdown_text, page, config, files):
        return markdown.resolve_citations(markdown_text, page.file.src_uri, self.state.project.bibliography)

    on_page_markdown = CombinedEvent(_before_macros, _after_macros)

    def on_env(self, env, config, files):
        env.filters["long_date"] = long_date  # the theme's templates show dates as readers write them
        cache_theme_templates(env, Path(config.config_file_path).parent / THEME_CACHE)
        self.kept.start_rendering(env, config, self.nav)
        return env

    def on_page_content(self, html, page, config, files):
        html = scrolling_tables(checked_html(html, page, self.state.settings.docs_dir), page.title or "")
        release_markdown(page)
        return self.printed_portfolio.mark(html, page, files) if self.printed_portfolio else html

    def on_page_context(self, context, page, config, nav):
        context["wwr"] = footer_links(page, self.files, self.state.data.site.contact, self.state.project.book.footer)
        return context

    @event_priority(50)
    def _search_words(self, *, config):
        """Before Material's search plugin (priority 0) writes its index."""
        entries = search_entries(config)
        if entries is not None:
            add_practitioner_words(entries, self.state, config.use_directory_urls)

    @event_priority(-50)
    def _finish(self, *, config):
        """After Material's search plugin (priority 0) has written its index, before the site moves into place."""
        compress = self.command == "build" and not self.build.offline
        finish_site(Path(config.site_dir), self.state, self.printed_portfolio, self.files, config, self.build.offline, compress=compress)

    @event_priority(-1000)
    def _move_into_place(self, *, config):
        """Move the finished site into place; the earlier site goes only once the new one is complete."""
        atomic = self.build.atomic
        if atomic and atomic.finish(config.strict):
            config.site_dir = str(atomic.target)

    on_post_build = CombinedEvent(_search_words, _finish, _move_into_place)

    @event_priority(-1000)
    def on_build_error(self, *, error):
        """Last, since it ends the other plugins' clean-up."""
        stop_failed_build(self.build, error)
