"""Pages with nothing to show yet: a page whose front matter says `needs: contacts` lists entries of
that kind, and while there are none it stays out of the navigation (menu, previous and next links,
the whole-portfolio print) and out of search. It is still built, so an old link does not break."""

from __future__ import annotations

from .state import BuildState


def pages_with_nothing_yet(state: BuildState) -> frozenset[str]:
    """The source paths of the pages whose kind has no entries."""
    return frozenset(src for src, kind in state.project.prose.needs.items() if not getattr(state.data, kind))


def drop_from_nav(nav, srcs: frozenset[str]):
    """`nav` without the pages in `srcs`, its previous and next links made again over the pages left."""
    if not srcs:
        return nav

    def keep(items: list) -> list:
        kept = []
        for item in items:
            if getattr(item, "is_page", False) and item.file.src_uri in srcs:
                continue
            if getattr(item, "children", None):
                item.children = keep(item.children)
            kept.append(item)
        return kept

    nav.items = keep(nav.items)
    nav.pages = [page for page in nav.pages if page.file.src_uri not in srcs]
    for number, page in enumerate(nav.pages):
        page.previous_page = nav.pages[number - 1] if number else None
        page.next_page = nav.pages[number + 1] if number + 1 < len(nav.pages) else None
    return nav


def keep_out_of_search(page) -> None:
    """Material's search plugin leaves out a page whose front matter says `search: exclude: true`."""
    search = page.meta.get("search")
    page.meta["search"] = {**(search if isinstance(search, dict) else {}), "exclude": True}
