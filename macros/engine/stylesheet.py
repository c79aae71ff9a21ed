"""One stylesheet of the site's own: mkdocs.yml's `extra_css` (the sources in
overrides/assets/stylesheets/, and the committee's colours) joined in that order into one file named
by what it holds. A page then waits for one request of ours instead of three before it shows, and
servers may keep the file for a year (its name changes whenever it does). It is minified (rcssmin):
readers do not need the sources' comments, which stay in overrides/."""

from __future__ import annotations

import hashlib
from pathlib import Path

import rcssmin

from ..render.templates import render
from .state import BuildState

COMMITTEE_CSS = "assets/stylesheets/committee.css"  # made from the committee's settings, not a file


def joined_stylesheet(sources: list[str], custom_dir: Path, state: BuildState) -> tuple[str, str]:
    """The joined stylesheet's path in the site and its text."""
    parts = []
    for source in sources:
        if source == COMMITTEE_CSS:
            parts.append(render(state.env, "committee.css", colours=state.data.site.colours))
        else:
            parts.append((custom_dir / source).read_text(encoding="utf-8"))
    text = rcssmin.cssmin("\n".join(parts))
    return f"assets/stylesheets/site.{hashlib.sha256(text.encode()).hexdigest()[:8]}.css", text
