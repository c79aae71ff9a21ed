"""Printables, printed for real: Chromium makes A4 PDFs and pypdf reads them back."""

from __future__ import annotations

import io
import re
import unicodedata

import pytest
from pypdf import PdfReader

from macros.outputs.printed import MANIFEST
from macros.render.filters import number_word
from tests.browser.test_pdf import converted_names, printable_names
from tests.helpers import fixture_data, open_settled, page, page_address
from tests.pdfs import LOCAL, page_texts, qr_codes

DATA = fixture_data()

# Text that only the site's screen chrome carries: header, search, navigation (the Parts' titles in the
# menu), footer.
CHROME = ["Search", "Table of contents", *(part.title for part in DATA.book.parts), "Content: Working with Resistance practitioner portfolio"]


def squash(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def print_pdf(browser_page, url: str) -> tuple[int, list[str]]:
    """Open a page, print it to A4 as the pdf command does, and return its page count and text."""
    browser_page.goto(url, wait_until="networkidle")
    pdf = browser_page.pdf(format="A4", print_background=True, prefer_css_page_size=True)
    reader = PdfReader(io.BytesIO(pdf))
    return len(reader.pages), [squash(p.extract_text()) for p in reader.pages]


def assert_no_chrome(text: str) -> None:
    for marker in CHROME:
        assert marker not in text, f"site chrome {marker!r} printed"


def test_blank_ready_reckoner_prints_on_one_page(tab, served_site):
    pages, texts = print_pdf(tab, served_site + "appendix/ready-reckoner-blank/")
    assert pages == 1
    text = texts[0]
    reckoner = DATA.ready_reckoner
    assert reckoner.indicators and reckoner.actions and reckoner.visits
    for item in [*(i.text for i in reckoner.indicators), *(a.text for a in reckoner.actions), *reckoner.visits]:
        assert squash(item) in text
    for field in ("Child or case reference", "Practitioner", "Agency", "Date of visit"):
        assert field in text
    assert squash(reckoner.source) in text and "West of Scotland Child Protection Consortium" in text
    # Opened from a loopback address, with no public one (no SITE_URL): no address on paper at all.
    assert "127.0.0.1" not in text and f"Printed from the {DATA.site.site_name} site" in text
    assert "✓" not in text and "mm/dd/yyyy" not in text
    assert_no_chrome(text)


def test_reckoner_ticks_print_as_ticked_and_nothing_is_kept_or_sent(tab, served_site):
    requests: list[str] = []
    tab.on("request", lambda request: requests.append(request.url))
    open_settled(tab, served_site + "appendix/ready-reckoner/")
    loaded = len(requests)
    tab.fill("#reckoner-case", "AB-17")
    tab.fill("#reckoner-practitioner", "R. Practitioner")
    tab.fill("#reckoner-agency", "Health visiting")
    tab.fill("#visit-1-date", "2026-11-02")
    indicators = DATA.ready_reckoner.indicators
    assert len(indicators) >= 3
    ticked = {(i.id, v) for n, i in enumerate(indicators) for v in (1, 2, 3) if v == 1 or (v == 2 and n % 2 == 0) or (v == 3 and n < 3)}
    for indicator_id, visit in sorted(ticked):
        tab.check(f"#tick-{indicator_id}-{visit}")
    assert tab.locator("#count-3").inner_text() == "3"
    assert "Visit 3" in tab.locator("#reckoner-reading").inner_text()

    storage = tab.evaluate(
        "async () => [document.cookie, localStorage.length, sessionStorage.length, (await indexedDB.databases()).length]"
    )
    assert storage == ["", 0, 0, 0]
    assert requests[loaded:] == []

    pdf = tab.pdf(format="A4", print_background=True, prefer_css_page_size=True)
    reader = PdfReader(io.BytesIO(pdf))
    assert len(reader.pages) == 1
    text = squash(reader.pages[0].extract_text())
    assert "AB-17" in text and "R. Practitioner" in text and "Health visiting" in text
    assert text.count("✓") == len(ticked)
    # Row by row: the ticks printed after each indicator are the ones ticked on screen.
    positions = [text.index(squash(i.text)) for i in indicators] + [text.index("Indicators ticked")]
    for n, indicator in enumerate(indicators):
        row = text[positions[n] : positions[n + 1]]
        assert row.count("✓") == sum(1 for v in (1, 2, 3) if (indicator.id, v) in ticked), indicator.text
    assert_no_chrome(text)

    tab.locator("#reckoner").get_by_role("button", name="Clear").click()
    assert tab.locator("input.wwr-tick:checked").count() == 0
    assert tab.input_value("#reckoner-case") == ""


def test_the_fixture_has_handouts_to_print():
    assert DATA.case_studies and DATA.question_sets and all(case.questions and case.illustrates for case in DATA.case_studies)


@pytest.mark.parametrize("case", DATA.case_studies, ids=lambda c: c.id)
def test_case_study_handout_prints_on_at_most_two_pages(tab, served_site, case):
    pages, texts = print_pdf(tab, served_site + f"case-studies/{case.id}/")
    assert 1 <= pages <= 2
    text = " ".join(texts)
    first_sentence = squash(case.narrative.split(". ")[0].replace("*", ""))
    assert first_sentence in text
    assert case.questions and case.illustrates
    for question in case.questions:
        assert squash(question.split("?")[0]) in text
    for type_id in case.illustrates:
        assert DATA.by_id["resistance_types"][type_id].title in text
    assert "Notes" in text and "West of Scotland Child Protection Consortium (2016)" in text
    assert "127.0.0.1" not in text and "This case study online" not in text  # no public address known: none printed
    assert_no_chrome(text)


@pytest.mark.parametrize("question_set", DATA.question_sets, ids=lambda q: q.id)
def test_question_checklist_prints_on_one_page(tab, served_site, question_set):
    pages, texts = print_pdf(tab, served_site + f"checklists/{question_set.id}/")
    assert pages == 1
    assert question_set.questions
    for question in question_set.questions:
        assert squash(question.replace("*", ""))[:60] in texts[0]
    assert_no_chrome(texts[0])
    boxes = tab.locator("ul.wwr-checklist input[type=checkbox]")
    assert boxes.count() == len(question_set.questions)


def test_a_browsers_own_print_of_the_whole_portfolio_is_the_book(tab, served_site, site):
    """Printed from a browser (not ./run pdf): the cover, then the contents (with no page numbers, which
    only ./run pdf can know), then each Part from a new page."""

    def heading(doc) -> str:
        return doc.get_text(" ", strip=True).replace("¶", "").strip()

    book = page_address(DATA.book.print_page)
    parts = [heading(h) for h in page(site, book).select("article section.wwr-print-part > h1")]
    # Each Part opens with the heading of its first page, in the book's order.
    assert DATA.book.parts and parts == [heading(page(site, page_address(part.all_pages[0].page)).select_one("article h1")) for part in DATA.book.parts]
    pages, texts = print_pdf(tab, served_site + book)
    assert pages >= 2 + len(parts)  # the cover, the contents, each Part
    assert "Page 1 of" not in texts[0] and "West of Scotland Child Protection Consortium" in texts[0]  # the cover
    for number, text in enumerate(texts[1:], start=2):
        assert f"Page {number} of {pages}" in text and DATA.site.site_name in text
    contents = texts[1]
    assert "Contents" in contents and not re.search(r"Introduction \d", contents)
    # Each Part starts its own page, in order: the first page with its title twice (running head and heading).
    starts = [next(n for n, t in enumerate(texts) if n > 1 and unicodedata.normalize("NFKC", t).count(part) >= 2) for part in parts]
    assert starts == sorted(starts) and len(set(starts)) == len(parts)
    everything = " ".join(texts)
    assert "127.0.0.1" not in everything and "localhost" not in everything
    assert DATA.case_studies
    for case in DATA.case_studies:
        assert f"Case study {number_word(case.number)}: {case.title}" in everything


def test_pdf_command_prints_every_printable(site, fixture_source, tmp_path):
    import subprocess
    import sys

    out = tmp_path / "pdf"
    result = subprocess.run(
        [sys.executable, "-m", "macros", "pdf", "--site-dir", str(site), "--out", str(out)], cwd=fixture_source, capture_output=True, text=True, timeout=300
    )
    assert result.returncode == 0, result.stderr
    names = sorted(p.name for p in out.iterdir() if p.name != MANIFEST)
    assert names == sorted(printable_names(DATA) + converted_names(DATA))
    # Built with no SITE_URL: every PDF, no address and no QR code on any, and the command says why.
    assert "SITE_URL" in result.stdout and "no web addresses and no QR codes" in result.stdout
    for name in names:
        text = " ".join(page_texts(out / name))
        assert not LOCAL.search(text), name
        assert "Printed from:" not in text and "This case study online" not in text, name
    first = DATA.case_studies[0]
    assert qr_codes(out / f"case-study-{first.number:02d}-{first.id}.pdf", 1, 150) == []
