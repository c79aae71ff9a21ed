"""One error type for bad data, so every mistake reads `file:line: field.path: reason`.

Committees edit the YAML by hand; a message that names the exact place is the whole
user interface of the validator, so the format lives in one spot.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from ..model.base import Loc

__all__ = ["DataError", "DataProblem", "Loc", "did_you_mean", "format_loc"]


def format_loc(loc: Loc) -> str:
    """Render a field path the way a reader finds it in YAML: `case_studies[3].illustrates[0]`."""
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else str(part)
    return out


def did_you_mean(word: str, choices: Iterable[str]) -> str:
    """A ` (did you mean 'x'?)` suffix for a misspelt name, or nothing when no name is close."""
    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return f" (did you mean '{close[0]}'?)" if close else ""


@dataclass(frozen=True, order=True)
class DataProblem:
    """One thing wrong in one place of one source file."""

    file: str
    line: int
    path: str
    reason: str
    detail: str = ""  # a second line, for developers (the YAML parser's own words)

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}:"
        first = f"{where} {self.path}: {self.reason}" if self.path else f"{where} {self.reason}"
        return f"{first}\n    {self.detail}" if self.detail else first


class DataError(Exception):
    """Raised when the data cannot be used; carries every problem found, in file order."""

    def __init__(self, problems: Sequence[DataProblem]):
        self.problems = sorted(set(problems))
        super().__init__("\n".join(str(p) for p in self.problems))
