"""The macros `content/` pages call (mkdocs-macros), made from the registry: each kind's index
macro lists its entries, and its placing macro shows one entry in prose. Ids in the calls were
checked when the project was loaded. Each renders a template from `overrides/portfolio/`."""

from __future__ import annotations

from mkdocs.exceptions import PluginError

from ..model.registry import KINDS, Kind
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

    for kind in KINDS:
        if kind.index:
            env.macro(_index_macro(kind, fragment), kind.index)
        if kind.placed_by:
            env.macro(_placing_macro(kind, fragment, plugin), kind.placed_by)

    @env.macro
    def setting(path: str):
        """One of the committee's settings, e.g. setting("contact.name"), as safe text."""
        value = plugin.state.data.site
        for part in path.split("."):
            value = getattr(value, part)
        return md(str(value))

    @env.macro
    def contact_list():
        """The committee's contact as a list: name and mail link, and the telephone when given."""
        return fragment("contact_list.md", contact=plugin.state.data.site.contact)

    @env.macro
    def download_list():
        """Every Word and PowerPoint file the build wrote, in a table (the For trainers page)."""
        return fragment("download_list.md")

    @env.macro
    def save_for_offline():
        """The "Save for offline use" control (assets/javascripts/offline.js makes it work)."""
        return fragment("offline_control.md")

    @env.macro
    def contact_email():
        """The committee's contact address as a mail link."""
        return fragment("contact_email.md", contact=plugin.state.data.site.contact).strip()


def _index_macro(kind: Kind, fragment):
    def macro():
        return fragment(f"{kind.index}.md")

    macro.__doc__ = f"Every entry of {kind.file} ({kind.plural}), as {kind.index}.md lists them."
    return macro


def _placing_macro(kind: Kind, fragment, plugin):
    if kind.single:
        def macro():
            return fragment(f"{kind.placed_by}.md", entry=getattr(plugin.state.data, kind.name))

        macro.__doc__ = f"The {kind.label} ({kind.file}), as {kind.placed_by}.md shows it."
        return macro

    def place(entry_id: str):
        return fragment(f"{kind.placed_by}.md", entry=plugin.state.data.by_id[kind.name][entry_id])

    place.__doc__ = f"One {kind.label} from {kind.file}, by id, as {kind.placed_by}.md shows it."
    return place
