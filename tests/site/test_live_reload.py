"""The editors' preview (`./run serve`) and `mkdocs serve` rebuild when data or theme overrides change, and
serve the new page."""

from __future__ import annotations

import pytest

from benchmarks.web import mkdocs_serve, preview, wait_for
from tests.helpers import fixture_data, fixture_project

CASE = fixture_data().case_studies[0]


@pytest.fixture(params=[preview, mkdocs_serve], ids=["./run serve", "mkdocs serve"])
def served_project(tmp_path, request):
    project = fixture_project(tmp_path / "project")
    with request.param(project) as base:
        assert wait_for(base + f"case-studies/{CASE.id}/", CASE.title, 60, step=0.25), "the server did not start"
        yield project, base


def test_serve_rebuilds_after_a_data_edit_and_a_template_edit(served_project):
    project, base = served_project
    data = project / "data" / "case_studies.yml"
    title = f'    title: "{CASE.title}"'
    assert title in data.read_text(encoding="utf-8")
    data.write_text(data.read_text(encoding="utf-8").replace(title, f'    title: "{CASE.title} (edited)"', 1), encoding="utf-8")
    assert wait_for(base + f"case-studies/{CASE.id}/", f"{CASE.title} (edited)", 60, step=0.25)

    template = project / "overrides" / "portfolio" / "case_study.md"
    template.write_text(template.read_text(encoding="utf-8").replace("## Something to think about", "## Something to think about (edited)"), encoding="utf-8")
    assert wait_for(base + f"case-studies/{CASE.id}/", "Something to think about (edited)", 60, step=0.25)


def test_the_preview_serves_each_download_as_the_saved_data_makes_it(tmp_path):
    """`./run serve` writes a Word or PowerPoint file when it is asked for, not with each build (a save that changes
    what 20 files hold would otherwise wait for all of them): asked for after a save, the case study's handout
    opens in Word's format with the new title."""
    import io
    import re
    import urllib.parse
    import urllib.request

    import docx

    project = fixture_project(tmp_path / "project")
    with preview(project) as base:
        page = base + f"case-studies/{CASE.id}/"
        assert wait_for(page, CASE.title, 60, step=0.25), "the server did not start"
        data = project / "data" / "case_studies.yml"
        title = f'    title: "{CASE.title}"'
        data.write_text(data.read_text(encoding="utf-8").replace(title, f'    title: "{CASE.title} (edited)"', 1), encoding="utf-8")
        assert wait_for(page, f"{CASE.title} (edited)", 60, step=0.25)
        html = urllib.request.urlopen(page, timeout=30).read().decode()
        link = re.search(r'href="([^"]+\.docx)"', html).group(1)
        with urllib.request.urlopen(urllib.parse.urljoin(page, link), timeout=60) as answer:
            assert answer.status == 200 and answer.headers["Content-Type"].endswith("wordprocessingml.document")
            handout = docx.Document(io.BytesIO(answer.read()))
        assert f"{CASE.title} (edited)" in "\n".join(paragraph.text for paragraph in handout.paragraphs)
        assert not list(project.glob(".cache/plugin/portfolio/downloads/.*.partial"))
