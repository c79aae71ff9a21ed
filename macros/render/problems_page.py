"""The page the preview (`./run serve`) shows at every address while the site cannot be built.

An editor looks at the browser, not the terminal: when a saved file has a mistake, the preview answers
with this page, listing every problem the build reported, each as its own item with its file, line and
field, what is wrong and what to do, and the parser's own words when there are any. The messages are
the ones the terminal shows (macros/load/errors.py writes them `file:line: field: reason`); this module
only reads them into items and renders overrides/portfolio/preview_error.html, autoescaped, since a
message quotes what the editor typed.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable
from dataclasses import dataclass, replace
from pathlib import Path

from ..load.errors import DataError
from ..load.loader import LOCAL_DIR
from ..load.yaml_source import read_yaml
from .templates import make_environment, render

TEMPLATE = "preview_error.html"
DEFAULT_SITE_NAME = "Working with Resistance"
# `file:line: the rest`, as DataProblem writes it; a file name holds no colon, a line is digits.
_LOCATED = re.compile(r"(?P<file>[^\s:][^:]*):(?P<line>\d+): (?P<rest>.+)")
# A field path at the start of the rest, as format_loc writes it: `case_studies[3].illustrates[0]: ...`.
_FIELD = re.compile(r"(?P<field>[a-z_][\w-]*(?:\.[\w-]+|\[\d+\])*): (?P<rest>.+)")
# The heading of the build's own report of data problems (engine/start.py `report`): the page has its own.
_DATA_HEADING = re.compile(r"The data has (?:a problem|\d+ problems); nothing was built:")
# What mkdocs says when it stops after reporting problems ("Aborted with a BuildError!", "Aborted with
# 2 warnings in strict mode!"): a summary of messages already collected, not a problem of its own.
_SUMMARY = re.compile(r"Aborted with .*!")


@dataclass(frozen=True)
class Problem:
    """One problem, as the page lists it."""

    text: str  # what is wrong, and what to do
    file: str = ""
    line: int = 0
    field: str = ""  # the field path, for a data file's problem
    detail: str = ""  # the parser's own words (a message's indented lines)
    context: str = ""  # what the build was doing ("A page could not be generated")

    @property
    def where(self) -> str:
        return f"{self.file}:{self.line}" if self.file else ""


def is_summary(message: str) -> bool:
    """True for mkdocs' closing line after problems it has already logged."""
    return bool(_SUMMARY.fullmatch(message.strip()))


def read_problems(messages: Iterable[str]) -> list[Problem]:
    """Each message's problems, in order: a message's first line ending in ':' is what the build was doing,
    each other line a problem, and an indented line the parser's words on the problem before it."""
    problems: list[Problem] = []
    for message in messages:
        lines = [line.rstrip() for line in message.splitlines() if line.strip()]
        context = ""
        if len(lines) > 1 and lines[0].endswith(":") and not _LOCATED.fullmatch(lines[0]):
            heading, lines = lines[0], lines[1:]
            context = "" if _DATA_HEADING.fullmatch(heading) else heading.removesuffix(":")
        first = len(problems)
        for line in lines:
            if line[0].isspace() and len(problems) > first:
                problems[-1] = replace(problems[-1], detail="\n".join(filter(None, (problems[-1].detail, line.strip()))))
            else:
                problems.append(_problem(line.strip(), context))
    return problems


def _problem(line: str, context: str) -> Problem:
    located = _LOCATED.fullmatch(line)
    if not located:
        return Problem(line, context=context)
    rest = located["rest"]
    field = _FIELD.fullmatch(rest)
    if field:
        return Problem(field["rest"], located["file"], int(located["line"]), field["field"], context=context)
    return Problem(rest, located["file"], int(located["line"]), context=context)


# When a failed build said nothing the page can show (it should not happen: every failure logs or raises words).
UNSAID = "The site could not be built, and the build did not say why; the terminal where ./run serve runs may say more."


def build_problems(messages: Iterable[str]) -> list[Problem]:
    """A failed build's problems, from the messages it logged and raised, in order and each once: mkdocs'
    closing summary is left out, and a message that only introduces the next ("Error building page 'x.md':") becomes the
    context of the problems that follow it."""
    problems: list[Problem] = []
    introduced = ""
    for message in (message.strip() for message in messages):
        if not message or is_summary(message):
            continue
        if "\n" not in message and message.endswith(":") and not _LOCATED.match(message):
            introduced = message.removesuffix(":")
            continue
        problems += [problem if problem.context else replace(problem, context=introduced) for problem in read_problems([message])]
        introduced = ""
    once: dict[Problem, Problem] = {}
    for problem in problems:  # a problem logged, then raised again without the page it was on: the first telling
        once.setdefault(replace(problem, context=""), problem)
    return list(once.values()) or [Problem(UNSAID, context=introduced)]


def heading(count: int) -> str:
    return "The preview has a problem" if count == 1 else f"The preview has {count} problems"


def fingerprint(problems: list[Problem]) -> str:
    """Names a list of problems, so that the page can tell when the preview's problems have changed."""
    return hashlib.sha256(repr(problems).encode()).hexdigest()[:16]


def problems_page(template_dir: Path, problems: list[Problem], site_name: str, live: bool, nonce: str = "") -> str:
    """The page's HTML (overrides/portfolio/preview_error.html); `live`: the preview rebuilds when a file is saved
    (the page then reloads itself once the problems change); `nonce`: what the response's Content-Security-Policy
    lets run, the page's own style and script."""
    env = make_environment(template_dir, {})
    return render(env, TEMPLATE, problems=problems, heading=heading(len(problems)), site_name=site_name, live=live,
                  nonce=nonce, fingerprint=fingerprint(problems))


def problems_text(problems: list[Problem]) -> str:
    """The problems as the terminal writes them, one `file:line: field: reason` each: the page when its own
    template cannot be rendered."""
    lines = [heading(len(problems))]
    for problem in problems:
        where = ": ".join(filter(None, (problem.where, problem.field)))
        lines.append(f"{where}: {problem.text}" if where else problem.text)
        lines += [f"    {line}" for line in problem.detail.splitlines()]
    return "\n".join(lines) + "\n"


def known_site_name(data_dir: Path) -> str | None:
    """The committee's site name, read from data/local/site.yml or data/site.yml as they are now, when a
    build that failed could not say it; None when neither gives one."""
    for path in (data_dir / LOCAL_DIR / "site.yml", data_dir / "site.yml"):
        try:
            site = read_yaml(path, path.name).data.get("site")
        except (OSError, DataError, AttributeError):
            continue
        name = site.get("site_name") if isinstance(site, dict) else None
        if isinstance(name, str) and name.strip():
            return " ".join(name.split())[:200]
    return None
