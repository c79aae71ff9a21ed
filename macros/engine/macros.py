"""The macros `content/` pages call (mkdocs-macros): exactly those of model/prose_macros.py, each rendering
a template from `overrides/portfolio/`. Every call was checked when the project was loaded (a registered
macro, literal arguments, a known id or setting), so these only look things up."""

from __future__ import annotations

from mkdocs.exceptions import PluginError

from ..model.prose_macros import MACROS, SETTING_PATHS, ProseMacro
from ..render.filters import md
from ..render.templates import TemplateFailure, render


def register(env) -> None:
    plugin = env.conf.plugins["portfolio"]

    def fragment(template: str, **context) -> str:
        page = env.page
        try:
            return render(plugin.state.env, template, page_src=page.file.src_uri, page_url=page.canonical_url, **context)
        except TemplateFailure as exc:
            raise PluginError(f"{plugin.state.settings.docs_dir}/{page.file.src_uri} could not be rendered:\n{exc}") from None

    def setting(path: str):
        if path not in SETTING_PATHS:  # the loader refuses any other; a path such as '__class__' must never be followed
            raise PluginError(f"setting('{path}') is not one of the committee's settings")
        value = plugin.state.data.site
        for part in path.split("."):
            value = getattr(value, part)
        return md(str(value))

    site = {
        "setting": setting,
        "contact_list": lambda: fragment("contact_list.md", contact=plugin.state.data.site.contact),
        "contact_email": lambda: fragment("contact_email.md", contact=plugin.state.data.site.contact).strip(),
        "download_list": lambda: fragment("download_list.md"),
        "save_for_offline": lambda: fragment("offline_control.md"),
    }
    for macro in MACROS.values():
        function = site.get(macro.name) or _kind_macro(macro, fragment, plugin)
        function.__doc__ = macro.doc
        env.macro(function, macro.name)


def _kind_macro(macro: ProseMacro, fragment, plugin):
    """A kind's index (every entry), its placing macro (one entry by id), or a single kind's."""
    kind = macro.kind
    if kind is None:
        raise PluginError(f"The macro {macro.name}() has no implementation (macros/engine/macros.py).")
    if macro.places:
        return lambda entry_id: fragment(f"{kind.placed_by}.md", entry=plugin.state.data.by_id[kind.name][entry_id])
    if macro.name == kind.placed_by:
        return lambda: fragment(f"{kind.placed_by}.md", entry=getattr(plugin.state.data, kind.name))
    return lambda: fragment(f"{kind.index}.md")
