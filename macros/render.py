"""Render data into page Markdown through the templates in `overrides/portfolio/`.

Templates produce Markdown, which mkdocs then converts like any hand-written page, so
search, the table of contents, tooltips and link checking treat generated pages exactly
as prose pages. Data text is escaped on the way in: every `<` becomes `&lt;` (no tag can
form, so raw HTML shows as text) and braces become entities (no attribute list or Jinja
can form). Markdown emphasis, lists and safe links survive.
"""

from __future__ import annotations

import hashlib
import json
import posixpath
from pathlib import Path
from typing import Any

import traceback

import jinja2
from jinja2 import Environment, FileSystemBytecodeCache, FileSystemLoader, StrictUndefined, TemplateError, TemplateSyntaxError
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


NUMBER_WORDS = "One Two Three Four Five Six Seven Eight Nine Ten Eleven Twelve".split()


def number_word(number: int) -> str:
    """Case studies are numbered in words in the portfolio ("One", "Two"); beyond twelve, digits."""
    return NUMBER_WORDS[number - 1] if 0 < number <= len(NUMBER_WORDS) else str(number)


def relative(target_src: str, page_src: str) -> str:
    """Link from one source page to another, as mkdocs expects: a relative path to the .md file."""
    target, _, anchor = target_src.partition("#")
    path = posixpath.relpath(target, posixpath.dirname(page_src) or ".")
    return f"{path}#{anchor}" if anchor else path


# How the templates are compiled. The optimiser only folds constants, which these templates
# hardly have; leaving it out makes compiling (a machine's first build) about 15% cheaper.
_COMPILE_OPTIONS = {"autoescape": True, "trim_blocks": True, "lstrip_blocks": True, "keep_trailing_newline": True, "optimized": False}


def _bytecode_cache(directory: Path | None) -> FileSystemBytecodeCache | None:
    """Jinja's cache of compiled templates in `directory`, or None where it cannot be written.

    Jinja checks a cached template only against its source; code compiled under other options
    (say, before an upgrade of this package) must not be reused, so the file names carry
    Jinja's version and the options above.
    """
    if directory is None:
        return None
    try:
        directory.mkdir(parents=True, exist_ok=True)
    except OSError:
        return None
    fingerprint = hashlib.sha256(repr((jinja2.__version__, sorted(_COMPILE_OPTIONS.items()))).encode()).hexdigest()[:16]
    return FileSystemBytecodeCache(str(directory), pattern=f"{fingerprint}_%s.cache")


def make_environment(template_dir: Path, helpers: dict[str, Any], cache_dir: Path | None = None) -> Environment:
    """One Jinja environment per build; templates are compiled once and reused for every entry.

    Compiling the templates costs more than rendering the real portfolio with them, so with a
    `cache_dir` the compiled code is kept between builds (Jinja's bytecode cache, checked
    against each template's source, so an edit is seen).
    """
    env = Environment(
        loader=FileSystemLoader(str(template_dir)),
        bytecode_cache=_bytecode_cache(cache_dir),
        undefined=StrictUndefined,
        **_COMPILE_OPTIONS,
    )
    env.filters["md"] = md
    env.filters["url"] = url
    env.filters["cell"] = cell
    env.filters["number_word"] = number_word
    env.filters["yaml"] = lambda value: Markup(json.dumps(value, ensure_ascii=False))
    env.globals.update(helpers)
    return env


def render(env: Environment, name: str, **context: Any) -> str:
    """Render one template; a template mistake becomes `template:line: reason`, not a traceback."""
    try:
        return env.get_template(name).render(**context)
    except TemplateError as exc:
        raise TemplateFailure(_where(exc, name), exc) from None


class TemplateFailure(Exception):
    """A template could not render; the message names the template file and line."""

    def __init__(self, where: str, exc: TemplateError):
        super().__init__(f"{where}: {exc.message or type(exc).__name__}")


def _where(exc: TemplateError, name: str) -> str:
    if isinstance(exc, TemplateSyntaxError) and exc.lineno:
        return f"{exc.filename or name}:{exc.lineno}"
    for frame in reversed(traceback.extract_tb(exc.__traceback__)):
        if frame.filename.endswith((".md", ".html")):
            return f"{frame.filename}:{frame.lineno}"
    return name
