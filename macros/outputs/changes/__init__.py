"""What changed since an edition the committee approved: the data entry by entry, the prose section by
section, the review dates; for `./run changes`, which renders it as one page for sign-off."""

from __future__ import annotations

from .compare import compare_data
from .prose import compare_pages
from .records import Comparison
from .written import written_entries


def compare(old_data: dict[str, str], new_data: dict[str, str], old_pages: dict[str, str], new_pages: dict[str, str],
            titles: dict[str, str] | None = None) -> Comparison:
    """Two revisions, each as its data files (path from data/ -> text) and its pages (path from content/ -> text)."""
    (before, notes), (after, _) = written_entries(old_data), written_entries(new_data)
    kinds, entry_dates = compare_data(before, after)
    pages, page_dates = compare_pages(old_pages, new_pages, titles)
    return Comparison(kinds, pages, entry_dates + page_dates, notes)


__all__ = ["Comparison", "compare"]
