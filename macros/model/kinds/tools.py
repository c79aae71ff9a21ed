"""Part Five's tools (data/tools.yml): a page each at /tools/<id>/, listed by `tool_index()`, and an item a
training pack can name (`tool:`)."""

from __future__ import annotations

from pydantic import Field

from ..base import Lasting
from ..document import Address, Item, Section, Text
from ..kind import EntryPages, Kind
from ..text import Id, Markdown, Url
from ..text import Section as PageSection
from ..text import Text as OneLine
from ..vocab import TAGS_HELP, Tag
from ._portfolio import part_source
from .resistance_types import KIND as BEHAVIOURS


class Tool(Lasting):
    """One of Part Five's tools; gets a page at /tools/<id>/."""

    id: Id = Field(description="The tool's id, lowercase words joined by hyphens (e.g. motivational-interviewing): its page's address, /tools/<id>/.")
    title: OneLine = Field(description="The tool's name, shown as its page's heading and in the list of tools.")
    authors: OneLine | None = Field(None, description="Optional: who devised it, e.g. Dendy Platt & Katie Riches, shown in brackets after the title.")
    description: Markdown = Field(description="The portfolio's text about the tool, word for word (Markdown).")
    url: Url = Field(description="The tool's web address (https://...), shown on its page.")
    addresses: list[Id] = Field([], description="The behaviours it helps with, by their ids in resistance_types.yml: the site's own links, shown on both pages.")
    discussed_in: list[PageSection] = Field(
        [],
        description="Sections of the portfolio's prose that discuss this, e.g. part-four/index.md#support-for-staff: the site's own cross-references.",
    )
    tags: list[Tag] = Field([], description=TAGS_HELP)


def item(tool: Tool, site) -> Item:
    authors = (Text(f"({tool.authors})"),) if tool.authors else ()
    blocks = (*authors, Text(tool.description), Address(tool.url))
    return Item(tool.title, KIND.src(tool.id), (Section(None, blocks),), part_source(site, KIND, "Part Five"))


KIND = Kind("tools", Tool, "tool", "tools", rank=80, links={"addresses": BEHAVIOURS.name}, pages=EntryPages("tools", "tool.md"),
            index="tool_index", item=item, pack_item="tool")
