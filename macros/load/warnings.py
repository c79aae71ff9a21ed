"""What may be a mistake but does not stop the build: `validate` and the build name each one with its line.

- A value wrapped whole in curly quotes (“…” or ‘…’): Word adds them when text is pasted, and they show on
  the page as part of the text.
- A link from an offered entry to a withdrawn one: readers still reach its page, marked withdrawn, but the
  link should name what replaced it.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from ..model.vocab import long_date
from .errors import DataProblem, Loc
from .links import Located, named_ids
from .site_data import withdrawn
from .yaml_source import SourceFile

OPENING, CLOSING = "“‘", "”’"


def warnings(sources: list[SourceFile], located: list[Located], by_id: dict[str, dict[str, Any]]) -> list[DataProblem]:
    """Every warning for the data as read, in file order."""
    found = [source.problem(loc, _curly_reason(value)) for source in sources for loc, value in _strings(source.data, ())
             if _curly(value)]
    found += _links_to_withdrawn(located, by_id)
    return sorted(set(found))


def things_to_check(found: list[DataProblem] | tuple[DataProblem, ...]) -> str:
    """The warnings as `validate` and the build print them."""
    heading = "One thing to check" if len(found) == 1 else f"{len(found)} things to check"
    return f"{heading} (the site still builds):\n" + "\n".join(str(problem) for problem in found)


def _curly(value: str) -> bool:
    return len(value) > 2 and value[0] in OPENING and value[-1] in CLOSING and not any(c in value[1:-1] for c in OPENING + CLOSING)


def _curly_reason(value: str) -> str:
    return (f"the value is wrapped in curly quotes ({value[0]}…{value[-1]}), which will show on the page as part of the text "
            "(Word adds them when text is pasted): delete them, or if the whole value is a quotation, ignore this")


def _strings(value: Any, loc: Loc) -> Iterator[tuple[Loc, str]]:
    if isinstance(value, str):
        yield loc, value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _strings(item, (*loc, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _strings(item, (*loc, index))


def _links_to_withdrawn(located: list[Located], by_id: dict[str, dict[str, Any]]) -> Iterator[DataProblem]:
    for item in located:
        if withdrawn(item.entry):
            continue
        for path, target in item.kind.links.items():
            for loc, ref in named_ids(item.entry, path):
                entry = by_id.get(target, {}).get(ref)
                if entry is not None and withdrawn(entry):
                    when = long_date(entry.withdrawn)
                    reason = (f"'{ref}' was withdrawn on {when} and replaced by '{entry.replaced_by}': write '{entry.replaced_by}' here"
                              if getattr(entry, "replaced_by", None) else
                              f"'{ref}' was withdrawn on {when}: readers still reach its page, marked withdrawn; remove it here, or name what is offered instead")
                    yield item.source.problem(item.loc + loc, reason)
