"""The loader over small fixture data sets: what it accepts, what it refuses, and that one run
reports every problem it can find, each as `file:line: field: reason`.

The data sets are tests/fixtures/portfolio/data (a few entries of each kind, copied from the
portfolio) and tests/fixtures/committee (a committee's data/local/ files).
"""

from __future__ import annotations

import os
import shutil
import struct
import subprocess
import sys
import zlib
from pathlib import Path

import pytest

from macros.load import DataError, load_project, load_site_data, yaml_source
from tests.helpers import ROOT

PORTFOLIO = ROOT / "tests" / "fixtures" / "portfolio" / "data"
COMMITTEE = ROOT / "tests" / "fixtures" / "committee"


@pytest.fixture
def data_dir(tmp_path) -> Path:
    shutil.copytree(PORTFOLIO, tmp_path / "data")
    return tmp_path / "data"


def problems(data_dir: Path, content: Path | None = None) -> list[str]:
    with pytest.raises(DataError) as caught:
        if content:
            load_project(data_dir.parent, data_dir.name, content.name)
        else:
            load_site_data(data_dir)
    return [str(p) for p in caught.value.problems]


def edit(path: Path, old: str, new: str) -> int:
    """Replace `old` once; return the 1-based line where it started."""
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path.name}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return text.count("\n", 0, text.index(old)) + 1


def line_of(path: Path, text: str) -> int:
    content = path.read_text(encoding="utf-8")
    return content.count("\n", 0, content.index(text)) + 1


def test_the_fixture_and_the_real_data_load():
    fixture = load_site_data(PORTFOLIO)
    real = load_site_data(ROOT / "data")
    for data in (fixture, real):
        assert data.case_studies and data.resistance_types and data.ready_reckoner.indicators
        assert [c.number for c in data.case_studies] == sorted(c.number for c in data.case_studies)


def test_links_are_kept_both_ways():
    data = load_site_data(PORTFOLIO)
    for case in data.case_studies:
        for type_id in case.illustrates:
            assert case in data.linked_from("resistance_types", type_id, "case_studies")
    for course in data.courses:
        for tool_id in course.tools:
            assert course in data.linked_from("tools", tool_id, "courses")


def test_one_run_reports_every_problem(data_dir):
    """A bad field, a duplicate id and a dangling link in three files: all three, in one run."""
    bad_field = edit(data_dir / "case_studies.yml", "    number: 2\n", "    number: two\n")
    duplicate = edit(data_dir / "tools.yml", "  - id: c-change\n", "  - id: signs-of-safety\n")
    dangling = edit(data_dir / "question_sets.yml", "addresses: [disguised-compliance, active-non-compliance]", "addresses: [disguised-compliance, active-noncompliance]")
    found = problems(data_dir)
    assert f"data/case_studies.yml:{bad_field}: case_studies[1].number: expected a whole number, got 'two'" in found
    assert any(p.startswith(f"data/tools.yml:{duplicate}: tools[") and "duplicate id 'signs-of-safety'" in p for p in found)
    assert any(p.startswith(f"data/question_sets.yml:{dangling}: question_sets[0].addresses[1]: unknown resistance type") for p in found)
    assert len(found) == 3, found


def test_a_link_to_an_entry_with_a_bad_field_is_not_called_unknown(data_dir):
    """Case study Two has a bad field, so it is not loaded; nothing else complains about it."""
    line = edit(data_dir / "resistance_types.yml", '  title: "Active non-compliance"', "  title: 42")
    assert problems(data_dir) == [f"data/resistance_types.yml:{line}: resistance_types[1].title: expected text, got 42; put quotes around it if it is meant as text"]


def test_source_files_are_never_modified(data_dir):
    before = {p.name: p.read_bytes() for p in data_dir.rglob("*") if p.is_file()}
    edit(data_dir / "tools.yml", "  - id: signs-of-safety\n", "  - id: Signs\n")
    broken = {p.name: p.read_bytes() for p in data_dir.rglob("*") if p.is_file()}
    problems(data_dir)
    assert {p.name: p.read_bytes() for p in data_dir.rglob("*") if p.is_file()} == broken != before


