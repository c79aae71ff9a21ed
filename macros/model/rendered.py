"""What a page may hold once rendered, and the text of data and prose judged as it will be rendered.

"Check what is rendered, not what is typed": Markdown has many ways to write a link (inline, by
reference, a definition indented in a list), so data text is converted here by the same Markdown
library the site uses, and the HTML it gives is judged against the allowlist every page passes through
(render/sanitise.py, nh3). What would be taken out is a problem for the loader to report with the file
and line, never something dropped silently.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from html import unescape

import markdown
from lxml import html as lxml_html

from .addresses import image_problem, link_problem

# Everything the site's pages use: Markdown's output, the portfolio's templates (the reckoner's form,
# the catalogue's filters, the offline control), the QR codes' SVG.
TAGS = frozenset(
    "a abbr b blockquote br button caption cite code col colgroup dd del details dfn div dl dt em fieldset figcaption "
    "figure form g h1 h2 h3 h4 h5 h6 hr i img input ins kbd label legend li mark ol option output p path pre progress "
    "q s samp select small span strong sub summary sup svg table tbody td tfoot th thead time tr u ul var".split()
)
# Taken out with what they hold: their content is code or a document of its own, never text to read.
REMOVED_WITH_CONTENT = frozenset({"script", "style", "template", "iframe", "object", "noscript", "textarea", "title"})
GENERIC_ATTRIBUTES = frozenset({"class", "id", "role", "hidden", "title", "lang", "tabindex"})
GENERIC_PREFIXES = ("aria-", "data-")
ATTRIBUTES = {
    "a": {"href", "download", "type"},
    "img": {"src", "alt", "width", "height", "loading"},
    "input": {"type", "name", "value", "checked", "disabled", "maxlength", "autocomplete", "spellcheck", "placeholder", "min", "max", "step", "readonly"},
    "label": {"for"},
    "output": {"for"},
    "button": {"type", "name", "value", "disabled"},
    "form": {"autocomplete", "novalidate"},
    "select": {"name", "multiple", "disabled"},
    "option": {"value", "selected"},
    "progress": {"max", "value"},
    "details": {"open"},
    "ol": {"start", "reversed", "type"},
    "li": {"value"},
    "th": {"scope", "colspan", "rowspan", "headers"},
    "td": {"colspan", "rowspan", "headers"},
    "col": {"span"},
    "colgroup": {"span"},
    "time": {"datetime"},
    "svg": {"viewbox", "viewBox", "xmlns"},  # an HTML parser reads SVG's attribute names in lower case; nh3 as SVG writes them
    "g": {"transform"},
    "path": {"d", "fill", "stroke", "stroke-width", "transform"},
}
# The attributes holding an address, and the rule each address must meet.
ADDRESSES = {"href": link_problem, "src": image_problem}
HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})


def escape_markdown(text: str) -> str:
    """Data text made safe to place in a page's Markdown: every `<` shown as text (no tag can form), and
    braces as character references (no attribute list or macro can form). Emphasis, lists and links survive."""
    return text.replace("<", "&lt;").replace("{", "&#123;").replace("}", "&#125;")


# The theme's own: Material reads its settings from the element with id "__config" and finds its parts by
# ids beginning "__" and by `data-md-*` attributes; a page that gave these could take its settings over.
THEME_IDS, THEME_ATTRIBUTES = "__", "data-md-"
_URL = re.compile(r"url\s*\(\s*['\"]?\s*([^)'\"]*)", re.IGNORECASE)


def allowed_attribute(tag: str, name: str) -> bool:
    if name.startswith(THEME_ATTRIBUTES):
        return False
    return name in GENERIC_ATTRIBUTES or name.startswith(GENERIC_PREFIXES) or name in ATTRIBUTES.get(tag, ())


def value_problem(tag: str, name: str, value: str, citations: bool = False) -> str | None:
    """Why an allowed attribute's value may not be on a page: an address the rules refuse, something loaded
    from elsewhere by CSS's url(...) (a picture's fill), or an id of the theme's own; None when it may."""
    if name in ADDRESSES and not (citations and name == "href" and value.startswith("cite:")):
        return ADDRESSES[name](value)
    for found in _URL.finditer(value):
        if not found.group(1).strip().startswith("#"):
            return f"the attribute {name}= on <{tag}> loads '{found.group(1).strip()}' from elsewhere; a page may load nothing but its own parts"
    if name == "id" and value.strip().startswith(THEME_IDS):
        return f"the id '{value.strip()}' on <{tag}> is one the page's theme uses for its own parts; choose another"
    return None


