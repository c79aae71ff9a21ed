"""The key messages that close each Part (data/key_messages.yml), placed by `key_messages('<id>')`, with a
link to the Part they close (data/book.yml gives each Part its number)."""

from __future__ import annotations

from pydantic import Field

from ..base import Model
from ..kind import Kind
from ..text import Id, Markdown


class KeyMessages(Model):
    """The key messages that close a Part."""

    id: Id
    part: int = Field(ge=1, le=6, description="The number of the Part they close (data/book.yml numbers the Parts).")
    messages: list[Markdown] = Field(min_length=1)


KIND = Kind("key_messages", KeyMessages, "set of key messages", "sets of key messages", rank=40, placed_by="key_messages")
