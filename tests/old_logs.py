"""An SQLite case log taken back to an older schema, as the release with that schema would
have left it: built from ``MIGRATIONS[1..version]`` (so a later migration never breaks the
tests that use it), with every row of the newer log copied over in the columns that schema
had. A test saves cases with today's store, then calls ``downgrade``."""

from __future__ import annotations

import os
import sqlite3

from gk_respond.records.search_index import SQLITE_MIGRATION
from gk_respond.records.store import MIGRATIONS, _fold

_INDEX = "case_search"  # schema 10's search index: built again from the cases, not copied


def build(path: str, version: int) -> None:
    """A new, empty case log at ``path`` with schema ``version``."""
    with sqlite3.connect(path) as db:
        db.create_function("gk_fold", 1, _fold, deterministic=True)
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
            if row[0] != "gk_respond_meta" and not row[0].startswith(_INDEX)
        ]
        db.execute("BEGIN")
        for table in tables:
            kept = set(_columns(db, table, "newer"))
            names = ", ".join(c for c in _columns(db, table) if c in kept)
            if names:
                db.execute(f"INSERT INTO main.{table} ({names}) SELECT {names} FROM newer.{table}")
        if version >= 10:
            db.create_function("gk_fold", 1, _fold, deterministic=True)
            db.execute(SQLITE_MIGRATION[1])  # the index of the cases copied
        db.execute("COMMIT")
        db.execute("DETACH DATABASE newer")
    finally:
        db.close()
    os.chmod(older, os.stat(path).st_mode & 0o777)
    for companion in ("-wal", "-shm"):
        if os.path.exists(path + companion):
            os.remove(path + companion)
    os.replace(older, path)