def test_fast_and_strict_readers_build_the_same_data(monkeypatch):
    """libyaml reads sound files; the strict reader must give exactly the same data and lines."""
    for path in sorted(PORTFOLIO.glob("*.yml")):
        fast = yaml_source._fast_read(path.read_text(encoding="utf-8"), path.name)
        assert fast is not None, path
        with monkeypatch.context() as patch:
            patch.setattr(yaml_source, "_fast_read", lambda text, name: None)
            strict = yaml_source.read_yaml(path, path.name)
        assert (fast.data, fast.lines) == (strict.data, strict.lines), path


# ---- a committee's data/local/ ------------------------------------------------------------------


def test_committee_files_add_and_replace_entries_marked_local(data_dir):
    shutil.copytree(COMMITTEE, data_dir / "local")
    edit(data_dir / "local" / "resources.yml", "id: threshold-continuum", "id: nspcc-disguised-compliance-factsheet")
    data = load_site_data(data_dir)
    assert data.is_local("courses", "riverside-engaging-fathers") and data.is_local("contacts", "riverside-duty-team")
    replaced = data.by_id["resources"]["nspcc-disguised-compliance-factsheet"]
    assert data.is_local("resources", replaced.id) and data.resources.index(replaced) == 0
    assert not data.is_local("courses", data.courses[0].id)


LOCAL_CASES = """case_studies:
  - id: riverside-first
    title: "A first local case"
    summary: "A first local case."
    narrative: "A first local case."
    questions: ["What now?"]
    illustrates: [disguised-compliance]
    tools: [signs-of-safety]
  - id: riverside-second
    title: "A second local case"
    summary: "A second local case."
    narrative: "A second local case."
    questions: ["What next?"]
"""


def test_a_committees_case_studies_are_numbered_after_the_portfolios(data_dir):
    """A committee's case studies give no number: the site numbers them after the portfolio's highest (a
    withdrawn one's too), in the order they are written, so none can take or read as one of the portfolio's."""
    (data_dir / "local").mkdir()
    (data_dir / "local" / "case_studies.yml").write_text(LOCAL_CASES, encoding="utf-8")
    core = load_site_data(data_dir)
    highest = max(case.number for case in core.every("case_studies") if not core.is_local("case_studies", case.id))
    assert [(case.id, case.number) for case in core.every("case_studies")][-2:] == [("riverside-first", highest + 1), ("riverside-second", highest + 2)]
    assert core.is_local("case_studies", "riverside-first") and not core.is_local("case_studies", core.case_studies[0].id)
    first = core.by_id["case_studies"]["riverside-first"]
    assert first in core.linked_from("resistance_types", "disguised-compliance", "case_studies")
    assert first in core.linked_from("tools", "signs-of-safety", "case_studies")
    # The portfolio adds a case study later: the committee's move up, and nothing else changes.
    cases = data_dir / "case_studies.yml"
    text = cases.read_text(encoding="utf-8")
    cases.write_text(text.replace(f"    number: {highest}\n", "    number: 40\n", 1), encoding="utf-8")
    assert [case.number for case in load_site_data(data_dir).every("case_studies")][-2:] == [41, 42]


def test_a_citation_in_a_local_file_is_credited_to_the_local_entry(data_dir):
    """Core and local files both have a first entry: 'cited by' must tell them apart."""
    (data_dir / "local").mkdir()
    text = (COMMITTEE / "courses.yml").read_text(encoding="utf-8")
    cited = text.replace('"A local workshop on engaging fathers and male carers."', '"A local workshop drawing on [Robb 2014](cite:robb-2014)."')
    (data_dir / "local" / "courses.yml").write_text(cited, encoding="utf-8")
    data = load_site_data(data_dir)
    assert ("courses", "riverside-engaging-fathers") in data.cited_by["robb-2014"]
    assert ("courses", data.courses[0].id) not in data.cited_by["robb-2014"]


def test_local_settings_of_two_fields_rebrand_the_site(data_dir):
    """data/local/site.yml holds only what differs; the rest comes from data/site.yml."""
    (data_dir / "local").mkdir()
    shutil.copy(COMMITTEE / "riverside-logo.svg", data_dir / "local" / "logo.svg")
    (data_dir / "local" / "site.yml").write_text('site:\n  site_name: "Riverside Toolkit"\n  logo: "local/logo.svg"\n', encoding="utf-8")
    core = load_site_data(PORTFOLIO).site
    site = load_site_data(data_dir).site
    assert (site.site_name, site.logo) == ("Riverside Toolkit", "local/logo.svg")
    assert (site.committee_name, site.colours, site.contact) == (core.committee_name, core.colours, core.contact)


