"""The case log: every saved triage, in one SQLite file that needs no setup. No UI.

All SQL here is plain enough for PostgreSQL too (the shared case log that will follow):
text and integer columns, a composite primary key instead of autoincrement, timestamps as
ISO 8601 text in UTC. Every write is one transaction, and a save returns only after its
commit, so a case number handed back to the user is on disk.
"""

from __future__ import annotations

import json
import os
import sqlite3
from collections.abc import Callable, Iterator, Sequence
from contextlib import AbstractContextManager, contextmanager
from dataclasses import dataclass, field, fields
from datetime import UTC, date, datetime, time, timedelta

SCHEMA_VERSION = 2
_SQLITE_HEADER = b"SQLite format 3\x00"

# Each migration takes the schema from version N-1 to N; never edit one that has shipped.
MIGRATIONS: dict[int, list[str]] = {
    1: [
        """CREATE TABLE cases (
            year INTEGER NOT NULL,
            seq INTEGER NOT NULL,
            number TEXT NOT NULL UNIQUE,
            created_at TEXT NOT NULL,
            handler TEXT NOT NULL,
            lang TEXT NOT NULL,
            flowchart_version TEXT NOT NULL,
            flowchart_sha256 TEXT NOT NULL,
            comment_text TEXT NOT NULL,
            comment_sha256 TEXT NOT NULL,
            platform TEXT NOT NULL,
            url TEXT NOT NULL,
            author TEXT NOT NULL,
            found TEXT NOT NULL,
            outcome TEXT NOT NULL,
            path_json TEXT NOT NULL,
            history_json TEXT NOT NULL,
            ticked_json TEXT NOT NULL,
            notes TEXT NOT NULL,
            removed_at TEXT,
            copy_kept TEXT,
            diarium_number TEXT,
            forwarded_to TEXT,
            closed_at TEXT,
            PRIMARY KEY (year, seq)
        )""",
        "CREATE INDEX cases_created ON cases (created_at)",
        "CREATE INDEX cases_outcome ON cases (outcome)",
    ],
    # The channel register (policy, Bilaga 1): one row per channel, the channel as JSON.
    2: [
        """CREATE TABLE channels (
            id TEXT PRIMARY KEY,
            url TEXT NOT NULL,
            channel_json TEXT NOT NULL
        )""",
    ],
}


class StoreError(Exception):
    """A case log that cannot be used; the message says why, and the file is left alone."""


@dataclass
class Case:
    """One saved triage. ``path`` is the answers as (question, answer) pairs."""

    handler: str
    lang: str
    flowchart_version: str
    flowchart_sha256: str
    comment_text: str
    comment_sha256: str
    outcome: str
    path: list[tuple[str, str]]
    platform: str = ""
    url: str = ""
    author: str = ""
    found: str = ""
    history: list[dict[str, str]] = field(default_factory=list)  # answers changed, with time
    ticked: list[int] = field(default_factory=list)
    notes: str = ""
    removed_at: str | None = None
    copy_kept: str | None = None
    diarium_number: str | None = None
    forwarded_to: str | None = None
    closed_at: str | None = None
    number: str = ""  # given by the store on save
    created_at: str = ""  # UTC, ISO 8601; given by the store on save

    @property
    def status(self) -> str:
        return "closed" if self.closed_at else "open"


STATUSES = ("open", "closed")

# The fields a text search looks in.
_SEARCHED = (
    "number", "comment_text", "author", "url", "platform", "handler", "notes", "found",
    "diarium_number", "forwarded_to", "copy_kept",
)  # fmt: skip


