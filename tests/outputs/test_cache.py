"""The downloads plan follows the registry, and a build reuses a written file only while everything it
is made from is unchanged: an edit rewrites exactly the files that show the edited entry."""

from __future__ import annotations

import dataclasses
import os

import pytest
from docx import Document

from macros.load import load_project
from macros.model.kinds import KINDS
from macros.outputs.background import IN_BACKGROUND, WHEN_ASKED, Writing
from macros.outputs.cache import DownloadFailure, build_downloads, place_downloads
from macros.outputs.downloads import FORMATS, plan_downloads
from macros.outputs.edition import edition_for
from macros.render.context import portfolio_environment
from macros.render.offered import OfferedDownloads
from macros.render.pages import render_entry_pages
from tests.helpers import ROOT, fixture_project
from tests.office import docx_text

from .conftest import BUILT


def test_every_kind_that_declares_a_download_has_its_files_planned(project, edition):
    planned = plan_downloads(project, edition)
    for fmt, (attribute, _) in FORMATS.items():
        assert {download.kind for download in planned if download.format == fmt} == {kind.name for kind in KINDS if getattr(kind, attribute)}, fmt


def test_each_download_is_offered_by_the_pages_that_show_its_entry(project, edition):
    planned = plan_downloads(project, edition)
    by_path = {download.path: download for download in planned}
    case = project.data.case_studies[0]
    assert by_path[f"downloads/case-study-{case.number:02d}-{case.id}.docx"].pages == (f"case-studies/{case.id}.md",)
    questions = project.data.question_sets[0]
    assert by_path[f"downloads/checklist-{questions.id}.docx"].pages == (f"checklists/{questions.id}.md", project.src_of("question_sets", questions.id))
    # The pages showing the whole reckoner (each page calling its macro) and the behaviours' list.
    assert len(project.prose.shown["ready_reckoner"]) >= 2
    assert set(by_path["downloads/ready-reckoner.docx"].pages) == set(project.prose.shown["ready_reckoner"])
    assert by_path["downloads/resistant-behaviours.docx"].pages == tuple(project.prose.shown["resistance_types"])
    assert project.data.packs
    for pack in project.data.packs:
        names = (f"pack-{pack.id}-handout.docx", f"pack-{pack.id}-facilitator.docx", f"pack-{pack.id}.pptx")
        assert {by_path[f"downloads/{name}"].pages for name in names} == {(f"packs/{pack.id}.md",)}
    assert len(by_path) == len(planned), "two downloads may not share a file name"


def test_the_shelf_offers_only_files_that_were_written(project, edition, written):
    shelf = OfferedDownloads(written[:1])
    download, path = written[0]
    assert path.is_file() and shelf.all() == [download]
    assert all(shelf.on_page(page) == [download] for page in download.pages)
    assert shelf.of("packs", project.data.packs[0].id) == [] or download.kind == "packs"


def counting(planned, calls):
    def wrap(download):
        def write(path):
            calls.append(download.path)
            download.write(path)

        return dataclasses.replace(download, write=write)

    return [wrap(download) for download in planned]


def test_an_edit_rewrites_exactly_the_files_that_show_it(tmp_path):
    project_dir = fixture_project(tmp_path / "project")
    cache = tmp_path / "cache"

    def build(calls):
        project = load_project(project_dir)
        edition = edition_for(project, BUILT, None, project_dir / "data")
        return project, build_downloads(project, edition, counting(plan_downloads(project, edition), calls), cache)

    first: list[str] = []
    project, written = build(first)
    assert len(first) == len(written)
    again: list[str] = []
    _, rewritten = build(again)
    assert again == [] and [path for _, path in rewritten] == [path for _, path in written]

    # What shows a behaviour or links to it: its case studies, the questions addressing it, the behaviours'
    # handout, and the packs naming any of these (or a tool addressing it). The edit renames a behaviour that
    # some case study illustrates and some pack shows.
    def names(behaviour, kind, entry_id):
        if kind == "resistance_types":
            return entry_id == behaviour.id
        entry = project.data.by_id[kind][entry_id] if entry_id else None
        # Downloads are keyed on what an entry names two links deep: a case study naming a tool that addresses it.
        via_tools = [b for tool in getattr(entry, "tools", []) for b in project.data.by_id["tools"][tool].addresses]
        return behaviour.id in (getattr(entry, "illustrates", []) + getattr(entry, "addresses", []) + via_tools)

    def showing(behaviour):
        illustrating = {f"downloads/case-study-{c.number:02d}-{c.id}.docx" for c in project.data.case_studies if names(behaviour, "case_studies", c.id)}
        asking = {f"downloads/checklist-{q.id}.docx" for q in project.data.question_sets if names(behaviour, "question_sets", q.id)}
        packs = {f"downloads/pack-{p.id}{edition}" for p in project.data.packs for edition in ("-handout.docx", "-facilitator.docx", ".pptx")
                 if any(not item.kind.single and names(behaviour, item.kind.name, item.entry_id) for item in p.items())}
        return illustrating, asking, packs

    assert project.data.resistance_types
    behaviour = next(b for b in project.data.resistance_types if showing(b)[0] and showing(b)[2])
    illustrating, asking, packs = showing(behaviour)
    data = project_dir / "data" / "resistance_types.yml"
    assert f'title: "{behaviour.title}"' in data.read_text(encoding="utf-8")
    data.write_text(data.read_text(encoding="utf-8").replace(f'title: "{behaviour.title}"', 'title: "A behaviour renamed in an edit"'), encoding="utf-8")
    edited: list[str] = []
    project, after = build(edited)
    assert illustrating and packs
    assert set(edited) == illustrating | asking | packs | {"downloads/resistant-behaviours.docx"}
    illustrated = {f"downloads/case-study-{c.number:02d}-{c.id}.docx" for c in project.data.case_studies if behaviour.id in c.illustrates}
    for download, path in after:
        if download.path in illustrated:
            assert "A behaviour renamed in an edit" in docx_text(path)


