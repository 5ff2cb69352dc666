"""The case log's reads, in SQL that indexes serve (issue 18): a page of a list with its
total, a count, the cases one batch at a time, the handlers, the statistics. No UI.

A filter (``CaseFilter``) becomes one plan: the tables to read, a WHERE clause, and the
order (newest first: year, then number, descending). A text search goes through the
search index (``search_index.py``), which decides it exactly, so a count is one
``COUNT(*)``; only a search the index cannot decide (a NUL or U+FFFF in it, or a
PostgreSQL database whose lower() knows no å, ä, ö) reads the candidate rows and decides
in Python, as every search did before.
"""

from __future__ import annotations

import dataclasses
import sqlite3
from collections import Counter
from collections.abc import Iterator
from contextlib import suppress
from dataclasses import dataclass
from datetime import UTC, datetime
from itertools import pairwise
from typing import TYPE_CHECKING

from . import search_index
from . import tallies as summary
from .months import month_labels, month_start

if TYPE_CHECKING:  # the store is reached through the Store given, never imported here
    from .store import Case, CaseFilter, Store

BATCH = 500  # rows read at a time when going through every match


@dataclass(frozen=True)
class CasePage:
    """One page of a list of cases: ``cases`` from ``offset``, at most ``limit``, of the
    ``total`` that match."""

    cases: list[Case]
    total: int
    offset: int
    limit: int


@dataclass(frozen=True)
class FirstRows:
    """A page's ``cases`` from ``offset`` (at most ``limit``) before its count
    (``rows_first``); ``more``: a case follows; ``dropped``: damaged rows of the page left
    out (out of the count too, as in ``page``); ``total``: the count, as ``page`` gives it,
    where reading the rows counted the matches too (then no count need follow), else
    None."""

    cases: list[Case]
    more: bool
    offset: int
    limit: int
    dropped: int
    total: int | None = None


@dataclass(frozen=True)
class Overdue:
    """The cases past their due time at ``now`` that nothing has met (``due.is_overdue``),
    or, with ``late=False``, every other case. ``met_by``: (outcome, field) pairs, the
    follow-up field that meets an outcome's due time besides closing (``due.met_by``)."""

    now: datetime
    met_by: tuple[tuple[str, str], ...] = ()
    late: bool = True

    def sql(self, columns: tuple[str, ...]) -> tuple[str, list[object]]:
        """The condition and its parameters; ``columns``: the case table's, the only
        follow-up fields taken."""
        moment = self.now.astimezone(UTC)
        # due_at is kept to the second: due < now is due <= now cut to the second, unless
        # now is a whole second itself
        bound = moment.replace(microsecond=0).isoformat(timespec="seconds")
        compare = "<" if moment.microsecond == 0 else "<="
        params: list[object] = [bound]
        met: list[str] = []
        fields: dict[str, list[str]] = {}
        for outcome, name in self.met_by:
            if name in columns:  # a column, never text from elsewhere
                fields.setdefault(name, []).append(outcome)
        for name, outcomes in sorted(fields.items()):
            marks = ", ".join("?" * len(outcomes))
            met.append(f"(c.outcome IN ({marks}) AND COALESCE(c.{name}, '') <> '')")
            params += sorted(outcomes)
        late = (
            f"c.due_at IS NOT NULL AND c.due_at <> '' AND c.due_at {compare} ? "
            "AND COALESCE(c.closed_at, '') = ''"
        )
        if met:
            late += f" AND NOT ({' OR '.join(met)})"
        if self.late:  # as a plain condition, for the index on due_at
            return f"({late})", params
        return f"(CASE WHEN {late} THEN 1 ELSE 0 END) = 0", params


