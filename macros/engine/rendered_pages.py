"""The preview's rendered pages, kept from one build to the next: after a save, `./run serve` renders through
the theme only the pages whose own content or whose surroundings changed, and writes the rest as they were
(BENCHMARKS.md, "The four targets hold"). Rendering the theme, its menu above all, is a third of a rebuild.

A page is taken from the last build only when everything the theme's templates are given for it is the
same: the page (its HTML, title, addresses, front matter, contents), the menu and where the page is in it,
what plugins add to the page's context, the whole configuration (the site's settings and edition are in it)
and the theme's own files as saved. Anything not recognised makes the page render again. `./run build`
renders every page.
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path
from typing import Any

from mkdocs.structure import StructureItem

from .kept_by_page import KeptByPage

# Given to every page but shown by no template: the time of the build, to the microsecond.
NOT_SHOWN = frozenset({"build_date_utc"})
# Given to every page, and the same for a build: kept in the build's fingerprint, not each page's.
WHOLE_BUILD = frozenset({"nav", "pages", "config", "mkdocs_version"})


def _plain(value: Any) -> str:
    """Text that changes whenever the value does, whatever it holds (`_walk`)."""
    return json.dumps(_walk(value, frozenset()))


def _walk(value: Any, seen: frozenset[int]) -> Any:
    """The value as plain lists and text: every field of an object, each item of a collection. A page, section
    or link it refers to is given by its title and address (the menu, in the build's fingerprint, has the rest)."""
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    if isinstance(value, StructureItem):
        return [type(value).__name__, value.title, getattr(value, "url", None)]
    if id(value) in seen:
        return "(again)"
    seen = seen | {id(value)}
    if isinstance(value, dict):
        return [[str(key), _walk(item, seen)] for key, item in sorted(value.items(), key=lambda pair: str(pair[0]))]
    if isinstance(value, (list, tuple)):
        return [_walk(item, seen) for item in value]
    if isinstance(value, (set, frozenset)):
        return sorted(json.dumps(_walk(item, seen)) for item in value)
    fields = getattr(value, "__dict__", None)
    return [type(value).__qualname__, _walk(fields, seen) if fields is not None else str(value)]


def _menu(items) -> list:
    """The menu as the theme reads it: each item's kind, title, address, front matter (Material shows a page's
    icon, subtitle and status in it) and children."""
    return [[type(item).__name__, item.title, getattr(item, "url", None), _walk(_menu_meta(item), frozenset()), _menu(item.children or [])]
            for item in items]


def _menu_meta(item) -> dict:
    """A page's front matter but the fingerprints of what its PDF is printed from, which change with the data
    and are shown only in the page's own head."""
    return {name: value for name, value in (getattr(item, "meta", None) or {}).items() if name not in ("pdf_sources", "pdf_converted")}


def _contents(toc) -> list:
    return [[link.title, link.id, link.level, _contents(link.children)] for link in toc]


def _theme_files(theme) -> list:
    """The saved state (time and size) of every file of the committee's own theme folder; the installed
    theme's files do not change while the preview runs."""
    folder = theme.custom_dir
    if not folder:
        return []
    found = []
    for directory, subfolders, names in os.walk(folder):
        subfolders.sort()
        for name in sorted(names):
            stat = Path(directory, name).stat()
            found.append([os.path.relpath(Path(directory, name), folder), stat.st_mtime_ns, stat.st_size])
    return found


def build_fingerprint(config, nav) -> str:
    """What every page's rendering depends on: the configuration, the theme, the menu."""
    settings = {name: value for name, value in config.items() if name not in ("plugins", "theme", "nav")}
    theme = {"name": config.theme.name, "dirs": config.theme.dirs, "settings": dict(config.theme), "files": _theme_files(config.theme)}
    whole = [_plain(settings), _plain(theme), _plain(_menu(nav.items)), sorted(config.plugins)]
    return hashlib.sha256("\n".join(map(str, whole)).encode()).hexdigest()


def _link(page) -> list | None:
    return [page.title, getattr(page, "url", None)] if page is not None else None


def page_fingerprint(context) -> str:
    """What a page's rendering depends on beyond its build's fingerprint."""
    page = context["page"]
    own = [
        page.file.src_uri, page.url, page.canonical_url, page.edit_url, page.title, page.content,
        _plain(page.meta), _plain(_contents(page.toc)), _link(page.previous_page), _link(page.next_page),
        [_link(ancestor) for ancestor in page.ancestors], page.is_homepage,
    ]
    others = {name: value for name, value in context.items() if name not in WHOLE_BUILD | NOT_SHOWN | {"page"}}
    return hashlib.sha256((_plain(own) + _plain(others)).encode()).hexdigest()


class _KeptTemplate:
    """A page's template, answering with the page as rendered last time when nothing it is given changed."""

    def __init__(self, template, pages: RenderedPages):
        self._template, self._pages = template, pages

    def __getattr__(self, name):
        return getattr(self._template, name)

    def render(self, *args, **kwargs) -> str:
        context = args[0] if len(args) == 1 and not kwargs else None
        page = context.get("page") if isinstance(context, dict) else None
        build = self._pages.build
        if page is None or build is None:
            return self._template.render(*args, **kwargs)
        source, made_from = page.file.src_uri, (build, self._template.name, page_fingerprint(context))
        output = self._pages.kept.get(source, made_from)
        if output is None:
            output = self._template.render(context)
            self._pages.kept.put(source, made_from, output, len(output))
        return output


class RenderedPages:
    """The last rendering of each page; held by the plugin, which mkdocs keeps across a preview's builds."""

    def __init__(self, limit: int):
        self.kept = KeptByPage(limit)
        self.build: str | None = None

    def start_build(self, config, nav) -> None:
        """Called once the menu is final (on_env, after on_nav): this build's fingerprint."""
        self.build = build_fingerprint(config, nav)
        self.kept.start_build()

    def use_in(self, env) -> None:
        """mkdocs asks the theme's environment for each page's template by its name alone (the theme's own
        templates ask for theirs with the template asking): those are answered with a `_KeptTemplate`."""
        get_template = env.get_template

        def page_template(name, parent=None, globals=None):
            template = get_template(name, parent, globals)
            return _KeptTemplate(template, self) if parent is None and globals is None else template

        env.get_template = page_template
