"""Other forms of the words a page uses, so that a search for "filming" finds a page that says "filmed".

Material's search adds a wildcard to every word typed ("filming" becomes `filming*`), and lunr does
not stem a word with a wildcard, so a typed form only finds pages whose words begin with it. Each
page's index entry therefore also carries the regular inflections of its words (plurals, -ed, -ing,
British doubling: cancel, cancelled, cancelling) and hyphenated words written solid ("on-line" gives
"online"). A form is kept only if the Porter stemmer puts it in the same family as the word, which
drops most impossible spellings; the forms are never shown to readers.
"""

from __future__ import annotations

import bisect
import functools
import re

import Stemmer

_STEMMER = Stemmer.Stemmer("porter")
VOWELS = "aeiou"
MIN_LENGTH = 4  # shorter words are left as they are ("see", "met", "dad")
WORD = re.compile(r"[a-z]+(?:['’][a-z]+)?")
COMPOUND = re.compile(r"\b[a-z]+(?:-[a-z]+)+\b")
ADJECTIVE_ENDINGS = ("ous", "ful", "less", "ive", "ible", "able", "ical", "ic", "ial", "ual")
NOUN_ENDINGS = ("tion", "sion", "ness", "ment", "ity", "ship", "ence", "ance", "ism", "ist", "hood", "dren", "our", "ogy", "ery")
# After -ing or -ed comes off, a base ending like this usually had an "e" (engaging, engage).
NEEDS_E = re.compile(r"(?:[aeiou][cgsvz]|[^aeiou][cg]|[aeiou]u|dg|rs|ns|rg|rc)$")


def words(text: str) -> set[str]:
    """The lowercase words of a text."""
    return set(WORD.findall(text.lower()))


def _doubles(base: str) -> bool:
    """Whether -ed/-ing double the last consonant: stop, stopped; and in British spelling cancel, cancelled."""
    if len(base) < 3 or base[-1] in VOWELS + "wxy" or base[-2] not in VOWELS or base[-3] in VOWELS:
        return False
    return len(re.findall(f"[{VOWELS}]+", base)) == 1 or base.endswith("l")


def lemma(word: str) -> str:
    """The base a regular English word is an inflection of ("cancelled" -> "cancel"); the word itself otherwise."""
    for suffix in ("ing", "ed"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            base = word[: -len(suffix)]
            if suffix == "ed" and base.endswith("i"):
                return base[:-1] + "y"
            if len(base) > 3 and base[-1] == base[-2] and base[-1] not in "slz":
                return base[:-1]
            if base.endswith("ll") and len(base) > 4:
                return base[:-1]
            return base + "e" if NEEDS_E.search(base) else base
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith(("ches", "shes", "sses", "xes")):
        return word[:-2]
    if word.endswith("s") and not word.endswith(("ss", "us", "is")) and len(word) > MIN_LENGTH:
        return word[:-1]
    return word


def inflections(base: str) -> set[str]:
    """The regular inflections of a base word: -s, -ed, -ing, with English spelling rules.

    Words with an adjective's ending take none, and a noun's ending only the plural.
    """
    if base.endswith(ADJECTIVE_ENDINGS):
        return {base}
    if base.endswith(NOUN_ENDINGS):
        return {base, base + ("es" if base.endswith(("s", "x", "z", "ch", "sh")) else "s")}
    if base.endswith("y") and len(base) > 2 and base[-2] not in VOWELS:
        return {base, base[:-1] + "ies", base[:-1] + "ied", base + "ing"}
    found = {base, base + ("es" if base.endswith(("s", "x", "z", "ch", "sh")) else "s")}
    if base.endswith("e"):
        return found | {base + "d", base[:-1] + "ing"}
    doubled = base + base[-1] if _doubles(base) else base
    return found | {doubled + "ed", doubled + "ing"}


def other_forms(text: str) -> list[str]:
    """Forms of the text's words that a search for them needs and the text does not give, sorted.

    A search word matches any indexed word it begins, so a form that begins another form, or a word
    of the text, is not needed: "filmin" is covered by "filming". That keeps the index small.
    """
    used = words(text)
    found: set[str] = {compound.replace("-", "") for compound in COMPOUND.findall(text.lower())}
    for word in used:
        found.update(forms_of(word))
    covered = sorted(used | found)
    return sorted(form for form in found - used if not _begins_another(form, covered))


@functools.lru_cache(maxsize=65536)
def forms_of(word: str) -> frozenset[str]:
    """The inflections of a word's base that the stemmer agrees are of its family (words recur: cached)."""
    if len(word) < MIN_LENGTH or not word.isalpha():
        return frozenset()
    stem = _STEMMER.stemWord(word)
    candidates = sorted(inflections(lemma(word)))
    return frozenset(form for form, form_stem in zip(candidates, _STEMMER.stemWords(candidates)) if form_stem == stem)


def _begins_another(form: str, ordered: list[str]) -> bool:
    """Whether some other word in the sorted list begins with `form`."""
    index = bisect.bisect_right(ordered, form)
    return index < len(ordered) and ordered[index].startswith(form)