@dataclass(frozen=True)
class CaseFilter:
    """Which cases to list: every condition given must hold. Dates are local calendar days,
    both ends included; ``text`` is searched in the comment, author, URL, notes and the
    other free-text fields, ignoring case."""

    outcomes: frozenset[str] = frozenset()
    status: str | None = None  # "open" or "closed"
    since: date | None = None
    until: date | None = None
    text: str = ""

    def sql(self) -> tuple[str, list[object]]:
        """The conditions SQL can decide, as a WHERE clause (or "") and its parameters."""
        where: list[str] = []
        params: list[object] = []
        if self.outcomes:
            where.append(f"outcome IN ({', '.join('?' * len(self.outcomes))})")
            params += sorted(self.outcomes)
        if self.status == "open":
            where.append("closed_at IS NULL")
        elif self.status == "closed":
            where.append("closed_at IS NOT NULL")
        if self.since:
            where.append("created_at >= ?")
            params.append(_utc_bound(self.since))
        if self.until:
            where.append("created_at < ?")
            params.append(_utc_bound(self.until + timedelta(days=1)))
        return (" WHERE " + " AND ".join(where) if where else ""), params

    def matches_text(self, case: Case) -> bool:
        """The text search, done here rather than in SQL: SQLite's LOWER knows no å, ä, ö."""
        if not self.text:
            return True
        needle = self.text.casefold()
        return any(needle in (getattr(case, name) or "").casefold() for name in _SEARCHED)


def _utc_bound(day: date) -> str:
    """The start of a local calendar day, as a stored (UTC) time."""
    local = datetime.combine(day, time()).astimezone()
    return local.astimezone(UTC).isoformat(timespec="seconds")


def utc_now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


# Case fields kept as JSON text, and the columns that hold them.
_JSON = {"path": "path_json", "history": "history_json", "ticked": "ticked_json"}


def _row(case: Case) -> dict[str, object]:
    """The case as columns: every field of Case, lists as JSON."""
    row: dict[str, object] = {}
    for name in (f.name for f in fields(Case)):
        value = getattr(case, name)
        if name in _JSON:
            row[_JSON[name]] = json.dumps(value, ensure_ascii=False)
        else:
            row[name] = value
    return row


def _case(row: sqlite3.Row) -> Case:
    values = {
        name: json.loads(row[_JSON[name]]) if name in _JSON else row[name]
        for name in (f.name for f in fields(Case))
    }
    values["path"] = [tuple(pair) for pair in values["path"]]
    return Case(**values)


class Store:
    """The case log in one SQLite file."""

    def __init__(self, path: str) -> None:
        self.path = path
        self._db = _open(path)

    def close(self) -> None:
        self._db.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def save(self, case: Case, now: datetime | None = None) -> Case:
        """Store a new case; return it with its number and time, after the commit."""
        moment = (now or datetime.now(UTC)).astimezone(UTC)
        with _transaction(self._db) as db:
            year = moment.year
            (last,) = db.execute(
                "SELECT COALESCE(MAX(seq), 0) FROM cases WHERE year = ?", (year,)
            ).fetchone()
            case.number = f"{year}-{last + 1:04d}"
            case.created_at = moment.isoformat(timespec="seconds")
            row = _row(case)
            names = ", ".join(["year", "seq", *row])
            marks = ", ".join("?" * (len(row) + 2))
            db.execute(
                f"INSERT INTO cases ({names}) VALUES ({marks})", (year, last + 1, *row.values())
            )
        return case

    def get(self, number: str) -> Case | None:
        row = self._db.execute("SELECT * FROM cases WHERE number = ?", (number,)).fetchone()
        return _case(row) if row else None

    def cases(self, where: CaseFilter | None = None) -> list[Case]:
        """The cases that match ``where`` (every case without it), newest first."""
        where = where or CaseFilter()
        clause, params = where.sql()
        rows = self._db.execute(f"SELECT * FROM cases{clause} ORDER BY year DESC, seq DESC", params)
        return [case for case in map(_case, rows) if where.matches_text(case)]

    def update(self, number: str, change: Callable[[Case], None]) -> Case | None:
        """Apply ``change`` to a case and store the result, in one transaction; the case as
        stored after the commit, or None when there is no such case. An exception raised by
        ``change`` leaves the case as it was."""
        with _transaction(self._db) as db:
            row = db.execute("SELECT * FROM cases WHERE number = ?", (number,)).fetchone()
            if row is None:
                return None
            case = _case(row)
            change(case)
            case.number, case.created_at = row["number"], row["created_at"]  # never change
            values = _row(case)
            assignments = ", ".join(f"{name} = ?" for name in values)
            db.execute(
                f"UPDATE cases SET {assignments} WHERE number = ?", (*values.values(), number)
            )
        return case

    def transaction(self) -> AbstractContextManager[sqlite3.Connection]:
        """One write transaction on the file, for other tables kept in it (the channel
        register): ``with store.transaction() as db: db.execute(...)``."""
        return _transaction(self._db)

    def query(self, sql: str, params: Sequence[object] = ()) -> list[sqlite3.Row]:
        """The rows a read-only statement gives, outside any transaction."""
        return self._db.execute(sql, params).fetchall()


