"""The `portfolio` mkdocs plugin: each hook hands over to a named module of this package.

mkdocs-macros renders macro calls inside pages but cannot add pages or check data, so this
plugin loads and checks the project before anything renders (a mistake stops the build with
`file:line: field: reason` and no traceback), adds the generated pages and files, prepares
each page's Markdown, lets wide tables scroll in their own region, leaves pages with nothing to show
out of the navigation and search, writes the whole-portfolio page, and makes the build atomic.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path

from mkdocs.config import config_options
from mkdocs.config.base import Config
from mkdocs.exceptions import Abort, BuildError, PluginError
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority

from ..load import DataError
from ..outputs.cache import DownloadFailure
from ..outputs.printed import MissingPdfs
from ..render.tables import scrolling_tables
from ..render.templates import TemplateFailure
from . import markdown
from .assets import add_generated_files, release_source
from .atomic import AtomicBuild, Stopped, build_failure, check_output, unexpected
from .checked_pages import checked_html
from .empty_pages import drop_from_nav, empty_pages
from .finish import finish_site
from .footer import footer_links
from .offline import add_offline_files
from .output_folder import check_writable, project_sources
from .print_page import PrintedPortfolio, print_parts
from .search_index import add_practitioner_words, search_entries
from .settings import apply_settings, is_offline
from .state import DOWNLOAD_CACHE, BuildSettings, BuildState
from .stylesheet import joined_stylesheet


class PortfolioConfig(Config):
    data_dir = config_options.Type(str, default="data")
    templates = config_options.Type(str, default="overrides/portfolio")
    downloads = config_options.Type(bool, default=True)  # the Word and PowerPoint files (macros/outputs/)
    pdf_dir = config_options.Optional(config_options.Type(str))  # PDFs printed by ./run pdf, offered as downloads


class PortfolioPlugin(BasePlugin[PortfolioConfig]):
    """Holds one BuildState per build, and the two things that follow a build's progress."""

    state: BuildState
    atomic: AtomicBuild | None = None
    whole: PrintedPortfolio | None = None
    empty: frozenset[str] = frozenset()

    command: str = "build"

    def on_startup(self, *, command, dirty):
        self.command = command
        # mkdocs-macros reports its set-up at INFO on every build; a build should print only what needs action.
        logging.getLogger("mkdocs.plugins.mkdocs_macros").setLevel(logging.WARNING)

    @event_priority(100)
    def on_config(self, config):
        root = Path(config.config_file_path).parent
        self.root, self.atomic = root, None
        if self.command == "build":  # `mkdocs serve` builds into a folder of its own
            configured = (self.config.data_dir, config.docs_dir, config.theme.custom_dir, self.config.pdf_dir)
            check_output(Path(config.site_dir), root, project_sources(root, *(root / folder for folder in configured if folder)))
        check_writable(root / Path(DOWNLOAD_CACHE).parent)  # a read-only checkout stops here, in one line
        settings = BuildSettings(root, self.config.data_dir, Path(config.docs_dir).name, self.config.templates, config.site_url,
                                 self.config.downloads, background=self.command == "build",
                                 pdf_dir=self.config.pdf_dir if self.config.downloads else None)
        self.state = create_state(settings)
        self.atomic = AtomicBuild(Path(config.site_dir)) if self.command == "build" else None
        if self.atomic:
            config.site_dir = str(self.atomic.staging)
        self.offline = is_offline(config)
        apply_settings(config, self.state, self.offline)
        self.joined, self.stylesheet = list(config.extra_css), joined_stylesheet(config.extra_css, Path(config.theme.custom_dir), self.state)
        config.extra_css = [self.stylesheet[0]]
        markdown.explain_abbreviations(config, self.state)
        return config

    def on_files(self, files, config):
        add_generated_files(files, config, self.state, self.offline, self.stylesheet, self.joined)
        self.state.entry_pages.clear()  # now mkdocs' files: no second reference to 14 MB of Markdown at 5,000 entries
        add_offline_files(files, config, self.state, self.offline)
        self.files = files
        return files

    def on_nav(self, nav, config, files):
        self.empty = empty_pages(self.state)
        nav = drop_from_nav(nav, self.empty)
        self.whole = PrintedPortfolio(print_parts(nav, self.state))
        return nav

    @event_priority(100)
    def _before_macros(self, markdown_text, page, config, files):
        release_source(page.file)
        return markdown.prepare_page(markdown_text, page, config, self.state, self.empty, self.offline)

    @event_priority(-100)
    def _after_macros(self, markdown_text, page, config, files):
        return markdown.resolve_citations(markdown_text, page.file.src_uri)

    on_page_markdown = CombinedEvent(_before_macros, _after_macros)

    def on_page_content(self, html, page, config, files):
        html = scrolling_tables(checked_html(html, page, self.state.settings.docs_dir), page.title or "")
        return self.whole.mark(html, page, files) if self.whole else html

    def on_page_context(self, context, page, config, nav):
        context["wwr"] = footer_links(page, self.files, self.state.data.site.contact)
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
        finish_site(Path(config.site_dir), self.state, self.whole, self.files, config, self.offline, compress=self.command == "build" and not self.offline)

    @event_priority(-1000)
    def _move_into_place(self, *, config):
        """Move the finished site into place; the earlier site goes only once the new one is complete."""
        if self.atomic and self.atomic.finish(config.strict):
            config.site_dir = str(self.atomic.target)

    on_post_build = CombinedEvent(_search_words, _finish, _move_into_place)

    @event_priority(-1000)
    def on_build_error(self, *, error):
        """A failed build leaves the earlier site untouched: drop the half-built copy. An OSError (a full
        disk, a read-only folder) becomes one plain line, and so does any fault no input should cause (the
        traceback with WWR_TRACEBACK=1); last, since it ends the other plugins' clean-up."""
        if getattr(self, "state", None) is not None and self.state.writing:
            self.state.writing.cancel()
        if self.atomic:
            self.atomic.abandon()
        if isinstance(error, OSError):
            raise Stopped(build_failure(error, getattr(self, "root", Path.cwd()), self.atomic)) from None
        if not isinstance(error, (BuildError, Abort)) and not os.environ.get("WWR_TRACEBACK"):
            raise Stopped(unexpected(error)) from None


def create_state(settings: BuildSettings) -> BuildState:
    """The build's state, or the build stops with what is wrong and no traceback."""
    try:
        return BuildState.create(settings)
    except DataError as exc:
        raise PluginError(report(exc)) from None
    except TemplateFailure as exc:
        raise PluginError(f"A page could not be generated:\n{exc}") from None
    except DownloadFailure as exc:
        raise PluginError(f"A download could not be made; nothing was built:\n{exc}") from None
    except MissingPdfs as exc:
        raise PluginError(f"A PDF to offer is missing; nothing was built:\n{exc}") from None


def report(error: DataError) -> str:
    count = len(error.problems)
    heading = "The data has a problem" if count == 1 else f"The data has {count} problems"
    return f"{heading}; nothing was built:\n" + "\n".join(str(p) for p in error.problems)
