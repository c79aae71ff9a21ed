"""Atomic builds: a failed build never replaces a good site, and never leaves half a site behind."""

from __future__ import annotations

import logging
import os
import shutil
from pathlib import Path

from mkdocs.utils import CountHandler

# mkdocs logs under "mkdocs"; ProperDocs, its maintained fork, under "properdocs" (which does not
# pass records on to "mkdocs"): a warning under either must stop a strict build from replacing the site.
ENGINE_LOGGERS = ("mkdocs", "properdocs")


class AtomicBuild:
    """Build into a sibling folder and move it into place only when the build succeeded.

    mkdocs empties the output folder first, so a build that fails half-way (bad data found
    late, a broken link in strict mode) would otherwise leave no site at all.
    """

    def __init__(self, target: Path):
        self.target = target
        self.staging = target.with_name(f".{target.name}.building-{os.getpid()}")
        self.warnings = CountHandler()
        self.warnings.setLevel(logging.WARNING)
        for name in ENGINE_LOGGERS:
            logging.getLogger(name).addHandler(self.warnings)

    def finish(self, strict: bool) -> bool:
        """Swap the new site in; False when strict mode is about to reject the build."""
        for name in ENGINE_LOGGERS:
            logging.getLogger(name).removeHandler(self.warnings)
        if strict and self.warnings.get_counts():
            return False  # mkdocs aborts next; abandon() then removes the staging copy
        old = self.target.with_name(f".{self.target.name}.old-{os.getpid()}")
        if self.target.exists():
            self.target.rename(old)
        self.staging.rename(self.target)
        shutil.rmtree(old, ignore_errors=True)
        return True

    def abandon(self) -> None:
        """Drop the half-built copy; the earlier site is untouched."""
        for name in ENGINE_LOGGERS:
            logging.getLogger(name).removeHandler(self.warnings)
        shutil.rmtree(self.staging, ignore_errors=True)
