"""The key messages that close each Part (data/key_messages.yml), placed by `key_messages('<id>')`, with a
link to the Part they close (data/book.yml gives each Part its number)."""

from __future__ import annotations

from pydantic import Field

from ..base import Model
from ..kind import Kind
from ..text import Id, Markdown


class KeyMessages(Model):
    """The key messages that close a Part."""

    id: Id = Field(description="The set's id, lowercase words joined by hyphens (e.g. part-one): a page places it with key_messages('<id>').")
    part: int = Field(ge=1, le=6, description="The number of the Part they close (data/book.yml numbers the Parts).")
    messages: list[Markdown] = Field(min_length=1, description="The key messages, at least one, each as the portfolio gives it (Markdown); shown as bullet points.")


KIND = Kind("key_messages", KeyMessages, "set of key messages", "sets of key messages", rank=40, placed_by="key_messages")
