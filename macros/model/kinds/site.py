"""The committee's settings (data/site.yml; data/local/site.yml changes only what differs): the site's and
committee's names, the logo, the colours, the contact for feedback and a link to local procedures (the
version is the edition's, data/edition.yml). Every page's header and footer show them; `setting('<field>')` places one in prose."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Annotated, ClassVar, Literal

from pydantic import AfterValidator, Field

from ..base import Loc, Model
from ..colours import HEX, contrast
from ..kind import Kind
from ..text import Email, Id, Text, Url

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
    name: Text = Field(description="The contact's name as readers see it (a person or a team), e.g. in the notice on a page due for review.")
    email: Email = Field(description="The address for feedback and errors: every page's Report a problem link writes to it.")
    phone: Text | None = Field(None, description="Optional: a phone number, as free text, shown with the contact where a page lists it.")


class LinkTo(Model):
    title: Text = Field(description="The link's words, shown in every page's footer.")
    url: Url = Field(description="The address it goes to (https://...).")


def _name(value: str) -> str:
    if '"' in value:
        raise ValueError("the theme writes this name into the pages' HTML as it is, where a double quote (\") would end it; write ’ or “ ” instead")
    return value


# A name the theme writes into every page's attributes unescaped (the header's logo, the author's meta tag).
Name = Annotated[Text, AfterValidator(_name)]


class SiteSettings(Model):
    """One committee's own settings (data/site.yml; data/local/site.yml changes only what differs)."""

    site_name: Name = Field(description="The site's name, shown in every page's header and the browser's tab, and on the printed portfolio's cover. No double quotes.")
    short_name: Name | None = Field(None, description="The name under the site's icon on a phone's home screen (12 characters or fewer show in full); site_name when not given")
    committee_name: Name = Field(description="The committee that publishes the site, e.g. West of Scotland Child Protection Consortium: "
                                             "shown in the footer and on the printed portfolio. No double quotes.")
    logo: Text | None = Field(None, description="An .svg, .png or .jpg file in data/ or data/local/, e.g. local/logo.svg")
    logo_print: Text | None = Field(None, description="The logo for white paper (the printed portfolio's cover), when the logo is light for a dark header: "
                                                      "an .svg, .png or .jpg file in data/ or data/local/, e.g. local/logo-print.svg")
    colours: Colours = Field(description="The site's colours, each #rrggbb: primary, and optionally on_primary, link and link_dark. Each pair must be readable (WCAG AA).")
    contact: SiteContact = Field(description="Who readers tell about a mistake: a name, an email address and optionally a phone number.")
    local_procedures: LinkTo | None = Field(None, description="A link to the committee's own procedures, shown in every page's footer")
    hide_packs: list[Id] | Literal["all"] = Field([], description="The portfolio's own training packs this committee does not offer: their ids, or all. "
                                                                 "A hidden pack is in no list and has no downloads; its page stays, saying so, "
                                                                 "so that an address given out still leads somewhere.")

    # Fields that change what the site offers, which a page cannot show (setting('...'), model/prose_macros.py).
    not_shown: ClassVar[frozenset[str]] = frozenset({"hide_packs"})
    # Fields that have moved, and where to: a committee's older data/local/site.yml is told what to do.
    moved_fields: ClassVar[dict[str, str]] = {"version": "the version is now the edition's: write it as 'version:' under 'edition:' in data/edition.yml "
                                              "(a committee's own in data/local/edition.yml), and delete it here"}


KIND = Kind("site", SiteSettings, "set of site settings", "site settings", rank=160, single=True, key=None, local="merge")
