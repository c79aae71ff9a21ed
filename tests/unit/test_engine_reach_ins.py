"""The few places the build reaches into the engine's own objects, each in one function of macros/engine/, and
each checked here against the engine's code, so an upgrade that moves one fails here, by name, instead of
quietly making a worse site."""

from __future__ import annotations

import inspect

from mkdocs.structure.files import File


def test_material_search_keeps_the_entries_it_will_write_where_search_entries_looks():
    """engine/search_index.py `search_entries`: practitioners' words are added to Material's entries, which
    it keeps in `search_index.entries` from on_config and writes in on_post_build."""
    from material.plugins.search.plugin import SearchIndex, SearchPlugin

    assert "self.search_index = SearchIndex(" in inspect.getsource(SearchPlugin.on_config)
    assert "self.entries = []" in inspect.getsource(SearchIndex.__init__)
    assert "self.entries" in inspect.getsource(SearchIndex.generate_search_index)
    assert "search_index.generate_search_index" in inspect.getsource(SearchPlugin.on_post_build)


def test_a_generated_files_markdown_can_be_let_go_once_read(tmp_path):
    """engine/assets.py `release_source`: a generated page's Markdown is set to nothing once its page has read it."""
    from mkdocs.config.defaults import MkDocsConfig

    (tmp_path / "docs").mkdir()
    config = MkDocsConfig()
    config.load_dict({"site_name": "x", "docs_dir": str(tmp_path / "docs"), "site_dir": str(tmp_path / "site")})
    assert not config.validate()[0]
    config.plugins._current_plugin = "portfolio"  # as mkdocs sets it while a plugin's hook runs
    file = File.generated(config, "x.md", content="# A page of 14 MB")
    assert file.generated_by == "portfolio" and file.abs_src_path is None
    file.content_string = ""
    assert file.content_string == "" and file._content == ""


def test_mkdocs_reads_the_menu_and_the_glossary_after_on_config_sets_them():
    """engine/start.py sets `config.nav` (data/book.yml) and `config.mdx_configs["abbr"]` (the glossary) in on_config;
    mkdocs must read both after it: the navigation from `config['nav']`, each page's Markdown extensions from `mdx_configs`."""
    from mkdocs.commands import build
    from mkdocs.structure import nav, pages

    source = inspect.getsource(build.build)
    assert source.index("config.plugins.on_config(config)") < source.index("get_navigation(files, config)")
    assert "config['nav']" in inspect.getsource(nav.get_navigation)
    assert "extension_configs=config['mdx_configs']" in inspect.getsource(pages.Page.render)
