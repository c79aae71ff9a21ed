"""Hyphenated words written solid, for search: "online" finds a page that says "on-line"."""

from __future__ import annotations

from macros.search.forms import solid_compounds


def test_hyphenated_words_are_also_written_solid():
    assert solid_compounds("These types of on-line behaviours, and co-operating with a follow-up") == ["cooperating", "followup", "online"]


def test_a_solid_form_the_text_already_has_is_not_repeated():
    assert solid_compounds("on-line and online") == []
    assert solid_compounds("no hyphens here") == []
