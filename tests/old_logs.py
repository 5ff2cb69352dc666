"""An SQLite case log taken back to an older schema, as the release with that schema would
have left it: built from ``MIGRATIONS[1..version]`` (so a later migration never breaks the
tests that use it), with every row of the newer log copied over in the columns that schema
had. A test saves cases with today's store, then calls ``downgrade``."""

from __future__ import annotations

import os
import sqlite3

from gk_respond.records.search_index import PAIRS_MIGRATION as PAIRS
from gk_respond.records.search_index import SQLITE_MIGRATION as SEARCH_INDEX
from gk_respond.records.search_pairs import interleaved
from gk_respond.records.store import MIGRATIONS, _fold


def build(path: str, version: int) -> None:
    """A new, empty case log at ``path`` with schema ``version``."""
    with sqlite3.connect(path) as db:
        db.create_function("gk_fold", 1, _fold, deterministic=True)  # migration 10's
        db.create_function("gk_pairs", -1, interleaved, deterministic=True)  # 13's
        db.execute("CREATE TABLE gk_respond_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)")
        for step in range(1, version + 1):
            for statement in MIGRATIONS[step]:
                db.execute(getattr(statement, "sqlite", statement))
        db.execute("INSERT INTO gk_respond_meta VALUES ('schema', ?)", (str(version),))
    db.close()


def _columns(db: sqlite3.Connection, table: str, schema: str = "main") -> list[str]:
    return [row[1] for row in db.execute(f"PRAGMA {schema}.table_info({table})")]


def downgrade(path: str | os.PathLike[str], version: int) -> None:
    """The log at ``path`` as schema ``version``: its rows kept, newer tables and columns
    gone (the file keeps its permissions)."""
    path = str(path)
    older = f"{path}.older"
    build(older, version)
    db = sqlite3.connect(older, isolation_level=None)
    try:
        db.execute("ATTACH DATABASE ? AS newer", (path,))
        tables = [
            row[0]
            for row in db.execute("SELECT name FROM main.sqlite_master WHERE type = 'table'")
            # the search index is made anew below, and schema 11's and 14's triggers count
            # the cases copied into the statistics' summary (days and months)
            if row[0] != "gk_respond_meta"
            and not row[0].startswith(("case_search", "case_tallies"))
        ]
        db.execute("BEGIN")
        for table in tables:
            kept = set(_columns(db, table, "newer"))
            names = ", ".join(c for c in _columns(db, table) if c in kept)
            if names:
                db.execute(f"INSERT INTO main.{table} ({names}) SELECT {names} FROM newer.{table}")
        if version >= 10:  # the search index (schema 10), made anew for the cases copied
            db.create_function("gk_fold", 1, _fold, deterministic=True)
            db.execute("DELETE FROM main.case_search")
            db.execute(
                SEARCH_INDEX[1]
                .replace("INSERT INTO case_search", "INSERT INTO main.case_search")
                .replace("FROM cases", "FROM main.cases")
            )
        if version >= 13:  # and the short searches' index (schema 13), from it
            db.create_function("gk_pairs", -1, interleaved, deterministic=True)
            db.execute(
                PAIRS[1][0]
                .replace("INTO case_search_pairs", "INTO main.case_search_pairs")
                .replace("FROM case_search_content", "FROM main.case_search_content")
            )
        db.execute("COMMIT")
        db.execute("DETACH DATABASE newer")
    finally:
        db.close()
    os.chmod(older, os.stat(path).st_mode & 0o777)
    for companion in ("-wal", "-shm"):
        if os.path.exists(path + companion):
            os.remove(path + companion)
    os.replace(older, path)


def old_log_with(location: str, version: int, cases: list) -> None:
    """A case log at ``location`` (a file or a PostgreSQL URL) with schema ``version``
    holding ``cases``, as the release with that schema would have written them."""
    from gk_respond.records.store import Store, insert_cases

    if not location.startswith("postgresql://"):
        with Store(location) as store, store.transaction() as db:
            insert_cases(db, cases)
        downgrade(location, version)
        return
    import psycopg

    from gk_respond.records.postgres import PgConnection

    with psycopg.connect(location, autocommit=True) as db:
        db.execute("CREATE TABLE gk_respond_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)")
        for step in range(1, version + 1):
            for statement in MIGRATIONS[step]:
                if sql := getattr(statement, "postgresql", statement):  # ("": SQLite's only)
                    db.execute(sql)
        db.execute("INSERT INTO gk_respond_meta VALUES ('schema', %s)", (str(version),))
    old = PgConnection(location)
    with old.transaction() as db:
        insert_cases(db, cases)
    old.close()
