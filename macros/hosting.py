"""What hosting the site needs at build time, kept out of the plugin's orchestration.

Atomic builds (a failed build never replaces a good site), the committee's colours as a
stylesheet, QR codes for printouts, the build date and checks on review dates.
"""

from __future__ import annotations

import logging
import os
import shutil
from datetime import date, datetime, timezone
from pathlib import Path

from markupsafe import Markup, escape
from mkdocs.exceptions import PluginError
from mkdocs.structure.pages import Page
from mkdocs.utils import CountHandler


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
        logging.getLogger("mkdocs").addHandler(self.warnings)

    def finish(self, strict: bool) -> bool:
        """Swap the new site in; False when strict mode is about to reject the build."""
        logging.getLogger("mkdocs").removeHandler(self.warnings)
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
        logging.getLogger("mkdocs").removeHandler(self.warnings)
        shutil.rmtree(self.staging, ignore_errors=True)


IFRAME_WORKER_SHIM = "assets/javascripts/iframe-worker-shim.js"
COMMITTEE_CSS = "assets/stylesheets/committee.css"


def committee_css(settings) -> str:
    """The committee's colours as Material's CSS variables (a file, so no inline style is needed)."""
    c = settings.colours
    return (
        "/* Generated from data/site.yml: the committee's colours. */\n"
        f":root, [data-md-color-scheme=default] {{ --md-primary-fg-color: {c.primary}; --md-primary-fg-color--dark: {c.primary};"
        f" --md-primary-bg-color: {c.on_primary}; --md-typeset-a-color: {c.primary}; }}\n"
        f"[data-md-color-scheme=slate] {{ --md-primary-fg-color: {c.primary}; --md-primary-bg-color: {c.on_primary};"
        f" --md-typeset-a-color: {c.link_dark}; }}\n"
    )


def check_review_fields(page: Page, name: str) -> None:
    """Review dates in a prose page's front matter must be dates, or the banner could never show."""
    for key in ("reviewed", "review_due"):
        value = page.meta.get(key)
        if value is None or isinstance(value, date):
            continue
        try:
            date.fromisoformat(str(value))
        except ValueError:
            raise PluginError(f"{name}:1: front matter {key}: '{value}' is not a date written as YYYY-MM-DD") from None


def qr_svg(address: str | None) -> Markup | None:
    """A QR code of a page's address, drawn at build time (no network), for printed handouts."""
    if not address:
        return None
    import segno  # only hosted builds draw QR codes; importing it costs every other build 12 ms

    svg = segno.make(address, error="m").svg_inline(scale=3, border=2, dark="#000", light="#fff")
    return Markup(svg.replace("<svg ", f'<svg role="img" aria-label="QR code of {escape(address)}" ', 1))


def build_date() -> str:
    """The day of the build, shown on printouts; SOURCE_DATE_EPOCH makes it reproducible."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    moment = datetime.fromtimestamp(int(epoch), tz=timezone.utc) if epoch else datetime.now(timezone.utc)
    return moment.date().isoformat()


