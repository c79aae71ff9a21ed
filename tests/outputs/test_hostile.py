"""Hostile text through every download: XML's special characters, characters XML cannot hold (the
loader refuses control characters, tests/loading/test_yaml_limits.py; Unicode's non-characters it lets
through), a very long word, right-to-left text and things that look like Word fields or formulas. Every file
must still open (python-docx, python-pptx, LibreOffice), show the text as text, and run nothing."""

from __future__ import annotations

import json
import re

import pytest
from docx import Document
from pptx import Presentation

from macros.load import load_project
from macros.outputs.cache import build_downloads
from macros.outputs.downloads import plan_downloads
from macros.outputs.edition import edition_for
from tests.helpers import fixture_project
from tests.office import docx_text, package_xml, pdf_pages, pptx_slides, to_pdf

from .conftest import BUILT, SITE_URL

MARKUP = '<script>alert("x")</script> & "quotes" ]]> <![CDATA[ x ]]>'
CONTROL = "\ufffe\uffff"
FIELD = "{ DDEAUTO c:\\windows\\system32\\cmd.exe } =cmd|' /C calc'!A0 { MERGEFIELD name }"
RIGHT_TO_LEFT = "שלום עולם مرحبا بالعالم"
LONG_WORD = "Unbroken" * 500
QUESTION = f"{MARKUP} {CONTROL} {FIELD} {RIGHT_TO_LEFT} {LONG_WORD}?"
TITLE = f"Jane & Steven ]]> {CONTROL} {RIGHT_TO_LEFT} {'Long' * 60}"
NOTE = f"{MARKUP} {CONTROL} {FIELD} {RIGHT_TO_LEFT} {LONG_WORD}"
INDICATOR = f"Parents & carers ]]> {CONTROL} {RIGHT_TO_LEFT} {'Long' * 60}"
LOCAL_PACK = f"""packs:
  - id: hostile
    title: {json.dumps(TITLE)}
    audience: {json.dumps(RIGHT_TO_LEFT + " " + CONTROL)}
    duration: "1 hour"
    about: {json.dumps(NOTE)}
    sessions:
      - title: {json.dumps(TITLE)}
        items:
          - case_study: one
            notes: {json.dumps(NOTE)}
          - question_set: assessment
            notes: {json.dumps(NOTE)}
          - ready_reckoner: true
"""


@pytest.fixture(scope="module")
def hostile(tmp_path_factory):
    """Every download of a project whose data holds the hostile text (a local pack holds it too)."""
    project_dir = fixture_project(tmp_path_factory.mktemp("hostile") / "project")
    data = project_dir / "data"
    (data / "local").mkdir(exist_ok=True)
    cases = (data / "case_studies.yml").read_text(encoding="utf-8")
    cases = cases.replace('    title: "Jane and Steven"', f"    title: {json.dumps(TITLE)}", 1)
    cases = cases.replace('      - "What assumptions do we make', f"      - {json.dumps(QUESTION)}\n      - \"What assumptions do we make", 1)
    (data / "case_studies.yml").write_text(cases, encoding="utf-8")
    questions = (data / "question_sets.yml").read_text(encoding="utf-8")
    questions = questions.replace('      - "What might lie behind', f"      - {json.dumps(QUESTION)}\n      - \"What might lie behind", 1)
    (data / "question_sets.yml").write_text(questions, encoding="utf-8")
    behaviours = (data / "resistance_types.yml").read_text(encoding="utf-8")
    behaviours = behaviours.replace('  description: "This behaviour can include', f'  description: {json.dumps(NOTE)[:-1]}\\n\\nThis behaviour can include', 1)
    (data / "resistance_types.yml").write_text(behaviours, encoding="utf-8")
    reckoner = (data / "ready_reckoner.yml").read_text(encoding="utf-8")
    reckoner = reckoner.replace('      text: "The adults deflect attention', f"      text: {json.dumps(INDICATOR)[:-1]} The adults deflect attention", 1)
    (data / "ready_reckoner.yml").write_text(reckoner, encoding="utf-8")
    (data / "local" / "packs.yml").write_text(LOCAL_PACK, encoding="utf-8")
    project = load_project(project_dir)
    assert CONTROL in project.data.by_id["case_studies"]["one"].title, "the data must really hold the characters XML cannot"
    edition = edition_for(project, BUILT, SITE_URL, data)
    planned = [d for d in plan_downloads(project, edition) if d.entry_id in ("one", "relationships", "hostile") or d.entry_id is None]
    return build_downloads(project, edition, planned, project_dir / "cache")


def test_every_file_opens_and_shows_the_text_as_text(hostile):
    kinds = set()
    for download, path in hostile:
        kinds.add((download.kind, download.format))
        if download.format == "docx":
            text = docx_text(path)
            Document(str(path))
        else:
            Presentation(str(path))
            slides = pptx_slides(path)
            text = "\n".join(slide["title"] + "\n" + slide["text"] + "\n" + slide["notes"] for slide in slides)
        if download.kind == "ready_reckoner":
            assert RIGHT_TO_LEFT in text and "Parents & carers ]]>" in text and not any(char in text for char in CONTROL)
            continue
        assert MARKUP in text and RIGHT_TO_LEFT in text, download.path
        assert not any(char in text for char in CONTROL), download.path
        assert "{ DDEAUTO c:\\windows\\system32\\cmd.exe }" in text and "=cmd|' /C calc'!A0" in text, download.path
        assert LONG_WORD in text.replace("\n", ""), download.path
    assert {("case_studies", "docx"), ("question_sets", "docx"), ("packs", "docx"), ("packs", "pptx"), ("resistance_types", "docx"), ("ready_reckoner", "docx")} <= kinds


def test_nothing_becomes_a_field_a_formula_or_a_macro(hostile):
    for download, path in hostile:
        parts = package_xml(path)
        everything = "\n".join(parts.values())
        assert "<w:fldSimple" not in parts.get("word/document.xml", "")
        # The only fields: the footer's page number, and a pack's contents' page numbers of the code's own bookmarks.
        for instruction in re.findall(r"<w:instrText[^>]*>([^<]*)<", everything):
            assert re.fullmatch(r" PAGEREF ((session|item)_\d+|running_order|materials|notes) \\h ", instruction), (download.path, instruction)
        assert set(re.findall(r'w:instr="([^"]*)"', everything)) <= {" PAGE "}
        assert "DDEAUTO" not in "".join(re.findall(r'instr="[^"]*"', everything))
        assert not any("vbaProject" in name or "oleObject" in name or "embeddings/" in name for name in parts), download.path


def test_libreoffice_opens_and_prints_every_hostile_file(hostile, tmp_path):
    files = [path for _, path in hostile]
    pdfs = to_pdf(files, tmp_path)
    for download, path in hostile:
        pages = pdf_pages(pdfs[path])
        assert pages and any(pages), download.path
        assert ('alert("x")' in " ".join(pages)) == (download.kind != "ready_reckoner"), download.path
