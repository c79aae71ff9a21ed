"""A training pack's two editions and its slides: the participant's handout holds no trainer's note, the
facilitator's guide every note, timing, the running order and the materials; the trainer's own items are marked
"From the trainer" and never given the portfolio's source; the pack's page keeps the notes back unless the pack
says public_notes; every slide has speaker notes, with the timings; no name printed twice on a cover; no address
without SITE_URL; and, through LibreOffice, a cover alone on its page, the build's details on the next, and
contents whose page numbers are the pages the sessions are on."""

from __future__ import annotations

import dataclasses
import re
import shutil

import pytest
from docx import Document

from macros.model.kinds._pack_documents import FROM_THE_TRAINER, schedule
from macros.outputs.cache import build_downloads
from macros.outputs.downloads import plan_downloads
from macros.outputs.word.document import TRAINER_MARK
from macros.render.context import portfolio_environment
from macros.render.templates import render
from tests.helpers import ROOT
from tests.office import docx_styles, docx_text, pdf_pages, pptx_slides, squash

from .conftest import BUILT

PORTFOLIO_SOURCE = "West of Scotland Child Protection Consortium (2016)"


def pack_files(written, ending: str):
    found = [(download, path) for download, path in written if download.kind == "packs" and download.path.endswith(ending)]
    assert found, ending
    return found


def notes_of(pack) -> list[str]:
    return [item.notes for item in pack.all_items() if item.notes]


def test_the_participants_handout_holds_no_trainers_note(written):
    for download, path in pack_files(written, "-handout.docx"):
        text = squash(docx_text(path))
        assert notes_of(download.entry), "the fixture's pack has trainer's notes"
        for note in notes_of(download.entry):
            assert squash(note) not in text, (download.path, note)
        assert "Trainer’s note" not in text and "Running order" not in text
        assert "Your notes" in text and "Contents" in text  # space for notes, and the contents


def test_the_facilitators_guide_holds_every_note_timing_the_running_order_and_materials(written):
    for download, path in pack_files(written, "-facilitator.docx"):
        pack, text = download.entry, squash(docx_text(path))
        for note in notes_of(pack):
            assert f"Trainer’s note (not from the portfolio): {squash(note)}" in text, note
        timings = [timed.text for session, items in schedule(pack) for timed in [session, *items] if timed.text]
        assert timings
        for timing in timings:
            assert f"Time: {timing}" in text, timing
        table = Document(str(path)).tables[0]
        assert [cell.text for cell in table.rows[0].cells] == ["Session", "Time", "Item", "Activity"]
        rows = [[cell.text for cell in row.cells] for row in table.rows[1:]]
        assert len(rows) == sum(1 + len(session.items) for session in pack.sessions)
        # Each session on a line of its own, with its whole time, then its items, each with its own.
        (first_session, first_items), *_ = schedule(pack)
        assert rows[0] == ["Session 1: First session", first_session.clock, "", ""] and first_session.clock != first_items[0].clock
        assert rows[1][0] == "" and rows[1][1] == "09:30–09:40"
        bold = [all(run.bold for cell in row.cells for paragraph in cell.paragraphs for run in paragraph.runs if run.text.strip()) for row in table.rows[1:]]
        assert bold == [bool(row[0]) for row in rows]
        assert ["", "10:05–10:15", "Pairs: the next visit", "Activity (Pairs)"] in rows
        for material in pack.materials:
            assert material in text
        assert "pack-fixture-pack.pptx" in text and "pack-fixture-pack-handout.docx" in text


def test_the_trainers_own_items_are_marked_and_never_sourced(project, written):
    for download, path in pack_files(written, ".docx"):
        styles = docx_styles(path)
        headings = [index for index, (style, _) in enumerate(styles) if style.startswith("Heading")]
        trainer_titles = {"Agenda", "Learning outcomes", "Pairs: the next visit", "Break", "Discussion", "Close"}
        seen = set()
        for number, index in enumerate(headings):
            title = styles[index][1]
            if title not in trainer_titles:
                continue
            seen.add(title)
            end = headings[number + 1] if number + 1 < len(headings) else len(styles)
            inside = styles[index + 1 : end]
            assert inside[0] == (TRAINER_MARK, FROM_THE_TRAINER), (download.path, title, inside[:2])
            assert not any(PORTFOLIO_SOURCE in text for _, text in inside), (download.path, title)
        assert seen == trainer_titles, download.path


