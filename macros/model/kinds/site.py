"""The committee's settings (data/site.yml; data/local/site.yml changes only what differs): the site's and
committee's names, the logo, the colours, the contact for feedback and a link to local procedures (the
version is the edition's, data/edition.yml). Every page's header and footer show them; `setting('<field>')` places one in prose."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Annotated, ClassVar

from pydantic import AfterValidator, Field

from ..base import Loc, Model
from ..colours import HEX, contrast
from ..kind import Kind
from ..text import Email, Text, Url

WHITE_PAGE, DARK_PAGE = "#ffffff", "#1e2129"  # Material's light and dark (slate) page backgrounds
AA_CONTRAST = 4.5


def _colour(value: str) -> str:
    if not HEX.fullmatch(value):
        raise ValueError(f"'{value}' is not a colour written as #rrggbb")
    return value.lower()


Colour = Annotated[str, AfterValidator(_colour)]


class Colours(Model):
    """Brand colours; each pair that is read together must reach WCAG AA contrast (4.5:1)."""

    primary: Colour = Field(description="Header background; also the links on the light page unless `link` is given")
    on_primary: Colour = Field("#ffffff", description="Text on the header")
    link: Colour | None = Field(None, description="Links on the light page, when the header colour is too light for them")
    link_dark: Colour = Field("#8fb8ff", description="Links on the dark page")

    @property
    def link_light(self) -> str:
        return self.link or self.primary

    def problems(self) -> Iterator[tuple[Loc, str]]:
        """Every pair below AA, all at once, so a committee fixes its palette in one go."""
        pairs = [
            ("on_primary", self.on_primary, "primary", self.primary),
            ("link" if self.link else "primary", self.link_light, "the white page", WHITE_PAGE),
            ("link_dark", self.link_dark, "the dark page", DARK_PAGE),
        ]
        for name, colour, against, background in pairs:
            ratio = contrast(colour, background)
            if ratio < AA_CONTRAST:
                yield (), f"{name} {colour} on {against} {background} has a contrast of {ratio:.2f}:1; WCAG AA needs at least {AA_CONTRAST}:1"


class SiteContact(Model):
    name: Text
    email: Email
    phone: Text | None = None


class LinkTo(Model):
    title: Text
    url: Url


def _name(value: str) -> str:
    if '"' in value:
        raise ValueError("the theme writes this name into the pages' HTML as it is, where a double quote (\") would end it; write ’ or “ ” instead")
    return value


# A name the theme writes into every page's attributes unescaped (the header's logo, the author's meta tag).
Name = Annotated[Text, AfterValidator(_name)]


class SiteSettings(Model):
    """One committee's own settings (data/site.yml; data/local/site.yml changes only what differs)."""

    site_name: Name
    short_name: Name | None = Field(None, description="The name under the site's icon on a phone's home screen (12 characters or fewer show in full); site_name when not given")
    committee_name: Name
    logo: Text | None = Field(None, description="An .svg, .png or .jpg file in data/ or data/local/, e.g. local/logo.svg")
    colours: Colours
    contact: SiteContact
    local_procedures: LinkTo | None = Field(None, description="A link to the committee's own procedures, shown in every page's footer")

    # Fields that have moved, and where to: a committee's older data/local/site.yml is told what to do.
    moved_fields: ClassVar[dict[str, str]] = {"version": "the version is now the edition's: write it as 'version:' under 'edition:' in data/edition.yml "
                                              "(a committee's own in data/local/edition.yml), and delete it here"}


KIND = Kind("site", SiteSettings, "set of site settings", "site settings", rank=160, single=True, key=None, local="merge")