def test_local_settings_merge_mappings_and_replace_lists(data_dir):
    (data_dir / "local").mkdir()
    (data_dir / "local" / "site.yml").write_text('site:\n  colours:\n    primary: "#6a1b4d"\n  contact:\n    phone: "01234 567890"\n', encoding="utf-8")
    site = load_site_data(data_dir).site
    core = load_site_data(PORTFOLIO).site
    assert site.colours.primary == "#6a1b4d" and site.colours.link_dark == core.colours.link_dark
    assert site.contact.phone == "01234 567890" and site.contact.email == core.contact.email


def test_a_mistake_in_local_settings_names_the_local_file_and_line(data_dir):
    (data_dir / "local").mkdir()
    (data_dir / "local" / "site.yml").write_text('site:\n  contact:\n    email: "not an address"\n', encoding="utf-8")
    assert problems(data_dir) == ["data/local/site.yml:3: site.contact.email: 'not an address' is not an email address"]


def test_every_unreadable_colour_pair_is_reported_at_once(data_dir):
    (data_dir / "local").mkdir()
    (data_dir / "local" / "site.yml").write_text('site:\n  colours:\n    primary: "#f5c542"\n    link_dark: "#333333"\n', encoding="utf-8")
    assert problems(data_dir) == [
        "data/local/site.yml:2: site.colours: link_dark #333333 on the dark page #1e2129 has a contrast of 1.27:1; WCAG AA needs at least 4.5:1",
        "data/local/site.yml:2: site.colours: on_primary #ffffff on primary #f5c542 has a contrast of 1.62:1; WCAG AA needs at least 4.5:1",
        "data/local/site.yml:2: site.colours: primary #f5c542 on the white page #ffffff has a contrast of 1.62:1; WCAG AA needs at least 4.5:1",
    ]


def test_a_light_header_colour_can_keep_dark_links(data_dir):
    (data_dir / "local").mkdir()
    (data_dir / "local" / "site.yml").write_text(
        'site:\n  colours:\n    primary: "#f5c542"\n    on_primary: "#1b1b1b"\n    link: "#7a4d00"\n', encoding="utf-8"
    )
    colours = load_site_data(data_dir).site.colours
    assert (colours.primary, colours.link_light) == ("#f5c542", "#7a4d00")


STILL_ONLY = "a logo may hold only shapes, text, gradients, patterns, masks, filters and pictures inside it: remove it and save it again as plain SVG"
NOT_MOVING = "a logo may not move or change: remove it and save it again as plain SVG"
LOADS_NOTHING = "a logo may load nothing from elsewhere: save it again as plain SVG"
PLAIN_STYLE = "a logo may load nothing: write the style plainly (fill:#1f4e79) or move it into attributes (fill=\"#1f4e79\"), or save it again as plain SVG"


