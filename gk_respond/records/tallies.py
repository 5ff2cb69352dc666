"""The statistics' summary (schema 11): what lets ``records stats`` answer without reading
every case. No UI.

``case_tallies`` holds how many cases there are of each kind that ``stats`` counts or
filters by: the UTC day a case was created, its outcome, whether it is closed (``closed``:
0 for no ``closed_at``, 1 for a time, 2 for an empty one, which a filter counts as closed
and the due check as open), and for a case not closed its UTC due day and which follow-up
fields that can meet a due time are set (``met``, a bit each). Its size grows with the
days the log spans (at 100,000 cases over two years about 11,000 rows), not with the cases.

The database keeps it in step itself: a trigger on ``cases`` (SQLite's own, a PL/pgSQL
function on PostgreSQL) adds and takes away in the statement that saves, changes or
deletes a case, so whatever writes the cases (a save, an update, a copy, a hand edit) it
holds what was committed, and a killed writer's half-done work is rolled back with the
case's. Migration 11 fills it from the cases already there.

A day is UTC, and stats counts local months and local days (``--since``), so a day a local
boundary falls in is split: the part on one side is counted from the cases themselves
(through the index on ``created_at``; the shorter side, the other being the day's tally
less it). A case whose creation or due time is not the store's own form
(``YYYY-MM-DDTHH:MM:SS+00:00``: a damaged or hand-edited row) is tallied under the day
``''``; while there is one, and for a filter the summary does not key (a search, a
handler, ``--overdue``, ``--due-before``), stats is counted from the cases as before.
"""

from __future__ import annotations

import dataclasses
from collections import Counter
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from itertools import pairwise
from typing import TYPE_CHECKING

from .month_reads import Read, joined, reads
from .months import month_labels, month_start

if TYPE_CHECKING:
    from .queries import Overdue
    from .store import CaseFilter, Store

# The follow-up fields a due time can be met by (flowchart schema's ``met_by``), a bit each.
FOLLOW_UPS = ("removed_at", "copy_kept", "diarium_number", "forwarded_to")
KEY = ("day", "outcome", "closed", "due", "met")
_GLOB = "[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9]+00:00"
_REGEX = "^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}[+]00:00$"
MIDNIGHT = "T00:00:00+00:00"


def _regular(dialect: str, value: str) -> str:
    """Whether ``value`` is a time as the store writes it."""
    if dialect == "sqlite":
        return f"(typeof({value}) = 'text' AND {value} GLOB '{_GLOB}')"
    return f"({value} ~ '{_REGEX}')"


def keys(dialect: str, row: str = "") -> list[str]:
    """The expressions of a case's key in the summary (``row``: ``NEW.``, ``OLD.`` or
    nothing), in ``KEY``'s order."""

    def c(name: str) -> str:
        return f"{row}{name}"

    due = c("due_at")
    odd = (
        f"(NOT {_regular(dialect, c('created_at'))} "
        f"OR NOT ({due} IS NULL OR {due} = '' OR {_regular(dialect, due)}))"
    )
    closed = c("closed_at")
    done = f"NOT ({closed} IS NULL OR {closed} = '')"  # closed, and so never overdue
    bits = " + ".join(
        f"CASE WHEN COALESCE({c(name)}, '') <> '' THEN {1 << n} ELSE 0 END"
        for n, name in enumerate(FOLLOW_UPS)
    )
    return [
        f"CASE WHEN {odd} THEN '' ELSE substr({c('created_at')}, 1, 10) END",
        f"CASE WHEN {odd} THEN '' ELSE {c('outcome')} END",
        f"CASE WHEN {odd} THEN 0 WHEN {closed} IS NULL THEN 0 WHEN {closed} = '' THEN 2 ELSE 1 END",
        f"CASE WHEN {odd} OR {done} OR {due} IS NULL OR {due} = '' THEN '' "
        f"ELSE substr({due}, 1, 10) END",
        f"CASE WHEN {odd} OR {done} THEN 0 ELSE {bits} END",
    ]


_COLUMNS = ", ".join(KEY)
_TABLE = (
    "CREATE TABLE case_tallies (day TEXT NOT NULL, outcome TEXT NOT NULL, "
    "closed INTEGER NOT NULL, due TEXT NOT NULL, met INTEGER NOT NULL, n INTEGER NOT NULL, "
    f"PRIMARY KEY ({_COLUMNS})){{}}"
)
_DUE_INDEX = "CREATE INDEX case_tallies_due ON case_tallies (due)"


