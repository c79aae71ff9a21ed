"""The macros `content/` pages call (mkdocs-macros): exactly those of model/prose_macros.py, each rendering
what render/prose_calls.py says it puts on a page. Every call was checked when the project was loaded (a
registered macro, literal arguments, a known id or setting), so these only look things up."""

from __future__ import annotations

from mkdocs.exceptions import PluginError

from ..model.prose_macros import MACROS
from ..render.prose_calls import macro_output
from ..render.templates import TemplateFailure


def register(env) -> None:
    plugin = env.conf.plugins["portfolio"]
    for macro in MACROS.values():
        function = _macro(macro.name, env, plugin)
        function.__doc__ = macro.doc
        env.macro(function, macro.name)


def _macro(name: str, env, plugin):
    def call(*args: str) -> str:
        page, state = env.page, plugin.state
        try:
            return macro_output(state.env, state.data, name, args, page.file.src_uri, page.canonical_url)
        except TemplateFailure as exc:
            raise PluginError(f"{state.settings.docs_dir}/{page.file.src_uri} could not be rendered:\n{exc}") from None
        except KeyError as exc:
            raise PluginError(str(exc.args[0])) from None

    return call
