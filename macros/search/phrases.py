"""Practitioners' phrases: the words a practitioner types for a situation ("drunk", "cancelled"), added to
the search index entry of every section that uses the portfolio's own term for it ("alcohol", "missing
appointments"), in fields of their own that search reads and never shows. The pairs are data (the kinds
that `reword`, data/search_phrases.yml), the site's aid, never the portfolio's text.

A phrase of several words is indexed as one, its letters run together after a mark (`indexed`). Words count as much as a title (`phrases`) where the section's title uses the term, or where the term is
used by few sections (RARE: "alcohol", so "drunk" finds those few); as little as a keyword's common word
(`phrases_broad`) where the term is used all over the portfolio ("impact"), so that "affects" does not make
every page a match.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from ..model.kinds import KINDS

TAG = re.compile(r"<[^>]+>")


@dataclass(frozen=True)
class TermPattern:
    """Any of the portfolio's terms a phrase means, as one pattern, with the terms' first words: a text without
    any of them cannot use a term, and looking for a word is far cheaper than running the pattern (thousands of
    times a build: each index entry, each phrase)."""

    pattern: re.Pattern
    first_words: tuple[str, ...]


Phrase = tuple[list[str], TermPattern]


def phrases(data) -> list[Phrase]:
    """Each entry's practitioners' words, with one pattern matching any of the portfolio's terms it gives."""
    found = []
    for kind in (kind for kind in KINDS if kind.rewords):
        for entry in getattr(data, kind.name):
            words, means = kind.rewords(entry)
            found.append((list(words), term_pattern(means)))
    return found


def term_pattern(terms: Iterable[str]) -> TermPattern:
    """Any of the terms as whole words, whatever the case and the spaces or hyphens between its words; the
    last word may run on ("impact" also matches "impacts", as Material matches a typed word as a start)."""
    alternatives = [r"[\s\-]+".join(map(re.escape, term.lower().split())) for term in terms]
    return TermPattern(re.compile(r"\b(?:" + "|".join(alternatives) + r")[a-z]*", re.IGNORECASE),
                       tuple({term.lower().split()[0] for term in terms if term.split()}))


def plain(html: str) -> str:
    """An index entry's HTML as the words it shows (its tags are not text), once, before it is searched for each term."""
    return TAG.sub(" ", html).replace("’", "'")


def uses(text: str, terms: TermPattern, lowered: str | None = None) -> bool:
    """Whether the plain text uses one of the terms (`lowered`: the text in lowercase, if already made)."""
    lowered = text.lower() if lowered is None else lowered
    return any(word in lowered for word in terms.first_words) and terms.pattern.search(text) is not None


RARE = 0.05  # a term used in at most this share of the index's entries (and at least 10) is telling


def phrase_fields(docs: list[dict], found: list[Phrase]) -> list[dict[str, str]]:
    """For each index entry (title, text), the phrases fields to add to it: {} where it uses none of the terms."""
    texts = [(plain(doc.get("title") or ""), plain(doc.get("text") or "")) for doc in docs]
    used = [(_used(title, found), _used(text, found)) for title, text in texts]  # each phrase's index, where used
    most = max(10, int(RARE * len(docs)))
    rare = {index for index in range(len(found)) if sum(index in in_title or index in in_text for in_title, in_text in used) <= most}
    fields = []
    for in_title, in_text in used:
        strong = _words(found, in_title) + _words(found, [index for index in in_text if index in rare])
        broad = [word for word in _words(found, in_text) if word not in strong]
        fields.append({name: " ".join(dict.fromkeys(words)) for name, words in (("phrases", strong), ("phrases_broad", broad)) if words})
    return fields


def phrase_words(text: str, found: list[Phrase]) -> list[str]:
    """The practitioners' words, each once, of the terms the text uses."""
    return _words(found, _used(text, found))


def _used(text: str, found: list[Phrase]) -> list[int]:
    """The index in `found` of each phrase whose terms the text uses."""
    lowered = text.lower()
    return [index for index, (_, terms) in enumerate(found) if uses(text, terms, lowered)]


def _words(found: list[Phrase], indices: Iterable[int]) -> list[str]:
    words: dict[str, None] = {}
    for index in indices:
        words.update(dict.fromkeys(indexed(phrase) for phrase in found[index][0]))
    return list(words)


def indexed(phrase: str) -> str:
    """A word as typed; a phrase of several as one word, its letters run together after a mark ("won't let in":
    "_wontletin"), which search-words.js sends for each run of words typed: so a phrase is found only as a
    phrase, its common words ("let", "in"), which the index never holds, count, and no word typed matches it as
    the start of a longer word ("famil" of "families" is not the start of "_familynotathome")."""
    words = phrase.lower().split()
    return words[0] if len(words) == 1 else PHRASE_MARK + "".join(re.sub(r"[^a-z0-9]", "", word) for word in words)


PHRASE_MARK = "_"  # search-words.js starts each run of words typed with it too
