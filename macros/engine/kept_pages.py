"""What a preview keeps from one build to the next: each page as converted (converted_pages.py) and as rendered
through the theme (rendered_pages.py), so that a save redoes only the pages it changed. mkdocs keeps the plugin,
and so this, across the builds of `./run serve` and `mkdocs serve`; `./run build` keeps nothing."""

from __future__ import annotations

from .converted_pages import ConvertedPages
from .rendered_pages import RenderedPages

# At most this many characters of each (pages' Markdown and HTML as converted; pages as rendered), about 40 MB: the
# real portfolio keeps 0.5 and 2.8 million; one of 5,000 entries keeps the pages that fit, and makes the rest afresh.
LIMIT = 40_000_000


class KeptPages:
    def __init__(self, keep: bool):
        self.converted = ConvertedPages(LIMIT) if keep else None
        self.rendered = RenderedPages(LIMIT) if keep else None

    def start_converting(self, config, files) -> None:
        """Once the build's files are final (on_nav)."""
        if self.converted:
            self.converted.start_build(config, files)

    def convert(self, page) -> None:
        """Before mkdocs converts the page (the plugin's first on_page_markdown)."""
        if self.converted:
            self.converted.convert_once(page)

    def start_rendering(self, env, config, nav) -> None:
        """Once every page is converted and the menu final (on_env)."""
        if self.rendered:
            self.rendered.start_build(config, nav)
            self.rendered.use_in(env)
