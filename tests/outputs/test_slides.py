"""Every slide deck, opened with python-pptx: a deck per pack, a title on every slide, the portfolio's
text in order and in readable pieces, and speaker notes that carry the source and the trainer's notes
(labelled, and never on the slides themselves)."""

from __future__ import annotations

import re

from pptx import Presentation

from macros.render.filters import number_word
from tests.office import assert_in_order, download_sentences, package_xml, pptx_slides, sentences, squash


def decks(written):
    found = [(download, path) for download, path in written if download.format == "pptx"]
    assert found
    return found


def test_a_deck_for_each_pack(project, written):
    assert sorted(download.entry_id for download, _ in decks(written)) == sorted(pack.id for pack in project.data.packs)


def test_title_slide_then_the_sessions_in_order(written):
    for download, path in decks(written):
        pack = download.entry
        slides = pptx_slides(path)
        assert slides[0]["title"] == pack.title
        assert ("Example training pack" in slides[0]["text"]) == pack.example
        assert pack.audience in slides[0]["text"] and pack.duration in slides[0]["text"]
        sessions = [s["title"] for s in slides if s["title"].startswith("Session ")]
        assert sessions == [f"Session {n}: {session.title}" for n, session in enumerate(pack.sessions, 1)]


def test_every_slide_has_its_own_title(written):
    for download, path in decks(written):
        titles = [slide["title"] for slide in pptx_slides(path)]
        assert all(title.strip() for title in titles), download.path
        assert len(titles) == len(set(titles)), [t for t in titles if titles.count(t) > 1]


def test_the_portfolios_text_is_on_the_slides_in_order(project, written):
    for download, path in decks(written):
        slides = pptx_slides(path)
        text = "\n".join(slide["text"] for slide in slides)
        assert_in_order(download_sentences(project.data, download), text, download.path)


def test_case_studies_have_narrative_slides_then_a_question_slide(project, written):
    checked = 0
    for download, path in decks(written):
        titles = [slide["title"] for slide in pptx_slides(path)]
        for item in download.entry.items():
            if item.kind.name != "case_studies":
                continue
            case = project.data.by_id["case_studies"][item.entry_id]
            label = f"({re.escape(f'Case study {number_word(case.number)}: ')})?{re.escape(case.title)}"  # shortened where too long for a line
            narrative = [n for n, title in enumerate(titles) if re.fullmatch(f"{label}( · \\d+/\\d+)?", title)]
            [questions] = [n for n, title in enumerate(titles) if re.fullmatch(f"{label} — Something to think about", title)]
            assert narrative and narrative == list(range(narrative[0], questions)), titles
            checked += 1
    assert checked


def test_speaker_notes_carry_the_source_and_the_trainers_notes(written):
    notes = 0
    for download, path in decks(written):
        slides = pptx_slides(path)
        body = squash(" ".join(slide["text"] for slide in slides))
        for item in download.entry.items():
            if item.notes:
                note = squash(item.notes)
                holding = [slide for slide in slides if note in squash(slide["notes"])]
                assert holding, (download.path, item.notes)
                assert all("Trainer’s note (not from the portfolio): " + note in squash(slide["notes"]) for slide in holding)
                assert note not in body, "a trainer's note must not be on a slide, where it would read as the portfolio's"
                notes += 1
        item_slides = [slide for slide in slides[1:-1] if not slide["title"].startswith("Session ") and "From the trainer" not in slide["text"]]
        assert all("West of Scotland Child Protection Consortium (2016)" in slide["notes"] for slide in item_slides), download.path
    assert notes


def test_language_properties_and_nothing_that_runs(project, written):
    for download, path in decks(written):
        deck = Presentation(str(path))
        properties = deck.core_properties
        assert properties.language == "en-GB" and properties.author == project.data.site.committee_name
        assert properties.title == download.entry.title
        parts = package_xml(path)
        assert not any("vbaProject" in name for name in parts) and "macroEnabled" not in parts["[Content_Types].xml"]
        slides = {name: xml for name, xml in parts.items() if name.startswith("ppt/slides/slide")}
        assert all('lang="en-GB"' in xml for xml in slides.values())
        assert not any("ppaction://" in xml or "<p:oleObj" in xml for xml in parts.values())


def test_numbered_questions_keep_their_numbers_across_slides(project, written):
    """A numbered set cut over several slides goes on 4., 5., ... rather than starting again at 1."""
    checked = 0
    for download, path in decks(written):
        numbers = {}
        for slide in Presentation(str(path)).slides:
            for shape in slide.shapes:
                for paragraph in shape.text_frame.paragraphs if shape.has_text_frame else []:
                    found = paragraph._p.xpath("./a:pPr/a:buAutoNum/@startAt")
                    if found:
                        numbers[squash(paragraph.text)] = int(found[0])
        for item in download.entry.items():
            questions = project.data.by_id["question_sets"].get(item.entry_id) if item.kind.name == "question_sets" else None
            if questions is not None and questions.numbered:
                for number, question in enumerate(questions.questions, 1):
                    shown = [value for text, value in numbers.items() if text == squash(" ".join(sentences(question)))]
                    assert shown == [number], (question, shown)
                    checked += 1
    assert checked
