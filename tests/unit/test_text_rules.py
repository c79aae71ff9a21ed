"""The rules that keep data text safe and faithful, as tables of accepted and refused values."""

from __future__ import annotations

import pytest

from macros.model.text import check_email, check_id, check_markdown, check_text, check_url


@pytest.mark.parametrize(
    "value",
    [
        "Text with *emphasis*, a [link](https://example.org) and a [page](../glossary.md#cpc).",
        "A [mail link](mailto:cpc@example.org) and a [phone](tel:01234567890).",
        "A citation ([Brandon *et al.*, 2008](cite:brandon-2008)).",
        "- a list\n- of items",
        "A rule below\n\n---\n\nand text after it.",
    ],
)
def test_markdown_accepted(value):
    assert check_markdown(value) == value


@pytest.mark.parametrize(
    "value,reason",
    [
        ("# Heading", "headings"),
        ("A title\n=======", "headings"),
        ("- # a heading in a list", "headings"),
        ("text {: .class }", "attribute lists"),
        ("![pixel](https://tracker.example/p.png)", "pictures from this site only"),
        # The short reference form, with its definition on a later line (the trial).
        ("![pixel] marks\n\n[pixel]: https://tracker.example/p.png", "pictures from this site only"),
        ("[x](javascript:alert(1))", "'javascript:', which a page may not link to"),
        ("[x](JaVa&#x09;ScRiPt:alert(1))", "'javascript:'"),
        ("[x](&#106;avascript:alert(1))", "'javascript:'"),
        # A definition indented in a list item: Markdown strips the list's indentation before it reads it.
        ("- A list item.\n\n      [x]: javascript:alert(document.domain)\n\nRead the [case notes][x] first.", "'javascript:'"),
        # A definition nothing uses is still refused: another field on the same page could use it.
        ("Text.\n\n[unused]: javascript:alert(1)", "'javascript:'"),
        ("[x](data:text/html;base64,PHNjcmlwdD4=)", "'data:'"),
        ("[x](//tracker.example/p)", "another site"),
        ("[x](/etc/passwd.md)", "server's root"),
        ("[mail](mailto:cpc@example.org?bcc=someone@example.org)", "extra fields after '?'"),
        ("[x](somewhere.html)", "neither a web address nor a page"),
        ("A picture of the site's own: ![the form](../assets/images/form.png)", "pictures"),
        ("![x](../../../../../etc/passwd)", "pictures"),
        ("--8<-- 'file.md'", "snippet includes"),
        ("   ", "must not be empty"),
        ("x" * 20_001, "at most 20,000"),
    ],
)
def test_markdown_refused(value, reason):
    with pytest.raises(ValueError, match=reason):
        check_markdown(value)


@pytest.mark.parametrize("value,reason", [("two\nlines", "single line"), ("a <b>tag</b>", "HTML tags"), ("&lt;x&gt;", "character references")])
def test_one_line_text_refused(value, reason):
    with pytest.raises(ValueError, match=reason):
        check_text(value)


@pytest.mark.parametrize("value", ["https://example.org/a?b=c", "http://example.org", "mailto:cpc@example.org"])
def test_urls_accepted(value):
    assert check_url(value) == value


@pytest.mark.parametrize("value", ["www.example.org", "https://", "javascript:alert(1)", "https://example.org/a b", "mailto:nobody",
                                   "mailto:cpc@example.org?bcc=someone@example.org", "mailto:cpc@example.org?subject=hello"])
def test_urls_refused(value):
    with pytest.raises(ValueError):
        check_url(value)


@pytest.mark.parametrize("value,ok", [("cpc@example.org", True), ("not-an-email", False), ("a@b", False)])
def test_emails(value, ok):
    if ok:
        assert check_email(value) == value
    else:
        with pytest.raises(ValueError):
            check_email(value)


@pytest.mark.parametrize("value,ok", [("disguised-compliance", True), ("c4eo-2010", True), ("Disguised", False), ("a--b", False), ("-a", False), ("x\n", False)])
def test_ids(value, ok):
    if ok:
        assert check_id(value) == value
    else:
        with pytest.raises(ValueError, match="not a valid id"):
            check_id(value)