@pytest.mark.parametrize(
    "logo,reason",
    [
        ("local/missing.svg", "there is no file data/local/missing.svg; give the logo's path from data/, e.g. local/logo.svg"),
        ("../mkdocs.yml", "'../mkdocs.yml' is outside data/; put the logo in data/local/ and give its path from data/, e.g. local/logo.svg"),
        ("local/logo.gif", "'local/logo.gif' is not an .svg, .png or .jpg file"),
        ("local/broken.svg", "'local/broken.svg' is not an SVG file that can be read (Couldn't find end of Start Tag rect"),
        ("local/broken.png", "'local/broken.png' is not a PNG or JPEG picture that can be read; save it again as .png or .jpg"),
        ("local/undrawable.svg", "'local/undrawable.svg' cannot be drawn for the site's icon (the SVG could not be drawn: "),
        # Checked from the file's header, before a pixel is decoded: 389 bytes that declare 20000 x 20000 pixels.
        ("local/bomb.png", "'local/bomb.png' declares a picture far too large to draw; save it at most 4096 pixels wide and high"),
        ("local/wide.png", "'local/wide.png' is 5000×40 pixels; a logo may be at most 4096 pixels wide and high: save it smaller"),
        ("local/heavy.png", "'local/heavy.png' is 2.5 MB; a logo may be at most 2 MB: save it smaller (an SVG, or a PNG at most 4096 pixels wide)"),
        ("local/script.svg", "'local/script.svg' holds <script>, which is not part of a picture; a logo may hold no script or embedded document: save it again as plain SVG"),
        ("local/handler.svg", "'local/handler.svg' has an event handler (onload=), which would run script; save it again as plain SVG"),
        ("local/remote.svg", "'local/remote.svg' refers to something outside it ('https://tracker.example/p.png'); a logo may load nothing from elsewhere: save it again as plain SVG"),
        ("local/imported.svg", "'local/imported.svg' has a style that loads something from elsewhere; a logo may load nothing: save it again as plain SVG"),
        ("local/entities.svg", "'local/entities.svg' declares entities (<!ENTITY ...>); save it again as plain SVG"),
        ("local/foreign.svg", "'local/foreign.svg' holds <foreignObject>, which is not part of a picture; a logo may hold no script or embedded document: save it again as plain SVG"),
        # An SVG opened on its own (assets/images/logo.svg) is a page of the site's: what the red team got past a list of what to refuse.
        ("local/link.svg", f"'local/link.svg' holds <a>, which a logo may not hold; {STILL_ONLY}"),
        ("local/set.svg", f"'local/set.svg' holds <set>, which is not part of a still picture; {NOT_MOVING}"),
        ("local/stylesheet.svg", "'local/stylesheet.svg' holds the instruction <?xml-stylesheet ...?>, which can load a style sheet from elsewhere; "
                                 "a logo may load nothing: remove it and save it again as plain SVG"),
        ("local/animated-picture.svg", f"'local/animated-picture.svg' holds <animate>, which is not part of a still picture; {NOT_MOVING}"),
        ("local/fill-url.svg", f"'local/fill-url.svg' refers to something outside it ('url(https://evil.example/p.svg#g)'); {LOADS_NOTHING}"),
        ("local/style-comment.svg", f"'local/style-comment.svg' has a style written in a way that cannot be checked (a comment or element inside it); {PLAIN_STYLE}"),
        ("local/style-escape.svg", f"'local/style-escape.svg' has a style written in a way that cannot be checked (a backslash escape); {PLAIN_STYLE}"),
        ("local/style-url.svg", f"'local/style-url.svg' refers to something outside it ('url( https://evil.example/p.svg#g)'); {LOADS_NOTHING}"),
        ("local/image-set.svg", f"'local/image-set.svg' has a style written in a way that cannot be checked (image-set(...)); {PLAIN_STYLE}"),
        ("local/svg-picture.svg", f"'local/svg-picture.svg' refers to something outside it ('data:image/svg+xml;base64,PHN2Zy8+'); {LOADS_NOTHING}"),
        ("local/base.svg", "'local/base.svg' has the attribute xml:base= on <svg>, which a logo may not use; remove it and save it again as plain SVG"),
        ("local/attlist.svg", "'local/attlist.svg' declares rules of its own in its <!DOCTYPE [...]>, which can add to what it holds; save it again as plain SVG"),
        ("local/xhtml.svg", f"'local/xhtml.svg' holds <img>, which a logo may not hold; {STILL_ONLY}"),
    ],
)
def test_a_logo_that_cannot_be_used_is_reported_where_it_is_named(data_dir, logo, reason):
    local = data_dir / "local"
    local.mkdir()
    (local / "logo.gif").write_bytes(b"GIF89a")
    (local / "broken.svg").write_text("<svg xmlns='http://www.w3.org/2000/svg'><rect", encoding="utf-8")
    (local / "undrawable.svg").write_text("<svg xmlns='http://www.w3.org/2000/svg' width='0' height='0'/>", encoding="utf-8")
    (local / "broken.png").write_bytes(b"\x89PNG\r\n\x1a\n not really")
    (local / "bomb.png").write_bytes(png_header(20000, 20000))
    (local / "wide.png").write_bytes(png_header(5000, 40))
    (local / "heavy.png").write_bytes(png_header(100, 100) + b"\0" * int(2.5 * 1024 * 1024))
    svg = "<svg xmlns='http://www.w3.org/2000/svg' xmlns:xlink='http://www.w3.org/1999/xlink' viewBox='0 0 10 10'>{}</svg>"
    (local / "script.svg").write_text(svg.format("<script>alert(1)</script><rect width='5' height='5'/>"), encoding="utf-8")
    (local / "handler.svg").write_text(svg.format("<rect width='5' height='5'/>").replace("viewBox", "onload='alert(1)' viewBox"), encoding="utf-8")
    (local / "remote.svg").write_text(svg.format("<image xlink:href='https://tracker.example/p.png' width='5' height='5'/>"), encoding="utf-8")
    (local / "imported.svg").write_text(svg.format("<style>@import url(https://cdn.example/x.css);</style><rect width='5' height='5'/>"), encoding="utf-8")
    (local / "entities.svg").write_text("<!DOCTYPE svg [<!ENTITY a 'aaaa'>]>" + svg.format("<text>&a;</text>"), encoding="utf-8")
    (local / "foreign.svg").write_text(svg.format("<foreignObject><div xmlns='http://www.w3.org/1999/xhtml'>x</div></foreignObject>"), encoding="utf-8")
    hostile = {
        "link": "<a href='#'><set attributeName='href' to='javascript:alert(document.domain)'/><rect width='5' height='5'/></a>",
        "set": "<rect width='5' height='5'><set attributeName='fill' to='red'/></rect>",
        "animated-picture": "<image href='#' width='5' height='5'><animate attributeName='href' values='https://evil.example/x.png'/></image>",
        "fill-url": "<rect width='5' height='5' fill='url(https://evil.example/p.svg#g)'/>",
        "style-comment": "<style>rect { fill:u<!-- -->rl(https://evil.example/p.svg#g) }</style><rect width='5' height='5'/>",
        "style-escape": "<style>rect { fill:\\75 rl(https://evil.example/p.svg#g) }</style><rect width='5' height='5'/>",
        "style-url": "<rect width='5' height='5' style='fill:url( https://evil.example/p.svg#g)'/>",
        "image-set": "<rect width='5' height='5' style='fill:#000;background:image-set(\"https://evil.example/x.png\" 1x)'/>",
        "svg-picture": "<image href='data:image/svg+xml;base64,PHN2Zy8+' width='5' height='5'/>",
        "xhtml": "<img xmlns='http://www.w3.org/1999/xhtml' src='https://evil.example/x.png'/><rect width='5' height='5'/>",
    }
    for name, body in hostile.items():
        (local / f"{name}.svg").write_text(svg.format(body), encoding="utf-8")
    (local / "stylesheet.svg").write_text("<?xml version='1.0'?><?xml-stylesheet href='https://evil.example/x.css'?>" + svg.format("<rect width='5' height='5'/>"), encoding="utf-8")
    (local / "base.svg").write_text(svg.format("<rect width='5' height='5'/>").replace("viewBox", "xml:base='https://evil.example/' viewBox"), encoding="utf-8")
    (local / "attlist.svg").write_text("<!DOCTYPE svg [<!ATTLIST svg onload CDATA 'alert(1)'>]>" + svg.format("<rect width='5' height='5'/>"), encoding="utf-8")
    (data_dir / "local" / "site.yml").write_text(f'site:\n  committee_name: "Riverside"\n  logo: "{logo}"\n', encoding="utf-8")
    [problem] = problems(data_dir)
    assert problem.startswith(f"data/local/site.yml:3: site.logo: {reason}")


