"""What every page's Markdown gets before mkdocs converts it: citations pointed at the reference
list, and the glossary's abbreviations, so every page explains them in place."""

from __future__ import annotations

from ..load.links import CITE
from ..render.filters import PROSE_BOOST, relative
from ..render.pages import BIBLIOGRAPHY
from ..render.templates import render
from .empty_pages import keep_out_of_search
from .footer import use_public_address
from .state import BuildState


def abbreviations(state: BuildState) -> str:
    """The glossary as Markdown abbreviation definitions (`*[CPC]: Child Protection Committee`)."""
    return render(state.env, "abbreviations.md")


def resolve_citations(markdown: str, src: str) -> str:
    """`[text](cite:id)` becomes a link to the reference's entry in the reference list."""
    bibliography = relative(BIBLIOGRAPHY, src)
    return CITE.sub(lambda m: f"]({bibliography}#{m.group(1)}){{: .wwr-cite }}", markdown)


def weigh_prose_page(page) -> None:
    """A prose page of the portfolio weighs in search as much as an entry page, unless it says otherwise."""
    search = page.meta.setdefault("search", {})
    if isinstance(search, dict) and not search.get("exclude"):
        search.setdefault("boost", PROSE_BOOST)


def skip_plain_page(markdown: str, page, config) -> None:
    """A page with no Jinja in it is not compiled as a template (mkdocs-macros would, every build)."""
    macros = config.plugins.get("macros")
    if macros is not None and "render_macros" not in page.meta and not macros.has_j2(markdown):
        page.meta["render_macros"] = False


def prepare_page(markdown: str, page, config, prose, empty: frozenset[str], offline: bool) -> None:
    """Before macros run: compile only pages with Jinja, weigh prose in search, give offline copies the
    hosted addresses, keep empty pages out of search, and name the scripts the page's macros need."""
    skip_plain_page(markdown, page, config)
    weigh_prose_page(page)
    if offline:
        use_public_address(page, config.site_url)
    if page.file.src_uri in empty:
        keep_out_of_search(page)
    page.meta["scripts"] = prose.scripts.get(page.file.src_uri, [])
