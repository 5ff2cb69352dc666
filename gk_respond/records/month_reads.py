"""Which rows of the statistics' summary count a run of whole UTC days: the month level
(schema 14, records/month_tallies.py) for the UTC months the run holds, or most of, and
the day level for the rest. Dates only, no SQL; no UI."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Literal


@dataclass(frozen=True)
class Read:
    """The summary's counts of the cases created in [start, end) (UTC midnights, the
    first of a month at the month level), added (``sign`` 1) or taken away (-1)."""

    level: Literal["days", "months"]
    start: datetime
    end: datetime
    sign: int = 1


def _next_month(moment: datetime) -> datetime:
    if moment.month == 12:
        return moment.replace(year=moment.year + 1, month=1, day=1)
    return moment.replace(month=moment.month + 1, day=1)


def reads(start: datetime, end: datetime, months: bool = True) -> list[Read]:
    """The reads that count [start, end): a UTC month wholly in it, or more than half of
    it, from the month level (less the days outside, from the day level), the other days
    from the day level. Without ``months``, the day level alone."""
    if not months or end <= start:
        return [Read("days", start, end)] if end > start else []
    whole: list[Read] = []  # the month level's, a run of months one read
    days: list[Read] = []
    month = start.replace(day=1)
    while month < end:
        following = _next_month(month)
        a, b = max(month, start), min(following, end)
        if (b - a) * 2 > following - month:
            if whole and whole[-1].end == month:
                whole[-1] = Read("months", whole[-1].start, following)
            else:
                whole.append(Read("months", month, following))
            days += [Read("days", x, y, -1) for x, y in ((month, a), (b, following)) if x < y]
        else:
            days.append(Read("days", a, b))
        month = following
    return whole + days


def joined(spans: list[tuple[datetime, datetime]]) -> list[tuple[datetime, datetime]]:
    """The spans of days, those that touch made one."""
    found: list[tuple[datetime, datetime]] = []
    for a, b in sorted(spans):
        if found and found[-1][1] >= a:
            found[-1] = (found[-1][0], max(found[-1][1], b))
        else:
            found.append((a, b))
    return found
