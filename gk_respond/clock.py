"""The time now, for everything that stamps or compares times. No UI.

``GK_RESPOND_NOW`` (for tests only) freezes the clock at a given ISO 8601 time with its
offset, e.g. ``2026-06-18T14:00:00+02:00``: the command line and the app then save, stamp
and judge deadlines as if it were that moment. Leave it unset in real use.
"""

from __future__ import annotations

import os
from datetime import UTC, datetime

FROZEN = "GK_RESPOND_NOW"


def now() -> datetime:
    """The time now in UTC, or the frozen time ``GK_RESPOND_NOW`` gives (for tests)."""
    given = os.environ.get(FROZEN, "").strip()
    if given:
        try:
            moment = datetime.fromisoformat(given)
        except ValueError:
            raise SystemExit(f"gk-respond: {FROZEN}={given!r} is not an ISO 8601 time") from None
        if moment.tzinfo is None:
            raise SystemExit(f"gk-respond: {FROZEN}={given!r} needs an offset, e.g. +01:00")
        return moment.astimezone(UTC)
    return datetime.now(UTC)


def now_text() -> str:
    """The time now as the case log keeps it (UTC, ISO 8601, to the second)."""
    return now().isoformat(timespec="seconds")
