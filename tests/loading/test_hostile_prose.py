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
from tests.helpers import ROOT, fixture_data, fixture_project, run_mkdocs

FIXTURE = ROOT / "tests" / "fixtures" / "portfolio" / "data"
PAGE = "content/part-four/managers.md"
HEAD = "---\nreview_due: 2027-01-01\n---\n\n# Managers\n\nRelationships matter.\n\n{{ question_set('assessment') }}\n\n"
ALLOWED = "a page may call the site's macros with text in quotes, e.g. {{ question_set('supervision') }}, and show {{ build_date }}; nothing else"
MARKUP = "(write Markdown, or plain HTML without script)"
FIELDS = "a page's front matter may hold title, description, reviewed, review_due, version, keywords, tags, needs, pdf, hide, search, render_macros"
TAGS = ", ".join(f"'{tag}'" for tag in __import__("macros.model.vocab", fromlist=["TAGS"]).TAGS[:-1]) + f" or '{__import__('macros.model.vocab', fromlist=['TAGS']).TAGS[-1]}'"
ONE_LINE = "holds HTML tags ('<b>') or character references ('&lt;'), which are not allowed in a one-line field; write plain text"


def write_project(root: Path, body: str, front: str = "") -> Path:
    shutil.copytree(FIXTURE, root / "data")
    (root / "overrides").symlink_to(ROOT / "overrides", target_is_directory=True)  # the templates validate renders a page's macros with
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
         "the settings are site_name, short_name, committee_name, logo, logo_print, colours.primary, colours.on_primary, colours.link, colours.link_dark, "
         "contact.name, contact.email, contact.phone, local_procedures.title, local_procedures.url"],
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
        [f"{PAGE}:{{@//tracker}}: the picture '//tracker.example/p.png' comes from another site; a page may show pictures from this site only (no request may go elsewhere)"],
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
    # ---- headings become titles the theme writes out as they are (c035, c036, c191) ------------------
    "a heading closing the page's title": ("## Safety &lt;/title&gt;&lt;img src=x onerror=alert(1)&gt;\n", "",
                                           [f"{PAGE}:{{@## Safety}}: this heading {ONE_LINE}"]),
    "a heading with a tag in code": ("## Safety `</title><img src=x onerror=alert(1)>`\n", "", [f"{PAGE}:{{@## Safety}}: this heading {ONE_LINE}"]),
    "an underlined heading with a tag": ("Safety <b>first</b>\n-------------\n", "", [f"{PAGE}:{{@Safety <b>}}: this heading {ONE_LINE}"]),
    # ---- the theme's own settings and parts (c013, c038, c180) -----------------------------------------
    "the theme's settings replaced": ('<div id="__config" hidden>{"base": "https://evil.example/"}</div>\n', "",
                                       [f"{PAGE}:{{@__config}}: the id '__config' on <div> is one the page's theme uses for its own parts; choose another"]),
    "the theme's settings by attribute list": ("A paragraph.\n{: #__config hidden }\n", "",
                                                [f"{PAGE}:{{@__config}}: the id '__config' on <p> is one the page's theme uses for its own parts; choose another"]),
    "a part of the theme claimed": ('<p data-md-component="search">x</p>\n', "", [f"{PAGE}:{{@data-md}}: the attribute data-md-component= on <p> is not allowed on a page"]),
    "a picture's fill from elsewhere": ('<svg><path d="M0 0H10V10H0Z" fill="url(https://evil.example/p.svg#g)"/></svg>\n', "",
                                        [f"{PAGE}:{{@fill=}}: the attribute fill= on <path> loads 'https://evil.example/p.svg#g' from elsewhere; a page may load nothing but its own parts"]),
    # ---- what Jinja gives, not what the page's text looks like (c015, c065, c070, c071, c017, c069) --------
    "a picture in a raw block": ("{% raw %}{{ <img src=https://evil.example/p.png> }}{% endraw %}\n", "",
                                 [f"{PAGE}:{{@raw}}: the picture 'https://evil.example/p.png' comes from another site; a page may show pictures from this site only (no request may go elsewhere)"]),
    "a script in a raw block": ("{% raw %}{{ <script>alert(1)</script> }}{% endraw %}\n", "",
                                [f"{PAGE}:{{@raw}}: the HTML element <script> is not allowed on a page; it would be taken out with everything in it {MARKUP}"]),
    "a comment that joins a code block to the text": ('Intro text.\n{#- joins -#}\n    <img src="https://evil.example/x.png" alt="">\n', "",
                                                       [f"{PAGE}:{{@    <img}}: the picture 'https://evil.example/x.png' comes from another site; a page may show pictures from this site only (no request may go elsewhere)"]),
    "a comment inside a scheme": ('Line.\n\n<a href="java{# x #}script:alert(1)">x</a>\n', "",
                                  [f"{PAGE}:{{@java{{#}}: the address 'javascript:alert(1)' uses 'javascript:', which a page may not link to; use http, https, mailto or tel"]),
    "a macro call in an address": ("""<img src="{{ setting('local_procedures.url') }}p.png" alt="x">\n""", "",
                                   [f"{PAGE}:{{@<img}}: a macro call inside an HTML tag (an address or another attribute) is not allowed; write the tag in Markdown, or put the call outside it"]),
    "a macro call in a mail link": ("""<a href="mailto:{{ setting('contact.email') }}">write</a>\n""", "",
                                    [f"{PAGE}:{{@mailto}}: a macro call inside an HTML tag (an address or another attribute) is not allowed; write the tag in Markdown, or put the call outside it"]),
    # ---- pictures and files mkdocs would not find --------------------------------------------------
    "a picture not in content/": ("![diagram](diagram.png)\n", "", [f"{PAGE}:{{@diagram}}: there is no file content/part-four/diagram.png for 'diagram.png'"]),
    "a link out of the site": ("[the data](../../data/site.yml)\n", "", [f"{PAGE}:{{@the data}}: the address '../../data/site.yml' leads outside the site's pages (content/); link only to pages and files in it"]),
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
    # A section made by the page's macros (the reckoner's form) is there; one neither the page nor they make is not.
    "a link to a section the page's macros do not make": (
        "{{ ready_reckoner() }}\n\nSee [the form](managers.md#reckoner-heading) and [the actions](managers.md#reckoner-actoins).\n", "",
        [f"{PAGE}:{{@See [the form}}: the link 'managers.md#reckoner-actoins' leads to no section of part-four/managers.md: it has no heading "
         "'#reckoner-actoins', on the page or from its macros (did you mean 'reckoner-actions'?)"],
    ),
    "a front matter field named like a macro": ("", "contact_list: 1\n", [f"{PAGE}:2: contact_list: unknown field 'contact_list'; {FIELDS}"]),
    # The theme writes these into every page unescaped (the red team's c001-c009): no field is let through unread.
    "a subtitle the menu would show": ("", "subtitle: '<img src=x onerror=alert(1)>'\n", [f"{PAGE}:2: subtitle: unknown field 'subtitle' (did you mean 'title'?); {FIELDS}"]),
    "a status": ("", "status: 'x\"><img src=x onerror=alert(1)>'\n", [f"{PAGE}:2: status: unknown field 'status' (did you mean 'tags'?); {FIELDS}"]),
    "an author for the meta tag": ("", "author: '\"><script>alert(1)</script>'\n", [f"{PAGE}:2: author: unknown field 'author'; {FIELDS}"]),
    "a page template": ("", "template: redirect.html\n", [f"{PAGE}:2: template: unknown field 'template'; {FIELDS}"]),
    "an icon by path": ("", "icon: ../../../../etc/passwd\n", [f"{PAGE}:2: icon: unknown field 'icon'; {FIELDS}"]),
    "a tag with HTML": ("", "tags: ['<img src=x onerror=alert(1)>']\n",
                        [f"{PAGE}:2: tags[0]: '<img src=x onerror=alert(1)>' is not one of the allowed values: {TAGS}"]),
    "tags as one word": ("", "tags: assessment\n", [f"{PAGE}:2: tags: expected a list (lines starting with '- '), got 'assessment'"]),
    "hide as a number": ("", "hide: 5\n", [f"{PAGE}:2: hide: expected a list (lines starting with '- '), got 5"]),
    "search as a list": ("", "search: [1]\n", [f"{PAGE}:2: search: expected a group of fields ('name: value' lines), got a list"]),
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
         "a javascript: link defined in a list", "a macro in the front matter's title",
         "a link to a section the page's macros do not make"]


