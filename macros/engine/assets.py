"""Files the build adds to the site: the committee's stylesheet and logo, the entry pages, the
whole-portfolio page's source, the downloads (Word, PowerPoint), and search's iframe-worker shim for offline copies."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urljoin

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files, InclusionLevel

from ..render.pages import url_of
from ..render.templates import render
from .state import BuildState

IFRAME_WORKER_SHIM = "assets/javascripts/iframe-worker-shim.js"
PRINT_CSS = "assets/stylesheets/print.css"  # overrides/ holds its rules; the build adds the running heads


class DownloadFile(File):
    """A download: left out when mkdocs copies files, because it may still be being written in a second
    process (macros/outputs/background.py); copied into the site by `copy_downloads`, after the pages."""

    def copy_file(self, dirty: bool = False) -> None:
        pass


def copy_downloads(files: Files, state: BuildState) -> None:
    """Wait for the downloads (DownloadFailure says which could not be written), then copy them into the site; the
    preview's files to write when asked are not written yet, and it serves them itself."""
    asked_for = state.writing.asked_for if state.writing else {}
    if state.writing:
        state.writing.wait()
    for file in files:
        if isinstance(file, DownloadFile) and file.src_uri not in asked_for:
            File.copy_file(file)


def logo_url(state: BuildState) -> str | None:
    """Where the committee's logo is served, for Material's `theme.logo`."""
    return f"assets/images/logo{state.logo.suffix}" if state.logo else None


def print_logo_url(state: BuildState) -> str | None:
    """The logo on white paper (the printed portfolio's cover): the committee's `logo_print`, or else its logo."""
    return f"assets/images/logo-print{state.logo_print.suffix}" if state.logo_print else logo_url(state)


def release_source(file: File) -> None:
    """A generated page's Markdown, once mkdocs has read it into the page, is not read again; without this
    the build holds every entry page's source to its end (14 MB at 5,000 entries, at the build's peak)."""
    if file.generated_by and file.abs_src_path is None:
        file.content_string = ""


def release_markdown(page) -> None:
    """A page's Markdown, once converted, is not read again (its title was taken from the converted page):
    without this the build holds every page's Markdown to its end, 14 MB more at 5,000 entries at its peak,
    when the search index is written. Emptied, not None: mkdocs reads None as a page not read yet."""
    page.markdown = ""


def add_generated_files(files: Files, config, state: BuildState, entry_pages: list, offline: bool, stylesheet: tuple[str, str], joined: tuple[str, ...]) -> None:
    """Entry pages are reached through index pages, not the sidebar: no 'not in nav' notice for them."""
    # The generator's templates live in the theme's folder (overrides/portfolio/), and mkdocs copies a
    # theme's files that are not HTML or Markdown (committee.css's template, the server settings) into the site as
    # they are, Jinja and all: they are sources, not part of the site; so are the stylesheets joined
    # into the site's one stylesheet.
    templates = Path(state.settings.templates).name + "/"
    for file in [f for f in files if (f.src_uri.startswith(templates) and not f.is_documentation_page()) or f.src_uri in joined]:
        files.remove(file)
    for page in entry_pages:
        files.append(File.generated(config, page.src, content=page.markdown, inclusion=InclusionLevel.NOT_IN_NAV))
    files.append(File.generated(config, stylesheet[0], content=stylesheet[1]))
    if state.logo:
        files.append(File.generated(config, logo_url(state), abs_src_path=str(state.logo)))
    if state.logo_print:
        files.append(File.generated(config, print_logo_url(state), abs_src_path=str(state.logo_print)))
    if offline:
        shim = state.settings.root / "node_modules" / "iframe-worker" / "shim" / "index.js"
        if not shim.is_file():
            raise PluginError("The offline build serves search's iframe-worker shim itself, from node_modules/iframe-worker: run `npm ci` (./run does it for you).")
        files.append(File.generated(config, IFRAME_WORKER_SHIM, abs_src_path=str(shim)))
    for download, written in state.downloads.built:
        files.append(DownloadFile.generated(config, download.path, abs_src_path=str(written)))
    add_print_pages(files, config, state)


def book_parts(state: BuildState) -> list[dict[str, str]]:
    """Each Part of the printed portfolio: its slug, its title (its opening page's) and its print page."""
    book = state.project.book
    return [{"slug": part.part, "title": state.titles.get(part.all_pages[0].page, part.part), "src": book.part_print_page(part.part)} for part in book.parts]


def add_print_pages(files: Files, config, state: BuildState) -> None:
    """The whole portfolio's print page, each Part's, and the print stylesheet with their running heads
    (the committee's site name on every printed page, each Part's title on its own pages). The pages'
    bodies are written once every page is built (print_page.py)."""
    parts = book_parts(state)
    site_url = config.site_url

    def page(src: str, part: dict | None) -> str:
        page_url = urljoin(site_url, url_of(src)) if site_url else None
        return render(state.env, "print_page.md", page_src=src, part=part, book_parts=parts, page_url=page_url, logo=print_logo_url(state))

    print_page = state.project.book.print_page
    files.append(File.generated(config, print_page, content=page(print_page, None)))
    for part in parts:
        files.append(File.generated(config, part["src"], content=page(part["src"], part), inclusion=InclusionLevel.NOT_IN_NAV))
    rules = files.get_file_from_path(PRINT_CSS)
    if rules is not None:
        files.remove(rules)
        heads = render(state.env, "print_heads.css", parts=parts)
        files.append(File.generated(config, PRINT_CSS, content=Path(rules.abs_src_path).read_text(encoding="utf-8") + heads))
