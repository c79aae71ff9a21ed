"""The Jinja environment of `overrides/portfolio/`, compiled once and cached between builds.

Page templates produce Markdown, which mkdocs then converts like any hand-written page, so
search, the table of contents, tooltips and link checking treat generated pages exactly
as prose pages. A template mistake is reported as `template:line: reason`.
"""

from __future__ import annotations

import hashlib
import traceback
from pathlib import Path
from typing import Any

import jinja2
from jinja2 import Environment, FileSystemBytecodeCache, FileSystemLoader, StrictUndefined, TemplateError, TemplateSyntaxError, select_autoescape

from .filters import FILTERS

# How the templates are compiled. The optimiser only folds constants, which these templates
# hardly have; leaving it out makes compiling (a machine's first build) about 15% cheaper.
_COMPILE_OPTIONS = {"trim_blocks": True, "lstrip_blocks": True, "keep_trailing_newline": True, "optimized": False}
# Templates whose output is Markdown, HTML or XML escape what they are given; the plain-text ones
# (server settings, a README, a stylesheet of validated colours) must not turn ' into &#39;.
ESCAPED = ("md", "html", "xml", "config")


# Where the portfolio's page templates are, from the project's folder (the plugin's `templates` setting may move them).
TEMPLATE_DIR = "overrides/portfolio"


def cache_theme_templates(env: Environment, directory: Path) -> None:
    """Keep the theme's compiled templates (mkdocs' own environment) in `directory` between builds: compiling
    them costs about half a second a build, more than the portfolio's pages. The file names carry the options
    that change what a template compiles to, as Jinja checks a cached template only against its source."""
    options = (jinja2.__version__, sorted(env.extensions), env.trim_blocks, env.lstrip_blocks, env.keep_trailing_newline, env.optimized,
               env.block_start_string, env.variable_start_string, env.comment_start_string, env.line_statement_prefix,
               bool(env.autoescape) if not callable(env.autoescape) else env.autoescape.__qualname__, getattr(env, "newstyle_gettext", None))
    cache = _bytecode_cache(directory, hashlib.sha256(repr(options).encode()).hexdigest()[:16])
    if cache is not None:
        env.bytecode_cache = cache


def _bytecode_cache(directory: Path | None, fingerprint: str | None = None) -> FileSystemBytecodeCache | None:
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
    fingerprint = fingerprint or hashlib.sha256(repr((jinja2.__version__, sorted(_COMPILE_OPTIONS.items()), ESCAPED)).encode()).hexdigest()[:16]
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
        autoescape=select_autoescape(enabled_extensions=ESCAPED, default_for_string=True, default=False),
        **_COMPILE_OPTIONS,
    )
    env.filters.update(FILTERS)
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