def rebuilt(dialect: str) -> str:
    """The summary as counted from the cases (the migration's fill, and the check)."""
    named = ", ".join(f"{e} AS {k}" for e, k in zip(keys(dialect), KEY, strict=True))
    return (
        f"SELECT {_COLUMNS}, COUNT(*) AS n FROM (SELECT {named} FROM cases) AS keyed "
        f"GROUP BY {_COLUMNS}"
    )


def added(
    dialect: str,
    values: list[str],
    delta: str,
    table: str = "case_tallies",
    key: tuple[str, ...] = KEY,
) -> list[str]:
    """The statements that add ``delta`` to the row of ``values`` in ``table`` (and drop
    it at 0)."""
    match = " AND ".join(f"{k} = {v}" for k, v in zip(key, values, strict=True))
    columns = ", ".join(key)
    return [
        f"INSERT INTO {table} ({columns}, n) VALUES ({', '.join(values)}, {delta}) "
        f"ON CONFLICT ({columns}) DO UPDATE SET n = {table}.n + excluded.n",
        f"DELETE FROM {table} WHERE {match} AND n = 0",
    ]


def _day_level(values: list[str], delta: str) -> list[str]:
    return added("sqlite", values, delta)


def sqlite_triggers(add: Callable[[list[str], str], list[str]] = _day_level) -> list[str]:
    """SQLite's triggers on ``cases``: ``add`` gives the statements that add a delta to
    the rows of a case's key (schema 11: the day level's)."""
    new, old = keys("sqlite", "NEW."), keys("sqlite", "OLD.")
    changed = " OR ".join(f"({a}) IS NOT ({b})" for a, b in zip(old, new, strict=True))

    def body(*steps: list[str]) -> str:
        return " ".join(f"{s};" for step in steps for s in step)

    return [
        f"CREATE TRIGGER case_tallies_insert AFTER INSERT ON cases BEGIN {body(add(new, '1'))} END",
        "CREATE TRIGGER case_tallies_delete AFTER DELETE ON cases BEGIN "
        f"{body(add(old, '-1'))} END",
        f"CREATE TRIGGER case_tallies_update AFTER UPDATE ON cases WHEN {changed} BEGIN "
        f"{body(add(old, '-1'), add(new, '1'))} END",
    ]


def _pg_function() -> str:
    """One function for every change of a row: the old key taken away and the new one
    added, in the keys' order (two writers moving cases between the same two rows each
    lock the lower first, so neither waits for the other in a circle)."""
    old = ", ".join(f"o{n}" for n in range(5))
    new = ", ".join(f"n{n}" for n in range(5))
    declared = " ".join(f"o{n} {t}; n{n} {t};" for n, t in enumerate(_PG_TYPES))
    add_old = " ".join(f"{s};" for s in added("postgresql", old.split(", "), "-1"))
    add_new = " ".join(f"{s};" for s in added("postgresql", new.split(", "), "1"))
    return (
        # as its owner, in the schema it was made in: a role granted only the case tables
        # still keeps the summary when it writes a case
        "CREATE FUNCTION case_tallies_kept() RETURNS trigger LANGUAGE plpgsql "
        "SECURITY DEFINER SET search_path FROM CURRENT AS $$ "
        f"DECLARE {declared} BEGIN "
        "IF TG_OP <> 'INSERT' THEN "
        f"SELECT {', '.join(keys('postgresql', 'OLD.'))} INTO {old}; END IF; "
        "IF TG_OP <> 'DELETE' THEN "
        f"SELECT {', '.join(keys('postgresql', 'NEW.'))} INTO {new}; END IF; "
        "IF TG_OP = 'UPDATE' THEN "
        f"IF ({old}) IS NOT DISTINCT FROM ({new}) THEN RETURN NULL; END IF; "
        f"IF ({new}) < ({old}) THEN {add_new} {add_old} RETURN NULL; END IF; "
        "END IF; "
        f"IF TG_OP <> 'INSERT' THEN {add_old} END IF; "
        f"IF TG_OP <> 'DELETE' THEN {add_new} END IF; "
        "RETURN NULL; END $$"
    )


