"""Deadlines: when a case is due, whether it is overdue, and the Swedish working days they
count. No UI.

An outcome in ``flowchart.yaml`` may say ``due:`` (``within: 48h`` or ``within: 2
arbetsdagar``, with its ``source:``); a channel in the register may promise its own time
(``response_due``), which then holds for cases on that channel. Hours are clock hours;
working days skip Saturdays, Sundays, Sweden's public holidays and the days treated as
such (Midsommarafton, julafton, nyårsafton), from the ``holidays`` library, and keep the
local time of day (Europe/Stockholm). A case's due time is set when it is saved; it is met
by closing the case, or by setting the follow-up field the outcome names (``met_by``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from functools import cache
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from ..flowchart.schema import DUE_PATTERN

if TYPE_CHECKING:
    from ..flowchart.engine import Chart
    from .queries import Overdue
    from .store import Case

SWEDEN = ZoneInfo("Europe/Stockholm")

_WORKING_DAYS = ("arbetsdag", "arbetsdagar", "working day", "working days")
_SPLIT = re.compile(r"\s*([0-9]+)\s*(.*?)\s*$")


@dataclass(frozen=True)
class Span:
    """A time to be done within: ``amount`` hours, or working days."""

    amount: int
    working_days: bool

    def __str__(self) -> str:
        return f"{self.amount} {'arbetsdagar' if self.working_days else 'h'}"


def parse(text: str) -> Span | None:
    """The span ``text`` says (``48h``, ``2 arbetsdagar``, ``24 hours``), or None."""
    if not re.fullmatch(DUE_PATTERN, text or ""):
        return None
    found = _SPLIT.fullmatch(text)
    assert found is not None
    unit = found[2].casefold()
    return Span(int(found[1]), unit in _WORKING_DAYS)


@cache
def _days_off(year: int) -> frozenset[date]:
    import holidays

    return frozenset(holidays.Sweden(years=year, categories=("public", "de_facto")))


def working_day(day: date) -> bool:
    """Monday to Friday, and neither a Swedish public holiday nor a day treated as one."""
    return day.weekday() < 5 and day not in _days_off(day.year)


def due_from(start: datetime, span: Span) -> datetime:
    """When something begun at ``start`` is due (UTC)."""
    if not span.working_days:
        return start.astimezone(UTC) + timedelta(hours=span.amount)  # real hours, not wall
    local = start.astimezone(SWEDEN)
    day, counted = local.date(), 0
    while counted < span.amount:
        day += timedelta(days=1)
        counted += working_day(day)
    due = datetime.combine(day, local.time().replace(tzinfo=None), tzinfo=SWEDEN)
    return due.astimezone(UTC)


def due_at(chart: Chart, outcome: str, created: datetime, promise: str | None = None) -> str | None:
    """The due time (UTC, ISO 8601) of a case with ``outcome`` saved at ``created``: the
    channel's ``promise`` if it has one, else the outcome's ``due:``; None without either."""
    span = parse(promise) if promise else None
    if span is None:
        found = chart.flowchart.outcomes.get(outcome)
        span = parse(found.due.within) if found is not None and found.due else None
    if span is None:
        return None
    return due_from(created, span).isoformat(timespec="seconds")


def met_by(chart: Chart, outcome: str) -> str | None:
    """The follow-up field that meets the outcome's due time besides closing, if any."""
    found = chart.flowchart.outcomes.get(outcome)
    return found.due.met_by if found is not None and found.due else None


def is_met(case: Case, chart: Chart) -> bool:
    field = met_by(chart, case.outcome)
    return bool(case.closed_at or (field and getattr(case, field, None)))


def is_overdue(case: Case, chart: Chart, now: datetime) -> bool:
    """Whether the case's due time has passed and nothing has met it yet."""
    if not case.due_at or is_met(case, chart):
        return False
    return datetime.fromisoformat(case.due_at) < now


def overdue_first(cases: list[Case], chart: Chart, now: datetime) -> list[Case]:
    """The cases with the overdue ones first (each group in its order before)."""
    late = [case for case in cases if is_overdue(case, chart, now)]
    return late + [case for case in cases if not is_overdue(case, chart, now)]


def overdue_rule(chart: Chart, now: datetime) -> Overdue:
    """``is_overdue`` at ``now`` as a filter the case log decides in SQL."""
    from .queries import Overdue

    met = tuple(
        (name, outcome.due.met_by)
        for name, outcome in chart.flowchart.outcomes.items()
        if outcome.due is not None and outcome.due.met_by
    )
    return Overdue(now, met)


def due_label(case: Case, chart: Chart, now: datetime, lang: str) -> str:
    """The due column of a list: the local due time, and OVERDUE / FÖRSENAD in words (not
    colour alone) when it has passed; "met" / "klar" once done; "" without a due time."""
    from ..strings import t
    from .times import local_time

    if not case.due_at:
        return ""
    shown = local_time(case.due_at)
    if is_overdue(case, chart, now):
        return f"{shown} {t(lang, 'overdue_word')}"
    if is_met(case, chart):
        return f"{shown} {t(lang, 'due_met')}"
    return shown


def due_before(case: Case, day: date) -> bool:
    """Whether the case is due before the start of the local (Swedish) calendar ``day``."""
    if not case.due_at:
        return False
    start = datetime.combine(day, datetime.min.time(), tzinfo=SWEDEN)
    return datetime.fromisoformat(case.due_at) < start


def overdue_counts(cases: list[Case], chart: Chart, now: datetime) -> dict[str, int]:
    """How many cases are overdue, per outcome (outcomes with none left out), in the
    flowchart's order, then any others."""
    counts: dict[str, int] = {}
    for case in cases:
        if is_overdue(case, chart, now):
            counts[case.outcome] = counts.get(case.outcome, 0) + 1
    order = [o for o in chart.flowchart.outcomes if o in counts]
    return {o: counts[o] for o in order + sorted(set(counts) - set(order))}
