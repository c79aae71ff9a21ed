"""The preview's converted pages, kept from one build to the next: after a save, `./run serve` converts again
only the pages whose Markdown changed (the case study saved, the pages that list it), and takes the rest as
they were, which is a third of a rebuild (BENCHMARKS.md, "The four targets hold").

A page's conversion depends on its Markdown, its own address, the other files' addresses (links are made
relative to them, and checked) and the Markdown settings (the glossary's abbreviations among them); a page is
taken from the last build only when all of those are the same, and only when converting it said nothing (a
link warning must be said again, and strict mode must stop on it again). `./run build` converts every page.
"""

from __future__ import annotations

import copy
import hashlib
import logging
from dataclasses import dataclass
from typing import Any

from .build_messages import BuildMessages
from .kept_by_page import KeptByPage


@dataclass(frozen=True)
class _Converted:
    """What mkdocs' Page.render sets: the page's HTML, its contents, its title from its first heading, the
    anchors in it, and its links into other pages' anchors (by the linked file's source path)."""

    content: str
    toc: Any
    title: str | None
    anchors: set[str] | None
    links_to_anchors: dict[str, dict[str, str]] | None


def _signature(config, files) -> str:
    """What every page's conversion depends on besides its own Markdown and address, as one digest."""
    addresses = sorted((file.src_uri, file.url) for file in files)
    settings = (addresses, config["markdown_extensions"], config["mdx_configs"], config["validation"], config["use_directory_urls"])
    return hashlib.sha256(repr(settings).encode()).hexdigest()


class ConvertedPages:
    """The last conversion of each page; held by the plugin, which mkdocs keeps across a preview's builds."""

    def __init__(self, limit: int):
        self.kept = KeptByPage(limit)
        self._signature: str | None = None

    def start_build(self, config, files) -> None:
        """Called once the build's files are final (on_nav): what this build's conversions depend on."""
        self._signature = _signature(config, files)
        self.kept.start_build()

    def convert_once(self, page) -> None:
        """Makes mkdocs' `page.render` take the page's last conversion when nothing it depends on changed."""
        render = page.render

        def render_or_reuse(config, files) -> None:
            source, made_from = page.file.src_uri, (self._signature, page.file.url, page.markdown)
            kept = self.kept.get(source, made_from) if self._signature else None
            if kept is not None:
                _restore(page, kept, files)
                return
            with BuildMessages(logging.INFO, ("mkdocs", "markdown", "")) as said:  # a broken link, an unknown anchor
                render(config, files)
            if said.messages or not self._signature:
                self.kept.drop(source)
            else:
                self.kept.put(source, made_from, _kept(page), len(page.content) + len(made_from[2]))

        page.render = render_or_reuse


def _kept(page) -> _Converted:
    links = page.links_to_anchors
    return _Converted(
        content=page.content,
        toc=copy.deepcopy(page.toc),
        title=page._title_from_render,
        anchors=set(page.present_anchor_ids) if page.present_anchor_ids is not None else None,
        links_to_anchors={file.src_uri: dict(anchors) for file, anchors in links.items()} if links is not None else None,
    )


def _restore(page, converted: _Converted, files) -> None:
    page.content = converted.content
    page.toc = copy.deepcopy(converted.toc)
    page._title_from_render = converted.title
    page.present_anchor_ids = set(converted.anchors) if converted.anchors is not None else None
    if converted.links_to_anchors is not None:
        page.links_to_anchors = {files.get_file_from_path(src): dict(anchors) for src, anchors in converted.links_to_anchors.items()}