def test_the_trainers_slides_are_marked_and_every_slide_has_notes_with_timings(written):
    for _, path in pack_files(written, ".pptx"):
        slides = pptx_slides(path)
        assert all(slide["notes"].strip() for slide in slides), [slide["title"] for slide in slides if not slide["notes"].strip()]
        marked = [slide for slide in slides if FROM_THE_TRAINER in slide["text"].splitlines()]  # the mark: a text box of its own
        assert {slide["title"] for slide in marked} == {"Agenda", "Learning outcomes", "Pairs: the next visit", "Break", "Discussion", "Close"}
        for slide in marked:
            assert PORTFOLIO_SOURCE not in slide["notes"] and slide["notes"].startswith("From the trainer: ")
            assert "Time: " in slide["notes"]
        # Every slide of a timed session gives the session's timing (or the item's own).
        in_session = False
        for slide in slides[1:]:
            if slide["title"].startswith("Session "):
                in_session = True
                assert "Time: " in slide["notes"], slide["title"]
            elif slide["title"].startswith("About these slides"):
                in_session = False
            elif in_session:
                assert re.search(r"Session \d: .*minutes|Time: ", slide["notes"]), slide["title"]
        assert "In pairs, list what you would look for" in " ".join(slide["text"] for slide in marked)


def _pack_page(project, pack) -> str:
    env = portfolio_environment(project, ROOT / "overrides" / "portfolio", BUILT, dict(project.prose.titles))
    return render(env, "pack.md", entry=pack, page_src=f"packs/{pack.id}.md", page_url=None, qr_code=None, search_weight=1.0)


def test_the_packs_page_shows_the_notes_only_when_the_pack_says_public_notes(project):
    pack = project.data.packs[0]
    assert notes_of(pack) and not pack.public_notes
    hidden = _pack_page(project, pack)
    assert not any(squash(note) in squash(hidden) for note in notes_of(pack))
    assert "Pairs: the next visit *(from the trainer; 10 minutes)*" in hidden
    shown = _pack_page(project, pack.model_copy(update={"public_notes": True}))
    assert all(squash(note) in squash(shown) for note in notes_of(pack))


@pytest.fixture(scope="module")
def plain_site(project, edition, tmp_path_factory):
    """The packs' and the case studies' files of a site with no SITE_URL, named after its committee."""
    settings = edition.settings.model_copy(update={"site_name": edition.committee})
    bare = dataclasses.replace(edition, site_url=None, settings=settings)
    planned = [download for download in plan_downloads(project, bare) if download.kind in ("packs", "case_studies")]
    return build_downloads(project, bare, planned, tmp_path_factory.mktemp("plain"))


def test_without_site_url_a_handout_prints_no_address(plain_site):
    for download, path in plain_site:
        if download.format != "docx":
            continue
        text = docx_text(path)
        assert "online:" not in text and " page case-studies/" not in text and " page packs/" not in text, download.path


def test_a_committee_named_like_its_site_is_named_once(project, plain_site):
    committee = project.data.site.committee_name
    for download, path in plain_site:
        if download.kind != "packs":
            continue
        if download.format == "pptx":
            title_slide = pptx_slides(path)[0]["text"]
            assert title_slide.count(committee) == 1, title_slide
        else:
            cover = docx_text(path).split("About this")[0]
            assert cover.count(committee) == 1, cover


