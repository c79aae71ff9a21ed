"""The build's date, printed on pages and documents; SOURCE_DATE_EPOCH makes it reproducible."""

from __future__ import annotations

import os
from datetime import UTC, datetime


def build_date() -> str:
    """Today (UTC) as YYYY-MM-DD, or the day of SOURCE_DATE_EPOCH when it is set."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    moment = datetime.fromtimestamp(int(epoch), tz=UTC) if epoch else datetime.now(UTC)
    return moment.date().isoformat()
