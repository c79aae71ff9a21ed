"""The one allowlist every page passes (render/sanitise.py, nh3), the rule for addresses, and the
macros prose may call, as tables of inputs and what comes out."""

from __future__ import annotations

import pytest
from mkdocs.utils.yaml import yaml_load

from macros.model.addresses import image_problem, link_problem
from macros.model.prose_macros import MACROS
from macros.model.rendered import PAGE_EXTENSIONS, html_problems
from macros.render.sanitise import sanitise
from tests.helpers import ROOT


@pytest.mark.parametrize(
    "address",
    ["https://example.org/a?b=c#d", "http://example.org", "mailto:cpc@example.org", "tel:+441414205862", "tel:0141%20420%205862",
     "../case-studies/one/", "#section", "page.md#part", "downloads/x.docx"],
)
def test_links_allowed(address):
    assert link_problem(address) is None


@pytest.mark.parametrize(
    "address,why",
    [
        ("javascript:alert(1)", "'javascript:'"),
        (" JaVa\tScRiPt:alert(1)", "'javascript:'"),  # browsers drop tabs inside an address and spaces around it
        ("\x01javascript:alert(1)", "'javascript:'"),
        ("vbscript:msgbox(1)", "'vbscript:'"),
        ("data:text/html,<script>alert(1)</script>", "'data:'"),
        ("file:///etc/passwd", "'file:'"),
        ("//evil.example/", "another site"),
        ("\\\\evil.example\\share", "another site"),
        ("/\\evil.example", "another site"),
        ("/etc/passwd", "server's root"),
        ("https://", "no site name"),
        ("mailto:cpc@example.org?bcc=watcher@example.org", "extra fields"),
        ("mailto:cpc@example.org&cc=watcher@example.org", "extra fields"),
        ("mailto:nobody", "not a mail address"),
        ("tel:javascript", "not a telephone number"),
    ],
)
def test_links_refused(address, why):
    assert why in (link_problem(address) or "")


@pytest.mark.parametrize("address,ok", [("../assets/images/form.png", True), ("https://tracker.example/p.png", False), ("//tracker.example/p.png", False),
                                        ("data:image/png;base64,AAAA", False), ("", False)])
def test_pictures_come_from_the_site_only(address, ok):
    assert (image_problem(address) is None) == ok


@pytest.mark.parametrize(
    "html,kept,gone",
    [
        ('<p onclick="x()">Hi</p>', "<p>Hi</p>", "onclick"),
        ("<p>a<script>alert(1)</script>b</p>", "<p>ab</p>", "alert"),
        ('<a href="javascript:alert(1)">x</a>', "<a>x</a>", "javascript"),
        ('<a href="mailto:a@b.org?bcc=c@d.org">x</a>', "<a>x</a>", "bcc"),
        ('<img src="https://tracker.example/p.png" alt="">', '<img alt="">', "tracker"),
        ('<div style="background:url(https://t.example/)">s</div>', "<div>s</div>", "url("),
        ('<iframe src="https://example.org"></iframe>x', "x", "iframe"),
        ('<svg><use href="https://evil.example/#a"></use></svg>', "<svg></svg>", "evil"),
        ('<form action="https://evil.example/"><button formaction="https://e.example/">Go</button></form>', "<form><button>Go</button></form>", "evil"),
        ('<a href="../one/" class="x" data-print-page aria-label="One">One</a>', '<a href="../one/" class="x" data-print-page="" aria-label="One">One</a>', "\x00"),
    ],
)
def test_the_sanitiser_keeps_only_the_allowlist(html, kept, gone):
    result = sanitise(html)
    assert result.html == kept
    assert gone not in result.html


@pytest.mark.parametrize(
    "html,dropped",
    [
        ("<p>Plain</p>", ()),
        ("<p>a<script>x</script></p>", ("the HTML element <script>",)),
        ('<p><a href="javascript:alert(1)">x</a></p>', ("the address 'javascript:alert(1)' uses 'javascript:', which a page may not link to; use http, https, mailto or tel",)),
        ("<p>Text about src=javascript:x stays text</p>", ()),
    ],
)
def test_the_sanitiser_says_what_it_took_out(html, dropped):
    assert sanitise(html).dropped == dropped


def test_the_loaders_check_and_the_sanitiser_agree():
    """What html_problems reports is exactly what sanitise takes out (one allowlist, two readers)."""
    html = '<p onclick="x">a <a href="javascript:1">b</a> <img src="https://t.example/p.png" alt=""> <b style="color:red">c</b></p><script>d</script>'
    reported = {str(problem).split(" ")[1] for problem in html_problems(html)}
    assert reported == {"attribute", "address", "picture", "HTML"}
    cleaned = sanitise(html).html
    assert "onclick" not in cleaned and "javascript" not in cleaned and "t.example" not in cleaned and "style" not in cleaned and "script" not in cleaned


def test_the_checks_convert_prose_as_mkdocs_yml_says_pages_are():
    config = yaml_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    names = [next(iter(item)) if isinstance(item, dict) else item for item in config["markdown_extensions"]]
    assert tuple(names) == PAGE_EXTENSIONS


def test_the_build_registers_exactly_the_macros_prose_may_call():
    from macros.engine.macros import register

    registered = {}

    class Env:
        class conf:  # noqa: N801 - mkdocs-macros' attribute
            plugins = {"portfolio": object()}

        page = None

        def macro(self, function, name):
            registered[name] = function

    register(Env())
    assert set(registered) == set(MACROS)
    assert all(function.__doc__ for function in registered.values())
