"""A committee's local settings over the core's: mappings merge, anything else replaces."""

from __future__ import annotations

from macros.load.settings import MergedSource, merge
from macros.load.yaml_source import read_yaml_text


def test_mappings_merge_and_lists_replace():
    core = {"site": {"name": "A", "colours": {"primary": "#111111", "link_dark": "#eeeeee"}, "address": ["1", "2"]}}
    local = {"site": {"colours": {"primary": "#222222"}, "address": ["3"]}}
    assert merge(core, local) == {"site": {"name": "A", "colours": {"primary": "#222222", "link_dark": "#eeeeee"}, "address": ["3"]}}


def test_a_value_is_blamed_on_the_file_that_gave_it():
    core = read_yaml_text('site:\n  name: "A"\n  colours:\n    primary: "#111111"\n    link_dark: "#eeeeee"\n', "data/site.yml")
    local = read_yaml_text('site:\n  colours:\n    primary: "#222222"\n', "data/local/site.yml")
    merged = MergedSource(core, local)
    assert str(merged.problem(("site", "colours", "primary"), "x")) == "data/local/site.yml:3: site.colours.primary: x"
    assert str(merged.problem(("site", "colours", "link_dark"), "x")) == "data/site.yml:5: site.colours.link_dark: x"
    assert str(merged.problem(("site", "name"), "x")) == "data/site.yml:2: site.name: x"
    assert str(merged.problem(("site", "colours"), "x")) == "data/local/site.yml:2: site.colours: x"


def test_front_matter_lines_count_from_the_page_start():
    source = read_yaml_text("reviewed: 2026-01-01\nreview_due: soon\n", "content/a.md", first_line=2)
    assert source.line_of(("review_due",)) == 3
