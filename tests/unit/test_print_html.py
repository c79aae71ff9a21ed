"""How one page's HTML is made to live inside the whole-portfolio page."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup

from macros.render.print_html import page_anchor, page_html, rebase

PAGE = """<h1 id="jane">Jane and Steven<a class="headerlink" href="#jane">¶</a></h1>
<p>See <a href="../../resistance/disguised-compliance/">disguised compliance</a>, <a href="#notes">notes</a>,
<a href="https://example.org/x">a site</a> and <a href="mailto:a@example.org">mail</a>.</p>
<label for="q1">Question</label><input id="q1" aria-describedby="h1 h2">
<h2 id="notes">Notes</h2><img src="../../assets/images/logo.svg" alt="Logo">
"""


def test_ids_are_prefixed_links_rebased_and_headings_moved_down():
    html = page_html(PAGE, "case-studies/one/", "print/", "print-case-studies-one")
    doc = BeautifulSoup(str(html), "html.parser")
    assert [h.name for h in doc.select("h1, h2, h3")] == ["h2", "h3"]
    assert doc.select_one("h2")["id"] == "print-case-studies-one--jane"
    assert doc.select_one("input")["aria-describedby"] == "print-case-studies-one--h1 print-case-studies-one--h2"
    assert doc.select_one("label")["for"] == "print-case-studies-one--q1"
    hrefs = [a["href"] for a in doc.select("a")]
    assert hrefs == ["#print-case-studies-one--jane", "../resistance/disguised-compliance/", "#print-case-studies-one--notes", "https://example.org/x", "mailto:a@example.org"]
    assert doc.select_one("img")["src"] == "../assets/images/logo.svg"
    assert "Jane and Steven" in doc.get_text() and "a site" in doc.get_text()


def test_links_to_pages_in_the_same_document_jump_inside_it():
    inside = {"resistance/disguised-compliance/": "print-resistance-disguised-compliance"}
    html = page_html(PAGE, "case-studies/one/", "print/", "print-case-studies-one", inside)
    hrefs = [a["href"] for a in BeautifulSoup(str(html), "html.parser").select("a")]
    assert hrefs[1] == "#print-resistance-disguised-compliance"
    assert rebase("../two/#y", "case-studies/one/", "print/", "p", {"case-studies/two/": "print-two"}) == "#print-two--y"


def test_an_opening_page_leaves_its_heading_to_the_part_and_keeps_its_id():
    html = page_html(PAGE, "case-studies/one/", "print/", "print-case-studies-one", opening=True)
    doc = BeautifulSoup(str(html), "html.parser")
    assert [h.name for h in doc.select("h1, h2, h3")] == ["h2"]
    assert "Jane and Steven" not in doc.get_text()
    assert doc.select_one("#print-case-studies-one--jane") is not None


def test_text_outside_any_element_stays_text():
    html = page_html("Loose <b>text</b> &lt;not a tag&gt;", "a/", "print/", "p")
    assert str(html) == "Loose <b>text</b> &lt;not a tag&gt;"


@pytest.mark.parametrize(
    "value,page,result",
    [
        ("../", "case-studies/one/", "../case-studies/"),
        ("#", "case-studies/one/", "#p"),
        ("../two/?x=1#y", "case-studies/one/", "../case-studies/two/?x=1#y"),
        ("two.html", "case-studies/one.html", "case-studies/two.html"),
        ("/absolute/", "case-studies/one/", "/absolute/"),
        ("tel:0123", "case-studies/one/", "tel:0123"),
    ],
)
def test_rebase(value, page, result):
    print_url = "print.html" if page.endswith(".html") else "print/"
    assert rebase(value, page, print_url, "p") == result


def test_page_anchor():
    assert page_anchor("case-studies/one.md") == "print-case-studies-one"
    assert page_anchor("part-four/index.md") == "print-part-four-index"


def test_each_printed_page_is_prepared_once_for_the_whole_portfolio_and_its_part(tmp_path, monkeypatch):
    from types import SimpleNamespace

    from jinja2 import Environment, FileSystemLoader

    from macros.render import print_writing
    from macros.render.print_html import PrintDocument, PrintPart
    from macros.render.print_writing import BODY_MARKER, PrintJob, print_body, write_print_pages
    from tests.helpers import ROOT

    env = Environment(loader=FileSystemLoader(ROOT / "overrides" / "portfolio"), autoescape=True)
    pages = {f"part-{p}/{n}.md": SimpleNamespace(title=f"Page {p}{n}", url=f"part-{p}/{n}/",
                                                 content=f'<h1 id="t">Page {p}{n}</h1><p><a href="../../part-1/a/">first</a> <a href="#t">top</a></p>')
             for p in (1, 2) for n in ("a", "b")}
    parts = [PrintPart(f"part-{p}", [(f"part-{p}/a.md", [f"part-{p}/b.md"])]) for p in (1, 2)]
    documents = [PrintDocument("print.md", parts, book=True)] + [PrintDocument(f"print/{part.slug}.md", [part], book=False) for part in parts]
    urls = ["print/"] + [f"print/{part.slug}/" for part in parts]
    paths = [tmp_path / f"{index}.html" for index in range(len(documents))]
    for path in paths:
        path.write_text(f"<html>{BODY_MARKER}</html>", encoding="utf-8")
    prepared: list[str] = []
    real_prepare = print_writing.prepare_page
    monkeypatch.setattr(print_writing, "prepare_page", lambda html, url, *args, **kwargs: prepared.append(url) or real_prepare(html, url, *args, **kwargs))
    write_print_pages(env, [PrintJob(document, path, url) for document, path, url in zip(documents, paths, urls)], pages.get)
    assert sorted(prepared) == sorted(page.url for page in pages.values()), "each page once"
    for document, path, url in zip(documents, paths, urls):
        alone = "".join(print_body(env, document, pages.get, url))
        assert path.read_text(encoding="utf-8") == f"<html>{alone}</html>"
    part_two = paths[2].read_text(encoding="utf-8")
    assert 'href="../../part-1/a/"' in part_two and 'href="#print-part-1-a"' in paths[0].read_text(encoding="utf-8")
