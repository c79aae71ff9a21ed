"""Editors see what every field is for: each property of both JSON Schemas (the data files', and a prose page's
front matter) has a description, which VS Code shows on hover; and the front matter the loader accepts is the
front matter the schema and docs/kinds.md describe, field for field."""

from __future__ import annotations

import json
import re

import pytest

from macros.commands.kinds_doc import KINDS_DOC
from macros.commands.schema import data_schema, front_matter_schema
from macros.load.prose_front_matter import read_front_matter
from tests.helpers import ROOT

SCHEMAS = {"data": data_schema, "front matter": front_matter_schema}

# One value the loader accepts for every field a prose page's front matter may hold.
EVERY_FIELD = """---
title: A page
description: One sentence about the page.
reviewed: 2027-01-01
review_due: 2028-01-01
version: "1.0"
keywords: ["a word"]
tags: [assessment]
needs: contacts
pdf: a-page.pdf
hide: [toc]
search:
  boost: 0.5
  exclude: false
render_macros: false
---
"""


def _properties(node, path: str = "") -> dict[str, dict]:
    """Every property anywhere in a schema (the root's, and each model's under $defs), by its path."""
    found = {}
    if isinstance(node, dict):
        for name, value in (node.get("properties") or {}).items():
            found[f"{path}.{name}"] = value
        for key, value in node.items():
            found |= _properties(value, f"{path}/{key}")
    elif isinstance(node, list):
        for index, value in enumerate(node):
            found |= _properties(value, f"{path}[{index}]")
    return found


@pytest.mark.parametrize("name", SCHEMAS)
def test_every_property_of_the_schema_has_a_description(name):
    properties = _properties(json.loads(SCHEMAS[name]()))
    assert len(properties) > 10
    missing = sorted(path for path, value in properties.items() if not str(value.get("description", "")).strip())
    assert missing == [], f"give these fields Field(description=...) in their model, then run ./run schema: {missing}"


def _front_matter_section(name: str) -> str:
    """The rows of docs/kinds.md's front matter section: its own table, or (`search`) the nested one."""
    text = (ROOT / KINDS_DOC).read_text(encoding="utf-8").split('<a id="front-matter">', 1)[1]
    main, _, nested = text.partition("#### `SearchFields`")
    return nested if name == "search" else main


def test_the_front_matter_the_loader_accepts_is_the_schemas_and_the_docs():
    fields, problems = read_front_matter("---\nnot_a_field: 1\n---\n", "content/page.md")
    assert fields is None and len(problems) == 1
    accepted = set(problems[0].reason.split("may hold ", 1)[1].split(", "))
    schema = json.loads(front_matter_schema())
    assert accepted == set(schema["properties"])
    assert accepted == set(re.findall(r"^\| `([a-z_]+)` \|", _front_matter_section(""), re.MULTILINE))
    nested = set(schema["$defs"]["SearchFields"]["properties"])
    assert nested == set(re.findall(r"^\| `([a-z_]+)` \|", _front_matter_section("search"), re.MULTILINE))


def test_every_field_the_schema_describes_is_accepted_by_the_loader():
    schema = json.loads(front_matter_schema())
    fields, problems = read_front_matter(EVERY_FIELD, "content/page.md")
    assert problems == [] and fields is not None
    written = set(re.findall(r"^([a-z_]+):", EVERY_FIELD, re.MULTILINE))
    assert written == set(schema["properties"]), "give EVERY_FIELD a value for each field of the front matter"
    assert set(fields.search.model_fields_set) == set(schema["$defs"]["SearchFields"]["properties"])