_PG_TYPES = ("text", "text", "integer", "text", "integer")

# For the migration's transaction: the schema it writes in, and pg_temp searched last, as
# the function below keeps it (``FROM CURRENT``). A function that runs as its owner must not
# find a table of the caller's own first: pg_temp, unless named, is searched before the
# schema, and a temporary ``case_tallies`` would then take the counts in the owner's stead.
PG_SEARCH_PATH = (
    "SELECT set_config('search_path', quote_ident(current_schema()) || ', pg_temp', true)"
)

SQLITE_MIGRATION = [  # as many statements as PG_MIGRATION (the store pairs them)
    _TABLE.format(" WITHOUT ROWID"),
    _DUE_INDEX,
    "",  # (the search path: PostgreSQL's)
    *sqlite_triggers(),
    f"INSERT INTO case_tallies ({_COLUMNS}, n) {rebuilt('sqlite')}",
]
PG_MIGRATION = [
    _TABLE.format(""),
    _DUE_INDEX,
    PG_SEARCH_PATH,
    _pg_function(),
    *(
        f"CREATE TRIGGER case_tallies_{name} AFTER {changes} ON cases "
        "FOR EACH ROW EXECUTE FUNCTION case_tallies_kept()"
        for name, changes in (("kept", "INSERT OR DELETE"), ("update", "UPDATE"))
    ),
    f"INSERT INTO case_tallies ({_COLUMNS}, n) {rebuilt('postgresql')}",
]


# ---------------------------------------------------------------------------------------
# Counting from the summary


Tallies = tuple[int, Counter[str], Counter[str], Counter[str]]
_HALF_DAY = timedelta(hours=12)
_DAY = timedelta(days=1)
_SECOND = timedelta(seconds=1)
# Whether whole UTC months are read from the month level (schema 14); the benchmark
# (benchmarks/stats_summary.py) turns it off to measure the day level alone.
READ_MONTHS = True


@dataclasses.dataclass
class _Parts:
    """The statements' parts: each a SELECT of (part, outcome, count), with its params and
    where its counts go (a month's label, or None for the overdue) and with which sign."""

    sql: list[str] = dataclasses.field(default_factory=list)
    params: list[list[object]] = dataclasses.field(default_factory=list)
    into: list[tuple[str | None, int]] = dataclasses.field(default_factory=list)

    def add(self, select: str, params: list[object], label: str | None, sign: int = 1) -> None:
        self.sql.append(f"SELECT {len(self.into)} AS part, {select}")
        self.params.append(params)
        self.into.append((label, sign))


def _text(moment: datetime) -> str:
    return moment.isoformat(timespec="seconds")


def _time(text: str) -> datetime:
    return datetime.fromisoformat(text).astimezone(UTC)


def _midnight(moment: datetime) -> datetime:
    return moment.replace(hour=0, minute=0, second=0, microsecond=0)


# 1 while the summary holds a case whose time is not in the store's form (day '')
_ODD = "CASE WHEN EXISTS (SELECT 1 FROM case_tallies WHERE day = '') THEN 1 ELSE 0 END"


def tallies(store: Store, where: CaseFilter, rule: Overdue) -> Tallies | None:
    """``queries.tallies`` from the summary, or None where it cannot answer."""
    if where.text or where.handler is not None or where.overdue is not None or where.due_before:
        return None
    if any(name not in FOLLOW_UPS for _, name in rule.met_by) or not rule.late:
        return None
    kind = type(where)
    lo = _time(kind(since=where.since).sql()[1][0]) if where.since else None
    hi = _time(kind(until=where.until).sql()[1][0]) if where.until else None
    if lo is not None and hi is not None and lo >= hi:
        ((odd,),) = store.query(f"SELECT {_ODD}")
        return None if odd else (0, Counter(), Counter(), Counter())
    kept, kept_params = _kept(where)
    days, day_params = _days(lo, hi + _DAY if hi else None)  # each day with a case in range
    within = _where([*kept, *days])  # (each its own query: SQLite reads an end of the key)
    ((odd, first, last),) = store.query(  # (one round trip: it matters on a server)
        f"SELECT {_ODD}, (SELECT MIN(day) FROM case_tallies{within}), "
        f"(SELECT MAX(day) FROM case_tallies{within})",
        [*kept_params, *day_params] * 2,
    )
    if odd:
        return None  # a time not in the store's form: counted from the cases
    if first is None:
        return 0, Counter(), Counter(), Counter()
    start = _time(first + MIDNIGHT)
    end = _time(last + MIDNIGHT) + _DAY  # (the first moment after the last day)
    labels = _labels(max(start, lo) if lo else start, (min(end, hi) if hi else end) - _SECOND)
    parts = _Parts()
    lo, hi = lo or start, hi or end  # (no case is outside the days found)
    bounds = [lo, *(_time(month_start(label)) for label in labels[1:]), hi]
    direct = dataclasses.replace(where, since=None, until=None)
    for label, (a, b) in zip(labels, pairwise(bounds), strict=True):
        _count_span(parts, a, b, label, kept, kept_params, direct)
    _count_late(parts, lo, hi, rule, kept, kept_params, direct)
    return _summed(store, parts)


