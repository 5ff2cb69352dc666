"""Whether an export's snapshot (records/snapshot.py) is still held on a case log, asked the
way an operator could: on SQLite, whether a passive checkpoint is held back by a reader
that still sees older pages; on PostgreSQL, whether a session of the export's name is in a
transaction holding this log's tables (its schema's: other tests, on other workers, export
from logs of their own on the same server). Both are answered at once, without waiting."""

from __future__ import annotations

import sqlite3

from gk_respond.records.snapshot import PG_APPLICATION
from gk_respond.records.store import Case, Store


def a_case(text: str = "sparad under exporten") -> Case:
    return Case(
        handler="Dana",
        lang="sv",
        flowchart_version="2026.3",
        flowchart_sha256="f" * 64,
        comment_text=text,
        comment_sha256="0" * 64,
        outcome="leave",
        path=[("prohibited", "nej")],
    )


def snapshot_held(location: str) -> bool:
    """Whether an export still holds a snapshot of the log at ``location``. Saves a case
    first (through a store of its own), so that a reader holding an older snapshot holds
    back the SQLite checkpoint."""
    with Store(location) as writer:
        writer.save(a_case("sparad för att se om en läsare hålls kvar"))
    if location.startswith("postgresql://"):
        import psycopg

        with psycopg.connect(location, autocommit=True) as admin:
            ((held,),) = admin.execute(
                "SELECT count(DISTINCT a.pid) FROM pg_stat_activity a "
                "JOIN pg_locks l ON l.pid = a.pid AND l.database = a.datid "
                "JOIN pg_class c ON c.oid = l.relation "
                "WHERE a.application_name = %s AND a.state <> 'idle' "
                "AND a.datname = current_database() "
                "AND c.relnamespace = to_regnamespace(current_schema())",
                (PG_APPLICATION,),
            ).fetchall()
        return held > 0
    checker = sqlite3.connect(location)
    try:
        ((_, log, done),) = checker.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchall()
    finally:
        checker.close()
    return done < log
