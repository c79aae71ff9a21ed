"""A committee's local contacts (data/local/contacts.yml), listed by `local_contacts()` on the Local
contacts page: the committee's words, never the portfolio's."""

from __future__ import annotations

from ..base import Governed
from ..kind import Kind
from ..text import Email, Id, Markdown, Text, Url


class LocalContact(Governed):
    """A committee's local contact, listed on the Local contacts page."""

    id: Id
    name: Text
    role: Text | None = None
    organisation: Text | None = None
    phone: Text | None = None
    email: Email | None = None
    url: Url | None = None
    notes: Markdown | None = None


KIND = Kind("contacts", LocalContact, "local contact", "local contacts", rank=120, index="local_contacts", local="add")
