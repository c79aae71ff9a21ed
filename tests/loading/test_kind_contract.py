"""Bad input every kind must refuse, derived from the registry: a new kind gets these cases
without anyone listing it (tests/site/test_new_kind.py runs them on a kind made up for the test).

Each case rewrites one kind's file in a copy of the fixture data (tests/fixtures/portfolio/data),
starting from its first entry, and expects the exact messages, with lines found in the text.
"""

from __future__ import annotations

import copy
import shutil
from pathlib import Path

import pytest
import yaml

from macros.load import DataError, load_site_data
from macros.model.kind import Kind
from macros.model.kinds import KINDS
from tests.helpers import ROOT

FIXTURE = ROOT / "tests" / "fixtures" / "portfolio" / "data"
UNKNOWN = "zz_unknown_field"
NOT_AN_ID = "zz-no-such-entry"


@pytest.fixture
def data_dir(tmp_path) -> Path:
    shutil.copytree(FIXTURE, tmp_path / "data")
    return tmp_path / "data"


def raw(data_dir: Path, kind: Kind):
    """The kind's entries as its file gives them (a list, or the one mapping)."""
    return yaml.safe_load((data_dir / kind.file).read_text(encoding="utf-8"))[kind.name]


def write(path: Path, kind: Kind, value) -> str:
    text = yaml.safe_dump({kind.name: value}, allow_unicode=True, sort_keys=False, width=10_000)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return text


def line(text: str, needle: str) -> int:
    assert needle in text, needle
    return text.count("\n", 0, text.index(needle)) + 1


def messages(data_dir: Path) -> list[str]:
    with pytest.raises(DataError) as caught:
        load_site_data(data_dir)
    return [str(p) for p in caught.value.problems]


def first(kind: Kind, value):
    return value if kind.single else value[0]


def place(kind: Kind) -> str:
    return kind.name if kind.single else f"{kind.name}[0]"


def replace_first(kind: Kind, value, entry):
    return entry if kind.single else [entry, *value[1:]]


def test_every_kind_has_a_file_in_the_fixture():
    assert sorted(kind.file for kind in KINDS if kind.name != "contacts") == sorted(p.name for p in FIXTURE.glob("*.yml"))


@pytest.mark.parametrize("kind", [k for k in KINDS if k.name != "contacts"], ids=lambda k: k.name)
def test_an_unknown_field_is_named(data_dir, kind):
    value = raw(data_dir, kind)
    entry = {**first(kind, value), UNKNOWN: "x"}
    text = write(data_dir / kind.file, kind, replace_first(kind, value, entry))
    assert messages(data_dir) == [f"data/{kind.file}:{line(text, UNKNOWN)}: {place(kind)}.{UNKNOWN}: unknown field '{UNKNOWN}'"]


@pytest.mark.parametrize("kind", [k for k in KINDS if k.name != "contacts"], ids=lambda k: k.name)
def test_a_missing_required_field_is_named(data_dir, kind):
    required = [name for name, info in kind.model.model_fields.items() if info.is_required() and name != kind.key]
    if not required:
        pytest.skip(f"{kind.name} has no required field besides its key")
    value = raw(data_dir, kind)
    entry = copy.deepcopy(first(kind, value))
    del entry[required[0]]
    write(data_dir / kind.file, kind, replace_first(kind, value, entry))
    where = 1 if kind.single else 2  # the `kind:` line, or the first entry's first line
    found = messages(data_dir)
    assert f"data/{kind.file}:{where}: {place(kind)}.{required[0]}: this required field is missing" in found
    assert all("this required field is missing" in p or "must be a sentence copied" in p for p in found), found


@pytest.mark.parametrize("kind", [k for k in KINDS if k.name != "contacts"], ids=lambda k: k.name)
def test_text_where_an_entry_belongs(data_dir, kind):
    value = raw(data_dir, kind)
    text = write(data_dir / kind.file, kind, replace_first(kind, value, "just some text"))
    where = line(text, "just some text")
    assert f"data/{kind.file}:{where}: {place(kind)}: expected a group of fields ('name: value' lines), got 'just some text'" in messages(data_dir)


