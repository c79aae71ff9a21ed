"""What the prose pages in `content/` say about the data, read before anything renders.

Which entries a page places with a macro call (`{{ question_set('supervision') }}`), each page's
title, which references it cites, its review fields, search keywords, and the kind it needs to have
anything to show (front matter `needs: contacts`: with no entries, the page stays out of the navigation
and search). Mistakes are found here, at load time,
with the page and line: an unknown id in a macro call, an unknown citation, a review date that
is not a date.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from html import unescape
from pathlib import Path

from markdown.extensions.toc import slugify

from ..model.kinds import CITED, KINDS
from ..model.rendered import prose_problems
from ..model.text import one_line_problem
from .errors import DataProblem, did_you_mean
from .links import CITE, unknown_citation
from .prose_files import read_pages
from .prose_front_matter import FRONT_MATTER, read_front_matter, without_front_matter
from .prose_links import page_links
from .prose_template import read_calls

H1 = re.compile(r"^# (.+)$", re.MULTILINE)
HEADING_LINE = re.compile(r"^[ ]{0,3}#{1,6}[ \t]+(.*)$|^[ ]{0,3}(\S.*)\n[ ]{0,3}(?:=+|-+)[ \t]*$", re.MULTILINE)
HEADING = re.compile(r"^#{1,6}[ \t]+(.+?)[ \t]*(\{[^}]*\})?[ \t]*#*$", re.MULTILINE)
CODE_BLOCK = re.compile(r"^```.*?^```", re.MULTILINE | re.DOTALL)
ATTRIBUTE_LIST = re.compile(r"\{:?[ \t]*([.#][^}\n]*)\}")  # `{: #an-id .a-class }` on a paragraph or after a word (attr_list)
HTML_ID = re.compile(r"<[a-zA-Z][^>]*?\sid=[\"']([^\"']+)[\"']")
HTML_HEADING = re.compile(r"<h[1-6]\s[^>]*?\bid=[\"']([^\"']+)[\"'][^>]*>(.*?)</h[1-6]>", re.S | re.I)  # a macro's heading, with its text
HTML_TAG = re.compile(r"<[^>]+>")
JINJA = re.compile(r"\{\{.*?\}\}|\{%.*?%\}|\{#.*?#\}", re.DOTALL)
PLACING = {kind.placed_by: kind for kind in KINDS if kind.placed_by and not kind.single}
SCRIPTS = {macro: kind.script for kind in KINDS if kind.script for macro in (kind.index, kind.placed_by) if macro}
# Macros that show a whole kind: an index (every entry), or the one entry of a single kind.
SHOWING = {kind.index: kind for kind in KINDS if kind.index} | {kind.placed_by: kind for kind in KINDS if kind.placed_by and kind.single}


@dataclass(frozen=True)
class ProseIndex:
    """For each page of `content/` (by source path): its title, what it places, what it cites."""

    titles: dict[str, str] = field(default_factory=dict)
    keywords: dict[str, list[str]] = field(default_factory=dict)  # page -> its front matter's search keywords
    placements: dict[tuple[str, str], str] = field(default_factory=dict)  # (kind, id) -> the first page placing it
    sections: dict[str, dict[str, str]] = field(default_factory=dict)  # page -> {anchor: heading}, as mkdocs makes them
    cited: dict[str, set[str]] = field(default_factory=dict)  # reference id -> pages citing it
    needs: dict[str, str] = field(default_factory=dict)  # page -> the kind whose entries are its content
    scripts: dict[str, list[str]] = field(default_factory=dict)  # page -> the scripts its macros need
    shown: dict[str, list[str]] = field(default_factory=dict)  # kind -> pages showing all of it (index macro, or a single kind's)
    pdfs: dict[str, str] = field(default_factory=dict)  # page -> the PDF of its own that ./run pdf prints (front matter `pdf`)
    generated: dict[str, str] = field(default_factory=dict)  # page the build makes -> the kind it lists (no prose page does)
    links: list = field(default_factory=list)  # every link and picture to a file of the site (prose_links.py), checked once the book is read
    media: set[str] = field(default_factory=set)  # content/'s other files: pictures and documents
    jinja: dict[str, str] = field(default_factory=dict)  # page -> its text, for pages holding macro calls (or other Jinja), which mkdocs-macros renders


def scan_prose(docs_dir: Path, display_root: Path, known: dict[str, set[str]] | None) -> tuple[ProseIndex, list[DataProblem]]:
    """Read every page; `known` holds the ids written in data/ for each kind, or is None while a data file cannot
    be read (which might hold any id): the pages' own mistakes are found all the same, their ids and citations not."""
    index = ProseIndex()
    cited: dict[str, set[str]] = defaultdict(set)
    references = None if known is None else known.get(CITED.name, set())
    pages, media, problems = read_pages(docs_dir, display_root)
    links = []
    for page in pages:
        src, name, text = page.src, page.name, page.text
        fields, found = read_front_matter(text, name)
        problems += found
        if fields and fields.keywords:
            index.keywords[src] = list(fields.keywords)
        if fields and fields.needs:
            index.needs[src] = fields.needs
        if fields and fields.pdf:
            index.pdfs[src] = fields.pdf
        body = without_front_matter(text)
        read = read_calls(body)
        heading = H1.search(body)
        index.titles[src] = heading.group(1).strip() if heading else ""
        index.sections[src] = headings(body)
        if read.calls or read.mistakes or JINJA.search(text):
            index.jinja[src] = body
        problems += [DataProblem(name, mistake.line, "", mistake.reason) for mistake in read.mistakes]
        for call in read.calls:
            problems += _place(index, src, name, call, known)
        in_tags = {mistake.line for mistake in read.mistakes if "inside an HTML tag" in mistake.reason}
        problems += [p for p in _html_problems(read.text, name) if p.line not in in_tags] + _heading_problems(read.text, name)
        links += page_links(read.text, name, src)
        for match in CITE.finditer(text):
            ref = match.group(1)
            if references is None or ref in references:
                cited[ref].add(src)
            else:
                problems.append(DataProblem(name, _line(text, match.start()), "", unknown_citation(ref, references)))
    index.cited.update(cited)
    _list_unlisted_kinds(index)
    problems += _shadowed(index, known, docs_dir.name) if known is not None else []
    index.links.extend(links)
    index.media.update(media)
    return index, problems


