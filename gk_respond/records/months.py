"""Local calendar months as the statistics count them: their labels and where each starts
in stored (UTC) time. No UI."""

from __future__ import annotations

from datetime import UTC, datetime


def month_labels(first: str, last: str) -> list[str]:
    """Every ``YYYY-MM`` from ``first`` to ``last``."""
    year, month = int(first[:4]), int(first[5:7])
    labels = []
    while f"{year:04d}-{month:02d}" <= last:
        labels.append(f"{year:04d}-{month:02d}")
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return labels


def month_start(label: str) -> str:
    """The start of a local month, as a stored (UTC) time."""
    local = datetime(int(label[:4]), int(label[5:7]), 1).astimezone()
    return local.astimezone(UTC).isoformat(timespec="seconds")
