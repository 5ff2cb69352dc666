"""The case log on a PostgreSQL server: the connection, its errors, the catalogue.

Imported only for a ``postgresql://`` location (``store._open_server`` does that), so
psycopg is loaded by nothing else. The SQL itself is the store's: ``PgConnection`` takes
the same statements as an ``sqlite3.Connection`` (``?`` placeholders, rows read by index
or by name), so the store, the channel register and the accounts run their own SQL on
either backend.

psycopg 3 directly, not SQLAlchemy Core: the store's SQL is already plain SQL both servers
speak (the upsert and ``RETURNING`` included), so what a toolkit would add is a second
way to write it and a heavier start; psycopg is one well-kept library whose errors carry
the server's SQLSTATE, which is what the messages below are made from.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from contextlib import contextmanager, suppress
from functools import lru_cache
from typing import Any

import psycopg
from psycopg import errors as pg_errors
from psycopg.rows import RowMaker

from ..messages import Text
from .errors import StoreError
from .location import scrub, shown

# Every statement planned for its own parameters. psycopg prepares a statement on the
# server once a connection has run it five times, and the server may then plan it once
# for any parameters (a generic plan): a search's plan for any text, which knows neither
# how many cases hold it nor which index serves it. On a connection kept open (the web
# app's, one per thread) a search then took 3-5x as long: at 100,000 cases the overdue
# first page of `e` 400 ms where its own plan takes 80 ms (docs/performance.md).
CUSTOM_PLANS = "-c plan_cache_mode=force_custom_plan"
CONNECT_TIMEOUT = 10  # seconds, unless the URL says otherwise: a server that is away
MIGRATION_LOCK = 0x676B5F726573  # pg_advisory_xact_lock key: one migrating process at a time


# the catalogue's relations that information_schema calls tables, in the current schema
_IN_SCHEMA = (
    "c.relnamespace = (SELECT oid FROM pg_catalog.pg_namespace WHERE nspname = current_schema()) "
    "AND c.relkind IN ('r', 'v', 'f', 'p')"
)


class Row(tuple):
    """A row read by index or by column name, as ``sqlite3.Row``."""

    names: dict[str, int]

    def __getitem__(self, key: Any) -> Any:  # type: ignore[override]
        if isinstance(key, str):
            return tuple.__getitem__(self, self.names[key])
        return tuple.__getitem__(self, key)

    def keys(self) -> list[str]:
        return list(self.names)


def _rows(cursor: psycopg.Cursor[Any]) -> RowMaker[Row]:
    names = {column.name: n for n, column in enumerate(cursor.description or ())}
    kind = type("Row", (Row,), {"names": names, "__slots__": ()})
    return kind  # type: ignore[return-value]


_PIECES = re.compile(r"'(?:[^']|'')*'|\"(?:[^\"]|\"\")*\"|\?|%")


@lru_cache(maxsize=256)
def placeholders(sql: str) -> str:
    """``sql`` with sqlite's ``?`` as psycopg's ``%s`` (and a literal ``%`` doubled),
    leaving quoted text and names as they are."""

    def replace(found: re.Match[str]) -> str:
        piece = found.group()
        return {"?": "%s", "%": "%%"}.get(piece, piece)

    return _PIECES.sub(replace, sql)


class PgConnection:
    """One connection to the server, in autocommit mode (transactions are explicit, as on
    SQLite), whose every error is a StoreError naming the database, never its password."""

    def __init__(self, url: str) -> None:
        self.url, self.where = url, shown(url)
        self.in_transaction = False
        self._folds: bool | None = None
        with self.errors(connecting=True):
            given = psycopg.conninfo.conninfo_to_dict(url)
            extra = {} if "connect_timeout" in given else {"connect_timeout": CONNECT_TIMEOUT}
            # this keyword replaces the URL's options: they follow, and a setting there wins
            extra["options"] = f"{CUSTOM_PLANS} {given.get('options') or ''}".strip()
            self._conn = psycopg.connect(url, autocommit=True, row_factory=_rows, **extra)
        self.host = self._conn.info.host
        self.database = self._conn.info.dbname

    def execute(self, sql: str, params: Sequence[object] = ()) -> psycopg.Cursor[Row]:
        self._refuse_nul(params)
        with self.errors():
            if params:
                return self._conn.execute(placeholders(sql), tuple(params))
            return self._conn.execute(sql)

    def executemany(self, sql: str, rows: Sequence[Sequence[object]]) -> None:
        """``sql`` once for each of ``rows``, sent together (psycopg's pipeline)."""
        for params in rows:
            self._refuse_nul(params)
        with self.errors(), self._conn.cursor() as cursor:
            cursor.executemany(placeholders(sql), [tuple(p) for p in rows])

    @contextmanager
    def transaction(self) -> Iterator[PgConnection]:
        """One transaction: committed at the end, rolled back by any exception."""
        self.execute("BEGIN")
        self.in_transaction = True
        try:
            yield self
        except BaseException:
            with suppress(psycopg.Error):  # the first error is the one to report
                self._conn.execute("ROLLBACK")
            raise
        finally:
            self.in_transaction = False
        with self.errors(committing=True):
            self._conn.execute("COMMIT")

    def _refuse_nul(self, params: Sequence[object]) -> None:
        if any(isinstance(p, str) and "\x00" in p for p in params):
            raise StoreError(Text("pg_nul", where=self.where))

    def close(self) -> None:
        with suppress(psycopg.Error):
            self._conn.close()

    def table_names(self) -> set[str]:
        """The tables (and views) of the current schema the user may use: what
        ``information_schema.tables`` lists, read from the catalogue itself (several times
        quicker on a new connection, which every command opens). Refused (StoreError,
        naming them) if the log's own tables, those the owner of its ``gk_respond_meta``
        made, include one the user may not read, or if no schema on the search path may be
        used: a staff role missing a grant, which would otherwise look like a damaged log,
        or like none."""
        rows = self.execute(
            "SELECT c.relname, (pg_has_role(c.relowner, 'USAGE') OR has_table_privilege(c.oid, "
            "'SELECT, INSERT, UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER') OR "
            "has_any_column_privilege(c.oid, 'SELECT, INSERT, UPDATE, REFERENCES')), "
            "has_table_privilege(c.oid, 'SELECT'), c.relowner = (SELECT m.relowner FROM "
            "pg_catalog.pg_class m WHERE m.relnamespace = c.relnamespace AND m.relname = "
            f"'gk_respond_meta'), current_schema() FROM pg_catalog.pg_class c WHERE {_IN_SCHEMA}"
        ).fetchall()
        unreadable = sorted(name for name, _, readable, ours, _ in rows if ours and not readable)
        if unreadable:
            tables, schema = ", ".join(unreadable), rows[0][4]
            raise StoreError(Text("pg_tables_not_granted", where=self.where, tables=tables,
                                  schema=schema, user=self._conn.info.user))  # fmt: skip
        if not rows:
            self._refuse_unusable_schema()
        return {name for name, usable, *_ in rows if usable}

    def _refuse_unusable_schema(self) -> None:
        """StoreError if the search path names no schema the user may use but one it may
        not (no ``USAGE``): the log may be there, out of the user's sight."""
        (current,) = self.execute("SELECT current_schema()").fetchone()
        if current is not None:
            return
        rows = self.execute(
            "SELECT n.nspname FROM pg_catalog.pg_namespace n WHERE n.nspname = "
            "ANY(string_to_array(replace(current_setting('search_path'), ' ', ''), ',')) "
            "AND NOT has_schema_privilege(n.oid, 'USAGE') ORDER BY n.nspname"
        ).fetchall()
        if rows:
            schemas = ", ".join(row[0] for row in rows)
            raise StoreError(Text("pg_schema_not_granted", where=self.where, schema=schemas,
                                  user=self._conn.info.user))  # fmt: skip

    def columns_of(self, tables: list[str]) -> dict[str, set[str]]:
        """The columns of each of ``tables`` (those that have any) the user may use, in
        one statement: what ``information_schema.columns`` lists, from the catalogue."""
        rows = self.execute(
            "SELECT c.relname, a.attname FROM pg_catalog.pg_attribute a "
            f"JOIN pg_catalog.pg_class c ON c.oid = a.attrelid WHERE {_IN_SCHEMA} "
            "AND c.relname = ANY(?) AND a.attnum > 0 AND NOT a.attisdropped AND "
            "(pg_has_role(c.relowner, 'USAGE') OR "
            "has_column_privilege(c.oid, a.attnum, 'SELECT, INSERT, UPDATE, REFERENCES'))",
            (tables,),
        )
        found: dict[str, set[str]] = {}
        for table, column in rows:
            found.setdefault(table, set()).add(column)
        return found

    def folds_letters(self) -> bool:
        """Whether the server's lower() folds Å, Ä, Ö (a UTF-8 database whose character
        type is not C): then a search can be narrowed down by the server."""
        if self._folds is None:
            (lowered,) = self.execute("SELECT lower('ÅÄÖÉ')").fetchone()
            self._folds = lowered == "åäöé"
        return self._folds

    def lock_schema(self) -> None:
        """Within a transaction: wait until no other process is migrating this database."""
        self.execute("SELECT pg_advisory_xact_lock(?)", (MIGRATION_LOCK,))

    @contextmanager
    def errors(self, *, connecting: bool = False, committing: bool = False) -> Iterator[None]:
        try:
            yield
        except psycopg.Error as error:
            raise self.explain(error, connecting=connecting, committing=committing) from None

    def explain(
        self, error: psycopg.Error, *, connecting: bool = False, committing: bool = False
    ) -> StoreError:
        """What the server's or the driver's error means for the user: one line naming the
        database, with every password the URL leads to hidden."""
        detail = scrub(str(error).strip().splitlines()[0] if str(error).strip() else "", self.url)
        text = detail.lower()
        state = getattr(error, "sqlstate", None) or ""
        where = self.where
        if connecting or (isinstance(error, psycopg.OperationalError) and not state):
            if state == "28P01" or "password authentication failed" in text:
                return StoreError(Text("pg_password_refused", where=where))
            if "no password supplied" in text or "password is required" in text:
                return StoreError(Text("pg_password_needed", where=where))
            if state == "3D000" or ("database" in text and "does not exist" in text):
                return StoreError(Text("pg_no_database", where=where))
            if state in ("28000", "42501") or ("role" in text and "does not exist" in text):
                return StoreError(Text("pg_user_refused", where=where, detail=detail))
        if isinstance(error, psycopg.OperationalError | psycopg.InterfaceError) and (
            connecting or state.startswith(("08", "57P")) or not state
        ):
            if connecting:
                return StoreError(Text("store_unreachable", where=where, detail=detail))
            if committing:
                return StoreError(Text("pg_lost_committing", where=where, detail=detail))
            return StoreError(Text("pg_lost", where=where, detail=detail))
        if isinstance(error, pg_errors.InsufficientPrivilege):
            return StoreError(Text("pg_not_allowed", where=where, detail=detail))
        if isinstance(error, pg_errors.ReadOnlySqlTransaction):
            return StoreError(Text("pg_read_only", where=where))
        if isinstance(error, psycopg.ProgrammingError) and connecting:
            return StoreError(Text("pg_bad_address", where=where, detail=detail))
        return StoreError(Text("pg_refused", where=where, detail=detail))
