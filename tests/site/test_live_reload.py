"""`mkdocs serve` rebuilds when data or theme overrides change, and serves the new page."""

from __future__ import annotations

import pytest

from benchmarks.web import mkdocs_serve, wait_for
from tests.helpers import copy_project


@pytest.fixture
def served_project(tmp_path):
    project = copy_project(tmp_path / "project")
    with mkdocs_serve(project) as base:
        assert wait_for(base + "case-studies/one/", "Jane and Steven", 60, step=0.25), "mkdocs serve did not start"
        yield project, base


def test_serve_rebuilds_after_a_data_edit_and_a_template_edit(served_project):
    project, base = served_project
    data = project / "data" / "case_studies.yml"
    data.write_text(data.read_text(encoding="utf-8").replace("    title: \"Jane and Steven\"", "    title: \"Jane and Steven (edited)\"", 1), encoding="utf-8")
    assert wait_for(base + "case-studies/one/", "Jane and Steven (edited)", 60, step=0.25)

    template = project / "overrides" / "portfolio" / "case_study.md"
    template.write_text(template.read_text(encoding="utf-8").replace("## Something to think about", "## Something to think about (edited)"), encoding="utf-8")
    assert wait_for(base + "case-studies/one/", "Something to think about (edited)", 60, step=0.25)