@pytest.mark.skipif(not shutil.which("soffice") and not shutil.which("libreoffice"), reason="needs LibreOffice")
def test_as_pdfs_the_cover_stands_alone_and_the_contents_gives_the_right_pages(project, written, tmp_path):
    """Converted as `./run pdf` converts them (outputs/pdf/convert.py), from a site's downloads/ folder."""
    from macros.outputs.pdf.convert import convert_documents, to_convert

    downloads = tmp_path / "site" / "downloads"
    downloads.mkdir(parents=True)
    for download, path in written:
        if download.format == "docx":
            shutil.copyfile(path, downloads / download.name)
    page = tmp_path / "site" / "packs" / "fixture-pack" / "index.html"  # the pack's page names its PDFs, as the build writes it
    page.parent.mkdir(parents=True)
    page.write_text('<html><head><meta name="wwr-pdf-converted" content="pack-fixture-pack-handout.pdf=one '
                    'pack-fixture-pack-facilitator.pdf=two"></head><body></body></html>', encoding="utf-8")
    assert {path.name: sources for path, sources in to_convert(tmp_path / "site").items()} == {
        "pack-fixture-pack-handout.docx": "one", "pack-fixture-pack-facilitator.docx": "two"}
    converted = convert_documents(tmp_path / "site", tmp_path / "pdf")
    assert {name: sources for name, _, sources in converted} == {"pack-fixture-pack-handout.pdf": "one", "pack-fixture-pack-facilitator.pdf": "two"}
    made = {name: pages for name, pages, _ in converted}
    pack = next(download.entry for download, _ in written if download.kind == "packs")
    for name, pages in made.items():
        text = pdf_pages(tmp_path / "pdf" / name)
        assert len(text) == pages
        cover, back = text[0], text[1]
        assert all(part in cover for part in (pack.title, pack.audience, pack.duration, "edition", project.data.site.committee_name))
        assert "Built" not in cover and "Built: 30 November 2026" in back
        contents = next(page for page in text if page.startswith("Contents"))
        for number, session in enumerate(pack.sessions, 1):
            heading = f"Session {number}: {session.title}"
            listed = re.search(re.escape(heading) + r"[ .…]*(\d+)", contents)
            assert listed, (name, heading)
            landed = next(index for index, page in enumerate(text, 1) if page.startswith(heading))
            assert int(listed.group(1)) == landed, (name, heading, listed.group(1), landed)
        if name.endswith("-handout.pdf"):
            assert not any(squash(note) in " ".join(text) for note in notes_of(pack))



def test_key_sentences_go_on_the_slides_word_for_word_and_the_handouts_keep_the_whole_case(project, edition, tmp_path):
    from macros.model.kinds.packs import KIND as PACKS
    from macros.model.kinds.packs import key_sentence_problems
    from macros.outputs.slides.pack import write_deck

    pack = project.data.packs[0]
    item = next(i for i in pack.all_items() if not i.trainer and i.field == "case_study")
    case = item.entry(project.data)
    sentences = re.split(r"(?<=[.?!])\s+", " ".join(case.narrative.split()))
    assert len(sentences) >= 4
    chosen = [sentences[0], sentences[2]]
    keyed = item.model_copy(update={"key_sentences": chosen})
    session = pack.sessions[0].model_copy(update={"items": [keyed]})
    pack = pack.model_copy(update={"sessions": [session]})
    assert list(key_sentence_problems(pack, project.data.by_id)) == []
    deck = tmp_path / "deck.pptx"
    write_deck(deck, project, edition, PACKS.slides.document(pack, project))
    shown = squash(" ".join(slide["text"] for slide in pptx_slides(deck)))
    assert all(squash(sentence) in shown for sentence in chosen)
    assert squash(sentences[1]) not in shown and squash(sentences[3]) not in shown  # only the chosen sentences
    handout = tmp_path / "handout.docx"
    from macros.outputs.word.handouts import write_document

    write_document(handout, project, edition, PACKS.word[0].document(pack, project))
    assert all(squash(sentence) in squash(docx_text(handout)) for sentence in sentences)  # the whole case
    retold = pack.model_copy(update={"sessions": [session.model_copy(update={"items": [item.model_copy(update={"key_sentences": ["Jane was fine."]})]})]})
    assert [reason for _, reason in key_sentence_problems(retold, project.data.by_id)] == [
        f"this is not word for word in the case study '{case.id}': copy the sentence exactly from its text"]