@dataclass(frozen=True)
class HtmlProblem:
    """Something the sanitiser would take out: why, in words an editor can act on, and what to look for in
    the source to find its line (the tag, the attribute, or the address as written)."""

    reason: str
    needle: str

    def __str__(self) -> str:
        return self.reason


def html_problems(html: str, citations: bool = False) -> list[HtmlProblem]:
    """Everything in `html` the sanitiser would take out.
    `citations`: `cite:<id>` links are allowed (the loader checks the id; the build points them at the reference list)."""
    if "<" not in html:
        return []
    problems: list[HtmlProblem] = []
    root = lxml_html.fragment_fromstring(html, create_parent="div")
    for element in root.iter():
        if not isinstance(element.tag, str) or element is root:
            continue  # comments are taken out, but they were never shown
        tag = element.tag.lower()
        if tag not in TAGS:
            what = " with everything in it" if tag in REMOVED_WITH_CONTENT else ""
            problems.append(HtmlProblem(f"the HTML element <{tag}> is not allowed on a page; it would be taken out{what} (write Markdown, or plain HTML without script)", f"<{tag}"))
            continue
        for name, value in element.attrib.items():
            name = name.lower()
            if name.startswith("on"):
                problems.append(HtmlProblem(f"the attribute {name}= on <{tag}> would run script; it is not allowed", name))
            elif not allowed_attribute(tag, name):
                problems.append(HtmlProblem(f"the attribute {name}= on <{tag}> is not allowed on a page", name))
            elif problem := value_problem(tag, name, value, citations):
                problems.append(HtmlProblem(problem, value))
    return problems


# A citation, `[Brandon, 2008](cite:brandon-2008)`, makes a link the loader checks; a text with nothing
# else that could form a link, a picture or a heading needs no converting.
_CITATION = re.compile(r"\[[^\[\]]*\]\(cite:[a-z0-9-]+\)")
_MIGHT_RENDER = re.compile(r"[\[#]|^[ \t]*(?:=+|-+)[ \t]*$", re.MULTILINE)


# Markdown's parser recurses once for each level of lists, quotes and emphasis, and looks ahead from each
# '[' for its ']': text nested hundreds deep exhausts it (a traceback in the build), and a paragraph of
# thousands of brackets takes seconds. No writing needs either, so text like that is refused before the
# build meets it: a line of 20 list or quote marks, a line indented 400 columns, a run of 50 '*', '[' or
# ']' (a line of '*' alone is a rule), or a paragraph holding 300 '['.
_CHAINED = re.compile(r"^[ \t]*(?:(?:[-*+>]|\d{1,9}[.)])[ \t]+){20}", re.MULTILINE)
_INDENTED = re.compile(r"^[ \t]{400}", re.MULTILINE)
_RUN = re.compile(r"([*\[\]])\1{49}")
_PARAGRAPH = re.compile(r"\n[ \t]*\n")


def nesting_problem(text: str) -> tuple[str, str] | None:
    """Why Markdown could not show `text` in a page (too deep, or too costly to read), and the part to look for; None when it can."""
    if found := _CHAINED.search(text):
        return "the text puts 20 or more lists or quotes inside each other on one line; write it flatter", found.group(0).strip()[:20]
    if found := _INDENTED.search(text):
        return "a line is indented 400 columns or more, which nests lists too deeply to show; write it flatter", found.group(0)
    for found in _RUN.finditer(text):
        line = text[text.rfind("\n", 0, found.start()) + 1 : (text.find("\n", found.end()) + 1 or len(text) + 1) - 1]
        if set(line.strip()) != {"*"}:
            return f"the text holds a run of {len(found.group(0))} or more '{found.group(1)}' in a row, which is not writing; write it as text", found.group(0)
    for paragraph in _PARAGRAPH.split(text):
        if paragraph.count("[") >= 300:
            return f"a paragraph holds {paragraph.count('['):,} '[', which takes Markdown too long to read; split it, or write the brackets as \\[", "["
    return None


