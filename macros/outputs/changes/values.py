"""Values of data as a committee reads them in a change report: text as written, a list as lines, a group
of fields as the YAML an editor wrote, and dates in words (the site's own `long_date`)."""

from __future__ import annotations

import datetime
import re
from typing import Any

import yaml

from ...model.vocab import long_date

_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
NOT_SET = "not set"


def as_day(value: Any) -> datetime.date | None:
    """A date, or a date written YYYY-MM-DD; None for anything else (an earlier revision may hold "next spring")."""
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, datetime.date):
        return value
    if isinstance(value, str) and _ISO_DAY.fullmatch(value):
        try:
            return datetime.date.fromisoformat(value)
        except ValueError:
            return None
    return None


def in_words(value: Any) -> str:
    """A date as the site writes it ("6 December 2026"); anything else as it is; nothing as "not set"."""
    if value is None or value == "":
        return NOT_SET
    day = as_day(value)
    return long_date(day) if day else str(value)


def plain(value: Any) -> Any:
    """A value as YAML and JSON hold it: dates as YYYY-MM-DD, tuples as lists, mappings with text keys."""
    if isinstance(value, (datetime.date, datetime.datetime)):
        return value.isoformat()[:10]
    if isinstance(value, dict):
        return {str(key): plain(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [plain(item) for item in value]
    return value


def is_empty(value: Any) -> bool:
    """Nothing written: no value, empty text, an empty list or group."""
    return value is None or value == "" or value == [] or value == {}


def shown(value: Any) -> str:
    """The text a value is compared and shown as: text as it is, a date in words, a list of short values
    one a line, a group of fields (or a list of them) as YAML."""
    if is_empty(value):
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return in_words(value) if as_day(value) else value
    if isinstance(value, (int, float)):
        return str(value)
    if isinstance(value, list) and all(isinstance(item, (str, int, float)) for item in value):
        return "\n".join(f"• {shown(item)}" for item in value)
    return yaml.safe_dump(plain(value), allow_unicode=True, sort_keys=False, default_flow_style=False, width=10_000).strip()


def entry_key(entry: dict[str, Any], key: str | None) -> str | None:
    """The id (or term) an entry is matched by, when it has one that can be: text or a number."""
    value = entry.get(key) if key else None
    return str(value) if isinstance(value, (str, int)) and not isinstance(value, bool) else None


def title_of(fields: dict[str, Any], key: str | None, fallback: str) -> str:
    """What an entry is called in the report: its title, else its id (or term), else its first short value."""
    for name in ("title", key):
        if name and isinstance(fields.get(name), str) and fields[name]:
            return fields[name]
    for value in fields.values():
        if isinstance(value, (str, int)) and not isinstance(value, bool) and str(value).strip():
            text = shown(value).splitlines()[0]
            return text if len(text) <= 80 else text[:79] + "…"
    return fallback
