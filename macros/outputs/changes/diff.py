"""Word-level differences between two texts, as runs a reader follows: kept, deleted, inserted.

A committee reads what changed in a paragraph, not which lines: the texts are split into words, marks and
the spaces between them, compared with difflib, and long stretches that did not change are cut to a few words
either side of each change. Text whose words are the same (a paragraph re-wrapped, YAML folded another
way) has not changed.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Literal

Run = Literal["same", "del", "ins", "gap"]
CONTEXT = 12  # words kept either side of a change; a longer unchanged stretch is cut to "…"
_TOKENS = re.compile(r"\s+|\w+(?:['’]\w+)*|[^\w\s]")  # spaces, words (with their apostrophes), each mark


@dataclass(frozen=True)
class Segment:
    """A run of text: kept (`same`), deleted (`del`), inserted (`ins`), or unchanged words left out (`gap`)."""

    kind: Run
    text: str


def words(text: str | None) -> str:
    """The text's words with single spaces between them: what two texts are compared by."""
    return " ".join((text or "").split())


def same_words(old: str | None, new: str | None) -> bool:
    """Whether two texts have the same words in the same order (spacing and line breaks aside)."""
    return words(old) == words(new)


def word_diff(old: str | None, new: str | None, context: int = CONTEXT) -> tuple[Segment, ...]:
    """`old` becoming `new`, word by word: runs kept, deleted and inserted, with long kept runs cut short."""
    before, after = _TOKENS.findall(old or ""), _TOKENS.findall(new or "")
    runs: list[Segment] = []
    matcher = difflib.SequenceMatcher(None, before, after, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            runs.append(Segment("same", "".join(after[j1:j2])))
            continue
        removed, added = "".join(before[i1:i2]), "".join(after[j1:j2])
        if removed.strip():
            runs.append(Segment("del", removed))
        if added.strip():
            runs.append(Segment("ins", added))
        elif added:  # only spacing was inserted: it reads as kept
            runs.append(Segment("same", added))
        elif removed and not removed.strip():
            runs.append(Segment("same", " "))
    return tuple(_shorten(_merge(_spaced(runs)), context))


def _spaced(runs: list[Segment]) -> list[Segment]:
    """Move the spaces at the edges of a change out of it, so that only words are struck or underlined."""
    out: list[Segment] = []
    for run in runs:
        if run.kind == "same":
            out.append(run)
            continue
        core = run.text.strip()
        lead, trail = run.text[: len(run.text) - len(run.text.lstrip())], run.text[len(run.text.rstrip()):]
        if lead:
            out.append(Segment("same", lead))
        out.append(Segment(run.kind, core))
        if trail:
            out.append(Segment("same", trail))
    return out


def _merge(runs: Sequence[Segment]) -> list[Segment]:
    """Neighbouring runs of the same kind as one, and changes separated only by spaces or marks as one change:
    "the quick brown" becoming "a slow brown" reads as "the quick" removed and "a slow" added, not as two swaps."""
    out: list[Segment] = []
    removed = added = ""
    since = {"del": "", "ins": "", "gap": ""}  # the spaces since the last word removed, added, or either

    def close() -> None:
        nonlocal removed, added
        for kind, text in (("del", removed), ("ins", added), ("same", since["gap"])):
            if text:
                _append(out, Segment(kind, text))
        removed = added = ""
        since.update(dict.fromkeys(since, ""))

    for run in runs:
        if not run.text:
            continue
        if run.kind == "same" and (removed or added) and not any(char.isalnum() for char in run.text):
            since.update({name: text + run.text for name, text in since.items()})
        elif run.kind == "del":
            removed, since["del"], since["gap"] = removed + (since["del"] if removed else "") + run.text, "", ""
        elif run.kind == "ins":
            added, since["ins"], since["gap"] = added + (since["ins"] if added else "") + run.text, "", ""
        else:
            close()
            _append(out, run)
    close()
    return out


def _append(out: list[Segment], run: Segment) -> None:
    if out and out[-1].kind == run.kind:
        out[-1] = Segment(run.kind, out[-1].text + run.text)
    else:
        out.append(run)


def _shorten(runs: list[Segment], context: int) -> Iterator[Segment]:
    """Kept runs longer than twice `context` words cut to their ends (their start alone at the text's end,
    their end alone at its start), when anything changed at all."""
    if all(run.kind == "same" for run in runs):
        yield from runs
        return
    last = len(runs) - 1
    for index, run in enumerate(runs):
        tokens = _TOKENS.findall(run.text)
        keep_start = 0 if index == 0 else context * 2  # words and the spaces after them
        keep_end = 0 if index == last else context * 2
        if run.kind != "same" or len(tokens) <= keep_start + keep_end + 2:
            yield run
            continue
        start, end = "".join(tokens[:keep_start]).rstrip(), "".join(tokens[-keep_end:] if keep_end else ()).lstrip()
        if start:
            yield Segment("same", start)
        yield Segment("gap", f"{' ' if start else ''}…{' ' if end else ''}")
        if end:
            yield Segment("same", end)


def pairs(old: Sequence[str], new: Sequence[str]) -> list[tuple[int | None, int | None]]:
    """Match two sequences of names (a page's headings, entries without ids) in order: each (old index,
    new index), None where one side has nothing. A name replaced by another in the same place pairs with it."""
    matched: list[tuple[int | None, int | None]] = []
    matcher = difflib.SequenceMatcher(None, list(old), list(new), autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal" or (tag == "replace" and i2 - i1 == j2 - j1):
            matched += list(zip(range(i1, i2), range(j1, j2), strict=True))
            continue
        matched += [(i, None) for i in range(i1, i2)] + [(None, j) for j in range(j1, j2)]
    return matched
