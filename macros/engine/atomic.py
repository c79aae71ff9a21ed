"""Atomic builds: a failed build never replaces a good site, and never leaves half a site behind."""

from __future__ import annotations

import atexit
import logging
import os
import shutil
from pathlib import Path
from typing import TYPE_CHECKING

import click
from mkdocs.exceptions import Abort, BuildError
from mkdocs.utils import CountHandler

from ..outputs.folders import SITE, failure, make_staging, refusal, remove_stale, shown, staging_folder, swap_in

if TYPE_CHECKING:
    from .start import Build

# mkdocs logs under "mkdocs"; ProperDocs, its maintained fork, under "properdocs" (which does not
# pass records on to "mkdocs"): a warning under either must stop a strict build from replacing the site.
ENGINE_LOGGERS = ("mkdocs", "properdocs")


class Stopped(Abort):
    """Stops the build with one line on stderr, no traceback (mkdocs' Abort prints to stdout, after a blank line)."""

    def show(self, *args, **kwargs) -> None:
        click.echo(self.format_message(), err=True)


def check_output(site_dir: Path, root: Path, sources: list[Path]) -> None:
    """Before anything is written: refuse an output folder that is not a site's to replace (Stopped says
    why), and remove what killed builds left next to it."""
    if reason := refusal(site_dir, root, sources, SITE):
        raise Stopped(reason)
    remove_stale(site_dir.resolve())


class _RestatedErrors(logging.Filter):
    """mkdocs logs a page's OSError ("Error building page 'x.md': [Errno 28] ...", with the staging
    folder's path) before on_build_error, which says the same in plain words as the build's one line."""

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        return not (message.startswith("Error building page") and "[Errno " in message)


class AtomicBuild:
    """Build into a sibling folder and move it into place only when the build succeeded.

    mkdocs empties the output folder first, so a build that fails half-way (bad data found
    late, a broken link in strict mode) would otherwise leave no site at all. When the output
    folder is a link, the folder it points to is replaced and the link stays.
    """

    def __init__(self, target: Path):
        self.target = target
        self.place = target.resolve()
        try:
            self.staging = make_staging(self.place)  # no more open than the site it replaces
        except OSError:  # mkdocs tries again, and build_failure reports why with what was kept
            self.staging = staging_folder(self.place)
        self.existed = self.place.exists()
        self.warnings = CountHandler()
        self.warnings.setLevel(logging.WARNING)
        self.restated = _RestatedErrors()
        for name in ENGINE_LOGGERS:
            logging.getLogger(name).addHandler(self.warnings)
            logging.getLogger(f"{name}.commands.build").addFilter(self.restated)
        atexit.register(self.abandon)  # Ctrl-C (KeyboardInterrupt) reaches no on_build_error

    def _unhook(self) -> None:
        atexit.unregister(self.abandon)
        for name in ENGINE_LOGGERS:
            logging.getLogger(name).removeHandler(self.warnings)
            logging.getLogger(f"{name}.commands.build").removeFilter(self.restated)

    def finish(self, strict: bool) -> bool:
        """Swap the new site in; False when strict mode is about to reject the build."""
        self._unhook()
        if strict and self.warnings.get_counts():
            return False  # mkdocs aborts next; abandon() then removes the staging copy
        swap_in(self.staging, self.place)
        return True

    def abandon(self) -> None:
        """Drop the half-built copy; the earlier site is untouched."""
        self._unhook()
        shutil.rmtree(self.staging, ignore_errors=True)


def build_failure(error: OSError, root: Path, atomic: AtomicBuild | None) -> str:
    """A full disk, a read-only folder, any OSError during a build: one line, with what was kept."""
    if atomic is None:
        return failure(error, root, SITE)
    name = shown(atomic.target, root)
    kept = f"the site in {name}/ is as it was" if atomic.existed else f"nothing was written to {name}/"
    return failure(error, root, SITE, atomic.target, atomic.staging, kept)


def unexpected(error: BaseException) -> str:
    """A fault no input should cause, as one line for the editor: what happened, that nothing changed, how to report it."""
    detail = " ".join(str(error).split())[:200]
    return (f"Stopped: the build failed unexpectedly ({type(error).__name__}{': ' + detail if detail else ''}); the site was not changed. "
            "Please report it with what WWR_TRACEBACK=1 ./run build prints")


def stop_failed_build(build: Build | None, error: BaseException) -> None:
    """A failed build leaves the earlier site untouched: the writers still running stop, and the half-built copy
    goes. An OSError (a full disk, a read-only folder) becomes one plain line, and so does any fault no input
    should cause (the traceback with WWR_TRACEBACK=1)."""
    if build and build.state.writing:
        build.state.writing.cancel()
    if build and build.atomic:
        build.atomic.abandon()
    if isinstance(error, OSError):
        root = build.root if build else Path.cwd()
        raise Stopped(build_failure(error, root, build.atomic if build else None)) from None
    if not isinstance(error, (BuildError, Abort)) and not os.environ.get("WWR_TRACEBACK"):
        raise Stopped(unexpected(error)) from None
