"""The change report's comparison on plain values: word differences, entries added, withdrawn, deleted and
changed, review dates moved, prose sections, a committee's local files, and an earlier revision that
today's checks would refuse. The kinds are taken from the registry, by what they declare, never by name."""

from __future__ import annotations

import inspect

import pytest

from macros.model.kinds import KINDS
from macros.outputs.changes import compare, values
from macros.outputs.changes.compare import compare_data
from macros.outputs.changes.diff import pairs, same_words, word_diff
from macros.outputs.changes.prose import compare_pages, sections
from macros.outputs.changes.written import is_data_file, written_entries

# A kind whose entries have pages and can be withdrawn; one a committee may replace locally; one with no key;
# a single kind with review dates.
PAGED = next(kind for kind in KINDS if kind.folder and kind.model and "withdrawn" in kind.model.model_fields and kind.local is None)
LOCAL = next(kind for kind in KINDS if kind.local == "replace")
UNKEYED = next(kind for kind in KINDS if not kind.single and kind.key is None)
SINGLE = next(kind for kind in KINDS if kind.single and kind.model and "review_due" in kind.model.model_fields)
NO_PAGES = next(kind for kind in KINDS if not kind.single and kind.key and not kind.folder)


def runs(old, new):
    return [(segment.kind, segment.text) for segment in word_diff(old, new)]


# Word differences.

def test_a_replacement_of_neighbouring_words_reads_as_one_change():
    assert runs("the quick brown fox", "a slow brown fox") == [("del", "the quick"), ("ins", "a slow"), ("same", " brown fox")]


def test_words_inserted_and_deleted_are_the_words_alone_with_the_spaces_kept():
    assert runs("It can hide what is happening to a child.", "It can hide what is happening to a child at home.") == [
        ("same", "It can hide what is happening to a child "), ("ins", "at home"), ("same", ".")]
    assert runs("one two three", "one three") == [("same", "one "), ("del", "two"), ("same", " three")]


def test_punctuation_is_compared_apart_from_its_word():
    assert ("same", " stairs") in runs("down a couple of stairs.", "down some stairs, she says.")


def test_text_rewrapped_or_refolded_has_not_changed():
    assert same_words("A tool for\nassessing  change.", "A tool for assessing change.")
    assert runs("a  b\nc", "a b c") == [("same", "a b c")]
    assert not same_words("a b", "a c")


def test_long_unchanged_stretches_are_cut_to_the_words_around_each_change():
    text = " ".join(f"w{i}" for i in range(100))
    found = runs(text, text.replace("w50", "fifty"))
    assert found[0] == ("gap", "… ") and found[-1] == ("gap", " …")
    assert ("del", "w50") in found and ("ins", "fifty") in found
    kept = " ".join(part for kind, part in found if kind == "same")
    assert "w45" in kept and "w55" in kept and "w10" not in kept and "w90" not in kept


def test_a_new_or_removed_text_is_all_inserted_or_all_deleted():
    assert runs("", "new text") == [("ins", "new text")]
    assert runs("old text", "") == [("del", "old text")]


def test_names_pair_in_order_and_one_replaced_in_place_pairs_with_it():
    assert pairs(["a", "b", "c"], ["a", "B", "c"]) == [(0, 0), (1, 1), (2, 2)]
    assert pairs(["a", "c"], ["a", "b", "c"]) == [(0, 0), (None, 1), (1, 2)]


# Values as a committee reads them.

def test_dates_read_in_words_with_the_sites_own_formatter():
    assert values.in_words("2026-12-06") == "6 December 2026"
    assert values.in_words(None) == "not set"
    assert values.in_words("next spring") == "next spring"  # an earlier revision may hold anything
    assert "MONTHS" not in vars(values) and "long_date" in inspect.getsource(values)
    assert values.shown(["one", "two"]) == "• one\n• two"
    assert values.shown({"a": [1, 2]}) == "a:\n- 1\n- 2"


# The data, entry by entry.

def entry(key, **fields):
    return {"id": key, "title": key.title(), **fields}


def test_entries_added_withdrawn_deleted_and_changed_are_told_apart():
    old = {PAGED.name: [entry("kept"), entry("going", text="x"), entry("gone"), entry("edited", text="a plain old text")]}
    new = {PAGED.name: [entry("kept"), entry("going", text="x", withdrawn="2026-12-01", replaced_by="kept"), entry("edited", text="a plain new text"),
                        entry("new", text="Fresh words.")]}
    kinds, dates = compare_data(old, new)
    [found] = kinds
    assert (found.name, found.heading, found.label) == (PAGED.name, PAGED.plural, PAGED.label)
    assert {change.key: change.status for change in found.entries} == {"going": "withdrawn", "edited": "changed", "new": "added", "gone": "deleted"}
    going, edited, new_entry, gone = (next(change for change in found.entries if change.key == key) for key in ("going", "edited", "new", "gone"))
    assert going.withdrawn == "1 December 2026" and [field.name for field in going.fields] == ["replaced_by"]
    assert [field.name for field in edited.fields] == ["text"]
    assert [(s.kind, s.text) for s in edited.fields[0].diff] == [("same", "a plain "), ("del", "old"), ("ins", "new"), ("same", " text")]
    assert new_entry.address == f"{PAGED.folder}/new/" and [(f.name, f.diff[0].text) for f in new_entry.fields] == [("title", "New"), ("text", "Fresh words.")]
    assert gone.address_lost and gone.address == f"{PAGED.folder}/gone/" and gone.title == "Gone"
    assert dates == ()


