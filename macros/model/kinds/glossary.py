"""The glossary (data/glossary.yml): every term is explained wherever a page uses it (a tooltip), and
listed by the `glossary_table()` macro."""

from __future__ import annotations

from pydantic import Field

from ..base import Model
from ..kind import Kind
from ..text import Markdown, Text


class GlossaryTerm(Model):
    """An abbreviation or term, explained wherever it is used and listed on the glossary page."""

    term: Text = Field(description="The abbreviation or term as the text writes it, e.g. MI: explained wherever a page uses it.")
    expansion: Text = Field(description="What it stands for, e.g. Motivational Interviewing: shown where the term is used and in the glossary.")
    note: Markdown | None = Field(None, description="Optional: more about the term (Markdown), shown after the expansion in the glossary.")


KIND = Kind("glossary", GlossaryTerm, "glossary term", "glossary terms", rank=110, key="term", index="glossary_table",
            most=1000, why_most="every term is looked for on every page, so a longer glossary makes every build slow",
            explains=lambda term: (term.term, term.expansion))