@pytest.mark.parametrize("kind", [k for k in KINDS if k.key and not k.single and k.name != "contacts"], ids=lambda k: k.name)
def test_a_duplicate_key_is_refused(data_dir, kind):
    value = raw(data_dir, kind)
    twin = copy.deepcopy(value[0])
    for name in kind.unique:  # the key alone is repeated
        twin[name] = max(entry[name] for entry in value) + 1
    text = write(data_dir / kind.file, kind, [*value, twin])
    key = value[0][kind.key]
    lines = [n for n, text_line in enumerate(text.splitlines(), 1) if text_line.startswith(f"- {kind.key}:") and text_line.split(":", 1)[1].strip().strip("'\"") == key]
    assert len(lines) == 2
    assert messages(data_dir) == [f"data/{kind.file}:{lines[1]}: {kind.name}[{len(value)}].{kind.key}: duplicate {kind.key} '{key}' (already used at data/{kind.file}:{lines[0]})"]


UNIQUE = [(kind, name) for kind in KINDS for name in kind.unique]


@pytest.mark.parametrize("kind,name", UNIQUE, ids=[f"{k.name}.{n}" for k, n in UNIQUE])
def test_a_value_two_entries_may_not_share_is_refused(data_dir, kind, name):
    value = raw(data_dir, kind)
    twin = {**copy.deepcopy(value[0]), kind.key: "a-new-id"}
    text = write(data_dir / kind.file, kind, [*value, twin])
    first_line = line(text, f"{name}: {value[0][name]}")
    twin_line = line(text, "a-new-id") + list(twin).index(name) - list(twin).index(kind.key)
    assert messages(data_dir) == [f"data/{kind.file}:{twin_line}: {kind.name}[{len(value)}].{name}: {name} {value[0][name]} is already given to "
                                  f"the {kind.label} '{value[0][kind.key]}' at data/{kind.file}:{first_line}; each {kind.label} needs its own {name}"]


LINKS = [(kind, path) for kind in KINDS for path in kind.links if "." not in path and kind.name != "contacts"]


@pytest.mark.parametrize("kind,path", LINKS, ids=[f"{k.name}.{p}" for k, p in LINKS])
def test_a_link_to_nothing_is_refused(data_dir, kind, path):
    value = raw(data_dir, kind)
    entry = copy.deepcopy(first(kind, value))
    field_type = kind.model.model_fields[path].annotation
    entry[path] = [NOT_AN_ID] if "list" in str(field_type) else NOT_AN_ID
    if path == "replaced_by":
        entry["withdrawn"] = "2026-01-05"  # only a withdrawn entry names what replaces it
    text = write(data_dir / kind.file, kind, replace_first(kind, value, entry))
    target = next(k for k in KINDS if k.name == kind.links[path])
    index = "[0]" if isinstance(entry[path], list) else ""
    assert messages(data_dir) == [f"data/{kind.file}:{line(text, NOT_AN_ID)}: {place(kind)}.{path}{index}: unknown {target.label} '{NOT_AN_ID}'"]


@pytest.mark.parametrize("kind", [k for k in KINDS if not k.single and k.name != "contacts"], ids=lambda k: k.name)
def test_a_list_kind_given_as_one_entry(data_dir, kind):
    value = raw(data_dir, kind)
    write(data_dir / kind.file, kind, value[0])
    assert f"data/{kind.file}:1: {kind.name}: expected a list (lines starting with '- '), got a group of fields" in messages(data_dir)


@pytest.mark.parametrize("kind", [k for k in KINDS if k.local is None], ids=lambda k: k.name)
def test_data_local_refuses_what_a_committee_may_not_add(data_dir, kind):
    write(data_dir / "local" / kind.file, kind, raw(data_dir, kind))
    found = messages(data_dir)
    assert len(found) == 1 and found[0].startswith(f"data/local/{kind.file}:1: {kind.name}: a committee cannot add {kind.plural} in data/local/"), found


@pytest.mark.parametrize("kind", [k for k in KINDS if k.local == "replace"], ids=lambda k: k.name)
def test_data_local_reuses_a_core_id_only_to_replace_it(data_dir, kind):
    value = raw(data_dir, kind)
    text = write(data_dir / "local" / kind.file, kind, [value[0]])
    core = (data_dir / kind.file).read_text(encoding="utf-8")
    key = value[0][kind.key]
    core_line = next(n for n, text_line in enumerate(core.splitlines(), 1) if text_line.strip().startswith(f"- {kind.key}:") and key in text_line)
    assert messages(data_dir) == [
        f"data/local/{kind.file}:{line(text, f'- {kind.key}:')}: {kind.name}[0].{kind.key}: id '{key}' is already used by the core entry at "
        f"data/{kind.file}:{core_line}; add 'replaces: true' to replace it, or choose another id"
    ]
    write(data_dir / "local" / kind.file, kind, [{**value[0], "replaces": True}])
    data = load_site_data(data_dir)
    assert data.is_local(kind.name, key) and len(data.every(kind.name)) == len(value)