def _labels(first: datetime, last: datetime) -> list[str]:
    return month_labels(_local_month(first), _local_month(last))


def _local_month(moment: datetime) -> str:
    return moment.astimezone().strftime("%Y-%m")


def _where(conditions: list[str]) -> str:
    return " WHERE " + " AND ".join(conditions) if conditions else ""


def _kept(where: CaseFilter) -> tuple[list[str], list[object]]:
    """The filter's outcomes and status as conditions on the summary."""
    conditions: list[str] = []
    params: list[object] = []
    if where.outcomes:
        conditions.append(f"outcome IN ({', '.join('?' * len(where.outcomes))})")
        params += sorted(where.outcomes)
    if where.status == "open":
        conditions.append("closed = 0")
    elif where.status == "closed":
        conditions.append("closed <> 0")
    return conditions, params


def _days(a: datetime | None, b: datetime | None) -> tuple[list[str], list[object]]:
    conditions, params = [], []
    if a is not None:
        conditions.append("day >= ?")
        params.append(_text(a)[:10])
    if b is not None:
        conditions.append("day < ?")
        params.append(_text(b)[:10])
    return conditions, params


def _split(
    a: datetime | None, b: datetime | None
) -> tuple[datetime | None, datetime | None, list[tuple[datetime, datetime]], bool]:
    """The whole UTC days in [a, b) (from, to) and the pieces of days left over; False
    when there is no whole day."""
    pieces = []
    first = None
    if a is not None:
        first = _midnight(a)
        if a != first:
            first += _DAY
            if b is not None and b <= first:
                return None, None, [(a, b)], False
            pieces.append((a, first))
    last = None
    if b is not None:
        last = _midnight(b)
        if b != last:
            pieces.append((last, b))
    whole = first is None or last is None or first < last
    return first, last, pieces, whole


def _count_span(
    parts: _Parts,
    a: datetime,
    b: datetime,
    label: str,
    kept: list[str],
    kept_params: list[object],
    direct: CaseFilter,
) -> None:
    """The cases created in [a, b), per outcome, into ``label``."""
    first, last, pieces, whole = _split(a, b)
    spans = [(first, last)] if whole and first and last else []
    for x, y in pieces:
        if y - x <= _HALF_DAY:
            _add_cases(parts, direct, x, y, label)
            continue
        day = _midnight(x)  # most of a day: the day's tally less the rest of it
        spans.append((day, day + _DAY))
        if x > day:
            _add_cases(parts, direct, day, x, label, -1)
        if y < day + _DAY:
            _add_cases(parts, direct, y, day + _DAY, label, -1)
    for d1, d2 in joined(spans):
        for read in reads(d1, d2, READ_MONTHS):
            _add_kept(parts, read, kept, kept_params, label)


def _add_kept(
    parts: _Parts,
    read: Read,
    conditions: list[str],
    params: list[object],
    label: str | None,
    cutoff: str = "",
) -> None:
    """The summary's counts in ``read`` (at its level) that meet ``conditions``; with
    ``cutoff`` (a UTC day), only the cases due on a UTC month before its."""
    column, table, size = _LEVELS[read.level]
    conditions = [*conditions, f"{column} >= ?", f"{column} < ?"]
    params = [*params, _text(read.start)[:size], _text(read.end)[:size]]
    if cutoff:
        conditions.append("due < ?")
        params.append(cutoff[:size])
    parts.add(
        f"outcome, SUM(n) FROM {table}{_where(conditions)} GROUP BY outcome",
        params,
        label,
        read.sign,
    )