# Schema 15, PostgreSQL 14 and newer: the planner's figures for the two expressions the
# overdue condition (``Overdue.sql``) tests, which it otherwise guesses (an equality on an
# expression: 1 row in 200). Guessing, it took the overdue cases for a handful, joined all
# of a search's matches to them and sorted them, where walking the matches newest first
# stops at the page's end: the app's page of `äl` before its count, 204 -> 27 ms at
# 100,000 cases with 7,600 overdue. (PostgreSQL 12 and 13 have no statistics of an
# expression: they go on guessing, with the same results.)
PG_STATISTICS = [
    "DO $$ BEGIN IF current_setting('server_version_num')::int >= 140000 THEN "
    "EXECUTE $s$CREATE STATISTICS IF NOT EXISTS cases_open ON (COALESCE(closed_at, '')), "
    "(COALESCE(removed_at, '')) FROM cases$s$; END IF; END $$",
    "ANALYZE cases",
]


# Schema 16, PostgreSQL: the index of the due times of the cases not closed (schema 12's)
# holds every column the overdue condition tests besides them (the follow-up fields a due
# time can be met by: the flowchart schema's ``met_by``), and the case's key, so the
# overdue cases are listed from the index alone (an index-only scan, where the table's
# pages are all-visible, as autovacuum leaves them), not from the cases' wide rows: at
# 100,000 cases with 11,000 overdue, 30 -> 4 ms. The overdue matches of a search are
# found in one pass that counts them too (``_overdue_keys``).
PG_OPEN_DUE = [
    "DROP INDEX cases_open_due",
    "CREATE INDEX cases_open_due ON cases (due_at) "
    f"INCLUDE (year, seq, outcome, {', '.join(summary.FOLLOW_UPS)}) "
    "WHERE COALESCE(closed_at, '') = ''",
]


@dataclass(frozen=True)
class _Plan:
    source: str  # FROM ... (the cases as c)
    where: str  # " WHERE ..." or ""
    params: list[object]
    indexed: bool  # through the search index (s: SQLite's, PostgreSQL's table): its rowid
    # is the case's key, and its order the list's
    verify: CaseFilter | None = None  # a text the database cannot decide: Python does
    empty: bool = False  # nothing can match
    alone: str = ""  # FROM the search index alone, when its text is the only condition
    like: bool = False  # PostgreSQL: the search is a LIKE, cheap to test on one row

    @property
    def order(self) -> str:
        return "s.rowid DESC" if self.indexed else "c.year DESC, c.seq DESC"

    def sql(
        self, what: str, extra: str = "", tail: str = "", *, keys: bool = False, join: str = ""
    ) -> str:
        """``keys``: ``what`` needs only the index's keys (``s.rowid``), not the cases'
        rows, which are then not read when the index decides alone (it holds one row per
        case, written in the transaction that writes the case). ``join``: more tables."""
        where = self.where
        if extra:
            where = f"{where} AND {extra}" if where else f" WHERE {extra}"
        source = self.alone if keys and self.alone else self.source
        return f"SELECT {what} {source}{join}{where}{tail}"


_JOINED = "FROM {} s JOIN cases c ON c.year = (s.rowid >> 32) AND c.seq = (s.rowid & 4294967295)"
# PostgreSQL's table has the case's year and number, with a foreign key to it: the planner
# then knows that each match joins one case (search_table.py)
_PG_JOINED = "FROM {} s JOIN cases c ON c.year = s.year AND c.seq = s.seq"


def _plan(store: Store, where: CaseFilter) -> _Plan:
    clause, params = where.sql()
    conditions = [clause[len(" WHERE ") :]] if clause else []
    sqlite = store.dialect == "sqlite"
    indexed, verify, table, alone, like = False, None, "", True, False
    if where.text:
        if not sqlite and "\x00" in where.text:
            return _Plan("FROM cases c", "", [], False, empty=True)  # PostgreSQL keeps no NUL
        if sqlite and search_index.exact(where.text):
            table, condition, found = search_index.sqlite_condition(where.text)
            indexed = True
        elif (exact := store.pg_condition(where.text)) is not None:
            condition, found, alone, like = exact
            table, indexed = search_index.PG_TABLE, True
        else:  # candidates, decided by CaseFilter.matches_text
            condition, needle = store.candidates(where.text)
            found, verify = [needle], where
        conditions, params = [condition, *conditions], [*found, *params]
    source = (_JOINED if sqlite else _PG_JOINED).format(table) if indexed else "FROM cases c"
    alone = alone and indexed and len(conditions) == 1
    clause = " WHERE " + " AND ".join(conditions) if conditions else ""
    alone_source = f"FROM {table} s" if alone else ""
    return _Plan(source, clause, params, indexed, verify, alone=alone_source, like=like)


