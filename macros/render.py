"""Render data into page Markdown through the templates in `overrides/portfolio/`.

Templates produce Markdown, which mkdocs then converts like any hand-written page, so
search, the table of contents, tooltips and link checking treat generated pages exactly
as prose pages. Data text is escaped on the way in: every `<` becomes `&lt;` (no tag can
form, so raw HTML shows as text) and braces become entities (no attribute list or Jinja
can form). Markdown emphasis, lists and safe links survive.
"""

from __future__ import annotations

import json
import posixpath
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup


def md(text: str | None) -> Markup:
    """Data text made safe to place in Markdown: HTML and attribute lists turned into plain text."""
    if text is None:
        return Markup("")
    escaped = str(text).replace("<", "&lt;").replace("{", "&#123;").replace("}", "&#125;")
    return Markup(escaped)


def url(address: str) -> Markup:
    """A validated address placed as a Markdown link target (parentheses would end the link)."""
    return Markup(address.replace("(", "%28").replace(")", "%29").replace(" ", "%20"))


def cell(text: str) -> Markup:
    """Text placed in a Markdown table cell: a pipe or line break would end the cell or row."""
    return Markup(str(text).replace("|", "&#124;").replace("\n", " "))


def relative(target_src: str, page_src: str) -> str:
    """Link from one source page to another, as mkdocs expects: a relative path to the .md file."""
    target, _, anchor = target_src.partition("#")
    path = posixpath.relpath(target, posixpath.dirname(page_src) or ".")
    return f"{path}#{anchor}" if anchor else path


def make_environment(template_dir: Path, helpers: dict[str, Any]) -> Environment:
    """One Jinja environment per build; templates are compiled once and reused for every entry."""
    env = Environment(
        loader=FileSystemLoader(str(template_dir)),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["md"] = md
    env.filters["url"] = url
    env.filters["cell"] = cell
    env.filters["yaml"] = lambda value: Markup(json.dumps(value, ensure_ascii=False))
    env.globals.update(helpers)
    return env
