"""Data text as a document's runs: Markdown read by a real parser, raw HTML kept as text, characters XML
cannot hold dropped; slides cut at sentences; links as a document can follow them."""

from __future__ import annotations

from macros.model.kinds.edition import PublishedEdition
from macros.model.kinds.site import SiteSettings
from macros.outputs.edition import Edition
from macros.outputs.slides.chunks import items
from macros.outputs.text import ListBlock, Paragraph, Quote, Run, blocks, plain, property_text, runs, xml_safe

SETTINGS = SiteSettings.model_validate({
    "site_name": "Site", "committee_name": "Committee", "colours": {"primary": "#1f4e79"},
    "contact": {"name": "Contact", "email": "a@example.org"},
})
PUBLISHED = PublishedEdition.model_validate({"version": "1.0", "published": "2026-11-25"}, strict=False)


def test_emphasis_links_and_code_become_formatted_runs():
    assert runs("a *b* **c [d](https://x.example/)** `e`") == [
        Run("a "), Run("b", italic=True), Run(" "), Run("c ", bold=True), Run("d", bold=True, href="https://x.example/"), Run(" "), Run("e", code=True),
    ]


def test_raw_html_is_text_and_never_markup():
    assert plain('<script>alert("x")</script> & <b>bold</b>') == '<script>alert("x")</script> & <b>bold</b>'


def test_characters_xml_cannot_hold_are_dropped_and_the_rest_kept():
    assert xml_safe("a\x00b\x01c\x0bd\x1fe\ufffef\tg\nh\u202ei שלום\U0001F600") == "abcdef\tg\nh\u202ei שלום\U0001F600"
    assert plain("x\x01y") == "xy"


def test_paragraphs_lists_nested_lists_and_quotes():
    found = blocks("First.\nStill first.\n\n- one\n- two\n\n    1. inner\n\n> quoted\n\nLast  \nline")
    assert found[0] == Paragraph((Run("First. Still first."),))
    assert isinstance(found[1], ListBlock) and not found[1].ordered
    assert found[1].items[0] == (Paragraph((Run("one"),)),)
    inner = found[1].items[1][1]
    assert isinstance(inner, ListBlock) and inner.ordered and inner.items == ((Paragraph((Run("inner"),)),),)
    assert found[2] == Quote((Paragraph((Run("quoted"),)),))
    assert found[3] == Paragraph((Run("Last"), Run("", line_break=True), Run("line")))


def test_property_text_fits_office_limits():
    long = "word " * 100
    assert len(property_text(long)) <= 255 and property_text(long).endswith("…")
    assert property_text("a\n\x01b") == "a b"


def test_links_point_where_a_document_can_follow_them():
    hosted = Edition(SETTINGS, PUBLISHED, "2026-11-30", "https://intranet.example/cp/", bibliography="references/index.md")
    assert hosted.link("https://x.example/a", "tools/x.md") == "https://x.example/a"
    assert hosted.link("mailto:a@example.org", "") == "mailto:a@example.org"
    assert hosted.link("cite:brandon-2008", "case-studies/one.md") == "https://intranet.example/cp/references/#brandon-2008"
    assert hosted.link("../training-resources/frame.md", "part-four/managers.md") == "https://intranet.example/cp/training-resources/frame/"
    assert hosted.link("../index.md#contents", "part-four/managers.md") == "https://intranet.example/cp/#contents"
    assert hosted.link("#here", "x.md") is None
    unhosted = Edition(SETTINGS, PUBLISHED, "2026-11-30", None, bibliography="references/index.md")
    assert unhosted.link("../resistance/x.md", "case-studies/one.md") is None
    assert unhosted.link("https://x.example/", "") == "https://x.example/"


def test_numbered_items_keep_their_numbers():
    found = items(["First?", "Second *with* emphasis?", "Third?"], numbered=True)
    assert [(line.style, line.number) for line in found] == [("number", 1), ("number", 2), ("number", 3)]
    assert [run.italic for run in found[1].runs] == [False, True, False]


def test_plain_text_skips_the_parser_only_where_the_parser_would_change_nothing():

    import yaml

    from macros.load.links import strings
    from macros.outputs.text import parsed_plain
    from tests.helpers import FIXTURE_DATA, ROOT

    tricky = ["1. Numbered", "# Heading", "> Quote", "- Item", "A *b*", "A_b_c", "Two  spaces", "Trailing ", "A & B", "A <b>", "A `c`",
              "A [link](x)", "Line\nbreak", "Tab\there", "Dash -- dash", "Café au lait", "Parents’ ‘views’: (2016) 50%", "£5 – a/b"]
    texts = [text for folder in (FIXTURE_DATA, ROOT / "data") for path in sorted(folder.rglob("*.yml"))
             for _, text in strings(yaml.safe_load(path.read_text(encoding="utf-8"))) if len(text) < 200]
    assert len(texts) > 100
    for text in tricky + texts:
        assert plain(text) == parsed_plain(text), text
