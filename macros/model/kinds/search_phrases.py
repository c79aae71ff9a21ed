"""Practitioners' phrases for search (data/search_phrases.yml): the words a practitioner types for a situation
("drunk", "cancelled"), and the portfolio's own terms for it ("alcohol", "missing appointments"). Every
section of the site that uses one of the terms is also found by the words. They are the site's aid to search,
reviewed by an editor, and never the portfolio's text: search reads them, no page shows them."""

from __future__ import annotations

from pydantic import Field

from ..base import Model
from ..kind import Kind
from ..text import Id, Text


class SearchPhrase(Model):
    """Words practitioners search with, and the portfolio's terms that mean the same."""

    id: Id = Field(description="The phrase's id, lowercase words joined by hyphens; not shown.")
    words: list[Text] = Field(min_length=1, description="What practitioners type (\"drunk\", \"cancelled\"), one word each "
                              "at best: each word of a phrase is searched on its own, and common words (\"let\", \"in\") not at all. "
                              "Never shown on a page.")
    means: list[Text] = Field(min_length=1, description="The portfolio's own terms for it, exactly as its text writes them "
                              "(\"alcohol\", \"missing appointments\"): every section that uses one is also found by the words "
                              "(a test checks that the portfolio uses each).")
    reviewed_by: Text | None = Field(None, description="Who checked that the words mean the terms (an editor's name or role).")


KIND = Kind("search_phrases", SearchPhrase, "search phrase", "search phrases", rank=115,
            rewords=lambda phrase: (phrase.words, phrase.means))
