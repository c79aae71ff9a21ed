"""Every Word download, opened with python-docx: the portfolio's text word for word and in order, in
Word's own heading, list and table styles, in British English, with its properties, header rows,
alt text, working links, and nothing that runs (no field from data, no macro)."""

from __future__ import annotations

import re

import pytest
from docx import Document
from docx.oxml.ns import qn

from macros.model.kinds import KINDS
from macros.outputs.word.document import TRAINER_NOTE
from macros.render.filters import number_word
from tests.office import assert_in_order, docx_styles, docx_text, download_sentences, item_sentences, package_xml, qr_codes, squash

from .conftest import SITE_URL

WORD_KINDS = [kind for kind in KINDS if kind.word]


def contents_bookmarks(body: str) -> set[str]:
    """The bookmarks a contents may point to: the code's own names."""
    names = set(re.findall(r'w:bookmarkStart [^>]*w:name="([^"]+)"', body))
    assert all(re.fullmatch(r"(session|item)_\d+|running_order|materials|notes", name) for name in names), names
    return names


def word_files(written):
    files = [(download, path) for download, path in written if download.format == "docx"]
    assert files
    return files


def test_each_kind_the_registry_names_has_its_word_files(project, written):
    files = {download.path for download, _ in word_files(written)}
    expected = set()
    assert WORD_KINDS
    for kind in WORD_KINDS:
        entries = getattr(project.data, kind.name)
        for spec in kind.downloads("word"):
            if kind.single or not spec.per_entry:
                expected.add(f"downloads/{spec.name}")
            else:
                expected |= {f"downloads/{spec.name.format(entry=entry)}" for entry in entries}
    assert files == expected
    assert len(files) >= len(project.data.case_studies) + len(project.data.question_sets) + 2 * len(project.data.packs)


def test_every_sentence_of_each_item_is_there_in_order(project, written):
    checked = 0
    for download, path in word_files(written):
        expected = download_sentences(project.data, download)
        assert expected, download.path
        assert_in_order(expected, docx_text(path), download.path)
        checked += len(expected)
    # At least every sentence of every case study (each has a handout of its own, and may be in packs too).
    assert project.data.case_studies
    assert checked >= sum(len(item_sentences(project.data, "case_studies", case)) for case in project.data.case_studies)


def test_no_markdown_is_left_as_raw_symbols(written):
    for download, path in word_files(written):
        text = docx_text(path)
        assert "**" not in text and "](" not in text and "cite:" not in text, download.path
        assert not re.search(r"(^|\s)\*[A-Za-z]", text), download.path


EMPHASIS = re.compile(r"(?<![*\w])\*([^*\s][^*]*?)\*(?![*\w])")
LINK = re.compile(r"\[[^\]]+\]\(([^)\s]+)\)")


def test_emphasis_and_links_are_real_word_formatting(project, written):
    """A checklist's *emphasis* is italic; its links, to a page of the site or to a file elsewhere, are Word's
    hyperlinks to full addresses (the fixture's assessment questions have emphasis, its supervision questions both links)."""
    paths = {download.path: path for download, path in written}
    emphasised = linked = 0
    for questions in project.data.question_sets:
        path = paths[f"downloads/checklist-{questions.id}.docx"]
        words = {match for question in questions.questions for match in EMPHASIS.findall(question)}
        if words:
            document = Document(str(path))
            italic = {run.text for p in document.paragraphs for run in p.runs if run.italic}
            assert words <= italic, questions.id
            emphasised += 1
        targets = [target for question in questions.questions for target in LINK.findall(question)]
        if targets:
            xml = package_xml(path)
            relations = xml["word/_rels/document.xml.rels"]
            for target in targets:
                if target.startswith(("http:", "https:")):
                    assert f'Target="{target}"' in relations, target
                else:  # a page of the site, e.g. ../training-resources/<id>.md, at its address
                    page = target.removeprefix("../").removesuffix(".md")
                    assert f'Target="{SITE_URL}{page}/"' in relations, target
            assert relations.count('TargetMode="External"') >= len(set(targets))
            assert "<w:hyperlink" in xml["word/document.xml"]
            linked += 1
    assert emphasised and linked


HEADING = re.compile(r"^(Title|Heading [1-9])$")


def test_headings_use_words_heading_styles_in_order(project, written):
    for download, path in word_files(written):
        styles = docx_styles(path)
        headings = [(name, text) for name, text in styles if HEADING.match(name)]
        assert headings, download.path
        levels = [0 if name == "Title" else int(name[-1]) for name, _ in headings]
        assert all(after <= before + 1 for before, after in zip(levels, levels[1:])), (download.path, levels)
        texts = [text for _, text in headings]
        if download.kind == "case_studies":
            case = download.entry
            assert headings[0] == ("Heading 1", f"Case study {number_word(case.number)}: {case.title}")
            assert "Something to think about" in texts
        elif download.kind == "question_sets":
            assert headings[0] == ("Heading 1", f"Checklist: {download.entry.title}")
        elif download.kind == "resistance_types":
            assert [t.title for t in project.data.resistance_types] == [text for name, text in headings if name == "Heading 2" and text in {t.title for t in project.data.resistance_types}]
        elif download.kind == "packs":
            pack = download.entry
            assert headings[0] == ("Title", pack.title)
            assert [text for name, text in headings if name == "Heading 1" and text.startswith("Session ")] == [
                f"Session {n}: {session.title}" for n, session in enumerate(pack.sessions, 1)]


