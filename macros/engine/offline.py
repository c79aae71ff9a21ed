"""The offline copy in a build (macros/offline/): the web app manifest and its icons and the worker,
added with the other generated files, and, once every file is written, the lists of what a copy saves.
An `OFFLINE=true` build (file://, where no service worker runs) gets none of them: its control says why.
Every build gets the names the copy's scripts share (offline-names.js), which that control's script reads."""

from __future__ import annotations

import logging
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files

from ..hosting.digests import FileDigests
from ..load.logo import IconError
from ..offline import BUDGET, MANIFEST, NAMES_SCRIPT, WORKER
from ..offline.icons import FAVICON, make_icons
from ..offline.lists import write_lists
from ..offline.manifest import web_app_manifest
from ..offline.names import names_script
from .search_index import search_plugin
from .state import ICON_CACHE, BuildState

log = logging.getLogger("mkdocs.plugins.portfolio")
THEME_ICON = "material/library"  # the header's icon when a committee gives no logo (Material's default)


def theme_icon(config) -> Path:
    """The SVG of the theme's header icon, from the theme's own folders."""
    name = ((config.theme.get("icon") or {}).get("logo")) or THEME_ICON
    for folder in config.theme.dirs:
        svg = Path(folder) / ".icons" / f"{name}.svg"
        if svg.is_file():
            return svg
    raise PluginError(f"The theme's icon {name} was not found: give a logo in data/site.yml")


def add_offline_files(files: Files, config, state: BuildState, offline: bool) -> None:
    """The names the copy's scripts share; the icons, drawn from the committee's logo: the browser tab's (the
    theme's `favicon`, in every build) and a phone's; and, but in a copy for file://, the manifest and the worker."""
    files.append(File.generated(config, NAMES_SCRIPT, content=names_script(config.use_directory_urls, state.project.book.not_saved_page)))
    site = state.data.site
    try:
        icons = make_icons(state.logo, theme_icon(config), site.colours.primary, site.colours.on_primary, state.settings.root / ICON_CACHE)
    except IconError as exc:
        raise PluginError(f"The site's icon could not be made from the logo ({site.logo}): {exc}") from None
    config.theme["favicon"] = FAVICON
    if offline:
        files.append(File.generated(config, FAVICON, content=icons[FAVICON]))
        worker = files.get_file_from_path(WORKER)
        if worker:
            files.remove(worker)
        return
    for path, png in icons.items():
        files.append(File.generated(config, path, content=png))
    files.append(File.generated(config, MANIFEST, content=web_app_manifest(site, config.site_description, config.theme["language"])))


def write_offline_lists(site_dir: Path, state: BuildState, config, digests: FileDigests) -> None:
    search = search_plugin(config)
    langs = list(search.config.lang or ["en"]) if search else ["en"]
    summary = write_lists(site_dir, state.data.edition.version, state.build_date, config.use_directory_urls, langs, digests)
    size = summary["core"]["bytes"]
    if size > BUDGET:
        log.info(f"The offline copy is {size / 1024 / 1024:.1f} MB, over its {BUDGET // 1024 // 1024} MB budget: phones save it slowly, "
                 "and may refuse. The largest files are usually the logo and pictures.")
