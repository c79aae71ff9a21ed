"""What every download says about where it came from, and where its links lead.

A document leaves the site: it is emailed, printed and edited. So it carries the committee's
name (as author), the edition's number and the build date, and full addresses for its links when the
site has one (SITE_URL); without one, a link to another page of the site stays plain text.
"""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urljoin

from ..model.addresses import link_problem
from ..model.kinds.edition import PublishedEdition
from ..model.kinds.site import SiteSettings
from ..model.vocab import long_date
from ..render.pages import url_of

LANGUAGE = "en-GB"
PORTFOLIO = "Working with Resistance"
PUBLISHER = "West of Scotland Child Protection Consortium"
PORTFOLIO_CREDIT = f"{PORTFOLIO} practitioner portfolio, {PUBLISHER} (2016)"
HANDOUT_TEMPLATE = "handout-template"  # .docx (or .dotx) in data/local/
SLIDES_TEMPLATE = "slides-template"  # .pptx (or .potx) in data/local/
_SCHEME = re.compile(r"^(https?:|mailto:|tel:)", re.I)


@dataclass(frozen=True)
class Edition:
    """The site's settings, the edition it publishes, its addresses, and the committee's own templates, for one build."""

    settings: SiteSettings
    published: PublishedEdition
    build_date: str
    site_url: str | None = None
    handout_template: Path | None = None
    slides_template: Path | None = None
    bibliography: str = ""  # the page listing the references, where `cite:` links lead

    @property
    def committee(self) -> str:
        return self.settings.committee_name

    @property
    def version(self) -> str:
        return self.published.version

    @property
    def built(self) -> str:
        """The build's day as readers write it: 6 December 2026."""
        return long_date(self.build_date)

    @property
    def facts(self) -> tuple[tuple[str, str], ...]:
        """What a cover says of the edition: its number and date, who approved it, when it was built."""
        published = self.published
        approved = (("Approved by", published.approved_by),) if published.approved_by else ()
        return (("Edition", f"{self.edition_name}, published {long_date(published.published)}"), *approved, ("Built", self.built))

    @property
    def edition_name(self) -> str:
        """"Working with Resistance, edition 1.0"; "Edition 1.0" where the site is named after the committee, whose
        name a cover gives already (so no name is printed twice)."""
        return f"Edition {self.version}" if self.same_names else f"{self.settings.site_name}, edition {self.version}"

    @property
    def same_names(self) -> bool:
        return self.settings.site_name.strip().casefold() == self.committee.strip().casefold()

    @property
    def made_from(self) -> str:
        """The line every document ends with: what it is made from, and when."""
        return (f"Made from the {PORTFOLIO_CREDIT} by the {self.settings.site_name} site "
                f"(edition {self.version}, built {self.built}).")

    def address(self, src: str) -> str | None:
        """The public address of the page with source path `src`, when the site has one."""
        if not self.site_url:
            return None
        path, _, anchor = src.partition("#")
        url = urljoin(self.site_url, url_of(path))
        return f"{url}#{anchor}" if anchor else url

    def link(self, href: str | None, base_src: str) -> str | None:
        """A link written in data, as a document can follow it: web and mail links as they are,
        a citation or another page as its public address (None when the site has no address). A link
        no page may carry (model/addresses.py) is no link in a document either."""
        if not href:
            return None
        if href.startswith("cite:"):
            return self.address(f"{self.bibliography}#{href[5:]}") if self.bibliography else None
        if link_problem(href):
            return None
        if _SCHEME.match(href):
            return href
        if href.startswith("#"):
            return None
        target, _, anchor = href.partition("#")
        src = posixpath.normpath(posixpath.join(posixpath.dirname(base_src), target))
        return self.address(f"{src}#{anchor}" if anchor else src) if not src.startswith("..") else None


def find_template(local_dir: Path, stem: str, suffixes: tuple[str, ...]) -> Path | None:
    """A committee's template in data/local/, saved as a document or as a template file. Anything of
    that name is found (a folder, a link), so that checking it says why it cannot be used."""
    for suffix in suffixes:
        path = local_dir / f"{stem}{suffix}"
        if path.is_symlink() or path.exists():
            return path
    return None


def edition_for(project, build_date: str, site_url: str | None, data_dir: Path) -> Edition:
    """The edition of `project` (a loaded Project) built on `build_date` for `site_url`, with data_dir/local/'s templates."""
    local = data_dir / "local"
    return Edition(project.data.site, project.data.edition, build_date, site_url or None,
                   find_template(local, HANDOUT_TEMPLATE, (".docx", ".dotx")),
                   find_template(local, SLIDES_TEMPLATE, (".pptx", ".potx")), project.bibliography)
