"""The names the offline copy's page scripts and its worker share (cache names, the request header, the
lists, the worker), from this package's constants: the build writes them as a small script
(NAMES_SCRIPT) defining one frozen global, which the pages load before the copy's scripts and the worker
imports, so each name is written once, in macros/offline/__init__.py."""

from __future__ import annotations

import json

from ..render.pages import url_of
from . import CACHES, COPY_CACHE, LISTS, POINTER_CACHE, POINTER_ENTRY, SAVE_HEADER, SUMMARY, WORKER

GLOBAL = "wwrOfflineNames"


def shared_names(directory_urls: bool, not_saved_page: str | None) -> dict[str, str]:
    """`not_saved_page`: data/book.yml's page where a copy sends a reader to a page it lacks (none: no such page)."""
    return {
        "caches": CACHES,
        "pointerCache": POINTER_CACHE,
        "pointerEntry": POINTER_ENTRY,
        "copyCache": COPY_CACHE,
        "saveHeader": SAVE_HEADER,
        "summary": SUMMARY,
        "lists": LISTS,
        "worker": WORKER,
        "notSaved": url_of(not_saved_page, directory_urls) if not_saved_page else "",
    }


def names_script(directory_urls: bool, not_saved_page: str | None) -> str:
    names = json.dumps(shared_names(directory_urls, not_saved_page), indent=2)
    return (
        '/* Written by the build from macros/offline/__init__.py (docs/printing-and-offline.md): the names the\n'
        "   offline copy's page scripts and its worker share. Edit them there, not here. */\n"
        f"globalThis.{GLOBAL} = Object.freeze({names});\n"
    )
