"""The statistics' summary by month (schema 14): the second level of ``case_tallies``
(records/tallies.py), so that ``records stats`` reads a few rows a month instead of a few
a day. No UI.

``case_tallies_months`` holds the day level's counts added up per UTC month: the same
columns and meanings, with ``month`` (``YYYY-MM``) for ``day`` and the due month for the
due day (``due``: ``YYYY-MM``, or ``''``). It has a row per month and kind of case (at the
benchmark's logs about 380 rows at 10,000 cases and at 100,000 alike), where the day level
grows with the days. The same triggers keep both levels in the statement that writes a
case: on SQLite three of its own, which migration 14 makes anew in place of schema 11's;
on PostgreSQL schema 11's function, replaced, which still runs as its owner with the
log's schema and then ``pg_temp`` as its search path, and takes the rows it changes in
one order (the day level's before the month level's, the lower of two first in each) so
that two writers never wait for each other in a circle. Migration 14 fills it from the
cases.
"""

from __future__ import annotations

from .tallies import _PG_TYPES, KEY, PG_SEARCH_PATH, added, keys, sqlite_triggers

TABLE = "case_tallies_months"
MONTH_KEY = ("month", *KEY[1:])
_COLUMNS = ", ".join(MONTH_KEY)


def month_keys(day_keys: list[str]) -> list[str]:
    """The month level's key from the day level's expressions (in ``KEY``'s order)."""
    day, outcome, closed, due, met = day_keys
    return [f"substr({day}, 1, 7)", outcome, closed, f"substr({due}, 1, 7)", met]


def rebuilt_months(dialect: str) -> str:
    """The month level as counted from the cases (the migration's fill, and the check)."""
    named = ", ".join(
        f"{e} AS {k}" for e, k in zip(month_keys(keys(dialect)), MONTH_KEY, strict=True)
    )
    return (
        f"SELECT {_COLUMNS}, COUNT(*) AS n FROM (SELECT {named} FROM cases) AS keyed "
        f"GROUP BY {_COLUMNS}"
    )


def _table(suffix: str) -> str:
    return (
        f"CREATE TABLE {TABLE} (month TEXT NOT NULL, outcome TEXT NOT NULL, "
        "closed INTEGER NOT NULL, due TEXT NOT NULL, met INTEGER NOT NULL, "
        f"n INTEGER NOT NULL, PRIMARY KEY ({_COLUMNS})){suffix}"
    )


def _both(dialect: str, values: list[str], delta: str) -> list[str]:
    """``delta`` added to a case's row at either level (its key at the day level)."""
    return [
        *added(dialect, values, delta),
        *added(dialect, month_keys(values), delta, TABLE, MONTH_KEY),
    ]


def _sqlite_triggers() -> list[str]:
    """Schema 11's triggers dropped, and made anew to keep both levels."""
    return [
        *(f"DROP TRIGGER case_tallies_{name}" for name in ("insert", "delete", "update")),
        *sqlite_triggers(lambda values, delta: _both("sqlite", values, delta)),
    ]


def _pg_function() -> str:
    """Schema 11's function, keeping both levels: for each level whose key a change moves,
    the lower of the two rows first (the day level's, then the month level's)."""
    names = {
        level: ([f"{level}o{n}" for n in range(5)], [f"{level}n{n}" for n in range(5)])
        for level in ("d", "m")
    }
    declared = " ".join(
        f"{v} {_PG_TYPES[n]};" for pair in names.values() for row in pair for n, v in enumerate(row)
    )
    steps = {"d": (KEY, "case_tallies"), "m": (MONTH_KEY, TABLE)}

    def add(level: str, which: int, delta: str) -> str:
        key, table = steps[level]
        return " ".join(
            f"{s};" for s in added("postgresql", names[level][which], delta, table, key)
        )

    def moved(level: str) -> str:
        old, new = (", ".join(v) for v in names[level])
        return (
            f"IF ({old}) IS DISTINCT FROM ({new}) THEN "
            f"IF ({new}) < ({old}) THEN {add(level, 1, '1')} {add(level, 0, '-1')} "
            f"ELSE {add(level, 0, '-1')} {add(level, 1, '1')} END IF; END IF; "
        )

    def selected(row: str, which: int) -> str:
        day, month = names["d"][which], names["m"][which]
        return (
            f"SELECT {', '.join(keys('postgresql', row))} INTO {', '.join(day)}; "
            f"SELECT {', '.join(month_keys(day))} INTO {', '.join(month)};"
        )

    return (
        "CREATE OR REPLACE FUNCTION case_tallies_kept() RETURNS trigger LANGUAGE plpgsql "
        "SECURITY DEFINER SET search_path FROM CURRENT AS $$ "
        f"DECLARE {declared} BEGIN "
        f"IF TG_OP <> 'INSERT' THEN {selected('OLD.', 0)} END IF; "
        f"IF TG_OP <> 'DELETE' THEN {selected('NEW.', 1)} END IF; "
        f"IF TG_OP = 'UPDATE' THEN {moved('d')}{moved('m')}RETURN NULL; END IF; "
        f"IF TG_OP = 'INSERT' THEN {add('d', 1, '1')} {add('m', 1, '1')} "
        f"ELSE {add('d', 0, '-1')} {add('m', 0, '-1')} END IF; "
        "RETURN NULL; END $$"
    )


_FILL = f"INSERT INTO {TABLE} ({_COLUMNS}, n) {{}}"

SQLITE_MIGRATION = [  # as many statements as PG_MIGRATION (the store pairs them)
    _table(" WITHOUT ROWID"),
    *_sqlite_triggers(),
    _FILL.format(rebuilt_months("sqlite")),
]
PG_MIGRATION = [
    _table(""),
    PG_SEARCH_PATH,  # (the function keeps it: FROM CURRENT)
    _pg_function(),
    *([""] * (len(SQLITE_MIGRATION) - 4)),  # (the triggers stay: they call the function)
    _FILL.format(rebuilt_months("postgresql")),
]