@pytest.mark.builds
@pytest.mark.parametrize("name", BUILT)
def test_the_build_stops_with_the_same_message(tmp_path, name):
    """The build, as `./run build` runs it (of the fixture project): the message validate gives, a non-zero exit, no traceback, no site."""
    body, front, expected = CASES[name]
    project = fixture_project(tmp_path / "project")
    page = project / PAGE
    page.parent.mkdir(exist_ok=True)
    page.write_text(HEAD.replace("---\n", f"---\n{front}", 1) + body, encoding="utf-8")
    out = tmp_path / "out"

    result = run_mkdocs(["build", "--strict", "-d", str(out)], cwd=project)

    assert result.returncode != 0
    for message in expected:
        assert expand(message, page) in result.stderr
    assert "Traceback" not in result.stderr + result.stdout
    assert "uid=" not in result.stdout + result.stderr
    assert not out.exists()


# Files in content/ that are not pages to read (the red team's c072, c081, c082, c083, c176, c180, c185).
FILES = {
    "a link to the machine's passwords": (lambda c: (c / "leak.txt").symlink_to("/etc/passwd"), "content/leak.txt:1: this is a link to a file elsewhere, which the site would publish; put a copy of the file here instead"),
    "a page that is a link": (lambda c: (c / "part-four" / "leak.md").symlink_to("/etc/hostname"), "content/part-four/leak.md:1: this is a link to a file elsewhere, which the site would publish; put a copy of the file here instead"),
    "a page that links to itself": (lambda c: (c / "part-four" / "loop.md").symlink_to("loop.md"), "content/part-four/loop.md:1: this is a link to a file elsewhere, which the site would publish; put a copy of the file here instead"),
    "a script": (lambda c: (c / "evil.js").write_text("alert(1)"), "content/evil.js:1: content/ holds pages (.md) and the pictures and documents they show (.png, .jpg, .jpeg, .gif, .webp, .pdf); a .js file would be published as it is: move it out of content/"),
    "an HTML page": (lambda c: (c / "evil.html").write_text("<script>alert(1)</script>"), "content/evil.html:1: content/ holds pages (.md) and the pictures and documents they show (.png, .jpg, .jpeg, .gif, .webp, .pdf); a .html file would be published as it is: move it out of content/"),
    "a page named in HTML": (lambda c: (c / "part-four" / "<img src=x onerror=alert(1)>.md").write_text("Text.\n"),
                             "content/part-four/<img src=x onerror=alert(1)>.md:1: a page's file name becomes its address (and, without a heading, its title): use lowercase letters, digits and hyphens, then .md"),
    "a page that is not UTF-8": (lambda c: (c / "part-four" / "latin.md").write_bytes(b"# Caf\xe9\n"), "content/part-four/latin.md:1: the page is not UTF-8 text (byte 0xe9); save it as UTF-8"),
    "a page at an entry's address": (lambda c: (c / "case-studies").mkdir() or (c / "case-studies" / "one.md").write_text("# One\n"),
                                     "content/case-studies/one.md:1: this page has the address of the case study 'one''s own page; rename the page"),
}


