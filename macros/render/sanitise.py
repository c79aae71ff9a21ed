"""The one allowlist sanitiser every page's HTML passes, whatever made it: data, prose or the templates.

nh3 (the Python binding of the ammonia sanitiser) keeps only the tags and attributes of the site's
allowlist (model/rendered.py): no script, no event handler, no style, and links and pictures only where
model/addresses.py allows them. The loader has already refused, with its file and line, any data or
prose that would lose something here; what a page still loses is returned, for the build to stop on.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from html import unescape

import nh3

from ..model.addresses import LINK_SCHEMES
from ..model.rendered import ATTRIBUTES, GENERIC_ATTRIBUTES, GENERIC_PREFIXES, REMOVED_WITH_CONTENT, TAGS, allowed_attribute, value_problem

# Pages are Markdown's output, which escapes every '<', '>' and '"' in text and attribute values: so these
# find each start tag, and each link and picture address in it, without parsing the page a second time.
_START_TAG = re.compile(r"<([A-Za-z][A-Za-z0-9-]*)([^>]*)>")
_ATTRIBUTE = re.compile(r"""\s([A-Za-z_:][\w:.-]*)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""")


@dataclass(frozen=True)
class Sanitised:
    html: str
    dropped: tuple[str, ...]  # what was taken out, in words: "the HTML element <script>"


@functools.lru_cache(maxsize=65536)  # a site repeats its attributes: classes, ids, the same few addresses
def _verdict(tag: str, name: str, value: str) -> tuple[bool, str | None]:
    """Whether an attribute's name is allowed on `tag`, and if so what is wrong with its value (None: nothing)."""
    allowed = allowed_attribute(tag, name)
    return allowed, value_problem(tag, name, value) if allowed else None


def _judge(tag: str, attribute: str, value: str) -> str | None:
    """Each attribute as nh3 meets it: kept only where the site's rules allow its name and value."""
    allowed, problem = _verdict(tag, attribute, value)
    return value if allowed and not problem else None


_cleaner = nh3.Cleaner(
    tags=set(TAGS),
    clean_content_tags=set(REMOVED_WITH_CONTENT),
    attributes={"*": set(GENERIC_ATTRIBUTES), **{tag: set(names) for tag, names in ATTRIBUTES.items()}},
    generic_attribute_prefixes=set(GENERIC_PREFIXES),
    attribute_filter=_judge,
    url_schemes=set(LINK_SCHEMES),
    link_rel=None,
    strip_comments=True,
)


def sanitise(html: str) -> Sanitised:
    """A page's HTML with only what the allowlist allows, and what was taken out of it."""
    tags, dropped = set(), []
    for tag, attributes in _START_TAG.findall(html):
        tag = tag.lower()
        tags.add(tag)
        for match in _ATTRIBUTE.finditer(attributes):
            name = match.group(1).lower()
            value = unescape(next(part for part in match.groups()[1:] if part is not None))
            problem = _verdict(tag, name, value)[1]
            if problem or name.startswith("data-md-"):
                dropped.append(problem or f"the attribute {name}= on <{tag}>")
    dropped[:0] = [f"the HTML element <{tag}>" for tag in sorted(tags - TAGS)]
    return Sanitised(_cleaner.clean(html), tuple(dropped))
