"""Slides that present and pages that break well, under the plain default and under a hostile committee's templates
(tests/outputs/hostile_templates.py: 32 pt text in a wide font, a dark background, a footer band over the body; a
letterhead with 4 cm margins): every slide measured with real font metrics (tests/outputs/slide_fit.py) keeps to
its placeholders and the slide, to about 45 words and 6 lines, with a one-line title and speaker notes; no table
over a footer; the Word reckoner one page in LibreOffice; no page of a handout holding only its closing notes or
one reference."""

from __future__ import annotations

import re
import shutil

import pytest
from docx import Document
from pptx import Presentation

from macros.load import load_project
from macros.model.kinds import CITED
from macros.outputs.cache import build_downloads
from macros.outputs.downloads import plan_downloads
from macros.outputs.edition import edition_for
from macros.outputs.slides.grid import POINTER
from macros.outputs.word.fit import one_page_problems
from tests.office import pdf_pages, pptx_slides, squash, to_pdf

from .conftest import BUILT, SITE_URL
from .hostile_templates import BAND_TEXT, LETTERHEAD, hostile_letterhead, hostile_slides
from .slide_fit import FLOOR_PT, problems

# A committee's pack whose cover says a great deal: a subtitle of over 200 characters under a 32 pt style.
WORDY_PACK = """packs:
  - id: wordy-cover
    title: "Resistance, disguised compliance and the ready reckoner"
    audience: "Social workers, health visitors, school nurses, police officers, early years staff and anyone else who visits families in Riverside"
    duration: "A whole day, in two sessions of about three hours, with breaks"
    sessions:
      - title: "The one session"
        items:
          - case_study: one
            notes: "A committee trainer's note."
          - ready_reckoner: true
"""


@pytest.fixture(scope="module")
def hostile(fixture_source, tmp_path_factory):
    """The fixture portfolio's downloads under the hostile templates, with a committee's wordy pack: (Download, file) of each."""
    root = tmp_path_factory.mktemp("hostile") / "project"
    shutil.copytree(fixture_source, root)
    local = root / "data" / "local"
    local.mkdir(exist_ok=True)
    hostile_slides(local / "slides-template.pptx")
    hostile_letterhead(local / "handout-template.docx")
    (local / "packs.yml").write_text(WORDY_PACK, encoding="utf-8")
    project = load_project(root)
    edition = edition_for(project, BUILT, SITE_URL, root / "data")
    return build_downloads(project, edition, plan_downloads(project, edition), root.parent / "cache")


@pytest.fixture(params=["default", "hostile"])
def downloads(request, written, hostile):
    return written if request.param == "default" else hostile


def decks(found):
    return [(download, path) for download, path in found if download.format == "pptx"]


def test_every_slide_fits_its_placeholders_and_keeps_the_limits(downloads, project):
    assert {download.entry_id for download, _ in decks(downloads)} >= {pack.id for pack in project.data.packs}
    for _, path in decks(downloads):
        assert problems(path) == []


def test_the_reckoners_slides_are_readable_and_point_to_the_printed_sheet(downloads, project):
    sheet = project.data.ready_reckoner
    for download, path in decks(downloads):
        if not any(item.kind.name == "ready_reckoner" for item in download.entry.items()):
            continue
        deck = Presentation(str(path))
        tables = [(slide, shape) for slide in deck.slides for shape in slide.shapes if shape.has_table]
        assert 1 <= len(tables) <= (2 if deck.slide_width > deck.slide_height * 1.5 else 4)  # two on a wide slide
        shown = [shape.table.cell(row, 0).text for _, shape in tables for row in range(1, len(shape.table.rows))]
        assert shown == [indicator.text for indicator in sheet.indicators]
        for slide, shape in tables:
            sizes = {run.font.size.pt for row in shape.table.rows for cell in row.cells for p in cell.text_frame.paragraphs for run in p.runs
                     if run.text.strip()}
            assert min(sizes) >= FLOOR_PT
            assert any(POINTER in box.text_frame.text for box in slide.shapes if box.has_text_frame)


