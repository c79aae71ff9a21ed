"""The few places the build reaches into the engine's own objects, each in one function of macros/engine/, and
each checked here against the engine's code, so an upgrade that moves one fails here, by name, instead of
quietly making a worse site."""

from __future__ import annotations

import inspect

import jinja2
from mkdocs.structure.files import File

from tests.helpers import ROOT


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


def test_the_theme_lists_the_same_files_without_walking_its_hidden_folders(tmp_path):
    """engine/theme_files.py: mkdocs lists the theme's files with its environment's loader and leaves out those
    in hidden folders; the loader that does not walk them lists the same files to mkdocs, and still loads any template."""
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files

    from macros.engine.theme_files import ThemeLoader, list_theme_without_hidden_folders

    (tmp_path / "docs").mkdir()
    config = MkDocsConfig()
    config.load_dict({"site_name": "x", "docs_dir": str(tmp_path / "docs"), "site_dir": str(tmp_path / "site"),
                      "theme": {"name": "material", "custom_dir": str(ROOT / "overrides")}})
    assert not config.validate()[0]
    as_mkdocs_lists = Files([])
    as_mkdocs_lists.add_files_from_theme(config.theme.get_env(), config)
    list_theme_without_hidden_folders(config.theme)
    env = config.theme.get_env()
    assert type(env.loader) is ThemeLoader
    listed = Files([])
    listed.add_files_from_theme(env, config)
    assert [file.src_uri for file in listed] == [file.src_uri for file in as_mkdocs_lists]
    assert any(uri.endswith(".css") for uri in listed.src_uris) and any(uri.endswith(".js") for uri in listed.src_uris)
    hidden = [name for name in jinja2.FileSystemLoader(config.theme.dirs).list_templates() if name.startswith(".icons/") and name.endswith(".svg")]
    assert len(hidden) > 1000 and not any(name.startswith(".") for name in env.loader.list_templates())
    assert "<svg" in env.get_template(hidden[0]).render()


def test_a_converted_pages_markdown_can_be_let_go_and_its_title_stays(tmp_path):
    """engine/assets.py `release_markdown`: after on_page_content a page's Markdown is emptied; mkdocs then takes
    its title from the converted page, and only None (not "") would mean a page not read yet."""
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files
    from mkdocs.structure.pages import Page

    from macros.engine.assets import release_markdown

    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "page.md").write_text("# The page's own title\n\nText.\n", encoding="utf-8")
    config = MkDocsConfig()
    config.load_dict({"site_name": "x", "docs_dir": str(tmp_path / "docs"), "site_dir": str(tmp_path / "site")})
    assert not config.validate()[0]
    file = File("page.md", str(tmp_path / "docs"), str(tmp_path / "site"), True)
    page = Page(None, file, config)
    page.read_source(config)
    page.render(config, Files([file]))
    release_markdown(page)
    assert page.markdown == "" and page.title == "The page's own title" and "Text." in page.content


def test_mkdocs_macros_gets_requests_loaded_only_when_it_uses_it():
    """engine/lazy_imports.py: mkdocs-macros imports `requests` only to ask PyPI about its `modules:` setting;
    the portfolio plugin, loaded first, stands in for it. In a fresh process: after both plugins are imported
    no module of requests (or urllib3) is loaded, and what mkdocs-macros uses of it still works."""
    import subprocess
    import sys

    script = (
        "import sys, macros.engine.plugin, mkdocs_macros.plugin, mkdocs_macros.util as util\n"
        "loaded = sorted(name for name in sys.modules if name.split('.')[0] in ('requests', 'urllib3') and name != 'requests')\n"
        "print(loaded, type(sys.modules['requests']).__name__)\n"
        "print(callable(util.requests.get), issubclass(util.requests.exceptions.RequestException, Exception), type(sys.modules['requests']).__name__)\n"
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, cwd=ROOT, check=True)
    assert result.stdout.splitlines() == ["[] _LoadedOnFirstUse", "True True module"]
    source = inspect.getsource(__import__("mkdocs_macros.util", fromlist=["x"]))
    assert "import requests\n" in source and source.count("requests.") == 2, "mkdocs-macros uses requests for more than is_on_pypi now"


