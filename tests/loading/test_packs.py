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
    assert [str(p) for p in caught.value.problems] == [
        "data/local/packs.yml:9: packs[0].sessions[0].items[0].case_study: unknown case study 'twelve'; the case studies are: one, two, three"]


def test_the_trainers_own_items_are_told_apart_and_timed(data_dir):
    """The fixture's second session is the trainer's own items: marked as such, never an entry of the portfolio,
    and timed on from the pack's start."""
    from macros.model.kinds._pack_documents import schedule

    pack = load_site_data(data_dir).packs[0]
    assert [item.field for item in pack.all_items() if item.trainer] == ["agenda", "outcomes", "activity", "break", "discussion", "slide"]
    assert all(not item.trainer for item in pack.items())
    (first, first_items), (second, second_items) = schedule(pack)
    assert (first.text, second.text) == ("30 minutes (09:30–10:00)", "30 minutes (10:00–10:30)")
    assert first_items[0].text == "10 minutes (09:30–09:40)"
    assert [timed.text for timed in second_items] == ["2 minutes (10:00–10:02)", "3 minutes (10:02–10:05)", "10 minutes (10:05–10:15)",
                                                      "5 minutes (10:15–10:20)", "5 minutes (10:20–10:25)", "5 minutes (10:25–10:30)"]


def test_an_unknown_item_lists_the_valid_ids_briefly(data_dir):
    """Past a handful, the message says how many more there are rather than listing them all."""
    from macros.load.links import LISTED_IDS, valid_ids
    from macros.model.kinds import BY_NAME

    many = [f"case-{number}" for number in range(LISTED_IDS + 5)]
    said = valid_ids(BY_NAME["case_studies"], many)
    assert said == f"; the case studies are: {', '.join(many[:LISTED_IDS])} and 5 more"
    assert valid_ids(BY_NAME["case_studies"], []) == "; there are no case studies yet"
