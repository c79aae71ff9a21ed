"""The template filters and helpers as pure functions: tables of inputs and what they must give."""

from __future__ import annotations

import pytest

from macros.render.filters import cell, md, number_word, relative, search_boost, tel, url, yaml_value
from macros.render.pages import url_of


@pytest.mark.parametrize(
    "text,safe",
    [
        ("plain *emphasis* and [a link](https://example.org)", "plain *emphasis* and [a link](https://example.org)"),
        ("<script>alert(1)</script>", "&lt;script>alert(1)&lt;/script>"),
        ("{: onclick=x }", "&#123;: onclick=x &#125;"),
        ("{{ jinja }}", "&#123;&#123; jinja &#125;&#125;"),
        (None, ""),
    ],
)
def test_md_keeps_markdown_and_makes_html_and_braces_text(text, safe):
    assert str(md(text)) == safe


@pytest.mark.parametrize(
    "address,target",
    [
        ("https://example.org/a_(b)", "https://example.org/a_%28b%29"),
        ("https://example.org/a b", "https://example.org/a%20b"),
        ("mailto:x@example.org", "mailto:x@example.org"),
    ],
)
def test_url_cannot_end_a_markdown_link_early(address, target):
    assert str(url(address)) == target


def test_cell_cannot_end_a_table_cell_or_row():
    assert str(cell("a | b\nc")) == "a &#124; b c"


@pytest.mark.parametrize("number,word", [(1, "One"), (7, "Seven"), (8, "Eight"), (12, "Twelve"), (13, "13"), (0, "0")])
def test_number_word(number, word):
    assert number_word(number) == word


@pytest.mark.parametrize(
    "target,page,link",
    [
        ("references/index.md", "part-one/index.md", "../references/index.md"),
        ("references/index.md#fish-2009", "index.md", "references/index.md#fish-2009"),
        ("case-studies/one.md", "case-studies/two.md", "one.md"),
        ("glossary.md", "resistance/disguised-compliance.md", "../glossary.md"),
    ],
)
def test_relative_links_between_source_pages(target, page, link):
    assert relative(target, page) == link


def test_shorter_titles_weigh_more_and_every_entry_outweighs_prose():
    assert search_boost("Non-engaging families") > search_boost("Working with non-engaging families") > 2
    assert search_boost("") == search_boost("One")


def test_yaml_value_is_a_quoted_scalar():
    assert str(yaml_value("a: b \"c\"")) == '"a: b \\"c\\""'
    assert str(yaml_value(["x", "y"])) == '["x", "y"]'


@pytest.mark.parametrize(
    "src,directory,address",
    [
        ("index.md", True, ""),
        ("case-studies/one.md", True, "case-studies/one/"),
        ("case-studies/index.md", True, "case-studies/"),
        ("case-studies/one.md", False, "case-studies/one.html"),
        ("case-studies/index.md", False, "case-studies/index.html"),
    ],
)
def test_page_address_of_a_source_path(src, directory, address):
    assert url_of(src, directory) == address


@pytest.mark.parametrize(
    "phone,address",
    [
        ("01234 567890", "tel:01234567890"),
        ("0141 420 5862", "tel:01414205862"),
        ("(01563) 576-859", "tel:01563576859"),
        ("0141.420.5862", "tel:01414205862"),
        ("+44 (0)141 420 5862", "tel:+441414205862"),
        ("+44 141 420 5862", "tel:+441414205862"),
        ("Tel: 0141 420 5862 (office hours)", "tel:01414205862"),
        ("Mon-Fri 9-5: 0141 420 5862", "tel:01414205862"),
        ("0141 420 5862 or 07700 900123", "tel:01414205862"),
        ("0141 420 5862 ext. 12", "tel:01414205862"),
        ("111", "tel:111"),
    ],
)
def test_tel_dials_the_first_number_in_free_text(phone, address):
    assert tel(phone) == address


@pytest.mark.parametrize(
    "phone",
    [
        None,
        "",
        "ask at reception",
        "9-5",  # too short to be a number
        "0141 420 5862 07700 900123",  # two numbers run together: more digits than any number has
        "٠١٤١ ٤٢٠ ٥٨٦٢",  # digits of another script are not dialled as they stand
        "javascript:alert(1)",
    ],
)
def test_tel_offers_no_call_when_there_is_no_number(phone):
    assert tel(phone) is None


def test_tel_address_holds_nothing_but_digits_and_a_plus():
    for text in ['0141 420 5862" onclick="x', "+44 (0)141 <b>420</b> 5862", "01234 567890\n<script>"]:
        address = tel(text)
        assert address is not None and address.startswith("tel:")
        assert address[4:].lstrip("+").isdigit() and address[4:].isascii()
