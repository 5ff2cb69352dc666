"""Counts of cases per outcome and per month, as data and as a small bar chart. No UI."""

from __future__ import annotations

from collections import Counter
from datetime import datetime
from typing import Any

from ..clock import now as clock_now
from ..flowchart.engine import Chart
from ..strings import t
from .store import Case, CaseFilter, Store
from .view import local_time, outcome_title

_EIGHTHS = " ▏▎▍▌▋▊▉"


def counts(cases: list[Case], chart: Chart, now: datetime | None = None) -> dict[str, Any]:
    """Totals per outcome (in the flowchart's order, then any others) and per local month,
    and the cases overdue at ``now``, per outcome."""
    from .due import overdue_counts

    outcomes = Counter(case.outcome for case in cases)
    order = [o for o in chart.flowchart.outcomes if o in outcomes]
    order += sorted(set(outcomes) - set(order))
    months = Counter(local_time(case.created_at)[:7] for case in cases)
    return {
        "total": len(cases),
        "per_outcome": {o: outcomes[o] for o in order},
        "per_month": dict(sorted(months.items())),
        "overdue_per_outcome": overdue_counts(cases, chart, now or clock_now()),
    }


def counts_in(store: Store, where: CaseFilter, chart: Chart, now: datetime) -> dict[str, Any]:
    """``counts`` of the cases in ``store`` that match ``where``, by SQL aggregates (the
    cases themselves are not read)."""
    from .due import overdue_rule
    from .queries import tallies

    total, outcomes, months, late = tallies(store, where, overdue_rule(chart, now))
    return {
        "total": total,
        "per_outcome": {o: outcomes[o] for o in _ordered(outcomes, chart)},
        "per_month": dict(sorted(months.items())),
        "overdue_per_outcome": {o: late[o] for o in _ordered(late, chart) if late[o]},
    }


def _ordered(counted: Counter[str], chart: Chart) -> list[str]:
    """The outcomes counted, in the flowchart's order, then any others."""
    order = [o for o in chart.flowchart.outcomes if o in counted]
    return order + sorted(set(counted) - set(order))


def bar(value: int, largest: int, width: int) -> str:
    """A bar of up to ``width`` cells, in eighths of a cell."""
    if largest <= 0:
        return ""
    eighths = round(value * width * 8 / largest)
    if value and not eighths:
        eighths = 1  # a count above zero always shows
    full, part = divmod(eighths, 8)
    return "█" * full + (_EIGHTHS[part] if part else "")


def stats_text(data: dict[str, Any], chart: Chart, lang: str, width: int = 30) -> str:
    lines = [f"{t(lang, 'cases')}: {data['total']}"]
    tables = [
        (
            t(lang, "per_outcome"),
            [(outcome_title(chart, o, lang), n) for o, n in data["per_outcome"].items()],
        ),
        (t(lang, "per_month"), list(data["per_month"].items())),
        (
            t(lang, "overdue"),
            [(outcome_title(chart, o, lang), n) for o, n in data["overdue_per_outcome"].items()],
        ),
    ]
    for heading, rows in tables:
        if not rows:
            continue
        label_width = max(len(label) for label, _ in rows)
        count_width = len(str(max(n for _, n in rows)))
        largest = max(n for _, n in rows)
        lines += ["", heading]
        lines += [
            f"  {label:<{label_width}}  {n:>{count_width}}  {bar(n, largest, width)}".rstrip()
            for label, n in rows
        ]
    return "\n".join(lines)