def test_a_trainers_note_is_on_its_items_first_slide_only_and_every_slide_has_notes(downloads):
    for download, path in decks(downloads):
        slides = pptx_slides(path)
        assert all(slide["notes"].strip() for slide in slides), download.path
        for item in download.entry.all_items():
            if item.notes:
                holding = [n for n, slide in enumerate(slides) if squash(item.notes) in squash(slide["notes"])]
                assert len(holding) == 1, (download.path, item.notes, holding)


def test_titles_take_one_line_without_piling_up(downloads):
    for _, path in decks(downloads):
        for slide in pptx_slides(path)[1:]:
            assert "(continued)" not in slide["title"] and " of " not in slide["title"].rpartition("·")[2]


def test_under_the_hostile_template_nothing_covers_the_footer_band(hostile):
    for _, path in decks(hostile):
        deck = Presentation(str(path))
        band = next(shape for shape in deck.slide_master.shapes if shape.has_text_frame and shape.text_frame.text == BAND_TEXT)
        for slide in deck.slides:
            for shape in slide.shapes:
                assert shape.top + shape.height <= band.top, (slide.shapes.title.text_frame.text if slide.shapes.title else "", shape.name)


def _closing_only(page: str, closing: list[str], references: list[str]) -> bool:
    """A page holding nothing but the closing notes (the address, what it was made from) and at most one reference:
    fewer than 40 words once they are taken out, no lines to write on, and not two references."""
    rest = re.sub(r"\S+ online: https?://\S+", " ", page)
    for text in closing:
        rest = rest.replace(text, " ")
    shown = sum(1 for reference in references if reference in rest)
    closing_there = rest != page or shown or rest.strip().startswith("Source:")
    return bool(closing_there) and "____" not in rest and len([word for word in rest.split() if word != "References"]) < 40 and shown <= 1


def test_word_pages_break_well_and_the_reckoner_is_one_page(downloads, project, edition, tmp_path):
    handouts = [path for download, path in downloads if download.format == "docx"]
    pdfs = to_pdf(handouts, tmp_path)
    reckoner = next(path for download, path in downloads if download.path == "downloads/ready-reckoner.docx")
    assert len(pdf_pages(pdfs[reckoner])) == 1
    references = [squash(ref.as_printed or ref.authors)[:20] for ref in project.data.every(CITED.name)]
    for path in handouts:
        footer = re.escape(squash(f"{edition.settings.site_name}: {Document(str(path)).core_properties.title} · page"))
        for number, page in enumerate(pdf_pages(pdfs[path])[1:], 2):
            body = re.sub(footer + r" \d+", " ", page).replace(LETTERHEAD, " ").replace(BAND_TEXT, " ")
            assert not _closing_only(body, [squash(edition.made_from)], references), (path.name, number, page[:300])


def test_headings_and_trainers_notes_keep_with_the_next_paragraph(downloads):
    for download, path in downloads:
        if download.format != "docx":
            continue
        paragraphs = Document(str(path)).paragraphs
        for paragraph in paragraphs[:-1]:
            if paragraph.style.name.startswith("Heading") or paragraph.style.name == "Trainer Note":
                assert paragraph.paragraph_format.keep_with_next, (path.name, paragraph.text)


def test_a_letterhead_too_deep_for_the_reckoner_is_named(project, fixture_source, tmp_path):
    data = tmp_path / "data"
    shutil.copytree(fixture_source / "data", data)
    (data / "local").mkdir(exist_ok=True)
    hostile_letterhead(data / "local" / "handout-template.docx")
    edition = edition_for(project, BUILT, SITE_URL, data)
    assert one_page_problems(project, edition) == []
    document = Document(str(data / "local" / "handout-template.docx"))
    section = document.sections[0]
    section.top_margin = section.bottom_margin = section.page_height * 4 // 10
    document.save(str(data / "local" / "handout-template.docx"))
    [problem] = one_page_problems(project, edition_for(project, BUILT, SITE_URL, data))
    assert problem.startswith("downloads/ready-reckoner.docx: ") and "data/local/handout-template.docx" in problem


def test_a_long_subtitle_is_set_smaller_not_run_off_the_slide(hostile):
    [(_, path)] = [(download, path) for download, path in decks(hostile) if download.entry_id == "wordy-cover"]
    assert problems(path) == []
    cover = pptx_slides(path)[0]
    assert "Social workers, health visitors" in cover["text"] + cover["notes"]