@pytest.mark.parametrize("name", FILES)
def test_a_file_content_may_not_hold_is_named(tmp_path, capsys, name):
    make, expected = FILES[name]
    write_project(tmp_path, "Text.\n")
    make(tmp_path / "content")
    status, messages = validate_messages(tmp_path, capsys)
    assert (status, messages) == (1, [expected])


def test_a_link_to_a_section_a_page_does_not_have(tmp_path, capsys):
    page = write_project(tmp_path, "See [the questions](questions.md#what-to-ask) and [the start](questions.md#the-start).\n")
    (page.parent / "questions.md").write_text("# Questions\n\n## The start\n\nText.\n", encoding="utf-8")
    status, messages = validate_messages(tmp_path, capsys)
    assert (status, messages) == (1, [expand(f"{PAGE}:{{@See [the}}: the link 'questions.md#what-to-ask' leads to no section of part-four/questions.md: "
                                             "it has no heading '#what-to-ask'", page)])


def test_a_page_s_mistake_is_named_while_a_data_file_cannot_be_read(tmp_path, capsys):
    """Every mistake at once: a YAML syntax error in one file, and a misspelt macro in a page, found in one run;
    the page's links, ids and citations wait until every file reads (the unreadable one might hold what they name)."""
    page = write_project(tmp_path, "See [the start](managers.md#no-such-heading) and {{ questoins() }}.\n")
    glossary = tmp_path / "data" / "glossary.yml"
    glossary.write_text(glossary.read_text(encoding="utf-8") + '\n  - term: "Unclosed\n', encoding="utf-8")
    status, messages = validate_messages(tmp_path, capsys)
    assert status == 1
    assert [message.split(": ")[0] for message in messages if not message.startswith(" ")] == [
        expand(f"{PAGE}:{{@See [the start}}", page), f"data/glossary.yml:{glossary.read_text(encoding='utf-8').count(chr(10))}"]
    assert "unknown macro 'questoins' (did you mean 'question_set'?)" in messages[0]


