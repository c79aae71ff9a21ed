"""What a prose page's macro calls put on it, rendered as the build renders them.

The build's macros (engine/macros.py) call `macro_output`; `validate` and the build's start render, with the
same function, each page that a link's section (`key-messages.md#part-three`) points into when the page's
own text does not hold that section, so a section a macro makes is checked before mkdocs would stop on it.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import replace
from pathlib import Path

from jinja2 import Environment

from ..load import Project
from ..load.errors import DataError, DataProblem, did_you_mean
from ..load.prose import headings
from ..load.prose_links import links_into_sections
from ..load.site_data import SiteData
from ..model.prose_macros import MACROS, SETTING_PATHS, VARIABLES
from .context import portfolio_environment
from .filters import md
from .templates import TemplateFailure, render

# The committee's own macros: the template each renders, and what it is given.
_SITE_TEMPLATES = {
    "contact_list": ("contact_list.md", lambda data: {"contact": data.site.contact}),
    "contact_email": ("contact_email.md", lambda data: {"contact": data.site.contact}),
    "download_list": ("download_list.md", lambda data: {}),
    "save_for_offline": ("offline_control.md", lambda data: {}),
}


def macro_output(env: Environment, data: SiteData, name: str, args: tuple[str, ...], page_src: str, page_url: str | None) -> str:
    """The Markdown one macro call puts on a page (TemplateFailure when a template cannot render)."""
    if name == "setting":
        if args[0] not in SETTING_PATHS:  # the loader refuses any other; a path such as '__class__' must never be followed
            raise KeyError(f"setting('{args[0]}') is not one of the committee's settings")
        value = data.site
        for part in args[0].split("."):
            value = getattr(value, part)
        return md(str(value))
    macro = MACROS[name]
    kind = macro.kind
    if name in _SITE_TEMPLATES:
        template, context = _SITE_TEMPLATES[name][0], _SITE_TEMPLATES[name][1](data)
    elif kind is None:
        raise KeyError(f"The macro {name}() has no implementation (macros/render/prose_calls.py).")
    elif macro.places:
        template, context = f"{kind.placed_by}.md", {"entry": data.by_id[kind.name][args[0]]}
    elif name == kind.placed_by:
        template, context = f"{kind.placed_by}.md", {"entry": getattr(data, kind.name)}
    else:
        template, context = f"{kind.index}.md", {}
    output = render(env, template, page_src=page_src, page_url=page_url, **context)
    return output.strip() if name == "contact_email" else output


def with_macro_sections(project: Project, template_dir: Path, build_date: str) -> Project:
    """The project, its pages' sections those their macros make too, once every link into a section of a page
    with macro calls (prose links and data's `discussed_in`) is checked against them; DataError lists those
    that lead to no section. Only the pages such a link names are rendered."""
    pending = links_into_sections(project.prose.links, project.prose.sections, set(project.prose.jinja))
    if not pending and not project.sections_to_find:
        return project
    # Entry pages' titles are not known before they render; a title never makes a section, so none is needed.
    env = portfolio_environment(project, template_dir, build_date, defaultdict(str, project.prose.titles))
    rendered: dict[str, dict[str, str] | None] = {}  # None: the page could not be rendered (said once)
    problems = []

    def sections_of(page: str, at: DataProblem, named: str) -> dict[str, str] | None:
        if page not in rendered:
            try:
                rendered[page] = headings(_rendered_page(env, project, page, build_date))
            except TemplateFailure as exc:
                problems.append(replace(at, reason=f"the page {page} that {named} leads to could not be rendered to find its sections: {exc}"))
                rendered[page] = None
        return rendered[page]

    for link, page, anchor in pending:
        at = DataProblem(link.name, link.line, "", "")
        sections = sections_of(page, at, f"the link '{link.target}'")
        if sections is not None and anchor not in sections:
            problems.append(replace(at, reason=f"the link '{link.target}' leads to no section of {page}: it has no heading "
                                               f"'#{anchor}', on the page or from its macros{did_you_mean(anchor, sections)}"))
    for item in project.sections_to_find:
        sections = sections_of(item.page, item.problem, f"'{item.page}#{item.anchor}'")
        if sections is not None and item.anchor not in sections:
            problems.append(replace(item.problem, reason=f"{item.shown} has no section '#{item.anchor}', on the page or from its "
                                                         f"macros{did_you_mean(item.anchor, sections)}"))
    if problems:
        raise DataError(problems)
    # A `discussed_in` is listed under its section's heading, which a macro may have made (Project.section_title).
    sections = {**project.prose.sections, **{page: found for page, found in rendered.items() if found is not None}}
    return replace(project, prose=replace(project.prose, sections=sections))


def _rendered_page(env: Environment, project: Project, page: str, build_date: str) -> str:
    """The page's Markdown as mkdocs-macros gives it to mkdocs: its text with each macro call's output in place."""
    calls = {name: (lambda *args, name=name: macro_output(env, project.data, name, args, page, None)) for name in MACROS}
    return Environment().from_string(project.prose.jinja[page]).render(**calls, **dict.fromkeys(VARIABLES, build_date))