def _open(path: str) -> sqlite3.Connection:
    """Open or create the case log; refuse (StoreError) anything that is not ours."""
    exists = os.path.exists(path)
    if exists:
        _check_header(path)
    else:
        folder = os.path.dirname(os.path.abspath(path))
        try:
            os.makedirs(folder, exist_ok=True)
            # created readable by its owner only, before SQLite writes a byte into it
            os.close(os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600))
        except FileExistsError:
            pass  # another process created it a moment ago
        except OSError as error:
            raise StoreError(f"{path}: cannot create the case log: {error.strerror}") from None
    try:
        db = sqlite3.connect(path, timeout=30, isolation_level=None)
        db.row_factory = sqlite3.Row
        db.execute("PRAGMA busy_timeout = 30000")
        _migrate(db, path)  # first: refuses a file that is not ours before anything is written
        db.execute("PRAGMA journal_mode = WAL")  # readers never block the writer
        db.execute("PRAGMA synchronous = FULL")  # a committed case survives a power cut
    except sqlite3.DatabaseError as error:
        raise StoreError(f"{path}: not a usable case log ({error})") from None
    return db


def _check_header(path: str) -> None:
    try:
        with open(path, "rb") as handle:
            header = handle.read(len(_SQLITE_HEADER))
    except OSError as error:
        raise StoreError(f"{path}: cannot read the case log: {error.strerror}") from None
    if header and header != _SQLITE_HEADER:
        raise StoreError(f"{path}: is not an SQLite database; it is left as it is")


@contextmanager
def _transaction(db: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """One write transaction, taken at once so that concurrent writers queue up."""
    db.execute("BEGIN IMMEDIATE")
    try:
        yield db
    except BaseException:
        db.execute("ROLLBACK")
        raise
    db.execute("COMMIT")


def _migrate(db: sqlite3.Connection, path: str) -> None:
    with _transaction(db):
        tables = {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        if tables and "gk_respond_meta" not in tables:
            raise StoreError(f"{path}: is an SQLite database but not a gk-respond case log")
        db.execute(
            "CREATE TABLE IF NOT EXISTS gk_respond_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)"
        )
        row = db.execute("SELECT value FROM gk_respond_meta WHERE key = 'schema'").fetchone()
        version = int(row[0]) if row else 0
        if version > SCHEMA_VERSION:
            raise StoreError(
                f"{path}: was written by a newer gk-respond (schema {version}; this one knows "
                f"{SCHEMA_VERSION}); update gk-respond to open it"
            )
        for step in range(version + 1, SCHEMA_VERSION + 1):
            for statement in MIGRATIONS[step]:
                db.execute(statement)
        db.execute(
            "INSERT INTO gk_respond_meta (key, value) VALUES ('schema', ?) "
            "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            (str(SCHEMA_VERSION),),
        )


def default_path() -> str:
    """Where the case log is kept: ``GK_RESPOND_DB``, else the user's data directory."""
    configured = os.environ.get("GK_RESPOND_DB")
    if configured:
        return configured
    from platformdirs import user_data_dir

    return os.path.join(user_data_dir("gk-respond", appauthor=False), "cases.db")
