"""Filters the templates use to place data text safely in Markdown, and small pure helpers.

Data text is escaped on the way in: every `<` becomes `&lt;` (no tag can form, so raw HTML
shows as text) and braces become entities (no attribute list or Jinja can form). Markdown
emphasis, lists and safe links survive.
"""

from __future__ import annotations

import functools
import json
import posixpath
import re

from markupsafe import Markup

from ..model.rendered import escape_markdown
from ..model.vocab import long_date, number_word


def md(text: str | None) -> Markup:
    """Data text made safe to place in Markdown: HTML and attribute lists turned into plain text."""
    return Markup("") if text is None else Markup(escape_markdown(str(text)))


def url(address: str) -> Markup:
    """A validated address placed as a Markdown link target (parentheses would end the link)."""
    return Markup(address.replace("(", "%28").replace(")", "%29").replace(" ", "%20"))


def cell(text: str) -> Markup:
    """Text placed in a Markdown table cell: a pipe or line break would end the cell or row."""
    return Markup(str(text).replace("|", "&#124;").replace("\n", " "))


def yaml_value(value: object) -> Markup:
    """A value written into front matter (YAML reads JSON)."""
    return Markup(json.dumps(value, ensure_ascii=False))


# The first telephone number in free text: digits with the spaces, dots, dashes and brackets people
# write between them, and an international "+" in front.
_PHONE = re.compile(r"\+?[0-9][0-9\s().-]*[0-9]")
_NATIONAL_ZERO = re.compile(r"\(0\)")


def tel(phone: str | None) -> Markup | None:
    """A `tel:` address for the first telephone number in free text ("0141 420 5862",
    "+44 (0)141 420 5862", "Mon-Fri 9-5: 0141 420 5862"), or None when it holds none.

    The address is made of digits and a leading "+" only, so no text from the data can reach an
    attribute. A run of 3 to 15 digits (E.164's longest) counts as a number: "9-5" is too short,
    and two numbers written with no word between them give too many, so no wrong call is offered.
    """
    for match in _PHONE.finditer(phone or ""):
        number = match.group()
        if number.startswith("+"):
            number = _NATIONAL_ZERO.sub("", number)  # "+44 (0)141": that 0 is dialled only from inside the country
        digits = re.sub(r"[^0-9]", "", number)
        if 3 <= len(digits) <= 15:
            return Markup(("tel:+" if number.startswith("+") else "tel:") + digits)
    return None


@functools.lru_cache(maxsize=8192)  # the same few targets from every entry page of a kind
def relative(target_src: str, page_src: str) -> str:
    """Link from one source page to another, as mkdocs expects: a relative path to the .md file."""
    target, _, anchor = target_src.partition("#")
    path = posixpath.relpath(target, posixpath.dirname(page_src) or ".")
    return f"{path}#{anchor}" if anchor else path


PROSE_BOOST = 2.0  # a prose page of the portfolio weighs as much as an entry page (macros/engine/markdown.py)


def search_boost(title: str, weight: float = 1.0) -> float:
    """Search weight of an entry page: its kind's weight (the registry's `search_weight`: a behaviour
    before a course that names it), and higher for shorter titles.

    Material's search sets lunr's length normalisation off (b=0), so "Working with
    non-engaging families" matches the query "Non-engaging families" exactly as well as the
    course called "Non-engaging families". Weighting shorter titles slightly restores the
    usual rule that the closest title comes first.
    """
    return round(weight * (PROSE_BOOST + 0.25 / max(1, len(title.split()))), 3)


def css_string(text: str) -> Markup:
    """Text as a CSS string (a running head's `content`): quoted, with quotes, backslashes and line
    breaks escaped, and `<` too, so nothing can end the string, the rule or a style element."""
    escaped = "".join(f"\\{ord(c):x} " if c in '"\\<\n\r\f' else c for c in str(text))
    return Markup(f'"{escaped}"')


FILTERS = {"css": css_string, "md": md, "url": url, "tel": tel, "cell": cell, "yaml": yaml_value, "number_word": number_word, "long_date": long_date}