def test_the_preview_sets_how_often_mkdocs_live_reload_server_looks_and_waits():
    """engine/preview.py: `./run serve` gives mkdocs' LiveReloadServer its polling interval and sets its `build_delay`;
    both must still be what the server's loop reads."""
    from mkdocs.livereload import LiveReloadServer

    from macros.engine.preview import POLL_SECONDS

    assert "polling_interval" in inspect.signature(LiveReloadServer.__init__).parameters
    assert "PollingObserver(timeout=polling_interval)" in inspect.getsource(LiveReloadServer.__init__)
    assert "timeout=self.build_delay" in inspect.getsource(LiveReloadServer._build_loop)
    assert 0 < POLL_SECONDS < 0.5


def _rendered_page(tmp_path, text: str):
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files
    from mkdocs.structure.pages import Page

    docs = tmp_path / "docs"
    docs.mkdir(exist_ok=True)
    (docs / "page.md").write_text(text, encoding="utf-8")
    (docs / "other.md").write_text("# Other\n\n## Part\n", encoding="utf-8")
    config = MkDocsConfig()
    config.load_dict({"site_name": "x", "docs_dir": str(docs), "site_dir": str(tmp_path / "site"), "markdown_extensions": ["toc"]})
    assert not config.validate()[0]
    files = Files([File(name, str(docs), str(tmp_path / "site"), True) for name in ("page.md", "other.md")])
    page = Page(None, files.get_file_from_path("page.md"), config)
    page.read_source(config)
    return page, config, files


def test_a_converted_page_is_kept_whole_and_a_warning_is_said_at_every_conversion(tmp_path, caplog):
    """engine/converted_pages.py: mkdocs' Page.render sets only what ConvertedPages keeps and gives back; a page
    whose conversion warned (a link to no page) is converted, and warns, again at the next build."""
    import logging

    from macros.engine.converted_pages import ConvertedPages

    text = "# Title\n\n## Section\n\nSee [other](other.md#part) and [gone](gone.md).\n"
    page, config, files = _rendered_page(tmp_path, text)
    before = dict(vars(page))
    page.render(config, files)
    set_by_render = {name for name, value in vars(page).items() if name not in before or before[name] is not value} - {"markdown"}
    assert set_by_render == {"content", "toc", "_title_from_render", "present_anchor_ids", "links_to_anchors"}

    kept = ConvertedPages(limit=10**6)
    for _ in range(2):
        kept.start_build(config, files)
        page, config, files = _rendered_page(tmp_path, text)
        kept.convert_once(page)
        with caplog.at_level(logging.INFO, logger="mkdocs"):
            caplog.clear()
            page.render(config, files)
        assert "gone.md" in caplog.text and kept.kept.reused == set()

    mended = text.replace(" and [gone](gone.md)", "")
    converted = []
    for _ in range(2):
        kept.start_build(config, files)
        page, config, files = _rendered_page(tmp_path, mended)
        kept.convert_once(page)
        page.render(config, files)
        converted.append({name: getattr(page, name) for name in set_by_render})
    assert kept.kept.reused == {"page.md"}
    first, again = converted
    assert again["content"] == first["content"] and again["_title_from_render"] == "Title"
    assert [link.title for link in again["toc"]] == ["Title"] and [link.id for link in list(again["toc"])[0].children] == ["section"]
    assert again["present_anchor_ids"] == first["present_anchor_ids"] == {"title", "section"}
    assert again["links_to_anchors"] == {files.get_file_from_path("other.md"): {"part": "other.md#part"}}


def test_mkdocs_asks_the_theme_for_a_pages_template_by_name_alone_and_jinja_asks_with_the_template_asking():
    """engine/rendered_pages.py: RenderedPages answers `env.get_template(name)` (mkdocs' call for each page, rendered
    with the page's context) with a template that may give the page as rendered before; the theme's own
    `extends` and `include` must keep reaching Jinja's templates, which they ask for with a parent."""
    from mkdocs.commands import build

    source = inspect.getsource(build._build_page)
    assert "template = env.get_template(page.meta.get('template', 'main.html'))" in source
    assert "output = template.render(context)" in source
    compiled = jinja2.Environment().compile('{% extends "base.html" %}{% block b %}{% include "part.html" %}{% endblock %}', name="main.html", raw=True)
    assert "get_template('base.html', 'main.html')" in compiled and "get_template('part.html', 'main.html')" in compiled