# The Markdown extensions of the site's pages (mkdocs.yml `markdown_extensions`; a test keeps them in step).
PAGE_EXTENSIONS = ("abbr", "attr_list", "md_in_html", "tables", "admonition", "toc")


@functools.cache
def _converter() -> markdown.Markdown:
    return markdown.Markdown(extensions=["abbr", "tables"])  # what data text can use: its HTML and attribute lists are escaped


@functools.cache
def _page_converter() -> markdown.Markdown:
    return markdown.Markdown(extensions=list(PAGE_EXTENSIONS))


# Prose with none of these can put nothing on a page but text and plain links: no raw HTML or automatic
# link ('<'), attribute list ('{'), character reference ('&'), picture ('!['), link definition (']:').
_MIGHT_HOLD_MARKUP = re.compile(r"[<{&]|!\[|\]\s*:")
_INLINE_LINK = re.compile(r"\]\(")
_PLAIN_TARGET = re.compile(r"\(\s*(?:https?://[\w.-]+(?:[/?#][^\s()<>]*)?|mailto:[^\s?&()<>]+@[^\s?&()<>]+|tel:[0-9+ .-]+|cite:[a-z0-9-]+|[\w.-][\w./#-]*)\s*\)")


@functools.lru_cache(maxsize=512)  # the preview checks every prose page again on every save; most have not changed
def prose_problems(markdown_text: str) -> list[HtmlProblem]:
    """What a prose page's own Markdown and HTML (its macro calls left out) would put on a page that no page may hold.

    Converting costs a few milliseconds a page, so a page whose text can hold nothing but words and plain
    links (each inline link's target a plain web, mail, telephone, citation or relative address) is not converted."""
    nested = nesting_problem(markdown_text)
    if nested:
        return [HtmlProblem(*nested)]
    plain = not _MIGHT_HOLD_MARKUP.search(markdown_text) and all(
        _PLAIN_TARGET.match(markdown_text, link.end() - 1) for link in _INLINE_LINK.finditer(markdown_text))
    if plain:
        return []
    return html_problems(_page_converter().reset().convert(markdown_text), citations=True)


_PAGE = re.compile(r"[a-z0-9_./-]+\.md(#[a-z0-9_-]+)?|#[a-z0-9_-]+", re.IGNORECASE)
_SCHEME = re.compile(r"[a-zA-Z][a-zA-Z0-9+.-]*:")


@functools.lru_cache(maxsize=4096)
def markdown_problems(text: str) -> tuple[str, ...]:
    """What data text would put on a page that no page may hold: a link or picture the rules refuse (in the
    text or only defined in it, `[x]: address`), a link to something other than a page of the site or a web
    or mail address, a heading (the page's template sets the headings), or text too deep for Markdown to read."""
    nested = nesting_problem(text)
    if nested:
        return (nested[0],)
    if not _MIGHT_RENDER.search(_CITATION.sub("", text)):
        return ()
    converter = _converter().reset()
    html = converter.convert(escape_markdown(text))
    problems = [problem.reason for problem in html_problems(html, citations=True)]
    root = lxml_html.fragment_fromstring(html, create_parent="div")
    addresses = [link.get("href", "") for link in root.iter("a")] + [unescape(address) for address, _title in converter.references.values()]
    for address in addresses:
        problem = None if address.startswith("cite:") else link_problem(address) or _page_problem(address)
        if problem and problem not in problems:
            problems.append(problem)
    if any(element.tag in HEADINGS for element in root.iter() if isinstance(element.tag, str)):
        problems.append("headings ('#', or a line underlined with '===' or '---') are not allowed in data text; the page template sets the headings")
    if any(True for _ in root.iter("img")) and not any("picture" in problem for problem in problems):
        problems.append("pictures ('![...](...)') are not allowed in data text: data is shown on several pages, from which one address cannot lead to the same file")
    return tuple(problems)


def _page_problem(address: str) -> str | None:
    """Data is shown on several pages, so a link to the site's own pages names the page's file, as mkdocs resolves it."""
    if _SCHEME.match(address) or _PAGE.fullmatch(address):
        return None
    return f"the link '{address}' is neither a web address nor a page of the site (a path ending in .md, such as ../a-page.md#a-section)"
