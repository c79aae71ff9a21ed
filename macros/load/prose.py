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
from pydantic import ValidationError

from ..model.kinds import CITED, KINDS
from ..model.pages import PageFields
from ..model.prose_macros import MACROS, VARIABLES
from ..model.rendered import prose_problems
from .errors import DataError, DataProblem, did_you_mean
from .links import CITE, strings, unknown_citation
from .prose_links import link_problems, page_links
from .prose_template import read_calls
from .reasons import reason
from .yaml_source import read_yaml_text

H1 = re.compile(r"^# (.+)$", re.MULTILINE)
HEADING = re.compile(r"^#{1,6}[ \t]+(.+?)[ \t]*(\{[^}]*\})?[ \t]*#*$", re.MULTILINE)
CODE_BLOCK = re.compile(r"^```.*?^```", re.MULTILINE | re.DOTALL)
JINJA = re.compile(r"\{\{.*?\}\}|\{%.*?%\}|\{#.*?#\}", re.DOTALL)
FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?\n)?(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.DOTALL)
PLACING = {kind.placed_by: kind for kind in KINDS if kind.placed_by and not kind.single}
LISTED = {kind.name for kind in KINDS if not kind.single}
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
    jinja: set[str] = field(default_factory=set)  # pages whose text holds macro calls (or other Jinja), which mkdocs-macros renders


def scan_prose(docs_dir: Path, display_root: Path, known: dict[str, set[str]]) -> tuple[ProseIndex, list[DataProblem]]:
    """Read every page; `known` holds the ids written in data/ for each kind."""
    index = ProseIndex()
    cited: dict[str, set[str]] = defaultdict(set)
    problems: list[DataProblem] = []
    references = known.get(CITED.name, set())
    links = []
    for path in sorted(docs_dir.rglob("*.md")):
        src = path.relative_to(docs_dir).as_posix()
        name = path.relative_to(display_root).as_posix() if path.is_relative_to(display_root) else str(path)
        text = path.read_text(encoding="utf-8-sig")
        fields, found = _front_matter(text, name)
        problems += found
        if fields and fields.keywords:
            index.keywords[src] = list(fields.keywords)
        if fields and fields.needs:
            index.needs[src] = fields.needs
        if fields and fields.pdf:
            index.pdfs[src] = fields.pdf
        heading = H1.search(text)
        index.titles[src] = heading.group(1).strip() if heading else ""
        index.sections[src] = headings(text)
        body = _without_front_matter(text)
        calls, mistakes = read_calls(body)
        if JINJA.search(body):
            index.jinja.add(src)
        problems += [DataProblem(name, mistake.line, "", mistake.reason) for mistake in mistakes]
        for call in calls:
            problems += _place(index, src, name, call, known)
        problems += _html_problems(body, name)
        links += page_links(JINJA.sub(lambda m: "\n" * m.group(0).count("\n"), body), name, src)
        for match in CITE.finditer(text):
            ref = match.group(1)
            if ref in references:
                cited[ref].add(src)
            else:
                problems.append(DataProblem(name, _line(text, match.start()), "", unknown_citation(ref, references)))
    index.cited.update(cited)
    _list_unlisted_kinds(index)
    entry_pages = {kind.src(entry_id) for kind in KINDS if kind.folder for entry_id in known.get(kind.name, ())}
    return index, problems + link_problems(links, set(index.titles) | entry_pages)


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


def _place(index: ProseIndex, src: str, name: str, call, known: dict[str, set[str]]) -> list[DataProblem]:
    """What one macro call means for the page: the script it needs, the kind it shows whole, the entry it places."""
    script = SCRIPTS.get(call.name)
    if script and script not in index.scripts.get(src, []):
        index.scripts.setdefault(src, []).append(script)
    whole = SHOWING.get(call.name)
    if whole is not None and src not in index.shown.setdefault(whole.name, []):
        index.shown[whole.name].append(src)
    kind = PLACING.get(call.name)
    if kind is None:
        return []
    entry_id, ids = call.args[0], known.get(kind.name, set())
    if entry_id in ids:
        index.placements.setdefault((kind.name, entry_id), src)
        return []
    return [DataProblem(name, call.line, f"{call.name}('{entry_id}')", f"unknown {kind.label} '{entry_id}'{did_you_mean(entry_id, ids)}")]


def _without_front_matter(text: str) -> str:
    """The page as mkdocs-macros renders it, its front matter left as blank lines so that lines still count from the file's top."""
    match = FRONT_MATTER.match(text)
    return "\n" * match.group(0).count("\n") + text[match.end():] if match else text


def _html_problems(body: str, name: str) -> list[DataProblem]:
    """The page's own Markdown and HTML, its macro calls left out, judged by the allowlist every page passes."""
    plain = JINJA.sub(lambda m: "\n" * m.group(0).count("\n"), body)
    found = []
    for problem in prose_problems(plain):
        needle = problem.needle.lower()
        line = next((number for number, text in enumerate(body.splitlines(), 1) if needle in unescape(text).lower()), 1)
        found.append(DataProblem(name, line, "", problem.reason))
    return found


def headings(markdown: str) -> dict[str, str]:
    """Each heading's anchor and text, as mkdocs' table of contents makes them (an explicit `{#id}` wins)."""
    found: dict[str, str] = {}
    for match in HEADING.finditer(CODE_BLOCK.sub("", FRONT_MATTER.sub("", markdown))):
        text, attributes = match.group(1), match.group(2) or ""
        explicit = re.search(r"#([\w-]+)", attributes)
        plain = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text).replace("*", "").replace("`", "").strip()
        found.setdefault(explicit.group(1) if explicit else slugify(plain, "-"), plain)
    return found


def _line(text: str, offset: int) -> int:
    return text.count("\n", 0, offset) + 1


def _front_matter(text: str, name: str) -> tuple[PageFields | None, list[DataProblem]]:
    """The fields the site reads from a page's front matter (review dates, keywords, `needs`), checked
    where written: `needs` must name a kind of entries."""
    match = FRONT_MATTER.match(text)
    if not match or not (match.group(1) or "").strip():
        return None, []
    try:
        source = read_yaml_text(match.group(1), name, first_line=2)
    except DataError as exc:
        return None, list(exc.problems)
    try:
        fields = PageFields.model_validate(source.data)
    except ValidationError as exc:
        return None, [source.problem(*reason(error, PageFields)) for error in exc.errors(include_url=False)]
    if fields.needs is not None and fields.needs not in LISTED:
        return None, [source.problem(("needs",), f"'{fields.needs}' is not a kind of entries{did_you_mean(fields.needs, LISTED)}")]
    problems = _names_and_macros(source)
    return (None if problems else fields), problems


def _names_and_macros(source) -> list[DataProblem]:
    """Front matter is read as it is, never rendered, and its fields become names a page's macros see:
    so no macro syntax in its values, no field named like a macro, and no quote in the description
    (the theme writes it into an attribute unescaped)."""
    problems = []
    for key in source.data:
        if key in MACROS or key in VARIABLES:
            problems.append(source.problem((key,), f"'{key}' is the name of a macro pages call; a page's front matter may not use it"))
    for loc, value in strings(source.data):
        if any(mark in value for mark in ("{{", "{%", "{#")):
            problems.append(source.problem(loc, "front matter cannot hold macros ('{{', '{%' or '{#'); write plain text"))
    description = source.data.get("description")
    if isinstance(description, str) and '"' in description:
        problems.append(source.problem(("description",), "a description may not hold a double quote (\"); use ’ or ‘ instead"))
    return problems

