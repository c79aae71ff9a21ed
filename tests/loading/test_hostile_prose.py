"""Prose can call the registered macros and nothing else, and what it renders to is judged like data.

Each case puts a few lines into a prose page of a small project (the fixture portfolio's data and one
page of content/), and names the FULL list of messages `./run validate` prints, each with the page's
line. `{@text}` stands for the line where `text` first occurs in the page, so the cases pin exact
lines without counting by hand. A handful also go through the real `mkdocs build`: the same message,
a non-zero exit, no traceback, nothing written.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from macros.commands import validate
from tests.helpers import ROOT, run_mkdocs

FIXTURE = ROOT / "tests" / "fixtures" / "portfolio" / "data"
PAGE = "content/part-four/managers.md"
HEAD = "---\nreview_due: 2027-01-01\n---\n\n# Managers\n\nRelationships matter.\n\n{{ question_set('assessment') }}\n\n"
ALLOWED = "a page may call the site's macros with text in quotes, e.g. {{ question_set('supervision') }}, and show {{ build_date }}; nothing else"
MARKUP = "(write Markdown, or plain HTML without script)"


def write_project(root: Path, body: str, front: str = "") -> Path:
    shutil.copytree(FIXTURE, root / "data")
    page = root / PAGE
    page.parent.mkdir(parents=True)
    page.write_text(HEAD.replace("---\n", f"---\n{front}", 1) + body, encoding="utf-8")
    return page


def validate_messages(root: Path, capsys) -> tuple[int, list[str]]:
    status = validate.main([str(root / "data")])
    err = capsys.readouterr().err
    return status, [line for line in err.splitlines() if line.strip()]


_AT = re.compile(r"\{@([^}]*)\}")


def expand(message: str, page: Path) -> str:
    text = page.read_text(encoding="utf-8")

    def line(match: re.Match) -> str:
        assert match.group(1) in text, f"{match.group(1)!r} not in the page"
        return str(text.count("\n", 0, text.index(match.group(1))) + 1)

    return _AT.sub(line, message)


# case -> (lines added to the page, front matter lines, expected messages)
CASES = {
    # ---- code, not macro calls -------------------------------------------------------------------
    "jinja reaching Python's modules": (
        "{{ lipsum.__globals__.os.popen('id').read() }}\n", "",
        [f"{PAGE}:{{@lipsum}}: 'lipsum.__globals__.os.popen(...).read(...)' is not a macro call: {ALLOWED}"],
    ),
    "a setting that walks into Python": (
        "{{ setting('contact.__class__.__init__.__globals__') }}\n", "",
        [f"{PAGE}:{{@setting(}}: setting('contact.__class__.__init__.__globals__'): there is no setting 'contact.__class__.__init__.__globals__'; "
         "the settings are site_name, short_name, committee_name, logo, colours.primary, colours.on_primary, colours.link, colours.link_dark, "
         "contact.name, contact.email, contact.phone, local_procedures.title, local_procedures.url, version"],
    ),
    "a filter reaching attributes": (
        "{{ build_date | attr('__class__') }}\n", "",
        [f"{PAGE}:{{@attr(}}: '... | attr' is not a macro call: {ALLOWED}"],
    ),
    "mkdocs' own configuration": ("Site: {{ config.site_name }}\n", "", [f"{PAGE}:{{@config}}: 'config.site_name' is not a macro call: {ALLOWED}"]),
    "a variable of mkdocs-macros": ("{{ environment }}\n", "", [f"{PAGE}:{{@environment}}: 'environment' is not a value a page may show: {ALLOWED}"]),
    "mkdocs-macros' own macro": (
        "{{ macros_info() }}\n", "",
        [f"{PAGE}:{{@macros_info}}: unknown macro 'macros_info': {ALLOWED}"],
    ),
    "a literal printed": ("{{ '<script>alert(1)</script>' }}\n", "", [f"{PAGE}:{{@alert}}: ''<script>alert(1)</script>'' is not a macro call: {ALLOWED}"]),
    "a loop": ("{% for i in range(3) %}\nx\n{% endfor %}\n", "", [f"{PAGE}:{{@for i}}: {{% for %}} is not allowed in a page: {ALLOWED}"]),
    "an include of another file": ("{% include '../../etc/passwd' %}\n", "", [f"{PAGE}:{{@include}}: {{% include %}} is not allowed in a page: {ALLOWED}"]),
    "an import": ("{% import 'os' as os %}\n", "", [f"{PAGE}:{{@import}}: {{% import %}} is not allowed in a page: {ALLOWED}"]),
    "a variable set": ("{% set x = 1 %}\n", "", [f"{PAGE}:{{@set x}}: {{% set %}} is not allowed in a page: {ALLOWED}"]),
    # ---- mistakes an editor makes ----------------------------------------------------------------
    "a misspelt macro": (
        "{{ questions('supervision') }}\n", "",
        [f"{PAGE}:{{@questions(}}: unknown macro 'questions' (did you mean 'question_set'?): {ALLOWED}"],
    ),
    "a missing brace": (
        "{{ question_set('relationships') }\n\nMore text.\n", "",
        [f"{PAGE}:{{@question_set('relationships')}}: a macro call is not closed, or has a brace missing: write it as {{{{ name('...') }}}}, "
         "with two braces on each side (Jinja: unexpected '}')"],
    ),
    "an unclosed call at the end": (
        "{{ question_set('relationships')\n", "",
        [f"{PAGE}:{{@question_set('relationships')}}: a macro call is not closed, or has a brace missing: write it as {{{{ name('...') }}}}, "
         "with two braces on each side (Jinja: unexpected end of template, expected 'end of print statement'.)"],
    ),
    "an id without quotes": (
        "{{ question_set(relationships) }}\n", "",
        [f"{PAGE}:{{@question_set(relationships)}}: question_set() takes text in quotes, not a value worked out by Jinja: write {{{{ question_set('an-id') }}}}"],
    ),
    "an argument too many": (
        "{{ glossary_table('all') }}\n", "",
        [f"{PAGE}:{{@glossary_table}}: glossary_table() takes nothing between its brackets: write {{{{ glossary_table() }}}}"],
    ),
    "an unknown id": (
        "{{ question_set('assesment') }}\n", "",
        [f"{PAGE}:{{@assesment}}: question_set('assesment'): unknown question set 'assesment' (did you mean 'assessment'?)"],
    ),
    # ---- links the strict build would stop on ----------------------------------------------------
    "a link to an entry renamed": (
        "See [C-Change](../tools/c-chang.md).\n", "",
        [f"{PAGE}:{{@C-Change}}: the link '../tools/c-chang.md' leads to no page of the site: there is no tools/c-chang.md (did you mean 'tools/c-change.md'?)"],
    ),
    "a link to a folder, not a page's file": (
        "See [the tools](../tools/).\n", "",
        [f"{PAGE}:{{@the tools}}: the link '../tools/' is not written as a page's file (ending in .md), so the build cannot check it; "
         "write it as the page's file, '../tools/index.md'"],
    ),
    "a link to a page by reference, not there": (
        "See [the key messages][km].\n\n[km]: key-mesages.md\n", "",
        [f"{PAGE}:{{@[km]:}}: the link 'key-mesages.md' leads to no page of the site: there is no part-four/key-mesages.md (did you mean 'part-four/managers.md'?)"],
    ),
    # ---- what it renders to ----------------------------------------------------------------------
    "a script element": (
        "<script>alert(document.domain)</script>\n", "",
        [f"{PAGE}:{{@<script>}}: the HTML element <script> is not allowed on a page; it would be taken out with everything in it {MARKUP}"],
    ),
    "an event handler": (
        '<div class="note" onclick="alert(1)">Click</div>\n', "",
        [f"{PAGE}:{{@onclick}}: the attribute onclick= on <div> would run script; it is not allowed"],
    ),
    "an event handler from an attribute list": (
        "A paragraph.\n{: onmouseover=\"alert(1)\" }\n", "",
        [f"{PAGE}:{{@onmouseover}}: the attribute onmouseover= on <p> would run script; it is not allowed"],
    ),
    "a javascript: link in Markdown": (
        "Read the [case notes](javascript:alert(1)) first.\n", "",
        [f"{PAGE}:{{@javascript:}}: the address 'javascript:alert(1)' uses 'javascript:', which a page may not link to; use http, https, mailto or tel"],
    ),
    "a javascript: link defined in a list": (
        "- A list item.\n\n    [x]: javascript:alert(document.domain)\n\nRead the [case notes][x] first.\n", "",
        [f"{PAGE}:{{@javascript:}}: the address 'javascript:alert(document.domain)' uses 'javascript:', which a page may not link to; use http, https, mailto or tel"],
    ),
    "a javascript: link in HTML, spelt with a character reference": (
        '<a href="&#106;avascript:alert(1)">notes</a>\n', "",
        [f"{PAGE}:{{@<a href}}: the address 'javascript:alert(1)' uses 'javascript:', which a page may not link to; use http, https, mailto or tel"],
    ),
    "a picture from another site, short reference form": (
        "![pixel] marks\n\n[pixel]: https://tracker.example/p.png\n", "",
        [f"{PAGE}:{{@https://tracker}}: the picture 'https://tracker.example/p.png' comes from another site; a page may show pictures from this site only (no request may go elsewhere)"],
    ),
    "a picture from another site in HTML": (
        '<img src="//tracker.example/p.png" alt="">\n', "",
        [f"{PAGE}:{{@//tracker}}: the picture '//tracker.example/p.png' leads to another site (it starts with '//'); write the full https:// address, or a relative one"],
    ),
    "an iframe": (
        '<iframe src="https://example.org/"></iframe>\n', "",
        [f"{PAGE}:{{@<iframe}}: the HTML element <iframe> is not allowed on a page; it would be taken out with everything in it {MARKUP}"],
    ),
    "a stylesheet from another site": (
        '<link rel="stylesheet" href="https://cdn.example/x.css">\n', "",
        [f"{PAGE}:{{@<link}}: the HTML element <link> is not allowed on a page; it would be taken out {MARKUP}"],
    ),
    "a style loading from another site": (
        '<p style="background: url(https://tracker.example/p.png)">Styled</p>\n', "",
        [f"{PAGE}:{{@style=}}: the attribute style= on <p> is not allowed on a page"],
    ),
    "a form posting elsewhere": (
        '<form action="https://evil.example/"><button>Send</button></form>\n', "",
        [f"{PAGE}:{{@action=}}: the attribute action= on <form> is not allowed on a page"],
    ),
    "a mail link copying someone in secret": (
        "[Write to us](mailto:cpc@example.org?bcc=watcher@example.org)\n", "",
        [f"{PAGE}:{{@mailto:}}: the mail address 'mailto:cpc@example.org?bcc=watcher@example.org' carries extra fields after '?' (such as cc or bcc); give the address alone"],
    ),
    # ---- text Markdown cannot read: nested too deep, or too costly ---------------------------------
    "lists nested 3,000 deep on one line": (
        "- " * 3000 + "x\n", "",
        [f"{PAGE}:{{@- - - }}: the text puts 20 or more lists or quotes inside each other on one line; write it flatter"],
    ),
    "a run of 10,000 asterisks": (
        "Before " + "*" * 10000 + " after\n", "",
        [f"{PAGE}:{{@Before}}: the text holds a run of 50 or more '*' in a row, which is not writing; write it as text"],
    ),
    # ---- front matter ----------------------------------------------------------------------------
    "a macro in the front matter's title": (
        "", 'title: "{{ lipsum.__globals__ }}"\n',
        [f"{PAGE}:2: title: front matter cannot hold macros ('{{{{', '{{%' or '{{#'); write plain text"],
    ),
    "HTML in the front matter's title": (
        "", 'title: "<img src=x onerror=alert(1)>"\n',
        [f"{PAGE}:2: title: HTML tags ('<b>') and character references ('&lt;') are not allowed in a one-line field; write plain text"],
    ),
    "a front matter field named like a macro": (
        "", "contact_list: 1\n",
        [f"{PAGE}:2: contact_list: 'contact_list' is the name of a macro pages call; a page's front matter may not use it"],
    ),
    "a quote in the description": (
        "", "description: 'Managers\" http-equiv=\"refresh'\n",
        [f"{PAGE}:2: description: a description may not hold a double quote (\"); use ’ or ‘ instead"],
    ),
}


@pytest.mark.parametrize("name", CASES)
def test_validate_names_the_page_and_line(tmp_path, capsys, name):
    body, front, expected = CASES[name]
    page = write_project(tmp_path, body, front)
    status, messages = validate_messages(tmp_path, capsys)
    assert status == 1
    assert messages == [expand(message, page) for message in expected]


def test_the_page_without_the_hostile_lines_is_valid(tmp_path, capsys):
    write_project(tmp_path, "Plain [link](https://example.org/) and [this page](managers.md), shown on {{ build_date }}.\n")
    status, _ = validate_messages(tmp_path, capsys)
    assert status == 0


def test_every_page_of_the_real_content_passes():
    """The portfolio's own prose holds only what a page may: no Jinja but macro calls, no HTML the allowlist drops."""
    from macros.load import load_project

    assert load_project(ROOT).prose.titles


