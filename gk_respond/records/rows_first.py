"""A page of the case log's list before its count (issue 18): the page's cases in the order
``Store.page(..., overdue_first=rule)`` lists them (the overdue first, each group newest
first) and whether a case follows (one row more read), without counting every match, so a
front end can show the rows while the count (``Store.count``) is still being read. No UI.

Only a search the database decides (``queries._plan`` with neither ``verify`` nor
``empty``) is read this way; for anything else (no text, a search Python decides, a
filter on the overdue itself) ``rows_first`` gives None and the counted page is the way.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import TYPE_CHECKING

from . import queries

if TYPE_CHECKING:
    from .queries import Overdue
    from .store import Case, CaseFilter, Store

UNBOUNDED = 2**62  # the count not read: the page's read stops at its own LIMIT


@dataclass(frozen=True)
class FirstRows:
    """The page's ``cases`` from ``offset`` (at most ``limit``); ``more``: a case follows;
    ``dropped``: damaged rows of the page left out (out of the count too, as in
    ``Store.page``)."""

    cases: list[Case]
    more: bool
    offset: int
    limit: int
    dropped: int


def rows_first(
    store: Store, where: CaseFilter, *, offset: int, limit: int, overdue_first: Overdue
) -> FirstRows | None:
    """The page from ``offset`` as ``queries.page_overdue_first`` reads it, one row more,
    and no count; None where that read is not this one's (see the module)."""
    if not where.text or where.overdue is not None:
        return None
    offset, limit = max(0, offset), max(0, limit)
    late = dataclasses.replace(where, overdue=dataclasses.replace(overdue_first, late=True))
    rest = dataclasses.replace(where, overdue=dataclasses.replace(overdue_first, late=False))
    late_plan = queries._plan(store, late)
    if late_plan.verify is not None or late_plan.empty:
        return None
    keys = _overdue_keys(store, where, late, late_plan)
    rows = queries._by_key(store, keys[offset : offset + limit + 1])
    more = max(0, offset - len(keys)), limit + 1 - len(rows)
    rows += queries._page_rows(store, queries._plan(store, rest), UNBOUNDED, *more)
    cases = queries._cases(store, rows[:limit])
    return FirstRows(cases, len(rows) > limit, offset, limit, min(len(rows), limit) - len(cases))


def _overdue_keys(
    store: Store, where: CaseFilter, late: CaseFilter, late_plan: queries._Plan
) -> list[int]:
    """The keys of the overdue cases (``late``) among the search's matches, newest first,
    found as ``queries._overdue_keys`` finds them but without the count: on SQLite the
    overdue under the other filters, when few, looked for by key in the search index;
    otherwise the overdue condition on each match's row."""
    plan = queries._plan(store, where)
    if plan.indexed:  # SQLite's search index
        unsearched = queries._plan(store, dataclasses.replace(late, text=""))
        few = queries._listed(store, unsearched, queries.FEW + 1)
        if not few:
            return []
        if len(few) <= queries.FEW:
            among = f"s.rowid IN ({', '.join('?' * len(few))})"
            sql = plan.sql("s.rowid", among, keys=True)
            found = store.query(sql, [*plan.params, *few])
            return sorted((int(row[0]) for row in found), reverse=True)
    return queries._listed(store, late_plan)