def test_a_new_template_rewrites_the_handouts_but_not_the_slides(tmp_path):
    project_dir = fixture_project(tmp_path / "project")
    (project_dir / "data" / "local").mkdir(exist_ok=True)
    cache = tmp_path / "cache"
    project = load_project(project_dir)
    plain = edition_for(project, BUILT, None, project_dir / "data")
    build_downloads(project, plain, plan_downloads(project, plain), cache)
    template = project_dir / "data" / "local" / "handout-template.docx"
    document = Document()
    document.sections[0].header.paragraphs[0].text = "Letterhead"
    document.save(str(template))
    branded = edition_for(project, BUILT, None, project_dir / "data")
    calls: list[str] = []
    build_downloads(project, branded, counting(plan_downloads(project, branded), calls), cache)
    assert calls and all(path.endswith(".docx") for path in calls)
    assert len(calls) == sum(1 for d in plan_downloads(project, branded) if d.format == "docx")


def test_a_page_never_links_to_a_file_that_was_not_written(project, written):
    """Pages ask the shelf of written files: with none written, no page offers a download."""
    def pages(shelf):
        env = portfolio_environment(project, ROOT / "overrides" / "portfolio", BUILT, dict(project.prose.titles), shelf)
        return {page.src: page.markdown for page in render_entry_pages(env, project, None)}

    offered = pages(OfferedDownloads(written))
    assert project.data.case_studies and project.data.packs
    assert all("Download: [Word (.docx)](../downloads/" in offered[f"case-studies/{case.id}.md"] for case in project.data.case_studies)
    without_packs = pages(OfferedDownloads([(download, path) for download, path in written if download.kind != "packs"]))
    assert all("downloads/" not in without_packs[f"packs/{pack.id}.md"] for pack in project.data.packs)
    assert all("downloads/" not in markdown and "Download:" not in markdown for markdown in pages(OfferedDownloads([])).values())


def failing(download, how):
    def write(path):
        if how == "raise":
            raise ValueError("no room on the disk")
        os._exit(3)

    return dataclasses.replace(download, write=write)


def test_files_written_in_a_second_process_are_there_when_the_build_waits(project, edition, tmp_path):
    placed, pending = place_downloads(project, edition, plan_downloads(project, edition)[:4], tmp_path)
    assert pending == placed
    writing = Writing(pending, IN_BACKGROUND)
    assert writing.children
    writing.wait()
    assert all(path.is_file() and path.stat().st_size > 0 for _, path in placed)
    assert not list(tmp_path.glob(".*.partial"))
    assert place_downloads(project, edition, plan_downloads(project, edition)[:4], tmp_path)[1] == []


def test_the_preview_writes_a_file_only_when_it_is_asked_for(project, edition, tmp_path):
    """outputs/background.py WHEN_ASKED: nothing is written with the build; asked for by its address in the site, a
    file is written then (once, however often it is asked for); an address of no such file gets None."""
    placed, pending = place_downloads(project, edition, plan_downloads(project, edition)[:3], tmp_path)
    writing = Writing(pending, WHEN_ASKED)
    writing.wait()
    assert not writing.children and not any(path.exists() for _, path in placed)
    download, path = next((download, path) for download, path in pending if download.format == "docx")
    assert writing.written_when_asked(download.path) == path and path.is_file()
    assert download.title.replace("*", "") in docx_text(path)
    written_at = path.stat().st_mtime_ns
    assert writing.written_when_asked(download.path) == path and path.stat().st_mtime_ns == written_at
    assert not any(other.exists() for _, other in pending if other != path)
    assert writing.written_when_asked("downloads/no-such-file.docx") is None
    broken = Writing([(failing(download, "raise"), tmp_path / "broken.docx")], WHEN_ASKED)
    with pytest.raises(DownloadFailure, match="no room on the disk"):
        broken.written_when_asked(download.path)


@pytest.mark.parametrize("how,message", [
    ("raise", "could not be written: ValueError: no room on the disk"),
    ("crash", "the process writing the downloads stopped (exit code 3)"),
])
def test_a_file_the_second_process_cannot_write_stops_the_build_with_why(project, edition, tmp_path, how, message):
    download = plan_downloads(project, edition)[0]
    writing = Writing([(failing(download, how), tmp_path / download.name)], IN_BACKGROUND)
    with pytest.raises(DownloadFailure) as failure:
        writing.wait()
    assert message in str(failure.value)
    assert not (tmp_path / download.name).exists()