BUILT = ["jinja reaching Python's modules", "a setting that walks into Python", "a misspelt macro", "a missing brace", "a script element",
         "a javascript: link defined in a list", "a macro in the front matter's title"]


@pytest.mark.parametrize("name", BUILT)
def test_the_build_stops_with_the_same_message(tmp_path, name):
    """The real build, as `./run build` runs it: the message validate gives, a non-zero exit, no traceback, no site."""
    body, front, expected = CASES[name]
    project = tmp_path / "project"
    shutil.copytree(ROOT / "content", project / "content")
    shutil.copytree(ROOT / "data", project / "data")
    for part in ("overrides", "mkdocs.yml"):
        (project / part).symlink_to(ROOT / part)
    (project / "macros").symlink_to(ROOT / "macros")
    page = project / PAGE
    text = page.read_text(encoding="utf-8")
    if front:
        text = text.replace("---\n", f"---\n{front}", 1)
    page.write_text(text + "\n" + body, encoding="utf-8")
    out = tmp_path / "out"

    result = run_mkdocs(["build", "--strict", "-d", str(out)], cwd=project)

    assert result.returncode != 0
    for message in expected:
        assert expand(message, page) in result.stderr
    assert "Traceback" not in result.stderr + result.stdout
    assert "uid=" not in result.stdout + result.stderr
    assert not out.exists()