def _heading_problems(text: str, name: str) -> list[DataProblem]:
    """A heading becomes the page's title, its menu entry and its contents' line, which the theme writes out
    as they are: so, as in a one-line field of data, no HTML and no character references."""
    problems = []
    for match in HEADING_LINE.finditer(CODE_BLOCK.sub(lambda m: "\n" * m.group(0).count("\n"), text)):
        why = one_line_problem(match.group(1) or match.group(2) or "")
        if why:
            problems.append(DataProblem(name, _line(text, match.start()), "", f"this heading {why}"))
    return problems


def _shadowed(index: ProseIndex, known: dict[str, set[str]], docs_name: str) -> list[DataProblem]:
    """A prose page at an entry page's address (case-studies/one.md), or an entry whose id would make its page
    take a list's address (<folder>/index.md): one of them would be lost."""
    problems = []
    for kind in (kind for kind in KINDS if kind.pages):
        for entry_id in sorted(known.get(kind.name, ())):
            src = kind.src(entry_id)
            if entry_id == "index":
                problems.append(DataProblem(f"{docs_name}/{src}", 1, "", f"the {kind.label} 'index' would take the address of the list of {kind.plural}; give it another id"))
            elif src in index.titles and src not in index.generated:
                problems.append(DataProblem(f"{docs_name}/{src}", 1, "", f"this page has the address of the {kind.label} '{entry_id}''s own page; rename the page"))
    return problems


def _list_unlisted_kinds(index: ProseIndex) -> None:
    """A kind with entry pages and an index macro that no prose page calls gets a page of its own listing
    them, made by the build at <folder>/index.md: so a new kind needs no prose page to be reached."""
    for kind in KINDS:
        src = kind.src("index") if kind.pages and kind.index else None
        if src and not index.shown.get(kind.name) and src not in index.titles:
            index.generated[src] = kind.name
            index.titles[src] = kind.plural.capitalize()
            index.sections[src] = {}
            index.shown[kind.name] = [src]


def _place(index: ProseIndex, src: str, name: str, call, known: dict[str, set[str]] | None) -> list[DataProblem]:
    """What one macro call means for the page: the script it needs, the kind it shows whole, the entry it places."""
    script = SCRIPTS.get(call.name)
    if script and script not in index.scripts.get(src, []):
        index.scripts.setdefault(src, []).append(script)
    whole = SHOWING.get(call.name)
    if whole is not None and src not in index.shown.setdefault(whole.name, []):
        index.shown[whole.name].append(src)
    kind = PLACING.get(call.name)
    if kind is None or known is None:
        return []
    entry_id, ids = call.args[0], known.get(kind.name, set())
    if entry_id in ids:
        index.placements.setdefault((kind.name, entry_id), src)
        return []
    return [DataProblem(name, call.line, f"{call.name}('{entry_id}')", f"unknown {kind.label} '{entry_id}'{did_you_mean(entry_id, ids)}")]


def _html_problems(text: str, name: str) -> list[DataProblem]:
    """The page's own Markdown and HTML (its text as Jinja gives it, the macros' output left out), judged by the
    allowlist every page passes; each problem at the first line holding what it names."""
    found = []
    for problem in prose_problems(text):
        needle = problem.needle.lower()
        line = next((number for number, written in enumerate(text.splitlines(), 1) if needle in unescape(written).lower()), 1)
        found.append(DataProblem(name, line, "", problem.reason))
    return found


def headings(markdown: str) -> dict[str, str]:
    """Each anchor a page has and its heading's text, as mkdocs makes them: a heading's (an explicit `{#id}` wins;
    a repeated one gets `_1`, `_2`), an attribute list's `{: #id }`, an HTML heading's `id` (with its text), and any
    other HTML element's `id` (their text the id itself)."""
    found: dict[str, str] = {}
    text = CODE_BLOCK.sub("", FRONT_MATTER.sub("", markdown))
    for match in HEADING.finditer(text):
        heading, attributes = match.group(1), match.group(2) or ""
        explicit = re.search(r"#([\w-]+)", attributes)
        plain = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", heading).replace("*", "").replace("`", "").strip()
        anchor = explicit.group(1) if explicit else slugify(plain, "-")
        number = 0
        while (f"{anchor}_{number}" if number else anchor) in found:
            number += 1
        found[f"{anchor}_{number}" if number else anchor] = plain
    for attributes in ATTRIBUTE_LIST.findall(text):
        for anchor in re.findall(r"#([\w-]+)", attributes):
            found.setdefault(anchor, anchor)
    for anchor, inner in HTML_HEADING.findall(text):
        found.setdefault(unescape(anchor), " ".join(unescape(HTML_TAG.sub("", inner)).split()) or unescape(anchor))
    for anchor in HTML_ID.findall(text):
        found.setdefault(unescape(anchor), unescape(anchor))
    return found


def _line(text: str, offset: int) -> int:
    return text.count("\n", 0, offset) + 1
