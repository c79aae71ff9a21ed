"""Hyphenated words written solid, so that a search for "online" finds a page that says "on-line".

Material's search splits indexed text at hyphens ("on-line" is indexed as "on" and "line"), so a
word a practitioner types solid would find nothing. Each section's index entry therefore carries
the solid form of each hyphenated word it uses. Other forms of a word ("filming" for "filmed") are
found on the reader's side instead (overrides/assets/javascripts/search-words.js), which keeps the
index, which every phone downloads, to the text itself.
"""

from __future__ import annotations

import re

WORD = re.compile(r"[a-z]+(?:['’][a-z]+)?")
COMPOUND = re.compile(r"\b[a-z]+(?:-[a-z]+)+\b")


def words(text: str) -> set[str]:
    """The lowercase words of a text."""
    return set(WORD.findall(text.lower()))


def solid_compounds(text: str) -> list[str]:
    """The text's hyphenated words written solid, sorted, less those the text also writes solid."""
    lowered = text.lower()
    solid = {compound.replace("-", "") for compound in COMPOUND.findall(lowered)}
    return sorted(solid - words(lowered)) if solid else []
