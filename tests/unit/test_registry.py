"""The registry of kinds is consistent with the models, the templates and the editors' reference (docs/kinds.md)."""

from __future__ import annotations

import re

import pytest

from macros.commands.kinds_doc import KINDS_DOC, kinds_doc
from macros.model.base import Lasting
from macros.model.kinds import BY_NAME, KINDS
from tests.helpers import ROOT

TEMPLATES = ROOT / "overrides" / "portfolio"


@pytest.mark.parametrize("kind", KINDS, ids=lambda k: k.name)
def test_each_kind_is_complete(kind):
    fields = kind.model.model_fields
    if kind.key:
        assert kind.key in fields
    for path, target in kind.links.items():
        assert path.split(".")[0] in fields and target in BY_NAME
    for template in (kind.pages and kind.pages.template, kind.index and f"{kind.index}.md", kind.placed_by and f"{kind.placed_by}.md"):
        if template:
            assert (TEMPLATES / template).is_file(), template
    assert (kind.local == "replace") == ("replaces" in fields)
    # An entry with its own page is withdrawn, never deleted: its printed address keeps answering.
    assert bool(kind.pages) == issubclass(kind.model, Lasting)
    assert not (kind.single and kind.local not in (None, "merge"))


def test_macro_names_are_unique():
    names = [name for kind in KINDS for name in (kind.index, kind.placed_by) if name]
    assert len(names) == len(set(names))


def test_the_editors_reference_of_kinds_is_current_and_names_every_kind():
    text = (ROOT / KINDS_DOC).read_text(encoding="utf-8")
    assert text == kinds_doc(), "run ./run schema and commit docs/kinds.md"
    rows = dict(re.findall(r"^\| \[`([a-z_]+\.yml)`\]\(#[a-z_]+\) \| (.+) \|$", text, re.MULTILINE))
    assert set(rows) == {kind.file for kind in KINDS}
    for kind in KINDS:
        row = rows[kind.file]
        if kind.folder:
            assert f"`/{kind.folder}/<id>/`" in row, kind.file
        if kind.index:
            assert f"`{kind.index}()`" in row, kind.file
        if kind.placed_by:
            assert f"`{kind.placed_by}(" in row, kind.file
        for field in kind.model.model_fields:
            assert f"| `{field}` |" in text.split(f'<a id="{kind.name}">')[1].split("<a id=")[0], (kind.name, field)

