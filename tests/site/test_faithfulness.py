"""Every sentence of both seed documents appears on the built site, as the seed has it.

The seeds are plain text extracted from PDFs, so each line is cleaned of PDF artefacts
(Markdown emphasis, list markers, table labels, "Page N") and split into sentences; a line
the PDF broke across a page is still found, because each part is a substring of the joined
sentence. Short headings are compared ignoring case, since the site gives them sentence case.
"""

from __future__ import annotations

import re

import pytest

from tests.helpers import SEEDS, SHARED_SEEDS, article_text, html_pages, soup

PORTFOLIO = SEEDS / "003_a7fe4d05f0e42523.txt"
C4EO = SEEDS / "000_ffce3c0e9b6d1e4a.txt"

TABLE_LABELS = ("Title ", "Type of Resource ", "Author / Publisher ", "Available From ", "Description ", "Date Published ")
STRUCTURE_PREFIXES = ("Course Title - ", "Course Title – ")


def clean(line: str) -> str:
    line = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", line)  # Markdown links -> their text
    line = re.sub(r"<(https?://[^>]+)>", r"\1", line)  # <url> -> url
    line = line.replace("**", "").replace("*", "")
    line = re.sub(r"^\s*(?:[-•]|\d+\.|#+)\s+", "", line)  # list markers, headings
    line = re.sub(r"\s*Page \d+$", "", line)
    for prefix in TABLE_LABELS + STRUCTURE_PREFIXES:
        if line.startswith(prefix):
            line = line[len(prefix):]
    return re.sub(r"\s+", " ", line).strip().rstrip(":").strip()


def seed_units(path) -> list[str]:
    """The sentences of a seed, each as it should read on the site."""
    units = []
    for raw in path.read_text(encoding="utf-8").splitlines():
        for cell in raw.split("\t"):
            line = clean(cell)
            if not re.search(r"[A-Za-z]", line):
                continue
            for sentence in re.split(r"(?<=[.?!])\s+(?=[A-Z“\"‘'(])", line):
                if sentence.strip():
                    units.append(sentence.strip())
    return units


@pytest.fixture(scope="module")
def site_text(site) -> tuple[str, str]:
    pages = [article_text(soup(p)) for p in html_pages(site)]
    joined = "\n".join(pages)
    return joined, joined.lower()


@pytest.mark.parametrize("seed", [PORTFOLIO, C4EO], ids=["portfolio", "c4eo-summary"])
def test_every_sentence_of_the_seed_is_on_the_site(site_text, seed):
    text, lowered = site_text
    missing = []
    for unit in seed_units(seed):
        if unit in text:
            continue
        if len(unit.split()) <= 8 and unit.lower() in lowered:
            continue  # a heading, given sentence case on the site
        missing.append(unit)
    assert not missing, f"{len(missing)} sentences missing, e.g.:\n" + "\n".join(missing[:25])


def test_the_check_would_notice_a_missing_sentence(site_text):
    text, _ = site_text
    assert "Disguised compliance is the most difficult type of resistant behaviour to recognise." in text
    assert "Disguised compliance is the easiest type of resistant behaviour to recognise." not in text


@pytest.mark.skipif(not SHARED_SEEDS.is_dir(), reason="no ../shared/seeds beside this clone")
def test_seed_copies_match_shared():
    for name in ("003_a7fe4d05f0e42523.txt", "000_ffce3c0e9b6d1e4a.txt"):
        assert (SEEDS / name).read_bytes() == (SHARED_SEEDS / name).read_bytes(), name
