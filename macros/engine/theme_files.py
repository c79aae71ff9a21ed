"""The theme's files, listed without its hidden folders.

On every build mkdocs lists every file under the theme's folders, to copy its assets into the site, and
then leaves out each one under a hidden folder. Material keeps 14,348 icons (of its 14,509 files) in
`.icons`, which its emoji extension reads from disk itself: listing and matching them cost about 0.15 s
a build, and the same again on every save in the preview. The theme's environment here lists the same
files without walking those folders; it finds templates exactly as before.
"""

from __future__ import annotations

import os

import jinja2


class ThemeLoader(jinja2.FileSystemLoader):
    """Jinja's loader of template folders, whose listing does not walk hidden folders."""

    def list_templates(self) -> list[str]:
        found = set()
        for searchpath in self.searchpath:
            for folder, subfolders, names in os.walk(searchpath, followlinks=self.followlinks):
                subfolders[:] = [name for name in subfolders if not name.startswith(".")]
                relative = os.path.relpath(folder, searchpath)
                prefix = "" if relative == "." else relative.replace(os.path.sep, "/") + "/"
                found.update(prefix + name for name in names)
        return sorted(found)


def list_theme_without_hidden_folders(theme) -> None:
    """Give mkdocs' theme (config.theme) environments whose loader is a ThemeLoader over the same folders."""
    make_env = theme.get_env

    def get_env() -> jinja2.Environment:
        env = make_env()
        if type(env.loader) is jinja2.FileSystemLoader:  # what mkdocs 1.6 gives; anything else is left as it is
            env.loader = ThemeLoader(env.loader.searchpath, encoding=env.loader.encoding, followlinks=env.loader.followlinks)
        return env

    theme.get_env = get_env
