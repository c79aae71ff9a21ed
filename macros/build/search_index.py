"""Practitioners' own words in the search index: after Material's search plugin has written
`search/search_index.json`, each page's entry gets its keywords and abbreviations (boosted
fields, each word once) and each section the other forms of its words (see macros/search/). The fields are declared in mkdocs.yml
(`plugins.search.fields`), so Material's search indexes them; it never shows them."""

from __future__ import annotations

import json
from pathlib import Path

from ..render.pages import url_of
from ..search.forms import other_forms
from ..search.keywords import page_abbreviations, page_keywords
from .state import BuildState

INDEX = Path("search") / "search_index.json"


def add_practitioner_words(site_dir: Path, state: BuildState, directory_urls: bool) -> None:
    path = site_dir / INDEX
    if not path.is_file():
        return  # search switched off, or not written in this build
    index = json.loads(path.read_text(encoding="utf-8"))
    keywords = {url_of(src, directory_urls): words for src, words in page_keywords(state.project).items()}
    abbreviations = {url_of(src, directory_urls): terms for src, terms in page_abbreviations(state.project).items()}
    for doc in index["docs"]:
        words = keywords.get(doc["location"])
        if words:
            unique = dict.fromkeys(word for phrase in words for word in phrase.lower().split())
            doc["keywords"] = " ".join([*unique, *other_forms(" ".join(unique))])
        if doc["location"] in abbreviations:
            doc["abbreviations"] = " ".join(abbreviations[doc["location"]])
        forms = other_forms(f"{doc.get('title', '')} {doc.get('text', '')} {doc.get('keywords', '')}")
        if forms:
            doc["forms"] = " ".join(forms)
    path.write_text(json.dumps(index, separators=(",", ":"), ensure_ascii=False), encoding="utf-8")