def _rows(store: Store, sql: str, params: list[object]) -> list[sqlite3.Row]:
    return store.query(sql, params)


def _cases(store: Store, rows: list[sqlite3.Row]) -> list[Case]:
    """The cases the rows hold; a damaged one is left out, with a warning naming it."""
    return store.decoded(rows)


def _batches(store: Store, plan: _Plan) -> Iterator[list[Case]]:
    """Every match, newest first, a batch at a time (keyset: memory stays flat)."""
    if plan.empty:
        return
    last: tuple[int, int] | None = None
    while True:
        extra, more = "", []
        if last is not None:
            if plan.indexed:
                extra, more = "s.rowid < ?", [last[0] * 4294967296 + last[1]]
            else:
                extra = "(c.year < ? OR (c.year = ? AND c.seq < ?))"
                more = [last[0], last[0], last[1]]
        sql = plan.sql(_case_columns(store), extra, f" ORDER BY {plan.order} LIMIT {BATCH}")
        rows = _rows(store, sql, [*plan.params, *more])
        if not rows:
            return
        last = (rows[-1]["year"], rows[-1]["seq"])
        cases = _cases(store, rows)
        if plan.verify is not None:
            cases = [case for case in cases if plan.verify.matches_text(case)]
        yield cases
        if len(rows) < BATCH:
            return


def _case_columns(store: Store) -> str:
    """The case's own columns (the store's ``case_columns``), not every column of the
    row (PostgreSQL's stored search text, schemas 12 to 14, was a third again of a row's
    bytes)."""
    return ", ".join(f"c.{name}" for name in store.case_columns)


def iter_cases(store: Store, where: CaseFilter) -> Iterator[Case]:
    for batch in _batches(store, _plan(store, where)):
        yield from batch


def count(store: Store, where: CaseFilter) -> int:
    plan = _plan(store, where)
    if plan.empty:
        return 0
    if plan.verify is not None:
        return sum(len(batch) for batch in _batches(store, plan))
    ((total,),) = _rows(store, plan.sql("COUNT(*)", keys=True), plan.params)
    return int(total)


def page(store: Store, where: CaseFilter, offset: int, limit: int) -> CasePage:
    offset, limit = max(0, offset), max(0, limit)
    plan = _plan(store, where)
    if plan.verify is not None or plan.empty:
        every = list(iter_cases(store, where))
        return CasePage(every[offset : offset + limit], len(every), offset, limit)
    total = count(store, where)
    return _paged(store, _page_rows(store, plan, total, offset, limit), total, offset, limit)


def _paged(store: Store, rows: list[sqlite3.Row], total: int, offset: int, limit: int) -> CasePage:
    cases = _cases(store, rows)
    # a damaged row on the page is left out of the total too (one elsewhere is counted)
    return CasePage(cases, total - (len(rows) - len(cases)), offset, limit)


def _page_rows(store: Store, plan: _Plan, total: int, offset: int, limit: int) -> list[sqlite3.Row]:
    """The rows of the page from ``offset`` of the ``total`` that ``plan`` matches, read in
    the list's order and stopping at the page's end."""
    if not limit or offset >= total:
        return []
    sql = plan.sql(_case_columns(store), tail=f" ORDER BY {plan.order} LIMIT ? OFFSET ?")
    if _dense(store, plan, total):  # read newest first and stop at the page's end,
        sql = sql.replace("FROM cases c", f"FROM cases c INDEXED BY {_NEWEST}", 1)
    # no more than the count leaves: the read stops at the last match, not the log's end
    return _rows(store, sql, [*plan.params, min(limit, total - offset), offset])


