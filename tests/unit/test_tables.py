"""Wide tables put in a named, focusable region that scrolls on its own (macros/render/tables.py)."""

from __future__ import annotations

from bs4 import BeautifulSoup

from macros.render.tables import scrolling_tables

PAGE = (
    '<h1 id="glossary">Glossary<a class="headerlink" href="#glossary">¶</a></h1>\n'
    "<p>Terms é &amp; abbreviations</p>\n"
    "<table><thead><tr><th>Term</th></tr></thead><tbody><tr><td>CPC</td></tr></tbody></table>\n"
    "<p>After</p>\n"
    '<h2 id="more">More <em>terms</em></h2>\n'
    "<table><caption>Older terms</caption><tr><td>DC</td></tr></table>tail text\n"
    '<form><table class="wwr-reckoner__table"><tr><td>x</td></tr></table></form>'
)


def regions(html: str):
    return BeautifulSoup(html, "html.parser").select("div.wwr-table-scroll")


def test_each_plain_table_is_in_a_focusable_region_named_by_its_caption_or_heading():
    found = regions(scrolling_tables(PAGE, "Glossary page"))
    assert [(r["role"], r["tabindex"], r["aria-label"]) for r in found] == [
        ("region", "0", "Table: Glossary"),
        ("region", "0", "Table: Older terms"),
    ]
    assert [r.select_one("td").get_text() for r in found] == ["CPC", "DC"]


def test_the_rest_of_the_page_is_kept_as_it_was():
    html = scrolling_tables(PAGE, "Glossary page")
    doc = BeautifulSoup(html, "html.parser")
    assert doc.get_text().replace("\n", "") == BeautifulSoup(PAGE, "html.parser").get_text().replace("\n", "")
    assert doc.select_one("h1 a.headerlink") is not None  # the permalink stays; only the label leaves it out
    assert doc.select_one("form > table.wwr-reckoner__table") is not None  # a table with a class lays itself out


def test_a_table_with_no_heading_before_it_is_named_after_the_page():
    html = scrolling_tables("<p>x</p><table><tr><td>a</td></tr></table>", "Resources")
    assert regions(html)[0]["aria-label"] == "Table: Resources"


def test_a_page_without_tables_and_a_table_already_in_a_region_are_left_alone():
    assert scrolling_tables("<p>No tables</p>", "Page") == "<p>No tables</p>"
    once = scrolling_tables(PAGE, "Page")
    assert scrolling_tables(once, "Page") == once
