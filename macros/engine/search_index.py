"""Practitioners' own words in the search index: each page's entry gets its keywords and abbreviations
(boosted fields, each word once), each section its hyphenated words written solid, and the practitioners'
phrases (data/search_phrases.yml) for the portfolio's terms it uses (see macros/search/).
The fields are declared in mkdocs.yml (`plugins.search.fields`), so Material's search indexes them;
it never shows them. They are added to Material's search plugin's entries just before it writes
`search/search_index.json`, so the index is never read back and written twice (34 MB, and as many
again in memory, at 5,000 entries)."""

from __future__ import annotations

from ..model.kinds.search_phrases import LONGEST_PHRASE
from ..render.pages import url_of
from ..search.forms import solid_compounds
from ..search.keywords import page_abbreviations, page_keywords
from ..search.phrases import indexed, phrase_fields, phrases
from .state import BuildState

SEARCH_PLUGINS = ("material/search", "search")


def search_plugin(config):
    """Material's search plugin in this build, or None when it is left out or switched off."""
    for name in SEARCH_PLUGINS:
        plugin = config.plugins.get(name)
        if plugin is not None and plugin.config.get("enabled", True):
            return plugin
    return None


def search_entries(config) -> list[dict] | None:
    """The entries Material's search plugin will write in this build; None when search is off."""
    plugin = search_plugin(config)
    return plugin.search_index.entries if plugin is not None and hasattr(plugin, "search_index") else None


def add_practitioner_words(docs: list[dict], state: BuildState, directory_urls: bool) -> None:
    """Add the keywords (each phrase of a few words also run together, as search-words.js sends a run of words
    typed), abbreviations and solid forms to the index's entries, in place."""
    keywords = {url_of(src, directory_urls): words for src, words in page_keywords(state.project).items()}
    abbreviations = {url_of(src, directory_urls): terms for src, terms in page_abbreviations(state.project).items()}
    for doc, fields in zip(docs, phrase_fields(docs, phrases(state.project.data))):
        doc.update(fields)
    for doc in docs:
        words = keywords.get(doc["location"])
        if words:
            unique = dict.fromkeys(word for phrase in words for word in phrase.lower().split())
            whole = dict.fromkeys(indexed(phrase) for phrase in words if 1 < len(phrase.split()) <= LONGEST_PHRASE)  # "familynotathome"
            doc["keywords"] = " ".join([*unique, *solid_compounds(" ".join(unique)), *whole])
        if doc["location"] in abbreviations:
            doc["abbreviations"] = " ".join(abbreviations[doc["location"]])
        forms = solid_compounds(f"{doc.get('title', '')} {doc.get('text', '')}")
        if forms:
            doc["forms"] = " ".join(forms)
