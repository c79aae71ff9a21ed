"""Every PDF `./run pdf` makes, read back as a reader's software does (tests/pdfs.py).

One session prints them all once, from the fixture portfolio, for a committee of its own (the committee
fixture as data/local/: its own site name, committee and logo) hosted at a public address (SITE_URL): so
every name and address on paper must be that committee's, and every QR code must scan to that address.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import pytest
from pypdf import PdfReader

from macros.model.vocab import long_date
from macros.render.filters import number_word
from tests.helpers import COMMITTEE_FIXTURE, FIXTURE_SITE, fixture_data, fixture_project, page, page_address, run_mkdocs
from tests.pdfs import LOCAL, bookmarks, contents_entries, links, norm, page_texts, qr_codes, structure_roles

SITE_URL = "https://cp.example.org/portfolio/"
DATA = fixture_data(committee=True)
SITE = DATA.site
PARTS = [part.part for part in DATA.book.parts]


def page_pdfs() -> dict[str, str]:
    """Each PDF a prose page of the fixture prints to (its front matter's `pdf:`), and the page's address."""
    content = FIXTURE_SITE / "content"
    found = {}
    for md in sorted(content.rglob("*.md")):
        front = re.match(r"---\n(.*?)\n---\n", md.read_text(encoding="utf-8"), re.DOTALL)
        name = re.search(r"^pdf: *(\S+)", front.group(1), re.MULTILINE) if front else None
        if name:
            found[name.group(1)] = page_address(md.relative_to(content).as_posix())
    return found


def printable_names(data) -> list[str]:
    """Every PDF `./run pdf` makes of the portfolio `data` (with the fixture's prose pages): the whole portfolio,
    each Part, each page that asks for one, each case study and each checklist."""
    assert data.book.parts and data.case_studies and data.question_sets and page_pdfs()
    names = [data.book.pdf, *page_pdfs(), *(f"{part.part}.pdf" for part in data.book.parts)]
    names += [f"case-study-{c.number:02d}-{c.id}.pdf" for c in data.case_studies]
    names += [f"checklist-{q.id}.pdf" for q in data.question_sets]
    return sorted(names)


def converted_names(data) -> list[str]:
    """The PDFs `./run pdf` converts with LibreOffice from the Word files: each pack's two handouts
    (tests/outputs/test_packs.py reads them)."""
    assert data.packs
    return sorted(f"pack-{p.id}-{edition}.pdf" for p in data.packs for edition in ("handout", "facilitator"))


@dataclass(frozen=True)
class Printed:
    project: Path
    site: Path
    out: Path
    stdout: str
    seconds: float

    def reader(self, name: str) -> PdfReader:
        return PdfReader(self.out / name)


@pytest.fixture(scope="session")
def printed(tmp_path_factory) -> Printed:
    """The committee's site built with its public address, and every PDF printed from it once."""
    tmp = tmp_path_factory.mktemp("printed")
    project = fixture_project(tmp / "project")
    shutil.copytree(COMMITTEE_FIXTURE, project / "data" / "local", dirs_exist_ok=True)
    site = tmp / "site"
    result = run_mkdocs(["build", "--strict", "-d", str(site)], cwd=project, env={"SITE_URL": SITE_URL})
    assert result.returncode == 0, result.stderr
    out = tmp / "pdf"
    started = time.perf_counter()
    result = subprocess.run([sys.executable, "-m", "macros", "pdf", "--site-dir", str(site), "--out", str(out)],
                            cwd=project, capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr
    return Printed(project, site, out, result.stdout, time.perf_counter() - started)


def expected_names() -> list[str]:
    return printable_names(DATA)


def every_name() -> list[str]:
    """The printed PDFs and the converted ones."""
    return sorted(printable_names(DATA) + converted_names(DATA))


def test_every_printable_is_printed_and_the_command_says_so(printed):
    assert sorted(p.name for p in printed.out.glob("*.pdf")) == every_name()
    for name in every_name():
        assert f"{name} (" in printed.stdout
    assert f"addresses from {SITE_URL}" in printed.stdout and "SITE_URL" not in printed.stdout


def test_every_pdf_is_tagged_titled_bookmarked_and_in_british_english(printed):
    for name in expected_names():
        reader = printed.reader(name)
        root = reader.trailer["/Root"]
        assert "/StructTreeRoot" in root and root["/MarkInfo"]["/Marked"], name
        assert root["/Lang"] == "en-GB", name
        roles = structure_roles(reader)
        assert {"/Document", "/H1", "/P"} <= set(roles), (name, sorted(set(roles)))
        role_map = root["/StructTreeRoot"]["/RoleMap"]
        assert all(role in role_map or not role.startswith(("/Strong", "/Em", "/Aside")) for role in roles), name
        info = reader.metadata
        assert info.title and not info.title.endswith(SITE.site_name) and info.title.count(SITE.site_name) <= 1, (name, info.title)
        assert info.author == SITE.committee_name, name
        assert info.subject and "child protection" in info.get("/Keywords", ""), name
        xmp = reader.xmp_metadata
        assert xmp.dc_title["x-default"] == info.title and xmp.dc_creator == [SITE.committee_name], name
        assert next(xmp.get_element("", "http://www.aiim.org/pdfua/ns/id/", "part")).firstChild.data == "1", name
        marks = bookmarks(reader)
        assert marks and marks[0].depth == 0, name
        texts = [norm(t) for t in page_texts(printed.out / name)]
        for mark in marks:
            assert norm(mark.title) in texts[mark.page - 1], f"{name}: bookmark {mark.title!r} is not on page {mark.page}"
        assert [m.page for m in marks] == sorted(m.page for m in marks), f"{name}: bookmarks out of order"
        repeated = [(a.title, a.page) for a, b in zip(marks, marks[1:]) if norm(a.title) == norm(b.title)]
        assert not repeated, f"{name}: heading printed twice: {repeated}"
        # The headings a PDF's bookmarks follow: one level at a time.
        assert all(b.depth <= a.depth + 1 for a, b in zip(marks, marks[1:])), name


def test_links_are_real_described_and_land_on_their_target(printed):
    for name in expected_names():
        reader = printed.reader(name)
        texts = [norm(t) for t in page_texts(printed.out / name)]
        html = page(printed.site, page_address(DATA.book.print_page) if name == DATA.book.pdf else _page_of(printed, name))
        for link in links(reader):
            assert link.contents, f"{name}: a link on page {link.page} has no description"
            if link.uri:
                assert not LOCAL.search(link.uri), f"{name}: {link.uri}"
                assert "cp.example.org" not in link.uri or link.uri.startswith(SITE_URL), f"{name}: {link.uri}"
                continue
            target = html.find(id=link.name)
            if target is not None and re.fullmatch(r"h[1-6]", target.name):
                heading = norm(target.get_text().replace("¶", ""))
                assert heading in texts[link.lands - 1], f"{name}: the link to {heading!r} lands on page {link.lands}"


def _page_of(printed: Printed, name: str) -> str:
    for html in printed.site.rglob("index.html"):
        if f'<meta name="wwr-pdf" content="{name}"' in html.read_text(encoding="utf-8")[:8192]:
            return html.parent.relative_to(printed.site).as_posix()
    raise AssertionError(f"no page prints {name}")


def test_addresses_on_paper_are_public_and_the_committee_names_every_page(printed):
    for name in expected_names():
        texts = page_texts(printed.out / name, layout=True)
        book = name == DATA.book.pdf
        for number, text in enumerate(texts, start=1):
            assert not LOCAL.search(text), f"{name} p.{number}: a loopback address"
            for address in re.findall(r"https?://cp\.example\.org.{0,12}", re.sub(r"\s+", "", text)):  # wrapped or not
                assert address.startswith(SITE_URL), f"{name} p.{number}: {address}"
            if book and number == 1:
                continue  # the cover
            head = next(line for line in text.splitlines() if line.strip())
            assert head.strip().startswith(SITE.site_name), f"{name} p.{number}: running head {head.strip()!r}"
            assert "Working with Resistance" not in head, f"{name} p.{number}: the site's old name in the head"
            assert f"Page {number} of {len(texts)}" in text, f"{name} p.{number}"


def test_the_book_has_a_cover_contents_with_true_page_numbers_and_parts_on_new_pages(printed):
    name = DATA.book.pdf
    reader = printed.reader(name)
    texts = page_texts(printed.out / name, layout=True)
    cover = norm(texts[0])
    for words in (SITE.site_name, SITE.committee_name, "West of Scotland Child Protection Consortium", "November 2016",
                  f"Edition {DATA.edition.version}, published {long_date(DATA.edition.published)}", "Parental Resistance, Non-Engagement or Non-Compliance", SITE_URL + page_address(DATA.book.print_page)):
        assert norm(words) in cover, words
    assert "page 1 of" not in cover
    assert "/Figure" in structure_roles(reader)  # the committee's logo, with its name as alternative text

    # The contents: the portfolio's own structure, each number the page its heading is printed on.
    html = page(printed.site, page_address(DATA.book.print_page))
    titles = [a.select_one(".wwr-contents__title").get_text(" ", strip=True) for a in html.select(".wwr-contents a")]
    first, last = (page(printed.site, page_address(part.all_pages[i].page)).select_one("article h1") for part, i in ((DATA.book.parts[0], 0), (DATA.book.parts[-1], -1)))
    assert titles and titles[0] == first.get_text(" ", strip=True).removesuffix("¶").strip() and titles[-1] == last.get_text(" ", strip=True).removesuffix("¶").strip()
    # The menu's items that are not Parts (and their pages) are the site's, not the printed portfolio's.
    outside = {title for item in DATA.book.menu if not item.part for title in (item.title, *(p.title for p in item.pages))}
    assert outside and not outside & set(titles)
    marks = bookmarks(reader)
    parts = [m for m in marks if m.depth == 0 and m.page > 1]
    assert PARTS and parts
    entries = contents_entries(texts[1 : parts[0].page - 1], {SITE.site_name})
    assert [norm(t) for t, _ in entries] == [norm(t) for t in titles]
    plain = [norm(t) for t in page_texts(printed.out / name)]
    for title, number in entries:
        assert norm(title) in plain[number - 1], f"contents: {title!r} is not on page {number}"
    # Each contents entry is a link to the page its number says.
    contents_links = sorted((link.page, link.top, link.lands) for link in links(reader) if link.page < parts[0].page and link.lands)
    assert [lands for _, _, lands in contents_links] == [number for _, number in entries]

    # Each Part: a top-level bookmark at the top of a new page, its title the running head of its pages.
    assert [norm(m.title) for m in parts] == [norm(t) for t, _ in entries if any(norm(t) == norm(m.title) for m in parts)]
    assert len(parts) == len(PARTS)
    ends = [m.page - 1 for m in parts[1:]] + [len(texts)]
    for part, end in zip(parts, ends):
        assert part.from_top < 80, f"{part.title} starts {part.from_top:.0f} pt down page {part.page}, not on a new page"
        for number in range(part.page, end + 1):
            head = next(line for line in texts[number - 1].splitlines() if line.strip())
            assert norm(part.title) in norm(head), f"p.{number}: running head {head.strip()!r}, not {part.title!r}"

    # External links print their addresses; case studies are all there.
    everything = re.sub(r"\s+", "", " ".join(texts))
    external = {link.uri for link in links(reader) if link.uri and not link.uri.startswith(SITE_URL) and link.uri.startswith("http")}
    unprinted = sorted(uri for uri in external if uri.rstrip("/") not in everything)
    assert external and not unprinted, unprinted[:3]
    assert DATA.case_studies
    for case in DATA.case_studies:
        assert norm(f"Case study {number_word(case.number)}: {case.title}") in norm(" ".join(texts))


def test_each_part_prints_on_its_own(printed):
    book = bookmarks(printed.reader(DATA.book.pdf))
    assert PARTS and book
    for slug in PARTS:
        reader = printed.reader(f"{slug}.pdf")
        marks = bookmarks(reader)
        assert marks[0].page == 1 and marks[0].depth == 0
        in_book = next(i for i, m in enumerate(book) if m.depth == 0 and norm(m.title) == norm(marks[0].title))
        following = next((i for i, m in enumerate(book) if i > in_book and m.depth == 0), len(book))
        assert [norm(m.title) for m in marks if m.title != "Contents"] == [norm(m.title) for m in book[in_book:following]], slug
        # Its title, then straight on: at most a page more than it takes in the book (its own contents).
        book_pages = (book[following].page if following < len(book) else len(printed.reader(DATA.book.pdf).pages) + 1) - book[in_book].page
        assert len(reader.pages) <= book_pages + 1, (slug, len(reader.pages), book_pages)
        head = next(line for line in page_texts(printed.out / f"{slug}.pdf", layout=True)[0].splitlines() if line.strip())
        assert norm(marks[0].title) in norm(head), f"{slug}: running head {head.strip()!r} on its first page"
    # The Part that prints the reckoner (its page is the appendix's) holds every indicator.
    [appendix] = [part.part for part in DATA.book.parts if any(p.page == "appendix/ready-reckoner.md" for p in part.all_pages)]
    appendix = norm(" ".join(page_texts(printed.out / f"{appendix}.pdf")))
    assert DATA.ready_reckoner.indicators
    for indicator in DATA.ready_reckoner.indicators:
        assert norm(indicator.text) in appendix


def test_handouts_fit_their_pages_and_their_qr_codes_scan_to_the_public_address(printed):
    assert DATA.case_studies and DATA.question_sets and any(DATA.is_local("case_studies", case.id) for case in DATA.case_studies)
    for case in DATA.case_studies:
        path = printed.out / f"case-study-{case.number:02d}-{case.id}.pdf"
        texts = page_texts(path)
        assert 1 <= len(texts) <= 2, path.name
        address = f"{SITE_URL}case-studies/{case.id}/"
        # Notes, source and address stay together on the last page: never a few lines on a page of their own.
        last = norm(texts[-1])
        assert "notes" in last and "source:" in last and f"thiscasestudyonline:{address}" in last.replace(" ", ""), path.name
        # A committee's own case study (the committee fixture's) names the committee as its source, never the portfolio.
        local = DATA.is_local("case_studies", case.id)
        assert (norm(f"Source: {SITE.committee_name}, local case study.") in last) == local, path.name
        assert ("part two, case studies" in last) != local and (norm(f"Local: {SITE.committee_name}") in norm(" ".join(texts))) == local, path.name
        for dpi in (150, 300):
            assert qr_codes(path, len(texts), dpi) == [address], f"{path.name} at {dpi} dpi"
    for question_set in DATA.question_sets:
        path = printed.out / f"checklist-{question_set.id}.pdf"
        texts = page_texts(path)
        assert len(texts) == 1 and f"Printedfrom:{SITE_URL}checklists/{question_set.id}/" in re.sub(r"\s+", "", texts[0])
        roles = structure_roles(PdfReader(path))
        assert "/Form" in roles and "/L" in roles, path.name  # the tick boxes, in a list


def test_the_blank_reckoner_is_one_page_with_empty_counts_and_the_committees_name(printed):
    [(name, address)] = [(name, address) for name, address in page_pdfs().items() if address == "appendix/ready-reckoner-blank/"]
    path = printed.out / name
    texts = page_texts(path, layout=True)
    assert len(texts) == 1
    counts = next(line for line in texts[0].splitlines() if "Indicators ticked" in line)
    assert not re.search(r"\d", counts), counts
    text = " ".join(texts[0].split())
    assert f"Printed from the {SITE.site_name} site" in text and f"{SITE_URL}{address}" in re.sub(r"\s+", "", text)
    assert "Working with Resistance site" not in text


def test_a_build_given_the_pdfs_offers_each_on_its_pages_and_never_a_missing_one(printed, tmp_path):
    site = tmp_path / "site"
    result = run_mkdocs(["build", "--strict", "-d", str(site)], cwd=printed.project, env={"SITE_URL": SITE_URL, "PDF_DIR": str(printed.out)})
    assert result.returncode == 0, result.stderr
    offered: dict[str, set[str]] = {}
    for html in site.rglob("index.html"):
        for link in page(site, html.parent.relative_to(site).as_posix()).select("a[download][href$='.pdf']"):
            target = (html.parent / link["href"]).resolve()
            assert target.is_file() and link["type"] == "application/pdf", f"{html}: {link['href']}"
            offered.setdefault(target.name, set()).add(html.parent.relative_to(site).as_posix())
    assert sorted(offered) == every_name()
    for name in offered:
        assert (site / "downloads" / name).read_bytes() == (printed.out / name).read_bytes()

    def where(address: str) -> str:  # a page's address as `offered` holds it
        return address.rstrip("/") or "."

    # Each Part's PDF on the page that opens it, the whole portfolio's on its print page, each page's own on it.
    for part in DATA.book.parts:
        assert where(page_address(part.all_pages[0].page)) in offered[f"{part.part}.pdf"], part.part
    assert where(page_address(DATA.book.print_page)) in offered[DATA.book.pdf]
    case = DATA.case_studies[0]
    assert f"case-studies/{case.id}" in offered[f"case-study-{case.number:02d}-{case.id}.pdf"]
    for name, address in page_pdfs().items():
        assert where(address) in offered[name], name

    # A folder that lacks one: the build stops, naming it, and writes nothing.
    missing = f"{PARTS[1]}.pdf"
    partial = tmp_path / "partial"
    shutil.copytree(printed.out, partial)
    (partial / missing).unlink()
    result = run_mkdocs(["build", "-d", str(tmp_path / "none")], cwd=printed.project, env={"PDF_DIR": str(partial)})
    assert result.returncode != 0 and missing in result.stderr and "Traceback" not in result.stderr
    assert not (tmp_path / "none").exists()


def test_a_pdf_ua_checker_finds_no_error_in_any_pdf(printed, tmp_path):
    """outloud (PyPI; veraPDF cannot be installed here) checks PDF/UA-1 and WCAG 2.2 on every PDF. The
    reckoner's grid closes too: Chromium leaves a cell with no text out of a table's structure, so each of
    its blank cells holds a no-break space (overrides/portfolio/ready_reckoner.md)."""
    report_path = tmp_path / "outloud.json"
    pdfs = sorted(str(p) for p in printed.out.glob("*.pdf"))
    result = subprocess.run([str(Path(sys.executable).with_name("outloud")), "--no-info", "--fail-on", "never", "--json", str(report_path), *pdfs],
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    report = json.loads(report_path.read_text(encoding="utf-8"))
    assert len(report["results"]) == len(every_name())
    errors = [(Path(r["path"]).name, f["rule"], f.get("page"), f.get("message")) for r in report["results"] for f in r["findings"] if f["severity"] == "error"]
    assert errors == []


def offered_pdfs(site: Path) -> set[str]:
    """The PDFs a built site offers: each linked as a download from some page."""
    return {link["href"].rsplit("/", 1)[-1] for html in site.rglob("index.html")
            for link in page(site, html.parent.relative_to(site).as_posix()).select("a[download][href$='.pdf']")}


def test_a_build_offers_only_the_pdfs_current_for_their_sources_and_names_the_ones_it_withdraws(printed, tmp_path):
    """The PDFs in the project's pdf/ folder (no PDF_DIR), with the manifest ./run pdf wrote beside them: a plain
    build offers every one; once a case study is edited, a plain build withdraws the PDFs printed from it (its
    handout, its Part's and the whole portfolio's), names them at INFO (a strict build still builds), and still
    offers the rest. The same one PDF run as every other test here."""
    project = tmp_path / "project"
    shutil.copytree(printed.project, project, symlinks=True, ignore=shutil.ignore_patterns(".cache", "pdf"))
    shutil.copytree(printed.out, project / "pdf")
    manifest = json.loads((project / "pdf" / "printed-from.json").read_text(encoding="utf-8"))
    assert sorted(manifest["pdfs"]) == every_name() and all(manifest["pdfs"].values())

    site = tmp_path / "site"
    result = run_mkdocs(["build", "--strict", "-d", str(site)], cwd=project, env={"SITE_URL": SITE_URL})
    assert result.returncode == 0, result.stderr
    assert offered_pdfs(site) == set(every_name()) and "not offered" not in result.stderr

    case = DATA.case_studies[1]
    edited = f"case-study-{case.number:02d}-{case.id}.pdf"
    [part] = [part.part for part in DATA.book.parts if any("case_studies" in page.entries for page in part.all_pages)]
    data = project / "data" / "case_studies.yml"
    text = data.read_text(encoding="utf-8")
    assert text.count(case.questions[0]) == 1
    data.write_text(text.replace(case.questions[0], case.questions[0] + " Who else should we ask?"), encoding="utf-8")
    result = run_mkdocs(["build", "--strict", "-d", str(site)], cwd=project, env={"SITE_URL": SITE_URL})
    assert result.returncode == 0, result.stderr
    withdrawn = {edited, f"{part}.pdf", DATA.book.pdf}  # not the packs' (the fixture's names another case study)
    assert offered_pdfs(site) == set(every_name()) - withdrawn
    notice = result.stderr[result.stderr.index("not offered by this build"):]
    assert f"{len(withdrawn)} of the {len(every_name())} PDFs for pdf/ are not offered" in result.stderr
    named = {name for name in expected_names() if f"  {name} (" in notice}
    assert named == withdrawn and "out of date" in notice and "./run build --with-pdf" in notice
    assert "WARNING" not in result.stderr
    assert not (site / "downloads" / edited).exists() and (site / "downloads" / expected_names()[0]).exists() == (expected_names()[0] not in withdrawn)
