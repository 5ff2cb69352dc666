"""Stored times as people read them. No UI."""

from __future__ import annotations

from datetime import datetime

TIMES = frozenset({"created_at", "removed_at", "closed_at"})  # the fields that hold a time


def local_time(stored: str) -> str:
    """A stored UTC time as local time, to the minute."""
    return datetime.fromisoformat(stored).astimezone().strftime("%Y-%m-%d %H:%M")