def test_a_deleted_entry_without_a_page_is_listed_but_has_no_address_to_lose():
    [found], _ = compare_data({NO_PAGES.name: [{NO_PAGES.key: "a"}]}, {NO_PAGES.name: []})
    assert found.entries[0].status == "deleted" and not found.entries[0].address_lost


def test_review_dates_moved_are_listed_apart_and_are_not_a_change_of_text():
    old = {PAGED.name: [entry("one", reviewed="2026-01-01")], SINGLE.name: {"version": "1.0", "review_due": "2027-11-20"}}
    new = {PAGED.name: [entry("one", reviewed="2026-12-01", review_due="2027-12-01")], SINGLE.name: {"version": "1.0", "review_due": "2028-01-31"}}
    kinds, dates = compare_data(old, new)
    assert kinds == ()
    moved = {(move.title, move.field): (move.was, move.now) for move in dates}
    assert moved == {("One", "reviewed"): ("1 January 2026", "1 December 2026"), ("One", "review_due"): ("not set", "1 December 2027"),
                     (SINGLE.plural.capitalize(), "review_due"): ("20 November 2027", "31 January 2028")}


def test_entries_without_ids_are_matched_in_order_by_their_text():
    old = {UNKEYED.name: [{"changes": ["first"]}, {"changes": ["second"]}]}
    new = {UNKEYED.name: [{"changes": ["new one"]}, {"changes": ["first"]}, {"changes": ["second", "more"]}]}
    [found], _ = compare_data(old, new)
    assert [change.status for change in found.entries] == ["added", "changed"]
    assert [(s.kind, s.text) for s in found.entries[1].fields[0].diff][-1] == ("ins", "• more")


def test_unchanged_data_and_dates_written_as_dates_or_text_compare_equal():
    import datetime

    old = {PAGED.name: [entry("one", reviewed=datetime.date(2026, 1, 1))]}
    assert compare_data(old, {PAGED.name: [entry("one", reviewed="2026-01-01")]}) == ((), ())


# Files as written: data/local/ over data/, and what today's checks would refuse.

def test_the_data_files_read_are_the_loaders():
    assert [name for name in ("a.yml", "local/b.yml", "local/b.example.yml", "c.yaml", "x/d.yml", "local/x/e.yml") if is_data_file(name)] == ["a.yml", "local/b.yml"]


def test_a_committees_local_entries_replace_core_ones_and_settings_merge():
    files = {
        f"{LOCAL.name}.yml": f"{LOCAL.name}:\n  - id: a\n    title: Core\n  - id: b\n    title: B\n",
        f"local/{LOCAL.name}.yml": f"{LOCAL.name}:\n  - id: a\n    replaces: true\n    title: Ours\n  - id: c\n    title: C\n",
        f"{SINGLE.name}.yml": f"{SINGLE.name}:\n  version: '1.0'\n  published: 2026-11-25\n",
        f"local/{SINGLE.name}.yml": f"{SINGLE.name}:\n  version: '1.1'\n",
    }
    found, notes = written_entries(files)
    assert notes == ()
    assert found[LOCAL.name] == [{"id": "a", "title": "Ours"}, {"id": "b", "title": "B"}, {"id": "c", "title": "C"}]
    assert found[SINGLE.name] == {"version": "1.1", "published": "2026-11-25"}
    assert found[UNKEYED.name] == []


def test_an_earlier_revision_that_no_longer_validates_still_compares():
    old = {f"{PAGED.name}.yml": f"{PAGED.name}:\n  - id: a\n    title: Old\n    title: Older\n    retired_field: 3\n"}  # a key twice: refused today
    new = {f"{PAGED.name}.yml": f"{PAGED.name}:\n  - id: a\n    title: Newer\n"}
    report = compare(old, new, {}, {})
    assert report.notes == ()
    [changed] = report.kinds[0].entries
    assert [field.name for field in changed.fields] == ["title", "retired_field"]


@pytest.mark.parametrize("text", ["a: &x [1]\nb: *x\n", "key: [unclosed\n", "- a list\n"])
def test_a_file_that_cannot_be_read_is_named_and_left_out(text):
    found, notes = written_entries({"broken.yml": text})
    assert len(notes) == 1 and notes[0].startswith("data/broken.yml could not be read")
    assert found[PAGED.name] == []


# The prose, section by section.

OLD_PAGE = """---
review_due: 2027-01-01
---
Opening words.

# Title

## Why it matters

It can hide what is happening to a child.

```
# not a heading
```

## Unchanged

Same words here.
"""


