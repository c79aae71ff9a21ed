"""Links from a prose page to another page of the site, checked as the build will check them.

mkdocs resolves a link written as a page's file (`../tools/c-change.md`) and, in a strict build, stops on
one it cannot: a page that is not there (an entry renamed), or an address it does not recognise as a page
(`../tools/`), a picture or file content/ does not hold, a section a page does not have. Checked here too,
with the page's line, so `./run validate` finds what the build would stop on. The pages are the prose
pages, each entry page of a kind with a folder, and the printed portfolio's pages, which the build makes.
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


def link_problems(links: list[ProseLink], pages: set[str], media: set[str], sections: dict[str, dict[str, str]], with_macros: set[str]) -> list[DataProblem]:
    """A problem for each link or picture the build would stop on: a page the site will not have, a link it
    cannot tell is a page, a file content/ does not hold, an address outside the site, or a section a page
    without macros does not have (a page with macros may make its own: links_into_sections)."""
    problems = []
    for link in links:
        path, resolved, anchor = _resolved(link)
        if resolved.startswith("../") or resolved == "..":
            problems.append(DataProblem(link.name, link.line, "", f"the address '{link.target}' leads outside the site's pages (content/); link only to pages and files in it"))
        elif path.endswith(".md"):
            if resolved not in pages:
                problems.append(DataProblem(link.name, link.line, "", f"the link '{link.target}' leads to no page of the site: there is no {resolved}{did_you_mean(resolved, pages)}"))
            elif anchor and resolved in sections and resolved not in with_macros and anchor not in sections[resolved]:
                problems.append(DataProblem(link.name, link.line, "", f"the link '{link.target}' leads to no section of {resolved}: it has no heading '#{anchor}'{did_you_mean(anchor, sections[resolved])}"))
        elif path.endswith("/") or not posixpath.splitext(path)[1]:
            page = f"{resolved}.md" if f"{resolved}.md" in pages else f"{resolved}/index.md"
            hint = f"; write it as the page's file, '{posixpath.relpath(page, posixpath.dirname(link.src) or '.')}'" if page in pages else ""
            problems.append(DataProblem(link.name, link.line, "", f"the link '{link.target}' is not written as a page's file (ending in .md), so the build cannot check it{hint}"))
        elif resolved not in media:
            problems.append(DataProblem(link.name, link.line, "", f"there is no file content/{resolved} for '{link.target}'{did_you_mean(resolved, media)}"))
    return problems


def links_into_sections(links: list[ProseLink], sections: dict[str, dict[str, str]], with_macros: set[str]) -> list[tuple[ProseLink, str, str]]:
    """Each link to a section of a page with macro calls that the page's own text does not make, with the page
    and the section: its macros may make it, so only rendering the page can tell (render/prose_calls.py)."""
    found = []
    for link in links:
        path, resolved, anchor = _resolved(link)
        if anchor and path.endswith(".md") and resolved in with_macros and anchor not in sections.get(resolved, {}):
            found.append((link, resolved, anchor))
    return found


def _resolved(link: ProseLink) -> tuple[str, str, str]:
    """The link's path as written, the page or file it leads to (from content/), and its section."""
    path, _, anchor = link.target.partition("?")[0].partition("#")
    return path, posixpath.normpath(posixpath.join(posixpath.dirname(link.src), path)), anchor
