"""The start of a build (`on_config`): refuse an output folder that is not the site's to replace, load and
check the project, stage the build, and put the committee's settings, the menu, the one stylesheet and the
glossary into mkdocs' configuration. Everything one build needs is made here, once."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path

from mkdocs.exceptions import PluginError

from ..load import DataError, things_to_check
from ..outputs.cache import DownloadFailure
from ..outputs.folders import check_writable, project_sources
from ..outputs.printed import MissingPdfs
from ..render.pages import EntryPage
from ..render.templates import TemplateFailure
from . import markdown
from .atomic import AtomicBuild, check_output
from .navigation import menu
from .settings import apply_settings, is_offline
from .state import DOWNLOAD_CACHE, BuildSettings, BuildState
from .stylesheet import joined_stylesheet

log = logging.getLogger("mkdocs.plugins.wwr")


@dataclass(frozen=True)
class Build:
    """One build: its state, where it is staged (`mkdocs build` only), and what it put into the configuration."""

    root: Path
    state: BuildState
    atomic: AtomicBuild | None
    offline: bool  # an OFFLINE=true build: a copy that works from file://
    stylesheet: tuple[str, str]  # the one stylesheet's path and text
    joined_stylesheets: tuple[str, ...]  # the sources joined into it, which the site does not serve


def start_build(config, options, command: str) -> tuple[Build, list[EntryPage]]:
    """The build (and its entry pages, for mkdocs' files), or the build stops with one clear message."""
    root = Path(config.config_file_path).parent
    if command == "build":  # `mkdocs serve` builds into a folder of its own
        configured = (options.data_dir, config.docs_dir, config.theme.custom_dir, options.pdf_dir)
        check_output(Path(config.site_dir), root, project_sources(root, *(root / folder for folder in configured if folder)))
    check_writable(root / Path(DOWNLOAD_CACHE).parent)  # a read-only checkout stops here, in one line
    settings = BuildSettings(root, options.data_dir, Path(config.docs_dir).name, options.templates, config.site_url, options.downloads,
                             background=command == "build", pdf_dir=options.pdf_dir if options.downloads else None)
    state, entry_pages = _create_state(settings)
    if state.project.warnings:  # at INFO: a strict build stops on a warning, and these build
        log.info(things_to_check(state.project.warnings))
    atomic = AtomicBuild(Path(config.site_dir)) if command == "build" else None
    if atomic:
        config.site_dir = str(atomic.staging)
    offline = is_offline(config)
    apply_settings(config, state, offline)
    config.nav = menu(state.project.book)
    joined = tuple(config.extra_css)
    stylesheet = joined_stylesheet(list(joined), Path(config.theme.custom_dir), state)
    config.extra_css = [stylesheet[0]]
    markdown.explain_abbreviations(config, state)
    return Build(root, state, atomic, offline, stylesheet, joined), entry_pages


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
