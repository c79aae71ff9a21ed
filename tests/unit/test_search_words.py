"""Other forms of a page's words, for search: a table of words and the forms a search needs."""

from __future__ import annotations

import pytest

from macros.search.forms import inflections, lemma, other_forms


@pytest.mark.parametrize(
    "word,base",
    [
        ("filmed", "film"), ("filming", "film"), ("cancelled", "cancel"), ("cancelling", "cancel"), ("stopped", "stop"),
        ("engaging", "engage"), ("worried", "worry"), ("families", "family"), ("visits", "visit"), ("posted", "post"),
        ("witness", "witness"), ("children", "children"), ("status", "status"),
    ],
)
def test_lemma(word, base):
    assert lemma(word) == base


@pytest.mark.parametrize(
    "base,forms",
    [
        ("film", {"film", "films", "filmed", "filming"}),
        ("cancel", {"cancel", "cancels", "cancelled", "cancelling"}),
        ("stop", {"stop", "stops", "stopped", "stopping"}),
        ("engage", {"engage", "engages", "engaged", "engaging"}),
        ("worry", {"worry", "worries", "worried", "worrying"}),
        ("visit", {"visit", "visits", "visited", "visiting"}),
        ("supervision", {"supervision", "supervisions"}),
        ("aggressive", {"aggressive"}),
    ],
)
def test_inflections(base, forms):
    assert inflections(base) == forms


def test_a_page_that_says_filmed_is_found_by_filming():
    forms = other_forms("Practitioners being filmed whilst doing their job.")
    assert "filming" in forms
    assert "filmed" not in forms  # the text has it already


def test_hyphenated_words_are_also_written_solid():
    assert "online" in other_forms("These types of on-line behaviours")


def test_no_form_that_another_form_or_word_begins_with():
    """A search word matches any indexed word it begins: "visit" adds nothing when "visiting" is there."""
    forms = set(other_forms("cancelled visits"))
    assert "cancelling" in forms and "visiting" in forms
    assert not any(a != b and b.startswith(a) for a in forms for b in forms | {"cancelled", "visits"})
