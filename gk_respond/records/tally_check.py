"""Whether the statistics' summary holds what the cases hold, at both its levels (the
days', schema 11, records/tallies.py; the months', schema 14, records/month_tallies.py):
for ``records verify`` and ``records copy``. No UI."""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING

from .month_tallies import MONTH_KEY, TABLE, rebuilt_months
from .tallies import KEY, rebuilt

if TYPE_CHECKING:
    from .store import Store


def differences(store: Store) -> list[str]:
    """The days (``YYYY-MM-DD``) and months (``YYYY-MM``) whose tallies differ from the
    cases (none: the summary is in step)."""
    dialect = store.dialect
    days = f"SELECT {', '.join(KEY)}, n FROM case_tallies"
    months = f"SELECT {', '.join(MONTH_KEY)}, n FROM {TABLE}"
    wrong = _differing(store, days, rebuilt(dialect))
    return sorted(wrong | _differing(store, months, rebuilt_months(dialect)))


def _differing(store: Store, kept_sql: str, counted_sql: str) -> set[str]:
    kept = Counter({tuple(r[:5]): int(r[5]) for r in store.query(kept_sql)})
    counted = Counter({tuple(r[:5]): int(r[5]) for r in store.query(counted_sql)})
    wrong = (kept - counted) + (counted - kept)
    return {str(key[0]) or "?" for key in wrong}