def png_header(width: int, height: int) -> bytes:
    """A PNG's signature and header chunk, declaring its size, with an empty image after it."""
    def chunk(kind: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))

    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)) + chunk(b"IDAT", zlib.compress(b"")) + chunk(b"IEND", b"")


def test_an_entry_in_data_local_must_be_of_a_kind_a_committee_may_add(data_dir):
    (data_dir / "local").mkdir()
    shutil.copy(data_dir / "glossary.yml", data_dir / "local" / "glossary.yml")
    assert problems(data_dir) == [
        "data/local/glossary.yml:4: glossary: a committee cannot add glossary terms in data/local/, where nothing may read as the portfolio's own text; "
        "data/local/ holds only case studies, courses, resources, local contacts, training packs, edition details and site settings"
    ]


def test_the_shipped_local_samples_are_valid_and_not_loaded_as_they_are(data_dir):
    """data/local/*.example.yml are commented samples; copied to their real names they must load."""
    samples = sorted((ROOT / "data" / "local").glob("*.example.yml"))
    assert {p.name for p in samples} >= {"site.example.yml", "courses.example.yml", "resources.example.yml", "contacts.example.yml", "packs.example.yml",
                                         "case_studies.example.yml"}
    (data_dir / "local").mkdir()
    for sample in samples:
        shutil.copy(sample, data_dir / "local" / sample.name)
    load_site_data(data_dir)  # the samples themselves are never read
    for sample in samples:
        shutil.copy(sample, data_dir / "local" / sample.name.replace(".example", ""))
    shutil.copy(COMMITTEE / "riverside-logo.svg", data_dir / "local" / "logo.svg")
    data = load_site_data(data_dir)
    assert data.local and all(kind in {k for k, _ in data.local} for kind in ("courses", "resources", "contacts", "packs", "case_studies"))