# a level: the column of the day (or month) a case was created, the table, its length
_LEVELS = {"days": ("day", "case_tallies", 10), "months": ("month", "case_tallies_months", 7)}


def _add_cases(
    parts: _Parts,
    where: CaseFilter,
    a: datetime,
    b: datetime,
    label: str | None,
    sign: int = 1,
    extra: str = "",
    extra_params: tuple[object, ...] = (),
) -> None:
    clause, params = where.sql()
    conditions = [clause[len(" WHERE ") :]] if clause else []
    conditions += ["c.created_at >= ?", "c.created_at < ?"]
    if extra:
        conditions.append(extra)
    parts.add(
        f"c.outcome, COUNT(*) FROM cases c{_where(conditions)} GROUP BY c.outcome",
        [*params, _text(a), _text(b), *extra_params],
        label,
        sign,
    )


def _count_late(
    parts: _Parts,
    lo: datetime | None,
    hi: datetime | None,
    rule: Overdue,
    kept: list[str],
    kept_params: list[object],
    direct: CaseFilter,
) -> None:
    """The cases created in [lo, hi) overdue by ``rule``, per outcome: from the summary
    those due on an earlier UTC day than now, from the cases those due today and those
    created in the pieces of days at either end."""
    late = dataclasses.replace(direct, overdue=rule)
    first, last, pieces, whole = _split(lo, hi)
    for x, y in pieces:
        _add_cases(parts, late, x, y, None)
    if not whole or first is None or last is None:
        return
    today = _text(rule.now.astimezone(UTC))[:10]
    month_begun = today[:8] + "01"
    met = []
    met_params: list[object] = []
    fields: dict[str, list[str]] = {}
    for outcome, name in rule.met_by:
        fields.setdefault(name, []).append(outcome)
    for name, outcomes in sorted(fields.items()):
        bit = 1 << FOLLOW_UPS.index(name)
        met.append(f"(outcome IN ({', '.join('?' * len(outcomes))}) AND (met & {bit}) <> 0)")
        met_params += sorted(outcomes)
    conditions = [*kept, "closed <> 1", "due > ''"]
    params = [*kept_params]
    if met:
        conditions.append(f"NOT ({' OR '.join(met)})")
        params += met_params
    # due on an earlier UTC month: at the level each read is at
    for read in reads(first, last, READ_MONTHS):
        _add_kept(parts, read, conditions, params, None, month_begun)
    # due on an earlier day of this month: from the day level
    this_month = [*conditions, "due >= ?", "due < ?"]
    this_params = [*params, month_begun, today]
    _add_kept(parts, Read("days", first, last), this_month, this_params, None)
    # due today: from the cases, by their due time (the index on it), created in the days
    clause, late_params = late.sql()
    due_today = [clause[len(" WHERE ") :], "c.due_at >= ?"]
    created = []
    for bound, compare in ((first, ">="), (last, "<")):
        if bound is not None:
            due_today.append(f"substr(c.created_at, 1, 10) {compare} ?")
            created.append(_text(bound)[:10])
    parts.add(
        f"c.outcome, COUNT(*) FROM cases c{_where(due_today)} GROUP BY c.outcome",
        [*late_params, today, *created],
        None,
    )


_MOST_PARTS = 100  # parts in one statement (SQLite allows 500 in a compound SELECT)


def _summed(store: Store, parts: _Parts) -> Tallies:
    """The parts' counts added up: the total, per outcome, per month, and the overdue."""
    found: dict[str | None, Counter[str]] = {}
    per_outcome: Counter[str] = Counter()
    for start in range(0, len(parts.sql), _MOST_PARTS):
        chunk = slice(start, start + _MOST_PARTS)
        params = [p for part in parts.params[chunk] for p in part]
        for part, outcome, n in store.query(" UNION ALL ".join(parts.sql[chunk]), params):
            label, sign = parts.into[part]
            found.setdefault(label, Counter())[outcome] += sign * int(n)
            if label is not None:
                per_outcome[outcome] += sign * int(n)
    late = found.pop(None, Counter())
    months = Counter({label: sum(c.values()) for label, c in found.items()})
    return (
        sum(per_outcome.values()),
        +per_outcome,  # (only what is above zero, as a GROUP BY gives)
        +months,
        +late,
    )
