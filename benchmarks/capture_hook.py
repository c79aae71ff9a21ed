"""mkdocs hook used by the benchmark: save each page's final Markdown as a plain .md file.

It runs after every plugin (lowest priority), so the saved Markdown is what the generator
hands to Markdown conversion: macros expanded, citations resolved.
The whole-portfolio page is the exception: the generator adds its body as HTML made from
the other pages, so that HTML is saved into its Markdown file as a raw HTML block (a static
site would have to convert the whole portfolio as one page). Other files the generator makes (such as a stylesheet from data) and the values it puts in
`config.extra` for the theme are saved too. The static copy of the site is built from
these, without the generator's plugins.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path

import yaml
from mkdocs.plugins import event_priority

import macros.load.loader
from macros.render.print_writing import BODY_MARKER

# The tags plugin swaps its `<!-- material/tags -->` directive for a placeholder heading
# in its own on_page_markdown; put the directive back so the static build renders it again.
_DIRECTIVE = re.compile(r"<!--\s*?material/tags.*?\s*-->", re.I | re.S)
_PLACEHOLDER = re.compile(r"^#+ \S+/name \{ #\S+/slug \}$", re.M)


def _target(config, src_uri: str) -> Path:
    target = Path(config.config_file_path).parent / src_uri
    target.parent.mkdir(parents=True, exist_ok=True)
    return target


# Count how often each data file is read in this build (the target: once). Hooks are
# imported while mkdocs reads its configuration, before any plugin's on_config loads the data.
_reads: Counter = Counter()
_read_yaml = macros.load.loader.read_yaml


def _counting_read_yaml(path, name):
    _reads[str(path)] += 1
    return _read_yaml(path, name)


macros.load.loader.read_yaml = _counting_read_yaml


@event_priority(-1000)
def on_config(config):
    """What the generator put into the configuration: the theme's values, the menu (data/book.yml) and the glossary's abbreviations."""
    _target(config, "captured-extra.json").write_text(json.dumps(dict(config.extra), default=str), encoding="utf-8")
    made = {"nav": config.nav, "abbr": config.mdx_configs.get("abbr", {})}
    _target(config, "captured-config.json").write_text(json.dumps(made, default=str), encoding="utf-8")
    _print_page["src"] = config.plugins["portfolio"].state.project.book.print_page
    return config


_late: list = []  # downloads, which may still be being written: saved once the generator has copied them


@event_priority(-1000)
def on_files(files, config):
    for file in files:
        if file.generated_by and not file.is_documentation_page():
            if type(file).__name__ == "DownloadFile":
                _late.append(file)
            else:
                _target(config, f"captured/{file.src_uri}").write_bytes(file.content_bytes)
    return files


@event_priority(-1000)
def on_page_markdown(markdown, page, config, files):
    directives = iter(_DIRECTIVE.findall(page.file.content_string))
    saved = _PLACEHOLDER.sub(lambda m: next(directives, m.group(0)), markdown)
    front = f"---\n{yaml.safe_dump(page.meta, allow_unicode=True, sort_keys=False)}---\n\n" if page.meta else ""
    _target(config, f"captured/{page.file.src_uri}").write_text(front + saved, encoding="utf-8")
    return markdown


_print_page = {}


@event_priority(-1000)
def on_post_page(output, page, config):
    if page.file.src_uri == _print_page["src"]:  # the page as rendered, with the marker where the body goes
        _print_page.update(path=Path(page.file.abs_dest_path), rendered=output)
    return output


@event_priority(-500)  # after the generator writes the body (0), before the site is moved into place (-1000)
def on_post_build(config):
    before, _, after = _print_page["rendered"].partition(BODY_MARKER)
    html = _print_page["path"].read_text(encoding="utf-8")
    body = html[len(before) : len(html) - len(after)]
    with _target(config, f"captured/{_print_page['src']}").open("a", encoding="utf-8") as saved:
        saved.write(f"\n\n{body}\n")
    _target(config, "captured-reads.json").write_text(json.dumps(_reads), encoding="utf-8")
    for file in _late:
        _target(config, f"captured/{file.src_uri}").write_bytes(Path(file.abs_dest_path).read_bytes())
