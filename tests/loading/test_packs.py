"""Training packs as the loader reads them: items name entries of several kinds, a committee adds its
own packs in data/local/ (marked local), and a pack links to nothing that does not exist."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from macros.load import DataError, load_site_data
from tests.helpers import ROOT

FIXTURE = ROOT / "tests" / "fixtures" / "portfolio" / "data"
LOCAL_PACK = """packs:
  - id: riverside-induction
    title: "Riverside induction"
    audience: "New staff"
    duration: "90 minutes"
    sessions:
      - title: "One case"
        items:
          - case_study: two
            notes: "Riverside's own note."
"""


@pytest.fixture
def data_dir(tmp_path) -> Path:
    shutil.copytree(FIXTURE, tmp_path / "data")
    (tmp_path / "data" / "local").mkdir()
    return tmp_path / "data"


def test_items_name_entries_of_several_kinds_and_are_linked_back(data_dir):
    data = load_site_data(data_dir)
    pack = data.packs[0]
    assert [(item.kind.name, item.entry_id) for item in pack.items()] == [
        ("case_studies", "one"), ("question_sets", "assessment"), ("resistance_types", "disguised-compliance"),
        ("tools", "motivational-interviewing"), ("ready_reckoner", None),
    ]
    assert data.linked_from("case_studies", "one", "packs") == [pack]
    assert data.linked_from("tools", "motivational-interviewing", "packs") == [pack]


def test_a_committee_adds_its_own_packs_marked_local(data_dir):
    (data_dir / "local" / "packs.yml").write_text(LOCAL_PACK, encoding="utf-8")
    data = load_site_data(data_dir)
    assert [pack.id for pack in data.packs] == ["fixture-pack", "riverside-induction"]
    assert data.is_local("packs", "riverside-induction") and not data.is_local("packs", "fixture-pack")


def test_a_local_pack_cannot_take_a_core_packs_id(data_dir):
    (data_dir / "local" / "packs.yml").write_text(LOCAL_PACK.replace("riverside-induction", "fixture-pack"), encoding="utf-8")
    with pytest.raises(DataError) as caught:
        load_site_data(data_dir)
    assert [str(p) for p in caught.value.problems] == [
        "data/local/packs.yml:2: packs[0].id: id 'fixture-pack' is already used by the core entry at data/packs.yml:3; "
        "a local file cannot replace this kind of entry, choose another id"
    ]


def test_a_local_pack_naming_an_unknown_case_study_is_named_with_its_line(data_dir):
    (data_dir / "local" / "packs.yml").write_text(LOCAL_PACK.replace("case_study: two", "case_study: twelve"), encoding="utf-8")
    with pytest.raises(DataError) as caught:
        load_site_data(data_dir)
    assert [str(p) for p in caught.value.problems] == ["data/local/packs.yml:9: packs[0].sessions[0].items[0].case_study: unknown case study 'twelve'"]
