"""The throwaway project copies the tests and the benchmark build: a warm copy starts from the
repository's caches, which the tests' own build in the repository may be pruning at that moment."""

from __future__ import annotations

import shutil

from benchmarks import project


def test_a_cache_entry_pruned_mid_copy_is_left_out_and_the_rest_copied(tmp_path, monkeypatch):
    cache, dest = tmp_path / "cache", tmp_path / "copy"
    (cache / "icons").mkdir(parents=True)
    for name in ("pruned.gz", "kept.gz", ".partial.gz", "icons/192.png"):
        (cache / name).write_text(name, encoding="utf-8")
    copy = shutil.copy2

    def pruned_as_it_is_copied(source, target):
        if source.name == "pruned.gz":
            source.unlink()  # what a build in the repository does to an entry no build used for an hour
        return copy(source, target)

    monkeypatch.setattr(project.shutil, "copy2", pruned_as_it_is_copied)
    project._copy_cache(cache, dest)
    copied = sorted(p.relative_to(dest).as_posix() for p in dest.rglob("*") if p.is_file())
    assert copied == ["icons/192.png", "kept.gz"]
    assert (dest / "kept.gz").read_text(encoding="utf-8") == "kept.gz"
