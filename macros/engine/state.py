"""Everything one build needs, made once in `on_config` and not changed after: the loaded
project, the template environment, the rendered entry pages and the pages' titles."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from jinja2 import Environment

from ..load import Project, load_project
from ..outputs.background import IN_LINE, Writing
from ..outputs.cache import check_templates, place_downloads
from ..outputs.downloads import plan_downloads
from ..outputs.edition import edition_for
from ..outputs.printed import DEFAULT_FOLDER, MANIFEST, MissingPdfs, check_pdfs, pdf_fingerprints, plan_pdfs, printed_names
from ..render.clock import build_date
from ..render.context import portfolio_environment
from ..render.offered import OfferedDownloads
from ..render.pages import EntryPage, render_entry_pages
from ..render.prose_calls import with_macro_sections

# Compiled templates, written downloads and drawn icons, kept between builds (where mkdocs-material's plugins keep their caches too).
TEMPLATE_CACHE = ".cache/plugin/portfolio/templates"
THEME_CACHE = ".cache/plugin/portfolio/theme"  # the theme's (mkdocs-material's and overrides/) compiled templates
DOWNLOAD_CACHE = ".cache/plugin/portfolio/downloads"
ICON_CACHE = ".cache/plugin/portfolio/icons"


@dataclass(frozen=True)
class BuildSettings:
    """The parts of mkdocs' configuration the build state depends on."""

    root: Path
    data_dir: str
    docs_dir: str
    templates: str
    site_url: str | None
    downloads: bool = True
    writing: str = IN_LINE  # how the downloads not in the cache are written (outputs/background.py)
    pdf_dir: str | None = None  # where ./run pdf printed this site's PDFs, to offer them as downloads (PDF_DIR)
    pdf_default: bool = True  # without PDF_DIR: offer the current PDFs in pdf/, if ./run pdf printed any there


@dataclass(frozen=True)
class BuildState:
    settings: BuildSettings
    project: Project
    env: Environment
    titles: dict[str, str]
    build_date: str
    downloads: OfferedDownloads
    printed: dict[str, str]  # page (source path) -> the PDF ./run pdf prints it to
    writing: Writing | None = None
    pdf_sources: dict[str, str] = field(default_factory=dict)  # PDF -> the fingerprint of what it is printed from
    pdf_notice: str | None = None  # the PDFs withdrawn from this build (out of date, or not printed), for the log

    @classmethod
    def create(cls, settings: BuildSettings) -> tuple[BuildState, list[EntryPage]]:
        """Load and check the project (DataError lists every problem), start writing the downloads (or
        write them: DownloadFailure says which could not be), find the current PDFs in `pdf_dir` or pdf/
        (MissingPdfs names any not in a `pdf_dir`), then render the entry pages, which link only to planned
        downloads; the build waits for them (`writing.wait()`) before copying files. The entry pages are
        handed to mkdocs as its files, not kept in the state (14 MB of Markdown at 5,000 entries)."""
        root = settings.root
        today = build_date()
        project = with_macro_sections(load_project(root, settings.data_dir, settings.docs_dir), root / settings.templates, today)
        titles = dict(project.prose.titles)
        shelf, writing, notice = OfferedDownloads([]), None, None
        sources = pdf_fingerprints(project, settings.site_url, root / settings.data_dir, root / settings.docs_dir, (root / settings.templates).parent)
        if settings.downloads:
            edition = edition_for(project, today, settings.site_url, root / settings.data_dir)
            check_templates(edition, root)
            placed, pending = place_downloads(project, edition, plan_downloads(project, edition), root / DOWNLOAD_CACHE)
            pdfs, notice = cls._current_pdfs(settings, project, sources)
            placed += pdfs
            shelf, writing = OfferedDownloads(placed), Writing(pending, settings.writing)
        env = portfolio_environment(project, root / settings.templates, today, titles, shelf, cache_dir=root / TEMPLATE_CACHE)
        pages = render_entry_pages(env, project, settings.site_url)
        titles.update((page.src, page.title) for page in pages)
        return cls(settings, project, env, titles, today, shelf, printed_names(project), writing, sources, notice), pages

    @staticmethod
    def _current_pdfs(settings: BuildSettings, project: Project, sources: dict[str, str]):
        """The PDFs to offer, from PDF_DIR or else pdf/ (each current for this build's sources, `check_pdfs`), and
        what to say of those withdrawn. A PDF_DIR that is not there, or lacks one, stops the build (MissingPdfs);
        pdf/ with no PDF and no manifest in it is not a set of PDFs, and is passed over."""
        root, named = settings.root, settings.pdf_dir
        if not named and not settings.pdf_default:
            return [], None
        folder = (root / (named or DEFAULT_FOLDER)).resolve()
        if not named and not (folder.is_dir() and ((folder / MANIFEST).is_file() or any(folder.glob("*.pdf")))):
            return [], None
        if named and not folder.is_dir():
            raise MissingPdfs(f"{folder} is not there: print the PDFs into it (./run pdf --out {named}), or leave PDF_DIR unset.")
        checked = check_pdfs(plan_pdfs(project, folder), folder, sources, required=bool(named))
        shown_as = named if named else DEFAULT_FOLDER
        return checked.offered, checked.notice(shown_as.rstrip("/"))

    @property
    def data(self):
        return self.project.data

    @property
    def logo(self) -> Path | None:
        """The committee's logo file (checked when the data was loaded), if it has one."""
        logo = self.data.site.logo
        return (self.settings.root / self.settings.data_dir / logo).resolve() if logo else None

    @property
    def logo_print(self) -> Path | None:
        """The committee's logo for white paper (`logo_print`, checked when the data was loaded), if it has one."""
        logo = self.data.site.logo_print
        return (self.settings.root / self.settings.data_dir / logo).resolve() if logo else None
