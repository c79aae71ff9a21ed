"""Every page's HTML through the site's one sanitiser (render/sanitise.py) before it is written, put in
the printed portfolio or indexed for search. The loader has refused, with their file and line, data and
prose that would lose anything here; if a page still loses something, the build says what and where,
and a strict build stops, so nothing is ever taken out of a page silently."""

from __future__ import annotations

import logging

from ..render.sanitise import sanitise

log = logging.getLogger("mkdocs.plugins.portfolio")


def checked_html(html: str, page, docs_dir: str) -> str:
    """The page's HTML as the allowlist lets it through; a warning names each thing taken out."""
    result = sanitise(html)
    if result.dropped:
        source = f"{docs_dir}/{page.file.src_uri}" if page.file.abs_src_path else f"the generated page {page.file.src_uri}"
        for what in dict.fromkeys(result.dropped):
            log.warning(f"{source}: {what}: taken out of the page by the site's HTML allowlist")
    return result.html