# SQLite's own index on (year, seq), the primary key: the list's order
_NEWEST = "sqlite_autoindex_cases_2"


def _dense(store: Store, plan: _Plan, total: int) -> bool:
    """Whether a filtered page on SQLite is found faster by reading the cases newest first
    than through a filter's index and a sort (SQLite's planner, without statistics, takes
    the index, whose sort reads every match): when many cases match (the count says)."""
    if plan.indexed or not plan.where or store.dialect != "sqlite":
        return False
    if total < DENSE:
        return False
    columns = [row[2] for row in store.query(f"PRAGMA index_info({_NEWEST})")]
    return columns == ["year", "seq"]  # (as every log has it; never a guess)


DENSE = 2000  # matches from which a filtered page reads the cases newest first


def page_overdue_first(
    store: Store, where: CaseFilter, offset: int, limit: int, rule: Overdue
) -> CasePage:
    """As ``page``, with the cases overdue by ``rule`` before the others (each group newest
    first), as the web and the app list them. The overdue matches are listed once, as
    keys (which also counts them); the page's overdue cases are read by key, the others
    in the list's order, stopping at the page's end; the others' count is the difference."""
    if where.overdue is not None:
        return page(store, where, offset, limit)
    offset, limit = max(0, offset), max(0, limit)
    read = _overdue_first(store, where, rule, offset, limit, counted=True)
    if read is None:  # every match read: Python decides
        late, rest = _split(where, rule)
        first = page(store, late, offset, limit)
        following = page(store, rest, max(0, offset - first.total), limit - len(first.cases))
        cases = [*first.cases, *following.cases][:limit]
        return CasePage(cases, first.total + following.total, offset, limit)
    total, rows = read  # (counted: a number)
    return _paged(store, rows, total or 0, offset, limit)


def rows_first(
    store: Store, where: CaseFilter, offset: int, limit: int, rule: Overdue
) -> FirstRows | None:
    """The page ``page_overdue_first`` gives, read as it reads it but without the count,
    and one row more, to know whether a case follows: a front end shows the rows while
    the count (``count``) is still being read. Only for a search the database decides:
    None for anything else (no text, a filter on the overdue itself, a search Python
    decides), where the counted page is the way."""
    if not where.text or where.overdue is not None:
        return None
    offset, limit = max(0, offset), max(0, limit)
    read = _overdue_first(store, where, rule, offset, limit + 1, counted=False)
    if read is None:
        return None
    total, rows = read
    cases = _cases(store, rows[:limit])
    dropped = min(len(rows), limit) - len(cases)
    counted = None if total is None else total - dropped
    return FirstRows(cases, len(rows) > limit, offset, limit, dropped, counted)


def _split(where: CaseFilter, rule: Overdue) -> tuple[CaseFilter, CaseFilter]:
    """``where``'s cases overdue by ``rule``, and its others."""
    late = dataclasses.replace(where, overdue=dataclasses.replace(rule, late=True))
    return late, dataclasses.replace(where, overdue=dataclasses.replace(rule, late=False))


def _overdue_first(
    store: Store, where: CaseFilter, rule: Overdue, offset: int, limit: int, *, counted: bool
) -> tuple[int | None, list[sqlite3.Row]] | None:
    """How many cases match ``where`` (None without ``counted``, unless the read counted
    them anyway), and the rows of the page from ``offset``, the overdue by ``rule`` first;
    None where Python decides the search."""
    late, rest = _split(where, rule)
    late_plan = _plan(store, late)
    if late_plan.verify is not None or late_plan.empty:
        return None
    # the overdue matches up to the page's end are all it needs where they are listed
    # apart: fewer are every one of them (the others' count is then the difference), and
    # as many fill the page
    most = offset + limit
    total, keys = _overdue_keys(store, where, late, late_plan, counted=counted, most=most)
    rows = _by_key(store, keys[offset : offset + limit])
    more = max(0, offset - len(keys)), limit - len(rows)
    left = UNBOUNDED if total is None else total - len(keys)  # the others' count
    return total, rows + _page_rows(store, _plan(store, rest), left, *more)