# ---- the prose in content/ ----------------------------------------------------------------------


@pytest.fixture
def content_dir(data_dir) -> Path:
    content = data_dir.parent / "content"
    (content / "part-four").mkdir(parents=True)
    (content / "part-four" / "managers.md").write_text(
        "---\nreviewed: 2026-01-01\nreview_due: 2027-01-01\n---\n\n# Managers\n\nQuestions ([Robb, 2014](cite:robb-2014)):\n\n{{ question_set('relationships') }}\n",
        encoding="utf-8",
    )
    return content


def test_prose_placements_titles_and_citations(content_dir):
    project = load_project(content_dir.parent, "data", "content")
    assert project.page_of("question_sets", "relationships") == "part-four/managers.md"
    assert project.prose.titles["part-four/managers.md"] == "Managers"
    assert "part-four/managers.md" in project.cited_on()["robb-2014"]


def test_an_unknown_id_in_a_macro_call_is_found_with_its_page_and_line(content_dir):
    page = content_dir / "part-four" / "managers.md"
    line = edit(page, "{{ question_set('relationships') }}", "{{ question_set('relationship') }}")
    assert problems(content_dir.parent / "data", content_dir) == [
        f"content/part-four/managers.md:{line}: question_set('relationship'): unknown question set 'relationship' (did you mean 'relationships'?)"
    ]


def test_front_matter_review_dates_are_checked_at_their_line(content_dir):
    edit(content_dir / "part-four" / "managers.md", "review_due: 2027-01-01", "review_due: next spring")
    assert problems(content_dir.parent / "data", content_dir) == ["content/part-four/managers.md:3: review_due: expected a date written as YYYY-MM-DD, got 'next spring'"]


def test_a_page_names_the_kind_it_needs_to_have_content(content_dir):
    (content_dir / "local-contacts.md").write_text("---\nneeds: contacts\n---\n\n# Local contacts\n", encoding="utf-8")
    project = load_project(content_dir.parent, "data", "content")
    assert project.prose.needs == {"local-contacts.md": "contacts"}


@pytest.mark.parametrize(
    "needs,reason",
    [
        ("contcts", "'contcts' is not a kind of entries (did you mean 'contacts'?)"),
        ("site", "'site' is not a kind of entries"),  # the settings are one mapping, never empty
        ("[contacts]", "expected text, got a list; put quotes around it if it is meant as text"),
    ],
)
def test_a_page_needing_what_is_not_a_kind_of_entries_is_found_at_its_line(content_dir, needs, reason):
    (content_dir / "local-contacts.md").write_text(f"---\ntitle: Contacts\nneeds: {needs}\n---\n\n# Local contacts\n", encoding="utf-8")
    assert problems(content_dir.parent / "data", content_dir) == [f"content/local-contacts.md:3: needs: {reason}"]


def test_data_and_prose_problems_come_in_one_run(content_dir):
    data_line = edit(content_dir.parent / "data" / "tools.yml", "  - id: signs-of-safety\n", "  - id: Signs\n")
    prose_line = edit(content_dir / "part-four" / "managers.md", "(cite:robb-2014)", "(cite:robb-2041)")
    found = problems(content_dir.parent / "data", content_dir)
    assert len(found) == 2
    assert found[0] == f"content/part-four/managers.md:{prose_line}: citation of unknown reference 'robb-2041' (did you mean 'robb-2014'?)"
    assert found[1].startswith(f"data/tools.yml:{data_line}: tools[2].id: 'Signs' is not a valid id")


def validate(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "macros", "validate", *args], cwd=cwd, capture_output=True, text=True, timeout=60)


