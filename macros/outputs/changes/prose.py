"""The prose pages then and now: pages added or removed, and each changed page's sections (by Markdown
heading) whose words changed, with the page's settings (front matter) and review dates.

A section runs from its heading to the next heading of any level; the text before a page's first heading
is a section of its own. Sections are matched in order by their headings, so a reworded heading is the same
section renamed, and a heading added between two others is a section added.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from ...load.errors import DataError
from ...load.prose_files import read_pages
from ...load.prose_front_matter import FRONT_MATTER
from ...load.yaml_source import read_yaml_text
from ...render.pages import url_of
from .compare import REVIEW_FIELDS, field_changes
from .diff import pairs, same_words, word_diff
from .records import DateMove, PageChange, SectionChange
from .values import plain

_ATX = re.compile(r"^ {0,3}(#{1,6})(?:[ \t]+(.*?))?[ \t]*$")
_CLOSING = re.compile(r"(?:^|[ \t]+)#+$")
_ATTRIBUTES = re.compile(r"[ \t]*\{[^}]*\}$")
_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")


def page_texts(content_dir: Path) -> dict[str, str]:
    """Each page of `content_dir` (by its path from it) and its text; none when there is no such folder."""
    if not content_dir.is_dir():
        return {}
    pages, _, _ = read_pages(content_dir, content_dir.parent)
    return {page.src: page.text for page in pages}


def front_matter(text: str) -> tuple[dict[str, Any], str]:
    """A page's front matter (its fields, or none when it cannot be read) and the rest of its text."""
    match = FRONT_MATTER.match(text)
    if not match:
        return {}, text
    try:
        fields = read_yaml_text(match.group(1) or "", "front matter", first_line=2).data
    except DataError:
        fields = {}
    return (plain(fields) if isinstance(fields, dict) else {}), text[match.end():]


def sections(body: str) -> list[tuple[str, str]]:
    """The page's sections in order, each (heading, text): headings outside fenced code, without their
    closing hashes or attribute list ({#id}); the text before the first heading under the heading ""."""
    found: list[tuple[str, list[str]]] = [("", [])]
    fence = ""
    for line in body.splitlines():
        opening = _FENCE.match(line)
        if fence:
            fence = "" if opening and opening.group(1)[0] == fence[0] and len(opening.group(1)) >= len(fence) else fence
        elif opening:
            fence = opening.group(1)
        else:
            heading = _ATX.match(line)
            if heading:
                found.append((_ATTRIBUTES.sub("", _CLOSING.sub("", heading.group(2) or "")).strip(), []))
                continue
        found[-1][1].append(line)
    texts = [(heading, "\n".join(lines).strip()) for heading, lines in found]
    return texts if texts[0][1] else texts[1:]


def first_heading(text: str, src: str) -> str:
    return next((heading for heading, _ in sections(front_matter(text)[1]) if heading), src)


def compare_pages(old: dict[str, str], new: dict[str, str], titles: dict[str, str] | None = None) -> tuple[tuple[PageChange, ...], tuple[DateMove, ...]]:
    """Every page added, removed or changed, in path order, and every review date moved in front matter.
    `titles`: the pages' titles as the site shows them (the loaded prose's), else each page's first heading."""
    titles = titles or {}
    changes, moves = [], []
    for src in sorted(set(old) | set(new)):
        title = titles.get(src) or first_heading(new.get(src) or old.get(src, ""), src)
        if src not in old:
            changes.append(PageChange(src, title, "added", url_of(src), _whole(new[src], "added")))
        elif src not in new:
            changes.append(PageChange(src, title, "removed", url_of(src), _whole(old[src], "removed")))
        else:
            page, moved = _compared(src, title, old[src], new[src])
            changes += [page] if page else []
            moves += moved
    return tuple(changes), tuple(moves)


def _whole(text: str, status) -> tuple[SectionChange, ...]:
    """Every section of a page added or removed, its text all inserted or all deleted."""
    return tuple(SectionChange(heading, status, word_diff("", body) if status == "added" else word_diff(body, ""))
                 for heading, body in sections(front_matter(text)[1]))


def _compared(src: str, title: str, old: str, new: str) -> tuple[PageChange | None, list[DateMove]]:
    (old_fields, old_body), (new_fields, new_body) = front_matter(old), front_matter(new)
    moves = [DateMove("", title, name, old_fields.get(name) or None, new_fields.get(name) or None, url_of(src), src)
             for name in REVIEW_FIELDS if (old_fields.get(name) or None) != (new_fields.get(name) or None)]
    names = [name for name in dict.fromkeys([*new_fields, *old_fields]) if name not in REVIEW_FIELDS]
    settings = tuple(field_changes(names, old_fields, new_fields))
    before, after = sections(old_body), sections(new_body)
    changed = []
    for i, j in pairs([heading for heading, _ in before], [heading for heading, _ in after]):
        if i is None:
            changed.append(SectionChange(after[j][0], "added", word_diff("", after[j][1])))
        elif j is None:
            changed.append(SectionChange(before[i][0], "removed", word_diff(before[i][1], "")))
        elif not (same_words(before[i][1], after[j][1]) and before[i][0] == after[j][0]):
            renamed = before[i][0] if before[i][0] != after[j][0] else None
            changed.append(SectionChange(after[j][0], "changed", word_diff(before[i][1], after[j][1]), renamed))
    if not changed and not settings:
        return None, moves
    return PageChange(src, title, "changed", url_of(src), tuple(changed), settings), moves