UNBOUNDED = 2**62  # the count not read: the others' read stops at the page's own LIMIT


def _overdue_keys(
    store: Store,
    where: CaseFilter,
    late: CaseFilter,
    late_plan: _Plan,
    *,
    counted: bool,
    most: int | None = None,
) -> tuple[int | None, list[int]]:
    """How many cases match ``where`` (None without ``counted``, unless the pass that
    finds the overdue counts them too), and the keys of those overdue (``late``), newest
    first (at most ``most`` where they are listed apart). Without a search each takes its
    own index (the cases' key to count, ``due_at`` for the overdue), where one pass would
    read every row. With a search through the index (SQLite's, PostgreSQL's table), the
    overdue under the other filters, when few, are found first (through ``due_at``) and
    looked for among the matches by key, in one pass over the index alone that counts
    them too. When many: on SQLite the overdue matches are listed apart, newest first and
    stopping at ``most`` (its search index is walked newest first; one pass would read
    every match's case), and the count reads the index alone; on PostgreSQL, whose
    planner joins every match to the overdue whichever way it is asked, one pass over the
    search table joins them to the overdue listed from their index alone (``PG_OPEN_DUE``)
    and counts them too; without ``counted``, a ``LIKE`` walks the overdue newest first
    instead and stops at ``most`` (``_walked``). A search the index does not decide
    reads every match's row anyway: one pass counts and decides the overdue there.
    Without the count, only the listing."""
    if not where.text:
        return (count(store, where) if counted else None), _listed(store, late_plan)
    plan = _plan(store, where)
    few: list[int] | None = None  # the overdue under the other filters, when few
    if plan.indexed:  # through the search index (either backend's)
        others = _plan(store, dataclasses.replace(late, text=""))
        few = _listed(store, others, FEW + 1)
        if not few:
            return (count(store, where) if counted else None), []
        if len(few) > FEW and plan.like and not counted and most is not None:
            return None, _walked(store, plan, others, most)
    keys = few is not None and len(few) <= FEW  # looked for by key: no case row read
    if few is not None and keys:
        overdue, params = f"s.rowid IN ({', '.join('?' * len(few))})", few
    else:  # the overdue condition alone (a filter of nothing else), on each match's row
        condition, params = type(where)(overdue=late.overdue).sql()
        overdue = condition[len(" WHERE ") :]
    join = ""
    if plan.indexed and not keys and store.dialect != "sqlite":  # one pass, counted
        join = f" LEFT JOIN (SELECT c.year, c.seq FROM cases c WHERE {overdue}) o"
        join += " ON o.year = s.year AND o.seq = s.seq"
        overdue, keys = "o.year IS NOT NULL", True
    elif not counted or (plan.indexed and not keys):  # listed apart, the count from the index
        found = _listed(store, plan, most, extra=overdue, params=params, keys=keys, newest=True)
        return (count(store, where) if counted else None), found
    flagged = _aggregated(store, f"CASE WHEN {overdue} THEN {_key(plan)} END")
    sql = plan.sql(f"COUNT(*), {flagged}", keys=keys, join=join)
    ((total, found),) = _rows(store, sql, [*params, *plan.params])
    return int(total), _keys(found)


FEW = 500  # overdue cases a search's count looks for by key among the matches (SQLite)


