"""Links from a prose page to another page of the site, checked as the build will check them.

mkdocs resolves a link written as a page's file (`../tools/c-change.md`) and, in a strict build, stops on
one it cannot: a page that is not there (an entry renamed), or an address it does not recognise as a page
(`../tools/`). Checked here too, with the page's line, so `./run validate` finds what the build would
stop on. The pages are the prose pages, each entry page of a kind with a folder, and the printed
portfolio's pages, which the build makes.
"""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass

from .errors import DataProblem, did_you_mean

_CODE = re.compile(r"^```.*?^```|`[^`\n]*`", re.MULTILINE | re.DOTALL)
_INLINE = re.compile(r"\]\(\s*<?([^)\s>]*)")
_DEFINITION = re.compile(r"^[ \t]*\[[^\]\n]+\]:[ \t]*<?([^\s>]+)", re.MULTILINE)
_SCHEME = re.compile(r"[a-zA-Z][a-zA-Z0-9+.-]*:")
PRINTED = "print.md"  # the whole portfolio to print, and print/<part>.md, made by the build


@dataclass(frozen=True)
class ProseLink:
    name: str  # the page's file, as messages show it
    src: str  # the page's source path, which relative links start from
    line: int
    target: str


def page_links(body: str, name: str, src: str) -> list[ProseLink]:
    """Every link a page writes to another file of the site (not web, mail or telephone addresses, citations or anchors on the page)."""
    text = _CODE.sub(lambda m: "\n" * m.group(0).count("\n"), body)
    found = []
    for pattern in (_INLINE, _DEFINITION):
        for match in pattern.finditer(text):
            target = match.group(1)
            if target and not target.startswith("#") and not _SCHEME.match(target):
                found.append(ProseLink(name, src, text.count("\n", 0, match.start()) + 1, target))
    return found


def link_problems(links: list[ProseLink], pages: set[str]) -> list[DataProblem]:
    """A problem for each link to a page the site will not have, or written so the build cannot tell it is a page."""
    problems = []
    for link in links:
        path = link.target.partition("#")[0].partition("?")[0]
        resolved = posixpath.normpath(posixpath.join(posixpath.dirname(link.src), path))
        if path.endswith(".md"):
            if resolved not in pages and resolved != PRINTED and not resolved.startswith("print/"):
                shown = resolved if not resolved.startswith("..") else link.target
                problems.append(DataProblem(link.name, link.line, "", f"the link '{link.target}' leads to no page of the site: there is no {shown}{did_you_mean(resolved, pages)}"))
        elif path.endswith("/") or not posixpath.splitext(path)[1]:
            page = f"{resolved}.md" if f"{resolved}.md" in pages else f"{resolved}/index.md"
            hint = f"; write it as the page's file, '{posixpath.relpath(page, posixpath.dirname(link.src) or '.')}'" if page in pages else ""
            problems.append(DataProblem(link.name, link.line, "", f"the link '{link.target}' is not written as a page's file (ending in .md), so the build cannot check it{hint}"))
    return problems