def test_validate_reports_content_problems_too(content_dir):
    line = edit(content_dir / "part-four" / "managers.md", "{{ question_set('relationships') }}", "{{ question_set('nope') }}")
    result = validate(cwd=content_dir.parent)
    assert result.returncode == 1
    assert f"content/part-four/managers.md:{line}: question_set('nope'): unknown question set 'nope'" in result.stderr
    assert "Traceback" not in result.stderr


def test_validate_asks_for_the_data_folder_not_its_local_folder(data_dir):
    (data_dir / "local").mkdir()
    result = validate("data/local", cwd=data_dir.parent)
    assert result.returncode == 2
    assert "Give the data folder instead: ./run validate data" in result.stderr
    assert "only entries in data/local/" not in result.stderr


def test_front_matter_keywords_are_checked_like_data_text(content_dir):
    edit(content_dir / "part-four" / "managers.md", "reviewed: 2026-01-01\n", 'reviewed: 2026-01-01\nkeywords: ["supervision", "<b>bold</b>"]\n')
    assert problems(content_dir.parent / "data", content_dir) == [
        "content/part-four/managers.md:3: keywords[1]: HTML tags ('<b>') and character references ('&lt;') are not allowed in a one-line field; write plain text"
    ]


def test_front_matter_keywords_reach_the_prose_index(content_dir):
    edit(content_dir / "part-four" / "managers.md", "reviewed: 2026-01-01\n", 'reviewed: 2026-01-01\nkeywords: ["reflective supervision"]\n')
    assert load_project(content_dir.parent, "data", "content").prose.keywords == {"part-four/managers.md": ["reflective supervision"]}


@pytest.mark.parametrize(
    "target,reason",
    [
        # The page has macro calls, so whether a section is missing is known once they are rendered (validate and the build).
        ("part-four/managers.md#supervison",
         "content/part-four/managers.md has no section '#supervison', on the page or from its macros (did you mean 'supervision'?)"),
        ("part-four/manager.md", "there is no page content/part-four/manager.md (did you mean 'part-four/managers.md'?)"),
    ],
)
def test_a_link_to_prose_must_name_a_page_and_section_that_exist(content_dir, capsys, target, reason):
    from macros.commands import validate

    (content_dir.parent / "overrides").symlink_to(ROOT / "overrides", target_is_directory=True)  # the templates its macros render with
    page = content_dir / "part-four" / "managers.md"
    assert "{{" in page.read_text(encoding="utf-8")
    page.write_text(page.read_text(encoding="utf-8") + "\n## Supervision\n\nText.\n", encoding="utf-8")
    tools = content_dir.parent / "data" / "tools.yml"
    line = edit(tools, "  - id: c-change\n", f'  - id: c-change\n    discussed_in: ["part-four/managers.md#supervision", "{target}"]\n') + 1
    assert validate.main([str(content_dir.parent / "data")]) == 1
    said = [message for message in capsys.readouterr().err.splitlines() if message.strip()]
    assert said == [f"data/tools.yml:{line}: tools[3].discussed_in[1]: {reason}"]


def test_validate_renders_pages_with_the_templates_the_build_uses(content_dir, capsys):
    """A committee that sets the portfolio plugin's `templates` in mkdocs.yml has its pages' macros rendered with
    them, by validate as by the build: a section that only its own question set template makes can be named."""
    from macros.commands import validate

    root = content_dir.parent
    shutil.copytree(ROOT / "overrides" / "portfolio", root / "overrides" / "committee")
    template = root / "overrides" / "committee" / "question_set.md"
    template.write_text(template.read_text(encoding="utf-8") + "\n## Ask your team\n", encoding="utf-8")
    (root / "mkdocs.yml").write_text(
        "site_name: x\nsite_url: !ENV [SITE_URL, null]\nplugins:\n  - portfolio:\n      templates: overrides/committee\n  - search\n", encoding="utf-8")
    edit(root / "data" / "tools.yml", "  - id: c-change\n", '  - id: c-change\n    discussed_in: ["part-four/managers.md#ask-your-team"]\n')
    assert validate.main([str(root / "data")]) == 0, capsys.readouterr().err
    (root / "mkdocs.yml").write_text("site_name: x\nplugins:\n  - portfolio\n  - search\n", encoding="utf-8")
    shutil.copytree(ROOT / "overrides" / "portfolio", root / "overrides" / "portfolio")
    assert validate.main([str(root / "data")]) == 1
    assert "has no section '#ask-your-team'" in capsys.readouterr().err


