"""Every sentence of both seed documents appears on the real portfolio's built site, as the seed has it.

The seeds are plain text extracted from PDFs, so each line is cleaned of PDF artefacts
(Markdown emphasis, list markers, table labels, "Page N") and split into sentences; a line
the PDF broke across a page is still found, because each part is a substring of the joined
sentence. Short headings are compared ignoring case, since the site gives them sentence case.

The check reads from the seeds to the real portfolio's site, so an editor's additions never fail it; and a
course of the seed that the real data no longer has (its committee withdrew it) is excused, with its lines.
"""

from __future__ import annotations

import re

import pytest

from macros.load import load_site_data
from tests.helpers import ROOT, SEEDS, SHARED_SEEDS, article_text, html_pages, soup

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
    return line_units(path.read_text(encoding="utf-8").splitlines())


def line_units(lines: list[str]) -> list[str]:
    """The sentences of some lines of a seed, each as it should read on the site."""
    units = []
    for raw in lines:
        for cell in raw.split("\t"):
            line = clean(cell)
            if not re.search(r"[A-Za-z]", line):
                continue
            for sentence in re.split(r"(?<=[.?!])\s+(?=[A-Z“\"‘'(])", line):
                if sentence.strip():
                    units.append(sentence.strip())
    return units


COURSE_TITLE = re.compile(r"^Course Title [-–] (.+)$")
COURSES_END = "Training Resources"


def seed_courses(path) -> dict[str, list[str]]:
    """Each course of a seed's Learning and Development section, by title: its lines, from its provider's heading
    (the line above its title, in capitals) to the next course's heading, the last up to the training resources."""
    lines = path.read_text(encoding="utf-8").splitlines()
    titles = [(n, match.group(1).strip()) for n, line in enumerate(lines) if (match := COURSE_TITLE.match(line.strip()))]
    if not titles:
        return {}
    starts = []
    for n, _ in titles:
        above = next((m for m in range(n - 1, -1, -1) if lines[m].strip()), n)
        starts.append(above if lines[above].strip().isupper() else n)
    end = next(n for n in range(titles[-1][0], len(lines)) if lines[n].strip() == COURSES_END)
    return {title: lines[start:stop] for (_, title), start, stop in zip(titles, starts, starts[1:] + [end])}


def withdrawn_units(seed) -> set[str]:
    """The sentences of the seed's courses that the real data no longer has (an editor withdrew them)."""
    offered = {re.sub(r"\s+", " ", course.title).strip() for course in load_site_data(ROOT / "data").courses}
    return {unit for title, lines in seed_courses(seed).items() if re.sub(r"\s+", " ", title) not in offered for unit in line_units(lines)}


def test_the_portfolio_seed_has_its_courses():
    courses = seed_courses(PORTFOLIO)
    assert courses and all(lines for lines in courses.values())
    assert all(len(line_units(lines)) > 2 for lines in courses.values())  # a heading, a title and what the course is


@pytest.fixture(scope="module")
def site_text(real_site) -> tuple[str, str]:
    """The text of every page of the real portfolio's site (the seeds are its text, not the fixture's)."""
    pages = [article_text(soup(p)) for p in html_pages(real_site)]
    assert pages
    joined = "\n".join(pages)
    return joined, joined.lower()


@pytest.mark.parametrize("seed", [PORTFOLIO, C4EO], ids=["portfolio", "c4eo-summary"])
def test_every_sentence_of_the_seed_is_on_the_site(site_text, seed):
    text, lowered = site_text
    missing = []
    withdrawn = withdrawn_units(seed)
    assert seed_units(seed)
    for unit in seed_units(seed):
        if unit in text:
            continue
        if len(unit.split()) <= 8 and unit.lower() in lowered:
            continue  # a heading, given sentence case on the site
        if unit in withdrawn:
            continue  # a course the committee no longer offers
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
