"""The start of a build (`on_config`): refuse an output folder that is not the site's to replace, load and
check the project, stage the build, and put the committee's settings, the menu, the one stylesheet and the
glossary into mkdocs' configuration. Everything one build needs is made here, once."""

from __future__ import annotations

import logging
import os
from dataclasses import dataclass
from pathlib import Path

from mkdocs.exceptions import PluginError

from ..hosting.address import site_url_problem
from ..load import DataError, things_to_check
from ..load.logo import IconError, light_share
from ..outputs.background import IN_BACKGROUND, IN_LINE, WHEN_ASKED
from ..outputs.cache import DownloadFailure
from ..outputs.folders import check_writable, project_sources
from ..outputs.printed import MissingPdfs
from ..render.pages import EntryPage
from ..render.templates import TemplateFailure
from . import markdown
from .atomic import AtomicBuild, Stopped, check_output
from .navigation import menu
from .settings import apply_settings, is_offline
from .state import DOWNLOAD_CACHE, BuildSettings, BuildState
from .stylesheet import joined_stylesheet, palette_stylesheet

log = logging.getLogger("mkdocs.plugins.wwr")
LIGHT_LOGO = 0.5  # a logo more than half of whose drawn pixels barely show on white is a logo for a dark header


@dataclass(frozen=True)
class Build:
    """One build: its state, where it is staged (`mkdocs build` only), and what it put into the configuration."""

    root: Path
    state: BuildState
    atomic: AtomicBuild | None
    offline: bool  # an OFFLINE=true build: a copy that works from file://
    stylesheet: tuple[str, str]  # the one stylesheet's path and text
    joined_stylesheets: tuple[str, ...]  # the sources joined into it, which the site does not serve


def start_build(config, options, command: str, when_asked: bool = False) -> tuple[Build, list[EntryPage]]:
    """The build (and its entry pages, for mkdocs' files), or the build stops with one clear message. `when_asked`:
    the downloads not in the cache are written when the preview is asked for one (outputs/background.py)."""
    root = Path(config.config_file_path).parent
    if command == "build":  # `mkdocs serve` builds into a folder of its own, and is served at this computer's address
        check_site_url(config.site_url)
        configured = (options.data_dir, config.docs_dir, config.theme.custom_dir, options.pdf_dir)
        check_output(Path(config.site_dir), root, project_sources(root, *(root / folder for folder in configured if folder)))
    check_writable(root / Path(DOWNLOAD_CACHE).parent)  # a read-only checkout stops here, in one line
    settings = BuildSettings(root, options.data_dir, Path(config.docs_dir).name, options.templates, config.site_url, options.downloads,
                             writing=IN_BACKGROUND if command == "build" else WHEN_ASKED if when_asked else IN_LINE,
                             pdf_dir=options.pdf_dir if options.downloads else None)
    state, entry_pages = _create_state(settings)
    if state.project.warnings:  # at INFO: a strict build stops on a warning, and these build
        log.info(things_to_check(state.project.warnings))
    if state.pdf_notice:  # at INFO too: the site is whole without them, and says nothing of a PDF it does not offer
        log.info(state.pdf_notice)
    for problem in _form_problems(state, root):  # at INFO too: the form is written, on two pages
        log.info(f"One thing to check (the site still builds):\n{problem}")
    if notice := print_logo_notice(state):
        log.info(notice)
    atomic = AtomicBuild(Path(config.site_dir)) if command == "build" else None
    if atomic:
        config.site_dir = str(atomic.staging)
    offline = is_offline(config)
    apply_settings(config, state, offline)
    config.nav = menu(state.project.book)
    joined = tuple(config.extra_css)
    stylesheet = joined_stylesheet(list(joined), Path(config.theme.custom_dir), state, *_dark_scheme(config))
    config.extra_css = [stylesheet[0]]
    markdown.explain_abbreviations(config, state)
    return Build(root, state, atomic, offline, stylesheet, joined), entry_pages


def _form_problems(state, root: Path) -> list[str]:
    """A form (the ready reckoner) that will not fit one page under the committee's letterhead (outputs/word/fit.py)."""
    if not state.settings.downloads:
        return []
    from ..outputs.edition import edition_for

    edition = edition_for(state.project, state.build_date, state.settings.site_url, root / state.settings.data_dir)
    if not edition.handout_template:
        return []  # the default's A4 fits (tests/outputs); python-docx is not even imported
    from ..outputs.word.fit import one_page_problems

    return one_page_problems(state.project, edition)


def check_site_url(site_url: str | None) -> None:
    """A build for hosting stops, before writing anything, at a public address that is not the folder the site
    is served from or that no reader can open. mkdocs has already added a "/" to the address's path (a file
    name becomes "index.html/"), so the message quotes SITE_URL as it was set."""
    given = os.environ.get("SITE_URL") if site_url and os.environ.get("SITE_URL") else site_url
    if problem := site_url_problem(given, "SITE_URL" if given == os.environ.get("SITE_URL") else "site_url"):
        raise Stopped(f"Stopped: {problem}")


def print_logo_notice(state: BuildState) -> str | None:
    """What to say of a logo that would barely show on the printed cover's white paper (most of it light, as
    a logo made for a dark header is), when the committee gives no `logo_print`."""
    if not state.logo or state.logo_print:
        return None
    try:
        share = light_share(state.logo)
    except IconError:
        return None  # the phone's icons say why it cannot be drawn
    if share <= LIGHT_LOGO:
        return None
    return (f"The logo ({state.data.site.logo}) is {share:.0%} light colours, which barely show on white paper: the printed portfolio's "
            "cover would hardly show it. Give a version for paper as logo_print in data/local/site.yml (e.g. logo_print: local/logo-print.svg).")


def _dark_scheme(config) -> tuple[str, tuple[str, str]] | tuple[()]:
    """Material's palette stylesheet and the schemes of mkdocs.yml's `theme.palette`: the one every page is
    built with (the first) and the one for a device set to dark, which the stylesheet applies by itself."""
    palette = config.theme.get("palette")
    entries = palette if isinstance(palette, list) else []
    dark = [entry.get("scheme") for entry in entries if entry.get("media") == "(prefers-color-scheme: dark)"]
    built = entries[0].get("scheme") if entries else None
    if not (dark and dark[0] and built and built != dark[0]):
        return ()
    try:
        return palette_stylesheet(list(config.theme.dirs)), (built, dark[0])
    except FileNotFoundError as exc:
        raise PluginError(f"The dark colour scheme could not be made: {exc}") from None


def _create_state(settings: BuildSettings) -> tuple[BuildState, list[EntryPage]]:
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
