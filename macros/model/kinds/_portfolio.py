"""What the portfolio's kinds share: how they name the portfolio and its Parts, and make a handout of one item."""

from __future__ import annotations

from ..document import Document, Entry, Item, Part

CITATION = "*Working with Resistance* practitioner portfolio, West of Scotland Child Protection Consortium (2016)"
def handout(item: Item, subject: str, online: str, page: str | None = None, **details) -> Document:
    """A handout of one item: its title, the item, and the address of its page (the item's, unless given)."""
    return Document(item.title, subject, (Part((Entry(item),)),), page or item.src, online, **details)


def part_source(site, kind, fallback: str) -> str:
    """"From <the Part that lists this kind>, <the portfolio>."""
    page = next(iter(site.prose.shown.get(kind.name, [])), None)
    part = site.part_title(page) if page else None
    return f"From {part or fallback}, {CITATION}."