def test_a_glossary_longer_than_every_build_can_afford_is_refused(data_dir):
    """Every term is looked for on every page: 2,000 terms made the real portfolio build in 4 s instead of 2, and 20,000 in 49 s."""
    terms = "".join(f'  - term: "T{number}"\n    expansion: "Term number {number}"\n' for number in range(1001))
    (data_dir / "glossary.yml").write_text("# A long glossary\nglossary:\n" + terms, encoding="utf-8")
    assert problems(data_dir) == [
        "data/glossary.yml:2: glossary: 1,001 glossary terms; at most 1,000 are allowed: every term is looked for on every page, so a longer glossary makes every build slow"
    ]
    (data_dir / "glossary.yml").write_text("glossary:\n" + terms.rsplit("  - term", 1)[0], encoding="utf-8")
    assert len(load_site_data(data_dir).glossary) == 1000


# Files in data/ that an editor means as data but that would not be read (the red team's c089-c100): each is named.
ODD_FILES = {
    "a pipe": (lambda local: os.mkfifo(local / "courses.yml"), "data/local/courses.yml:1: this is not a file of data (a folder, a pipe or a device); remove it"),
    "a folder named as data": (lambda local: (local / "courses.yml").mkdir(), "data/local/courses.yml:1: this is not a file of data (a folder, a pipe or a device); remove it"),
    "a broken link": (lambda local: (local / "courses.yml").symlink_to(local / "gone.yml"), "data/local/courses.yml:1: this is a link to a file elsewhere; put the file itself here"),
    "a link to itself": (lambda local: (local / "courses.yml").symlink_to("courses.yml"), "data/local/courses.yml:1: this is a link to a file elsewhere; put the file itself here"),
    "a link to a device": (lambda local: (local / "courses.yml").symlink_to("/dev/zero"), "data/local/courses.yml:1: this is a link to a file elsewhere; put the file itself here"),
    "a folder in local/": (lambda local: (local / "extra").mkdir() or (local / "extra" / "courses.yml").write_text("courses: []\n"),
                           "data/local/extra:1: local/ holds files, not folders: move what this folder holds into local/ itself"),
    "a name in capitals": (lambda local: (local / "Courses.YML").write_text("courses: []\n"), "data/local/Courses.YML:1: data files end in .yml in lower case: rename it courses.yml"),
    "a .yaml ending": (lambda local: (local / "courses.yaml").write_text("courses: []\n"), "data/local/courses.yaml:1: data files end in .yml in lower case: rename it courses.yml"),
}


@pytest.mark.parametrize("name", ODD_FILES)
def test_a_file_in_data_that_would_not_be_read_is_named(data_dir, name):
    make, expected = ODD_FILES[name]
    (data_dir / "local").mkdir()
    make(data_dir / "local")
    assert problems(data_dir) == [expected]


def test_a_resource_is_superseded_by_another_by_its_id_or_by_an_address(data_dir):
    path = data_dir / "resources.yml"
    edit(path, "    superseded_by: c4eo-highly-resistant-families", "    superseded_by: https://example.org/newer.pdf")
    resource = load_site_data(data_dir).by_id["resources"]["nspcc-disguised-compliance-factsheet"]
    assert (resource.superseded_by.title, resource.superseded_by.url) == ("https://example.org/newer.pdf",) * 2
    edit(path, "    superseded_by: https://example.org/newer.pdf", '    superseded_by: {title: "Newer", url: "https://example.org/newer.pdf"}')
    resource = load_site_data(data_dir).by_id["resources"]["nspcc-disguised-compliance-factsheet"]
    assert (resource.superseded_by.title, resource.superseded_by.url) == ("Newer", "https://example.org/newer.pdf")


def test_a_withdrawn_entry_is_kept_but_offered_nowhere(data_dir):
    data = load_site_data(data_dir)
    gone = [course for course in data.every("courses") if course.withdrawn]
    assert gone and not [course for course in data.courses if course in gone]
    assert all(data.by_id["courses"][course.id] is course for course in gone)
    for course in gone:
        for behaviour in course.addresses:
            assert course not in data.linked_from("resistance_types", behaviour, "courses")
