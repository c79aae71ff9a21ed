"""A committee's local contacts (data/local/contacts.yml), listed by `local_contacts()` on the Local
contacts page: the committee's words, never the portfolio's."""

from __future__ import annotations

from pydantic import Field

from ..base import Governed
from ..kind import Kind
from ..text import Email, Id, Markdown, Text, Url


class LocalContact(Governed):
    """A committee's local contact, listed on the Local contacts page."""

    id: Id = Field(description="The contact's id, lowercase words joined by hyphens (e.g. riverside-duty-team); not shown.")
    name: Text = Field(description="The name shown in bold: a person, team or service.")
    role: Text | None = Field(None, description="Optional: what they do or advise on, shown after the name.")
    organisation: Text | None = Field(None, description="Optional: their organisation, shown after the role.")
    phone: Text | None = Field(None, description="Optional: a phone number, as free text; its first number becomes a tap-to-call link.")
    email: Email | None = Field(None, description="Optional: an email address, shown as a mail link.")
    url: Url | None = Field(None, description="Optional: a web address (https://...), shown as a link.")
    notes: Markdown | None = Field(None, description="Optional: more about them, e.g. their opening hours (Markdown).")


KIND = Kind("contacts", LocalContact, "local contact", "local contacts", rank=120, index="local_contacts", local="add")
