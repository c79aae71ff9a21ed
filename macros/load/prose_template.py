"""A prose page's macro calls, read with Jinja's own parser, and everything else in its Jinja refused.

mkdocs-macros renders each page as a Jinja template, where any expression could read the build's
Python objects or run a program. Each page is parsed here first (`Environment.parse`, the parser that
will render it), and only what model/prose_macros.py allows may appear: a call of a registered macro
whose arguments are literal text, and the values it lists. Anything else is a problem with the page's
line, found by `./run validate` and the build alike, before anything renders.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from jinja2 import Environment, TemplateSyntaxError, nodes

from ..model.prose_macros import MACROS, SETTING_PATHS, VARIABLES
from .errors import did_you_mean

_ENV = Environment()  # mkdocs-macros' defaults: {{ }}, {% %}, {# #}
_STATEMENT = {
    nodes.For: "{% for %}", nodes.If: "{% if %}", nodes.Macro: "{% macro %}", nodes.Assign: "{% set %}", nodes.AssignBlock: "{% set %}",
    nodes.Include: "{% include %}", nodes.Import: "{% import %}", nodes.FromImport: "{% from %}", nodes.Extends: "{% extends %}",
    nodes.Block: "{% block %}", nodes.FilterBlock: "{% filter %}", nodes.With: "{% with %}", nodes.CallBlock: "{% call %}",
}
ALLOWED = "a page may call the site's macros with text in quotes, e.g. {{ question_set('supervision') }}, and show {{ build_date }}; nothing else"


@dataclass(frozen=True)
class MacroCall:
    """One macro call found in a page: its name, its literal arguments, and its line."""

    name: str
    args: tuple[str, ...]
    line: int


@dataclass(frozen=True)
class Mistake:
    line: int
    reason: str


@dataclass(frozen=True)
class ReadPage:
    """What a page's Jinja says: its macro calls, its mistakes, and its text as Jinja gives it, without the
    macros' output (comments and whitespace control applied, raw blocks kept), each part on its own line."""

    calls: list[MacroCall]
    mistakes: list[Mistake]
    text: str


@functools.lru_cache(maxsize=512)  # the preview reads every prose page again on every save; most have not changed
def read_calls(text: str) -> ReadPage:
    """The macro calls in a page's Markdown (front matter blanked, so lines count from the file's top)."""
    try:
        template = _ENV.parse(text)
    except TemplateSyntaxError as exc:
        return ReadPage([], [Mistake(exc.lineno or 1, _syntax_reason(exc))], text)
    calls: list[MacroCall] = []
    mistakes: list[Mistake] = []
    pieces: list[tuple[int, str]] = []
    for node in template.body:
        if isinstance(node, nodes.Output):
            for part in node.nodes:
                if isinstance(part, nodes.TemplateData):
                    pieces.append((part.lineno, part.data))
                else:
                    if _in_a_tag(pieces):
                        mistakes.append(Mistake(part.lineno, "a macro call inside an HTML tag (an address or another attribute) is not allowed; "
                                                             "write the tag in Markdown, or put the call outside it"))
                    _expression(part, calls, mistakes)
        else:
            what = _STATEMENT.get(type(node), "a Jinja statement")
            mistakes.append(Mistake(node.lineno, f"{what} is not allowed in a page: {ALLOWED}"))
    return ReadPage(calls, mistakes, _lined(pieces))


def _in_a_tag(pieces: list[tuple[int, str]]) -> bool:
    """True when the page's text so far ends inside an HTML tag (a '<' opened after the last '>')."""
    before = "".join(data for _, data in pieces[-3:])
    return before.rfind("<") > before.rfind(">") and bool(re.search(r"<[A-Za-z/!?][^>]*$", before))


def _lined(pieces: list[tuple[int, str]]) -> str:
    """The pieces of text, each starting on the line it starts on in the page."""
    out, line = [], 1
    for start, data in pieces:
        if start > line:
            out.append("\n" * (start - line))
            line = start
        out.append(data)
        line += data.count("\n")
    return "".join(out)


def _expression(node: nodes.Node, calls: list[MacroCall], mistakes: list[Mistake]) -> None:
    if isinstance(node, nodes.Name) and node.name in VARIABLES:
        return
    if isinstance(node, nodes.Name):
        mistakes.append(Mistake(node.lineno, f"'{node.name}' is not a value a page may show{did_you_mean(node.name, [*VARIABLES, *MACROS])}: {ALLOWED}"))
        return
    if not (isinstance(node, nodes.Call) and isinstance(node.node, nodes.Name)):
        mistakes.append(Mistake(node.lineno, f"'{_shown(node)}' is not a macro call: {ALLOWED}"))
        return
    name = node.node.name
    macro = MACROS.get(name)
    if macro is None:
        mistakes.append(Mistake(node.lineno, f"unknown macro '{name}'{did_you_mean(name, MACROS)}: {ALLOWED}"))
        return
    given = list(node.args)
    wanted = 1 if macro.parameter else 0
    if node.kwargs or node.dyn_args or node.dyn_kwargs or len(given) != wanted:
        mistakes.append(Mistake(node.lineno, f"{name}() takes {'one text in quotes' if wanted else 'nothing between its brackets'}: write {macro.usage()}"))
        return
    if not all(isinstance(arg, nodes.Const) and isinstance(arg.value, str) for arg in given):
        mistakes.append(Mistake(node.lineno, f"{name}() takes text in quotes, not a value worked out by Jinja: write {macro.usage()}"))
        return
    args = tuple(arg.value for arg in given)
    if name == "setting" and args[0] not in SETTING_PATHS:
        mistakes.append(Mistake(node.lineno, f"setting('{args[0]}'): there is no setting '{args[0]}'{did_you_mean(args[0], SETTING_PATHS)}; the settings are {', '.join(SETTING_PATHS)}"))
        return
    calls.append(MacroCall(name, args, node.lineno))


def _shown(node: nodes.Node) -> str:
    """A short name for an expression that is not allowed, for the message."""
    if isinstance(node, nodes.Getattr):
        return f"{_shown(node.node)}.{node.attr}"
    if isinstance(node, nodes.Filter):
        return f"... | {node.name}"
    if isinstance(node, nodes.Const):
        return repr(node.value)
    if isinstance(node, nodes.Call):
        return f"{_shown(node.node)}(...)"
    if isinstance(node, nodes.Name):
        return node.name
    return type(node).__name__.lower()


_EXPECTED = re.compile(r"expected token '([^']*)', got '([^']*)'")


def _syntax_reason(exc: TemplateSyntaxError) -> str:
    """Jinja's complaint in an editor's words, its own text kept at the end for developers."""
    message = exc.message or "syntax error"
    if "unexpected end of template" in message or "unexpected '}'" in message or _EXPECTED.search(message):
        hint = "a macro call is not closed, or has a brace missing: write it as {{ name('...') }}, with two braces on each side"
    elif "unexpected char" in message:
        hint = "a macro call holds a character Jinja cannot read: write it as {{ name('...') }}"
    elif "Encountered unknown tag" in message:
        hint = "'{%' starts a Jinja statement, which a page may not hold; to show '{%' as text, write it as &#123;%"
    else:
        hint = "the page's macro calls cannot be read: write each as {{ name('...') }}"
    return f"{hint} (Jinja: {message})"
