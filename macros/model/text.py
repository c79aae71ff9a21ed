"""The field types data text may have, and the rules that keep it safe and faithful.

Data text is Markdown that ends up inside generated pages. Raw HTML is escaped when it is rendered
(model/rendered.py `escape_markdown`), and what the text renders to is judged against the allowlist
every page passes (links, pictures, headings: model/rendered.py). Here too: attribute lists and file
includes, which would reach past the text, and text long enough to be a mistake.
"""

from __future__ import annotations

import re
from typing import Annotated

from pydantic import AfterValidator, StringConstraints

from .addresses import link_problem
from .rendered import markdown_problems

MAX_TEXT = 500
MAX_MARKDOWN = 20_000

# What an HTML parser reads as the start of a tag, and character references such as `&lt;`.
_TAG = re.compile(r"<[A-Za-z/!?]")
_CHAR_REF = re.compile(r"&(?:#[0-9]+|#[xX][0-9A-Fa-f]+|[A-Za-z][A-Za-z0-9]*);")
_ID = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")


def _length(value: str, limit: int) -> str:
    if not value.strip():
        raise ValueError("must not be empty")
    if len(value) > limit:
        raise ValueError(f"is {len(value):,} characters long; at most {limit:,} are allowed")
    return value


def check_markdown(value: str, limit: int = MAX_MARKDOWN) -> str:
    """Markdown from data: non-empty, bounded, no attribute lists or includes, and nothing in what it
    renders to that a page may not hold."""
    _length(value, limit)
    if re.search(r"\{\s*[:.#]|\{\s*\w+\s*=", value):
        raise ValueError("attribute lists ('{: ...}') are not allowed in data text")
    if "--8<--" in value:
        raise ValueError("snippet includes ('--8<--') are not allowed in data text")
    problems = markdown_problems(value)
    if problems:
        raise ValueError("; ".join(problems))
    return value


def one_line_problem(value: str) -> str | None:
    """Why `value` cannot be one line a page shows as it is (a title, a heading), if it cannot."""
    if _TAG.search(value) or _CHAR_REF.search(value):
        return "holds HTML tags ('<b>') or character references ('&lt;'), which are not allowed in a one-line field; write plain text"
    return None


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
    problem = link_problem(value)
    if problem:
        raise ValueError(problem)
    if value.startswith("mailto:"):
        check_email(value.removeprefix("mailto:"))
    return value


def check_email(value: str) -> str:
    """An email address, as committees type them."""
    _length(value, MAX_TEXT)
    if not re.fullmatch(r"[^@\s<>\"']+@[^@\s<>\"']+\.[A-Za-z]{2,}", value):
        raise ValueError(f"'{value}' is not an email address")
    return value


def check_id(value: str) -> str:
    """Ids become web addresses, so they are lowercase words joined by hyphens."""
    if not _ID.fullmatch(value):
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
