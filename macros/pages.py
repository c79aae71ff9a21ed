"""Which data kinds get a page of their own, where, and through which template.

To give a new kind its pages: add its model (models.py), a template in
`overrides/portfolio/`, and one `EntryPages` line here. Nothing else lists entries, so the
sidebar never grows with the data (a nav of every entry makes builds quadratic).
"""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class EntryPages:
    """A data kind rendered as one page per entry at `<folder>/<id>/`."""

    kind: str
    folder: str
    template: str
    searchable: bool = True
    qr_code: bool = False  # printed handouts carry a QR code of their address (when SITE_URL is set)

    def src(self, entry_id: str) -> str:
        return f"{self.folder}/{entry_id}.md"


ENTRY_PAGES = [
    EntryPages("resistance_types", "resistance", "resistance_type.md"),
    EntryPages("case_studies", "case-studies", "case_study.md", qr_code=True),
    EntryPages("courses", "courses", "course.md"),
    EntryPages("training_resources", "training-resources", "training_resource.md"),
    EntryPages("tools", "tools", "tool.md"),
    EntryPages("resources", "resources", "resource.md"),
    EntryPages("question_sets", "checklists", "checklist.md", searchable=False),
]
PAGES_BY_KIND = {pages.kind: pages for pages in ENTRY_PAGES}

BIBLIOGRAPHY = "references/index.md"
PRINT_PAGE = "print.md"

# Index pages after which the whole-portfolio document places each entry of a kind.
ENTRIES_AFTER = {
    "resistance/index.md": ["resistance_types"],
    "case-studies/index.md": ["case_studies"],
    "courses/index.md": ["courses", "training_resources"],
    "tools/index.md": ["tools"],
    "resources/index.md": ["resources"],
}
# Pages that are not part of the printed portfolio (the home page's routes, tools for the screen).
NOT_PRINTED = {"index.md", "tags.md", "appendix/ready-reckoner-blank.md", PRINT_PAGE}

# The opening page of each Part, for links such as key messages -> their Part.
PART_PAGES = {
    1: ("Part One: Definition, Descriptions and Drivers", "part-one/index.md"),
    2: ("Part Two: Case Studies", "case-studies/index.md"),
    3: ("Part Three: Impact", "part-three/index.md"),
    4: ("Part Four: Support", "part-four/index.md"),
    5: ("Part Five: What Works? Tools and Tips", "part-five/index.md"),
    6: ("Part Six: Additional Resources", "resources/index.md"),
}
READY_RECKONER = "appendix/ready-reckoner.md"

# Macros that show one data entry inside a prose page: macro name -> kind.
PLACING_MACROS = {
    "question_set": "question_sets",
    "factor_list": "factor_lists",
    "key_messages": "key_messages",
}
_MACRO_CALL = re.compile(r"\{\{\s*(\w+)\(\s*['\"]([\w-]+)['\"]\s*\)\s*\}\}")


def search_boost(title: str) -> float:
    """Search weight of an entry page: above prose pages, and higher for shorter titles.

    Material's search sets lunr's length normalisation off (b=0), so "Working with
    non-engaging families" matches the query "Non-engaging families" exactly as well as the
    course called "Non-engaging families". Weighting shorter titles slightly restores the
    usual rule that the closest title comes first.
    """
    return round(2 + 0.5 / max(1, len(title.split())), 3)


def placements_in(markdown: str) -> list[tuple[str, str]]:
    """The (kind, id) of each entry a prose page places with a macro call."""
    return [(PLACING_MACROS[name], entry_id) for name, entry_id in _MACRO_CALL.findall(markdown) if name in PLACING_MACROS]
