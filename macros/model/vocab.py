"""Controlled vocabularies: the closed lists that data fields choose from, and their labels.

Filters on the course catalogue are built from these, so a new value is added here once.
"""

from typing import Literal

COURSE_LENGTHS = ("half day", "1 day", "1.5 days", "2 days", "not stated")

AUDIENCES = {
    "frontline": "Front-line staff",
    "managers": "Managers",
    "multi-agency": "Multi-agency groups",
    "single-agency": "Single-agency groups",
    "specific-and-intensive-workforce": "Specific and intensive workforce",
    "all-childcare-professionals": "All childcare professionals",
}

# Cross-cutting themes (Material's tags plugin lists the pages under each on content/tags.md).
# The site's own grouping, not the portfolio's.
TAGS = (
    "disguised compliance",
    "engaging families",
    "staff safety",
    "on-line behaviours",
    "multi-agency working",
    "supervision",
    "assessment",
    "capacity to change",
    "decision-making",
)

NUMBER_WORDS = "One Two Three Four Five Six Seven Eight Nine Ten Eleven Twelve".split()


def number_word(number: int) -> str:
    """Case studies are numbered in words in the portfolio ("One", "Two"); beyond twelve, digits."""
    return NUMBER_WORDS[number - 1] if 0 < number <= len(NUMBER_WORDS) else str(number)


Tag = Literal[TAGS]  # type: ignore[valid-type]
Length = Literal[COURSE_LENGTHS]  # type: ignore[valid-type]
Audience = Literal[tuple(AUDIENCES)]  # type: ignore[valid-type]