def test_sections_are_found_by_heading_outside_code():
    assert [heading for heading, _ in sections(OLD_PAGE.split("---\n", 2)[2])] == ["", "Title", "Why it matters", "Unchanged"]


def test_prose_sections_changed_by_heading_pages_added_and_removed_and_review_dates():
    new_page = OLD_PAGE.replace("a child.", "a child at home.").replace("2027-01-01", "2027-06-30").replace("## Unchanged", "## Still the same {#same}")
    pages, dates = compare_pages({"one.md": OLD_PAGE, "gone.md": "# Gone\n\nText."}, {"one.md": new_page, "new.md": "# New page\n\nHello."},
                                 {"one.md": "What is resistance?"})
    assert [(page.src, page.status) for page in pages] == [("gone.md", "removed"), ("new.md", "added"), ("one.md", "changed")]
    changed = pages[2]
    assert changed.title == "What is resistance?" and changed.address == "one/" and pages[1].title == "New page"
    assert [(section.heading, section.old_heading) for section in changed.sections] == [("Why it matters", None), ("Still the same", "Unchanged")]
    assert ("ins", "at home") in [(s.kind, s.text) for s in changed.sections[0].diff]
    assert [(move.field, move.was, move.now, move.source) for move in dates] == [("review_due", "1 January 2027", "30 June 2027", "one.md")]


def test_the_summary_counts_in_one_line():
    old = {f"{PAGED.name}.yml": f"{PAGED.name}:\n  - id: a\n    title: A\n  - id: b\n    title: B\n    reviewed: 2026-01-01\n"}
    new = {f"{PAGED.name}.yml": f"{PAGED.name}:\n  - id: a\n    title: A2\n  - id: b\n    title: B\n    reviewed: 2026-02-01\n  - id: c\n    title: C\n"}
    report = compare(old, new, {"p.md": "# P\n\nOld."}, {"p.md": "# P\n\nNew.", "q.md": "# Q\n"})
    assert report.summary() == "1 entry added, 0 withdrawn, 1 changed; 1 prose section changed, 1 page added; 1 review date moved"
    assert compare({}, {}, {}, {}).summary() == "0 entries added, 0 withdrawn, 0 changed; 0 prose sections changed; 0 review dates moved"


# The report's template, on every kind of change at once (the command and git: tests/site/test_changes_report.py).

def test_the_template_renders_every_kind_of_change_escaped(tmp_path):
    from bs4 import BeautifulSoup

    from macros.commands.changes import MARKER, is_report
    from macros.model.kinds.edition import PublishedEdition
    from macros.model.kinds.site import SiteSettings
    from macros.outputs.changes.revision import Revision
    from macros.render.templates import make_environment, render
    from tests.helpers import ROOT

    site = SiteSettings.model_validate({"site_name": "Site", "committee_name": "Committee", "colours": {"primary": "#1f4e79"},
                                        "contact": {"name": "Contact", "email": "a@example.org"}})
    edition = PublishedEdition.model_validate({"version": "2.0", "published": "2027-03-01", "approved_by": "The committee"}, strict=False)
    old = {f"{PAGED.name}.yml": f"{PAGED.name}:\n  - id: a\n    title: A <b>bold</b>\n", "bad.yml": "x: [\n"}
    new = {f"{PAGED.name}.yml": f"{PAGED.name}:\n  - id: a\n    title: A <script>x</script>\n"}
    pages_old = {"gone.md": "# Gone\n\nText.", "p.md": "---\ntitle: Old\n---\n# P\n\n## Old name\n\nSame."}
    pages_new = {"new.md": "# New\n\nHello <i>there</i>.", "p.md": "---\ntitle: New\n---\n# P\n\n## New name\n\nSame."}
    changes = compare(old, new, pages_old, pages_new)
    revision = Revision("edition-1.0", "0123456789abcdef", "2027-01-31", True)
    html = render(make_environment(ROOT / "overrides" / "portfolio", {}), "changes_report.html", site=site, edition=edition, revision=revision,
                  made="2027-02-01", changes=changes, summary=changes.summary(), marker=MARKER, address=lambda path: None)
    doc = BeautifulSoup(html, "html.parser")
    assert doc.select("script, b, i") == [] and "<script>x</script>" in doc.select_one("#entries").get_text()
    assert " ".join(doc.select_one("dd.revision").get_text().split()) == "edition-1.0, tagged 31 January 2027"
    assert [note.get_text() for note in doc.select("p.note")][0].startswith("data/bad.yml could not be read")
    assert "Gone" in doc.select_one("li.page.removed").get_text() and "Hello <i>there</i>." in doc.select_one("article.page.added").get_text()
    renamed = doc.select_one("article.page.changed section.section h5").get_text()
    assert "New name" in renamed and "heading was “Old name”" in renamed
    assert [dt.get_text() for dt in doc.select("article.page.changed dl.fields dt")] == ["title"]
    (tmp_path / "report.html").write_text(html, encoding="utf-8")
    (tmp_path / "other.html").write_text("<p>minutes</p>", encoding="utf-8")
    assert is_report(tmp_path / "report.html") and not is_report(tmp_path / "other.html")  # what a second run may replace
