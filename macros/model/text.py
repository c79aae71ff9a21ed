"""The field types data text may have, and the rules that keep it safe and faithful.

Data text is Markdown that ends up inside generated pages. Raw HTML is escaped when it is
rendered (see render.py); here we refuse what escaping cannot make harmless or what would
break a page: script-bearing link targets, headings that upset the page outline,
attribute lists, file includes, and text long enough to be a mistake.
"""

from __future__ import annotations

import re
from typing import Annotated
from urllib.parse import urlsplit

from pydantic import AfterValidator, StringConstraints

MAX_TEXT = 500
MAX_MARKDOWN = 20_000

SAFE_SCHEMES = ("http://", "https://", "mailto:", "tel:")
# An inline link's target, `](target)`; one level of parentheses inside it, as Markdown allows.
_LINK_TARGET = re.compile(r"\]\(\s*<?((?:[^()\s>]|\([^()\s]*\))*)")
# A reference-style link definition, `[label]: target`, at the start of a line (or of a list item or quote).
_LINK_DEFINITION = re.compile(r"^(?:[ ]*(?:>|[*+-][ ]|\d+[.)][ ]))*[ ]{0,3}\[[^\[\]]*\][ ]*:[ ]*\n?[ ]*<?([^\s>]*)", re.MULTILINE)
_IMAGE = re.compile(r"!\[[^\]]*\]\s*[(\[]")
# What an HTML parser reads as the start of a tag, and character references such as `&lt;`.
_TAG = re.compile(r"<[A-Za-z/!?]")
_CHAR_REF = re.compile(r"&(?:#[0-9]+|#[xX][0-9A-Fa-f]+|[A-Za-z][A-Za-z0-9]*);")
_HEADING = re.compile(r"^\s{0,3}#{1,6}(\s|$)", re.MULTILINE)
_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


def _length(value: str, limit: int) -> str:
    if not value.strip():
        raise ValueError("must not be empty")
    if len(value) > limit:
        raise ValueError(f"is {len(value):,} characters long; at most {limit:,} are allowed")
    return value


def _check_link_target(target: str) -> None:
    lowered = target.strip().lower()
    if not lowered or lowered.startswith(("#", "cite:")) or lowered.startswith(SAFE_SCHEMES):
        return
    if re.match(r"^[a-z][a-z0-9+.-]*:", lowered):
        raise ValueError(f"link target '{target}' uses a scheme that is not allowed; use http, https, mailto or tel")
    if not re.match(r"^[a-z0-9_./-]+\.md(#[a-z0-9_-]+)?$", lowered):
        raise ValueError(f"link target '{target}' is neither a web address nor a page (a path ending in .md)")


def check_markdown(value: str, limit: int = MAX_MARKDOWN) -> str:
    """Markdown from data: non-empty, bounded, no headings or attribute lists, safe link targets."""
    _length(value, limit)
    if _HEADING.search(value):
        raise ValueError("headings ('#') are not allowed in data text; the page template sets the headings")
    if re.search(r"\{\s*[:.#]|\{\s*\w+\s*=", value):
        raise ValueError("attribute lists ('{: ...}') are not allowed in data text")
    if "--8<--" in value:
        raise ValueError("snippet includes ('--8<--') are not allowed in data text")
    if _IMAGE.search(value):
        raise ValueError("images ('![...](...)') are not allowed in data text; a page must not load pictures from other sites")
    for target in _LINK_TARGET.findall(value) + _LINK_DEFINITION.findall(value):
        _check_link_target(target)
    return value


def check_text(value: str) -> str:
    """One line of inline text: no line breaks, no HTML tags or character references, bounded.

    One-line fields become page titles, and the theme puts a page's title into `<title>` with
    its character references decoded, so `</title>` there would end the element early: here
    HTML cannot be shown as text, so it is refused.
    """
    if "\n" in value.strip():
        raise ValueError("must be a single line")
    if _TAG.search(value) or _CHAR_REF.search(value):
        raise ValueError("HTML tags ('<b>') and character references ('&lt;') are not allowed in a one-line field; write plain text")
    return check_markdown(value.strip(), MAX_TEXT)


def check_url(value: str) -> str:
    """A web or mail address that a browser may open without running anything."""
    _length(value, MAX_TEXT)
    if not value.startswith(("http://", "https://", "mailto:")) or re.search(r"\s|[<>\"']", value):
        raise ValueError(f"'{value}' is not a web address (http:// or https://) or a mailto: address")
    if value.startswith("mailto:"):
        check_email(value.removeprefix("mailto:").split("?")[0])
    elif not urlsplit(value).hostname:
        raise ValueError(f"'{value}' has no site name after '//'")
    return value


def check_email(value: str) -> str:
    """An email address, as committees type them."""
    _length(value, MAX_TEXT)
    if not re.fullmatch(r"[^@\s<>\"']+@[^@\s<>\"']+\.[A-Za-z]{2,}", value):
        raise ValueError(f"'{value}' is not an email address")
    return value


def check_id(value: str) -> str:
    """Ids become web addresses, so they are lowercase words joined by hyphens."""
    if not _ID.match(value):
        raise ValueError(f"'{value}' is not a valid id; use lowercase letters, digits and single hyphens, e.g. 'disguised-compliance'")
    return value


def check_section(value: str) -> str:
    """A page of `content/` or a section of it, written as a link between pages: `part-four/index.md#support-for-staff`."""
    if not re.fullmatch(r"[a-z0-9_-]+(?:/[a-z0-9_-]+)*\.md(?:#[a-z0-9_-]+)?", value):
        raise ValueError(f"'{value}' is not a page of content/ (a path ending in .md, from content/), with an optional #section")
    return value


Text = Annotated[str, AfterValidator(check_text)]
Section = Annotated[str, AfterValidator(check_section)]
Markdown = Annotated[str, AfterValidator(check_markdown)]
Url = Annotated[str, AfterValidator(check_url)]
Email = Annotated[str, AfterValidator(check_email)]
Id = Annotated[str, StringConstraints(max_length=80), AfterValidator(check_id)]