def test_data_may_name_a_section_a_page_s_macros_make_and_no_other(tmp_path, capsys):
    """`discussed_in` names a section by its page and anchor: one that the page's macros make (the reckoner's form on
    this page) is there, as a reader following it finds; one that neither the page nor its macros make is the
    data file's mistake, at its line, with what it may have meant."""
    write_project(tmp_path, "{{ ready_reckoner() }}\n")
    tools = tmp_path / "data" / "tools.yml"
    text = tools.read_text(encoding="utf-8")
    first = "  - id: motivational-interviewing\n"
    assert first in text
    tools.write_text(text.replace(first, first + '    discussed_in: ["part-four/managers.md#reckoner-heading", "part-four/managers.md#reckoner-actoins"]\n'),
                     encoding="utf-8")
    line = tools.read_text(encoding="utf-8").splitlines().index(first.rstrip("\n")) + 2
    status, messages = validate_messages(tmp_path, capsys)
    assert (status, messages) == (1, [f"data/tools.yml:{line}: tools[0].discussed_in[1]: content/part-four/managers.md has no section "
                                      "'#reckoner-actoins', on the page or from its macros (did you mean 'reckoner-actions'?)"])


@pytest.mark.builds
def test_a_section_a_macro_makes_is_listed_under_its_heading_on_the_entry_s_page(tmp_path):
    """The build lists a `discussed_in` section that the page's macros make, under the heading they give it, linked to it."""
    from bs4 import BeautifulSoup

    project = fixture_project(tmp_path / "project")
    page = project / PAGE
    page.write_text(HEAD + "{{ ready_reckoner() }}\n", encoding="utf-8")
    tools = project / "data" / "tools.yml"
    first = "  - id: motivational-interviewing\n"
    text = tools.read_text(encoding="utf-8")
    entry = text.split(first)[1].split("  - id:")[0]
    assert "    discussed_in: [" in entry
    tools.write_text(text.replace(first + entry, first + entry.replace("    discussed_in: [", '    discussed_in: ["part-four/managers.md#reckoner-heading", ', 1)),
                     encoding="utf-8")
    out = tmp_path / "out"

    result = run_mkdocs(["build", "--strict", "-d", str(out)], cwd=project)

    assert result.returncode == 0, result.stderr
    entry = BeautifulSoup((out / "tools" / "motivational-interviewing" / "index.html").read_text(encoding="utf-8"), "html.parser")
    [link] = [a for a in entry.select("article a") if a.get("href", "").endswith("#reckoner-heading")]
    title = fixture_data().ready_reckoner.title
    assert " ".join(link.get_text().split()) == title
    target = BeautifulSoup((out / "part-four" / "managers" / "index.html").read_text(encoding="utf-8"), "html.parser")
    assert " ".join(target.select_one("#reckoner-heading").get_text().split()) == title
