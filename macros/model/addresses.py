"""Which addresses a page may link to and load: one rule for data, prose, pages, Word files and slides.

A link may go to the web (http, https), to a mail address (no `?cc=` or `?bcc=`: a mail link must not
copy the message to anyone the reader cannot see), to a telephone, or to another part of the site by a
relative address. A picture may come from the site itself only, so no page asks another host for
anything. Addresses are judged as a browser reads them (tabs and line breaks inside an address are
ignored by browsers, so they are ignored here too).
"""

from __future__ import annotations

import re
from urllib.parse import unquote, urlsplit

LINK_SCHEMES = ("http", "https", "mailto", "tel")
_SCHEME = re.compile(r"([a-zA-Z][a-zA-Z0-9+.-]*):")
_IGNORED = re.compile(r"[\t\n\r]")
_EDGES = "".join(map(chr, range(0x21)))  # what URL parsing trims from an address's ends: C0 controls and space
_TELEPHONE = re.compile(r"\+?[0-9][0-9 ().-]*")


def as_browsers_read(address: str) -> str:
    """The address a browser follows: tabs and line breaks inside it dropped, spaces and controls at its ends too."""
    return _IGNORED.sub("", address).strip(_EDGES)


def link_problem(address: str) -> str | None:
    """Why a page may not link to `address`, in words for its editor; None when it may."""
    found = as_browsers_read(address)
    scheme = _SCHEME.match(found)
    if scheme is None:
        return _relative_problem(found)
    name = scheme.group(1).lower()
    rest = found[scheme.end():]
    if name not in LINK_SCHEMES:
        return f"the address '{found}' uses '{name}:', which a page may not link to; use http, https, mailto or tel"
    if name in ("http", "https") and not urlsplit(found).hostname:
        return f"the address '{found}' has no site name after '//'"
    if name == "mailto" and ("?" in rest or "&" in rest):
        return f"the mail address '{found}' carries extra fields after '?' (such as cc or bcc); give the address alone"
    if name == "mailto" and "@" not in rest:
        return f"'{found}' is not a mail address"
    if name == "tel" and not _TELEPHONE.fullmatch(unquote(rest)):
        return f"'{found}' is not a telephone number; write tel: and the digits"
    return None


_OTHER_HOST = ("//", "\\\\", "/\\", "\\/")  # how browsers read an address on another host without its scheme


def image_problem(address: str) -> str | None:
    """Why a page may not show a picture from `address`; None when the picture is the site's own."""
    found = as_browsers_read(address)
    if not found:
        return "a picture needs an address"
    if _SCHEME.match(found) or found.startswith(_OTHER_HOST):  # '//host/p.png' is another site too, whatever the scheme
        return f"the picture '{found}' comes from another site; a page may show pictures from this site only (no request may go elsewhere)"
    return _relative_problem(found, what="picture")


def _relative_problem(found: str, what: str = "address") -> str | None:
    if found.startswith(_OTHER_HOST):
        return f"the {what} '{found}' leads to another site (it starts with '//'); write the full https:// address, or a relative one"
    if "\\" in found:
        return f"the {what} '{found}' holds a backslash; write addresses with '/'"
    if found.startswith("/"):
        return f"the {what} '{found}' starts at the server's root, which breaks when the site is under a sub-path; write a relative address"
    return None
