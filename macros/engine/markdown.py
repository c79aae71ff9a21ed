"""What every page's Markdown gets before mkdocs converts it: citations pointed at the reference
list, and the glossary's abbreviations, so every page explains them in place."""

from __future__ import annotations

import re

from ..load.links import CITE
from ..model.kinds import BY_NAME, explained
from ..outputs.printed import PAGE_PDF, PORTFOLIO_PDF, converted_pdfs
from ..render.filters import PROSE_BOOST, relative
from ..render.templates import render
from .empty_pages import keep_out_of_search
from .footer import use_public_address
from .state import BuildState


def explain_abbreviations(config, state: BuildState) -> None:
    """The glossary as the `abbr` extension's own glossary, so that every use of a term on every page gets
    its expansion as a tooltip. Given to the extension, not written into each page as definitions: Markdown
    reads a block of definitions one line at a time, re-reading the rest each time, which a long glossary
    makes slow on every page."""
    settings = config.mdx_configs.setdefault("abbr", {})
    settings["glossary"] = {**settings.get("glossary", {}), **explained(state.data)}


def resolve_citations(markdown: str, src: str, bibliography_src: str) -> str:
    """`[text](cite:id)` becomes a link to the reference's entry in the reference list."""
    bibliography = relative(bibliography_src, src)
    return CITE.sub(lambda m: f"]({bibliography}#{m.group(1)}){{: .wwr-cite }}", markdown)


def weigh_prose_page(page) -> None:
    """A prose page of the portfolio weighs in search as much as an entry page, unless it says otherwise."""
    search = page.meta.setdefault("search", {})
    if isinstance(search, dict) and not search.get("exclude"):
        search.setdefault("boost", PROSE_BOOST)


def skip_plain_page(page, prose) -> None:
    """Only a prose page that calls macros, or a page the build makes to list a kind, is rendered by
    mkdocs-macros; any other (a generated page, a prose page with no Jinja) is not compiled as a template."""
    src = page.file.src_uri
    if "render_macros" not in page.meta and src not in prose.jinja and src not in prose.generated:
        page.meta["render_macros"] = False


_H1 = re.compile(r"^# .*$", re.MULTILINE)


def offer_pdfs(markdown: str, src: str, state: BuildState) -> str:
    """A content page printed to a PDF of its own, or opening a Part of the portfolio, offers that PDF
    under its heading, when the build has it (entry pages and print pages offer theirs themselves)."""
    printed = {state.project.book.print_page.removesuffix(".md"), state.project.book.print_page}
    found = [d for d in state.downloads.on_page(src) if d.kind in (PORTFOLIO_PDF, PAGE_PDF) and src.split("/")[0] not in printed]
    if not found:
        return markdown
    offer = render(state.env, "pdf_offer.md", found=found, page_src=src)
    heading = _H1.search(markdown)
    at = heading.end() if heading else 0
    return f"{markdown[:at]}\n\n{offer}\n\n{markdown[at:]}"


def hidden_pages(state: BuildState) -> frozenset[str]:
    """The pages of the entries the committee hides (`hide_packs`): kept, with a notice, but found by no search."""
    return frozenset(BY_NAME[kind].src(entry_id) for kind, entry_id in state.data.hidden)


def prepare_page(markdown: str, page, config, state: BuildState, empty: frozenset[str], offline: bool) -> str:
    """Before macros run: compile only pages with Jinja, weigh prose in search, give offline copies the
    hosted addresses, keep empty pages out of search, name the scripts the page's macros need and the
    PDF it is printed to, and offer its PDF."""
    src = page.file.src_uri
    skip_plain_page(page, state.project.prose)
    weigh_prose_page(page)
    if offline:
        use_public_address(page, config.site_url)
    if src in empty or src in hidden_pages(state):  # a page with nothing yet; an entry the committee hides
        keep_out_of_search(page)
    page.meta["scripts"] = state.project.prose.scripts.get(src, [])
    if src in state.printed:
        page.meta["pdf"] = state.printed[src]
        page.meta["pdf_sources"] = state.pdf_sources.get(state.printed[src], "")
    converted = converted_pdfs(state.project, src=src) if src.count("/") == 1 else []  # an entry's page: a pack's
    if converted:  # the PDFs `./run pdf` converts from its Word files, each with its fingerprint (outputs/pdf/convert.py)
        page.meta["pdf_converted"] = " ".join(f"{download.name}={state.pdf_sources.get(download.name, '')}" for download in converted)
    return offer_pdfs(markdown, src, state)