def _walked(store: Store, plan: _Plan, overdue: _Plan, most: int) -> list[int]:
    """PostgreSQL, many overdue, no count asked: the keys of the newest ``most`` overdue
    cases (``overdue``: the overdue under the other filters) that the search (``plan``, a
    ``LIKE``) matches. The server walks the overdue keys down the search table's primary
    key, newest first, tests each one's text and stops at ``most``: it tests at most one
    row per overdue case, where the pass that counts (``_overdue_keys``) tests every
    candidate the trigram index gives, and a common word's page needs few of them (at
    100,000 cases with 11,000 overdue, the page of ``skolan bu``: 10 ms, its count 100).
    A rare pair of characters (the pairs' condition, no ``LIKE``) is not walked: computing
    every pair of each overdue case's text costs more than its few matches."""
    inner = overdue.sql(_key(overdue))
    extra = f"s.rowid = ANY(ARRAY({inner}))"
    return _listed(store, plan, most, extra=extra, params=overdue.params, keys=True, newest=True)


def _listed(
    store: Store,
    plan: _Plan,
    most: int | None = None,
    *,
    extra: str = "",
    params: list[object] | tuple[object, ...] = (),
    keys: bool = False,
    newest: bool = False,
) -> list[int]:
    """The keys of the cases ``plan`` matches (and ``extra``, with its ``params``; ``keys``:
    as ``_Plan.sql``), newest first: at most ``most`` of them, any (the database's first
    found) or, with ``newest``, the newest, read in the list's order and stopping there."""
    order = f" ORDER BY {plan.order}" if newest else ""
    tail = order + (f" LIMIT {int(most)}" if most is not None else "")
    inner = plan.sql(f"{_key(plan)} AS k", extra, tail, keys=keys)
    ((found,),) = _rows(
        store,
        f"SELECT {_aggregated(store, 'k')} FROM ({inner}) AS listed",
        [*plan.params, *params],
    )
    return _keys(found)


def _aggregated(store: Store, key: str) -> str:
    """The SQL aggregate listing ``key`` of every row (NULL left out), as "k,k,…"."""
    if store.dialect == "sqlite":
        return f"group_concat({key})"
    return f"string_agg(({key})::text, ',')"


def _keys(found: object) -> list[int]:
    return sorted((int(k) for k in str(found or "").split(",") if k), reverse=True)


def _key(plan: _Plan) -> str:
    """A case's key (``search_index.KEY``) in ``plan``'s tables: the list's order."""
    return "s.rowid" if plan.indexed else "(c.year * 4294967296 + c.seq)"


def _by_key(store: Store, keys: list[int]) -> list[sqlite3.Row]:
    """The cases' rows by their keys (through the index on year and number), in the
    keys' order."""
    if not keys:
        return []
    years: dict[int, list[int]] = {}
    for k in keys:
        years.setdefault(k >> 32, []).append(k & 4294967295)
    terms = [f"(c.year = ? AND c.seq IN ({', '.join('?' * len(s))}))" for s in years.values()]
    params = [p for year, seqs in years.items() for p in (year, *seqs)]
    what = _case_columns(store)
    rows = _rows(store, f"SELECT {what} FROM cases c WHERE {' OR '.join(terms)}", params)
    place = {k: n for n, k in enumerate(keys)}
    return sorted(rows, key=lambda row: place[row["year"] * 4294967296 + row["seq"]])


def handlers(store: Store) -> list[str]:
    rows = _rows(store, "SELECT DISTINCT handler FROM cases", [])
    return sorted({row[0] for row in rows if isinstance(row[0], str)}, key=str.casefold)


def newest_number(store: Store) -> str | None:
    rows = _rows(store, "SELECT number FROM cases ORDER BY year DESC, seq DESC LIMIT 1", [])
    return rows[0][0] if rows and isinstance(rows[0][0], str) else None


def numbers_near(store: Store, year: int, seq: int, spread: int = 1000) -> list[str]:
    """The case numbers of ``year`` within ``spread`` of ``seq``, and ``seq`` in the years
    around it: where a mistyped number's closest match is."""
    rows = _rows(
        store,
        "SELECT number FROM cases WHERE (year = ? AND seq BETWEEN ? AND ?) "
        "OR (year BETWEEN ? AND ? AND seq = ?) ORDER BY year DESC, seq DESC",
        [year, seq - spread, seq + spread, year - 5, year + 5, seq],
    )
    return [row[0] for row in rows if isinstance(row[0], str)]


