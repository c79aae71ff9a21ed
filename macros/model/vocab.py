"""Controlled vocabularies: the closed lists that data fields choose from, and their labels.

Filters on the course catalogue are built from these, so a new value is added here once.
"""

from datetime import date
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
TAGS_HELP = ("Themes it belongs to, from the site's list (e.g. [engaging families, assessment]): the Themes page lists it under each. "
             "The site's own grouping, not the portfolio's.")

NUMBER_WORDS = "One Two Three Four Five Six Seven Eight Nine Ten Eleven Twelve".split()


def number_word(number: int) -> str:
    """Case studies are numbered in words in the portfolio ("One", "Two"); beyond twelve, digits."""
    return NUMBER_WORDS[number - 1] if 0 < number <= len(NUMBER_WORDS) else str(number)


MONTHS = "January February March April May June July August September October November December".split()


def long_date(day: date | str) -> str:
    """A date as readers in the UK write it, "6 December 2026": never 2026-12-06, which reads as a code."""
    day = date.fromisoformat(day) if isinstance(day, str) else day
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def date_range(first: date, last: date) -> str:
    """Days from `first` to `last` as readers write them: 3 March 2027, 3 to 4 March 2027, 30 March to 2 April 2027."""
    if first == last:
        return long_date(first)
    if (first.year, first.month) == (last.year, last.month):
        return f"{first.day} to {long_date(last)}"
    if first.year == last.year:
        return f"{first.day} {MONTHS[first.month - 1]} to {long_date(last)}"
    return f"{long_date(first)} to {long_date(last)}"


Tag = Literal[TAGS]  # type: ignore[valid-type]
Length = Literal[COURSE_LENGTHS]  # type: ignore[valid-type]
Audience = Literal[tuple(AUDIENCES)]  # type: ignore[valid-type]