def test_language_title_author_and_subject(project, written):
    committee = project.data.site.committee_name
    for download, path in word_files(written):
        document = Document(str(path))
        properties = document.core_properties
        assert properties.language == "en-GB", download.path
        assert properties.author == committee and properties.title and properties.subject, download.path
        assert squash(properties.title) in squash(docx_text(path)), download.path
        styles = document.styles.element
        default = styles.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr")).find(qn("w:lang"))
        assert default.get(qn("w:val")) == "en-GB"
        assert {lang.get(qn("w:val")) for lang in styles.iter(qn("w:lang"))} == {"en-GB"}


def test_tables_have_repeated_header_rows_and_a_title(project, written):
    tables = 0
    for download, path in word_files(written):
        for table in Document(str(path)).tables:
            tables += 1
            first = table.rows[0]._tr
            assert first.trPr is not None and first.trPr.find(qn("w:tblHeader")) is not None, download.path
            assert all(row._tr.trPr.find(qn("w:tblHeader")) is None for row in table.rows[1:])
            assert table._tbl.tblPr.find(qn("w:tblCaption")).get(qn("w:val")), download.path
            assert table.style.name == "Table Grid"
    # The reckoner's, each pack edition's with it, and each facilitator's guide's running order.
    assert tables == 1 + sum(2 * any(item.ready_reckoner for item in pack.items()) + 1 for pack in project.data.packs)


def test_pictures_have_alt_text_and_qr_codes_read_as_the_page_address(written):
    pictures = 0
    for download, path in word_files(written):
        xml = package_xml(path)["word/document.xml"]
        for descr in re.findall(r"<wp:docPr [^>]*>", xml):
            pictures += 1
            assert re.search(r'descr="QR code of https?://[^"]+"', descr), descr
        if download.kind == "case_studies":
            address = f"{SITE_URL}case-studies/{download.entry.id}/"
            assert qr_codes(path) == [address], download.path
            assert address in docx_text(path)
    assert pictures >= 1


def test_questions_are_word_lists_with_tick_boxes(written):
    checklists = [(download, path) for download, path in word_files(written) if download.kind == "question_sets"]
    assert checklists
    for download, path in checklists:
        document = Document(str(path))
        items = [p for p in document.paragraphs if p._p.pPr is not None and p._p.pPr.numPr is not None]
        assert len(items) == len(download.entry.questions), download.path
        assert {p.style.name for p in items} <= {"List Bullet", "List Number"}
        numbering = package_xml(path)["word/numbering.xml"]
        assert "☐" in numbering


def test_trainers_notes_are_set_apart_and_labelled(project, written):
    """In the facilitator's guide (the participant's handout has none: tests/outputs/test_packs.py)."""
    notes = 0
    assert project.data.packs
    for download, path in word_files(written):
        if download.kind != "packs" or not download.path.endswith("-facilitator.docx"):
            continue
        styles = docx_styles(path)
        for item in download.entry.all_items():
            if not item.notes:
                continue
            notes += 1
            holding = [(name, text) for name, text in styles if squash(item.notes) in squash(text)]
            assert holding and all(name == TRAINER_NOTE for name, _ in holding), holding
            assert all(text.startswith("Trainer’s note (not from the portfolio): ") for _, text in holding)
        if download.entry.example:
            assert "This is an example pack" in docx_text(path)
    assert notes and notes == sum(1 for pack in project.data.packs for item in pack.all_items() if item.notes)


def test_nothing_runs_no_field_from_data_and_no_macro(written):
    for download, path in word_files(written):
        parts = package_xml(path)
        assert not any("vbaProject" in name for name in parts)
        assert "macroEnabled" not in parts["[Content_Types].xml"]
        body = parts["word/document.xml"]
        assert "<w:fldSimple" not in body, download.path
        # A pack's contents: the page number of each heading's bookmark, which the code names (never data).
        assert set(re.findall(r"<w:instrText[^>]*>([^<]*)<", body)) <= {f" PAGEREF {name} \\h " for name in contents_bookmarks(body)}
        fields = [instr for name, xml in parts.items() for instr in re.findall(r'w:instr="([^"]*)"', xml)]
        assert set(fields) <= {" PAGE "}, fields  # the default footer's page number, written by the code


@pytest.mark.parametrize("kind", ["case_studies", "ready_reckoner", "packs"])
def test_each_handout_names_its_source(project, written, kind):
    handouts = [(download, path) for download, path in word_files(written) if download.kind == kind]
    assert handouts
    for download, path in handouts:
        assert "West of Scotland Child Protection Consortium (2016)" in docx_text(path), download.path
        assert "built 30 November 2026" in docx_text(path), download.path
