"""Everything one build needs, made once in `on_config` and not changed after: the loaded
project, the template environment, the rendered entry pages and the pages' titles."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from jinja2 import Environment

from ..load import Project, load_project
from ..outputs.background import Writing
from ..outputs.cache import check_templates, place_downloads
from ..outputs.downloads import plan_downloads
from ..outputs.edition import edition_for
from ..outputs.printed import place_pdfs, plan_pdfs, printed_names
from ..render.clock import build_date
from ..render.context import portfolio_environment
from ..render.offered import OfferedDownloads
from ..render.pages import EntryPage, render_entry_pages

# Compiled templates, written downloads and drawn icons, kept between builds (where mkdocs-material's plugins keep their caches too).
TEMPLATE_CACHE = ".cache/plugin/portfolio/templates"
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
    background: bool = False  # write the downloads in a second process while mkdocs builds (mkdocs build)
    pdf_dir: str | None = None  # where ./run pdf printed this site's PDFs, to offer them as downloads (PDF_DIR)


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

    @classmethod
    def create(cls, settings: BuildSettings) -> tuple[BuildState, list[EntryPage]]:
        """Load and check the project (DataError lists every problem), start writing the downloads (or
        write them: DownloadFailure says which could not be), find the PDFs in `pdf_dir` if given
        (MissingPdfs names any not there), then render the entry pages, which link only to planned
        downloads; the build waits for them (`writing.wait()`) before copying files. The entry pages are
        handed to mkdocs as its files, not kept in the state (14 MB of Markdown at 5,000 entries)."""
        root = settings.root
        project = load_project(root, settings.data_dir, settings.docs_dir)
        titles = dict(project.prose.titles)
        today = build_date()
        shelf, writing = OfferedDownloads([]), None
        if settings.downloads:
            edition = edition_for(project, today, settings.site_url, root / settings.data_dir)
            check_templates(edition, root)
            placed, pending = place_downloads(project, edition, plan_downloads(project, edition), root / DOWNLOAD_CACHE)
            if settings.pdf_dir:
                folder = (root / settings.pdf_dir).resolve()
                placed += place_pdfs(plan_pdfs(project, folder), folder)
            shelf, writing = OfferedDownloads(placed), Writing(pending, settings.background)
        env = portfolio_environment(project, root / settings.templates, today, titles, shelf, cache_dir=root / TEMPLATE_CACHE)
        pages = render_entry_pages(env, project, settings.site_url)
        titles.update((page.src, page.title) for page in pages)
        return cls(settings, project, env, titles, today, shelf, printed_names(project), writing), pages

    @property
    def data(self):
        return self.project.data

    @property
    def logo(self) -> Path | None:
        """The committee's logo file (checked when the data was loaded), if it has one."""
        logo = self.data.site.logo
        return (self.settings.root / self.settings.data_dir / logo).resolve() if logo else None
