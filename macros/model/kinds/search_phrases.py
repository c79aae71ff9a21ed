"""Practitioners' phrases for search (data/search_phrases.yml): the words a practitioner types for a situation
("drunk", "cancelled"), and the portfolio's own terms for it ("alcohol", "missing appointments"). Every
section of the site that uses one of the terms is also found by the words. They are the site's aid to search,
reviewed by an editor, and never the portfolio's text: search reads them, no page shows them."""

from __future__ import annotations

import re
from typing import Annotated

from pydantic import AfterValidator, Field

from ..base import Model
from ..kind import Kind
from ..text import Id, Text

# A practitioners' phrase: at most LONGEST_PHRASE words, as search-words.js sends runs of up to that many.
LONGEST_PHRASE = 4


def _short(phrase: str) -> str:
    if len(phrase.split()) > LONGEST_PHRASE:
        raise ValueError(f"has {len(phrase.split())} words; a phrase has at most {LONGEST_PHRASE}, as search matches runs of up to "
                         f"{LONGEST_PHRASE} words typed: shorten it, or give its parts as phrases of their own")
    if not re.search(r"[a-zA-Z0-9]", phrase):
        raise ValueError("has no letter or digit to search for")
    return phrase


Phrase = Annotated[Text, AfterValidator(_short)]


class SearchPhrase(Model):
    """Words practitioners search with, and the portfolio's terms that mean the same."""

    id: Id = Field(description="The phrase's id, lowercase words joined by hyphens; not shown.")
    words: list[Phrase] = Field(min_length=1, description="What practitioners type: a word (\"drunk\", \"cancelled\") or a phrase "
                                "of up to four words (\"won't let in\"), which a search finds only when it holds the phrase as written, "
                                "whatever its punctuation. Never shown on a page.")
    means: list[Text] = Field(min_length=1, description="The portfolio's own terms for it, exactly as its text writes them "
                              "(\"alcohol\", \"missing appointments\"): every section that uses one is also found by the words "
                              "(a test checks that the portfolio uses each).")
    reviewed_by: Text | None = Field(None, description="Who checked that the words mean the terms (an editor's name or role).")


KIND = Kind("search_phrases", SearchPhrase, "search phrase", "search phrases", rank=115,
            rewords=lambda phrase: (phrase.words, phrase.means))