def tallies(
    store: Store, where: CaseFilter, rule: Overdue
) -> tuple[int, Counter[str], Counter[str], Counter[str]]:
    """How many cases match ``where``; per outcome; per local month (``YYYY-MM``); and
    those overdue by ``rule``, per outcome. SQL aggregates, not a loop over the cases:
    over the statistics' summary (``tallies.py``) where it can answer."""
    found = summary.tallies(store, where, rule)
    if found is not None:
        return found
    plan = _plan(store, where)
    if plan.empty:
        return 0, Counter(), Counter(), Counter()
    if plan.verify is not None:  # a search only Python can decide
        return _tallied(list(iter_cases(store, where)), rule)
    per_outcome = _grouped(store, plan, "c.outcome")
    if where.overdue is None:
        late_plan = _plan(store, dataclasses.replace(where, overdue=rule))
        late = _grouped(store, late_plan, "c.outcome")
    else:  # every case listed is overdue, or none is
        late = per_outcome if where.overdue.late else Counter()
    return sum(per_outcome.values()), per_outcome, _months(store, plan), late


def _grouped(store: Store, plan: _Plan, column: str) -> Counter[str]:
    rows = _rows(store, plan.sql(f"{column}, COUNT(*)", tail=f" GROUP BY {column}"), plan.params)
    return Counter({row[0]: int(row[1]) for row in rows})


def _months(store: Store, plan: _Plan) -> Counter[str]:
    """Cases per local month, counted by the database: the first and last times found (by
    the index on them), then every local month between counted as a range of stored (UTC)
    times, in one statement."""
    from .times import local_time

    ends = [f"(SELECT {f}(c.created_at) {plan.source}{plan.where})" for f in ("MIN", "MAX")]
    ((first, last),) = _rows(store, f"SELECT {', '.join(ends)}", [*plan.params, *plan.params])
    if first is None:
        return Counter()
    try:
        labels = month_labels(local_time(first)[:7], local_time(last)[:7])
    except (TypeError, ValueError):  # a damaged row's "time"
        return _months_row_by_row(store, plan)
    starts = [None, *(month_start(label) for label in labels[1:]), None]
    counts, params = [], []
    for begin, end in pairwise(starts):
        bounds = [b for b in (begin and "c.created_at >= ?", end and "c.created_at < ?") if b]
        counts.append(f"({plan.sql('COUNT(*)', ' AND '.join(bounds))})")
        params += [*plan.params, *(t for t in (begin, end) if t)]
    ((*numbers,),) = _rows(store, "SELECT " + ", ".join(counts), params)
    return Counter({label: int(n) for label, n in zip(labels, numbers, strict=True) if n})


def _months_row_by_row(store: Store, plan: _Plan) -> Counter[str]:
    from .times import local_time

    months: Counter[str] = Counter()
    for (created,) in _rows(store, plan.sql("c.created_at"), plan.params):
        with suppress(TypeError, ValueError):  # a damaged row's "time": in no month
            months[local_time(created)[:7]] += 1
    return months


def _tallied(
    cases: list[Case], rule: Overdue
) -> tuple[int, Counter[str], Counter[str], Counter[str]]:
    from .times import local_time

    late = [c for c in cases if _is_late(c, rule)]
    return (
        len(cases),
        Counter(c.outcome for c in cases),
        Counter(local_time(c.created_at)[:7] for c in cases),
        Counter(c.outcome for c in late),
    )


def _is_late(case: Case, rule: Overdue) -> bool:
    """``due.is_overdue`` by the rule (for a search Python decides)."""
    if not case.due_at or case.closed_at:
        return False
    if any(case.outcome == o and getattr(case, name, None) for o, name in rule.met_by):
        return False
    return datetime.fromisoformat(case.due_at) < rule.now
