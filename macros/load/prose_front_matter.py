"""A prose page's front matter, read strictly and checked against every field a page may hold
(model/pages.py), where it is written: the theme writes front matter into the page's HTML unescaped, and
mkdocs-macros lets its fields stand for names the page's macros see."""

from __future__ import annotations

import re

from pydantic import ValidationError

from ..model.kinds import KINDS
from ..model.pages import PageFields
from .errors import DataError, DataProblem, did_you_mean
from .links import strings
from .reasons import reason
from .yaml_source import read_yaml_text

FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?\n)?(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.DOTALL)
LISTED = {kind.name for kind in KINDS if not kind.single}


def without_front_matter(text: str) -> str:
    """The page as mkdocs-macros renders it, its front matter left as blank lines so that lines still count from the file's top."""
    match = FRONT_MATTER.match(text)
    return "\n" * match.group(0).count("\n") + text[match.end():] if match else text


def read_front_matter(text: str, name: str) -> tuple[PageFields | None, list[DataProblem]]:
    """The fields the site reads from a page's front matter (review dates, keywords, `needs`), checked
    where written: `needs` must name a kind of entries."""
    match = FRONT_MATTER.match(text)
    if not match or not (match.group(1) or "").strip():
        return None, []
    try:
        source = read_yaml_text(match.group(1), name, first_line=2)
    except DataError as exc:
        return None, list(exc.problems)
    try:
        fields = PageFields.model_validate(source.data)
    except ValidationError as exc:
        return None, [source.problem(*_reason(error)) for error in exc.errors(include_url=False)]
    if fields.needs is not None and fields.needs not in LISTED:
        return None, [source.problem(("needs",), f"'{fields.needs}' is not a kind of entries{did_you_mean(fields.needs, LISTED)}")]
    problems = _names_and_macros(source)
    return (None if problems else fields), problems


def _names_and_macros(source) -> list[DataProblem]:
    """Front matter is read as it is, never rendered: so no macro syntax in its values, and no quote in the
    description (the theme writes it into an attribute unescaped)."""
    problems = []
    for loc, value in strings(source.data):
        if any(mark in value for mark in ("{{", "{%", "{#")):
            problems.append(source.problem(loc, "front matter cannot hold macros ('{{', '{%' or '{#'); write plain text"))
    description = source.data.get("description")
    if isinstance(description, str) and '"' in description:
        problems.append(source.problem(("description",), "a description may not hold a double quote (\"); use ’ or ‘ instead"))
    return problems


def _reason(error: dict) -> tuple:
    """pydantic's error, in words; an unknown field also names the fields a page may hold."""
    loc, why = reason(error, PageFields)
    if error["type"] == "extra_forbidden" and len(loc) == 1:
        why += f"; a page's front matter may hold {', '.join(PageFields.model_fields)}"
    return loc, why
