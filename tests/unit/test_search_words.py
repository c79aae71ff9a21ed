"""Search in practitioners' words: hyphenated words written solid ("online" finds a page that says "on-line"), and
practitioners' phrases for the portfolio's terms."""

from __future__ import annotations

from macros.load import load_site_data
from macros.search.forms import solid_compounds
from macros.search.phrases import indexed, phrase_fields, phrase_words, plain, term_pattern, uses
from tests.helpers import ROOT


def test_hyphenated_words_are_also_written_solid():
    assert solid_compounds("These types of on-line behaviours, and co-operating with a follow-up") == ["cooperating", "followup", "online"]


def test_a_solid_form_the_text_already_has_is_not_repeated():
    assert solid_compounds("on-line and online") == []
    assert solid_compounds("no hyphens here") == []


# Practitioners' phrases (data/search_phrases.yml, macros/search/phrases.py).
DRINK = (["drunk", "drinking"], term_pattern(["alcohol"]))
CANCEL = (["cancel", "cancelled"], term_pattern(["missing appointments"]))
IMPACT = (["affects"], term_pattern(["impact"]))


def test_a_term_is_found_as_whole_words_whatever_the_case_hyphens_and_markup():
    assert uses(plain("<p>Missing  Appointments</p>"), CANCEL[1])
    assert uses(plain("cancelling/missing-appointments"), CANCEL[1])
    assert uses(plain("the impacts on staff"), IMPACT[1])  # the last word may run on, as a typed word does
    assert not uses(plain("alcoholism is not named here"), term_pattern(["drug"]))
    assert not uses(plain("a <span title='alcohol'>tooltip</span>"), DRINK[1])  # an attribute is not text


def test_a_section_gets_the_words_for_the_terms_it_uses_each_once():
    assert phrase_words("Alcohol misuse: alcohol and drugs", [DRINK, CANCEL]) == ["drunk", "drinking"]
    assert phrase_words("nothing here", [DRINK, CANCEL]) == []


def test_a_phrase_of_several_words_is_indexed_as_one_marked_word():
    """As search-words.js sends each run of words typed: the common words count, the punctuation does not, and
    the mark keeps a word typed ("won") from matching the phrase as the start of a longer word."""
    assert indexed("won't let in") == indexed("Wont  let IN") == "_wontletin"
    assert indexed("Drunk") == "drunk"
    door = (["won't let in", "doorstep"], term_pattern(["access to the home"]))
    assert phrase_words("refusing access to the home", [door]) == ["_wontletin", "doorstep"]


def test_words_count_strongly_for_a_term_in_the_title_or_used_by_few_sections():
    docs = [{"title": "Impact on children", "text": "<p>alcohol</p>"}] + [{"title": f"Page {n}", "text": "<p>the impact</p>"} for n in range(12)]
    fields = phrase_fields(docs, [DRINK, IMPACT])
    assert fields[0] == {"phrases": "affects drunk drinking"}  # its title uses "impact"; few sections use "alcohol"
    assert fields[1] == {"phrases_broad": "affects"}  # "impact" is used all over: its words count for less
    assert phrase_fields([{"title": "x", "text": "y"}], [DRINK]) == [{}]


def test_every_term_a_phrase_means_is_the_portfolios_own():
    """A phrase maps practitioners' words to words the portfolio uses: a term it does not use finds nothing."""
    data = load_site_data(ROOT / "data")
    text = " ".join(path.read_text(encoding="utf-8") for folder in ("data", "content") for path in (ROOT / folder).rglob("*.*")
                    if path.suffix in (".yml", ".md") and path.name != "search_phrases.yml" and "local" not in path.parts)
    assert data.search_phrases
    for phrase in data.search_phrases:
        for term in phrase.means:
            assert uses(text, term_pattern([term])), f"{phrase.id}: the portfolio does not use {term!r}"
