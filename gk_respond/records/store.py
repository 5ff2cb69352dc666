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
import urllib.parse
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field, fields
from datetime import UTC, date, datetime, time, timedelta

SCHEMA_VERSION = 4
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
    # The reply as written, and what the reply checker found in it when it was saved.
    3: [
        "ALTER TABLE cases ADD COLUMN reply_text TEXT NOT NULL DEFAULT ''",
        "ALTER TABLE cases ADD COLUMN reply_findings_json TEXT NOT NULL DEFAULT '[]'",
    ],
    # The municipality's contacts: who holds the roles the guidance names (records/contacts.py).
    4: [
        """CREATE TABLE contacts (
            id TEXT PRIMARY KEY,
            role TEXT NOT NULL,
            contact_json TEXT NOT NULL
        )""",
    ],
}


BUSY_TIMEOUT = 30.0  # seconds a writer waits for another before giving up ("is busy")


class StoreError(Exception):
    """A case log that cannot be used; the message says why, and the file is left alone."""


class NoCaseLog(StoreError):
    """There is no case log at the path: reading never creates one."""


class _Outdated(StoreError):
    """A file opened read-only that needs a migration first."""

    def __init__(self, message: str, version: int) -> None:
        super().__init__(message)
        self.version = version


class _ReadOnly(StoreError):
    """A case log the user may read but not write."""


# SQLite's primary result codes that say something the user can act on.
_SQLITE_PERM, _SQLITE_BUSY, _SQLITE_LOCKED, _SQLITE_READONLY = 3, 5, 6, 8
_SQLITE_IOERR, _SQLITE_CORRUPT, _SQLITE_FULL, _SQLITE_CANTOPEN = 10, 11, 13, 14
_SQLITE_NOTADB = 26


def _store_error(path: str, error: sqlite3.Error) -> StoreError:
    """What an SQLite error means for the user, as a StoreError naming the file."""
    code = (getattr(error, "sqlite_errorcode", None) or 0) & 0xFF
    if code in (_SQLITE_CORRUPT, _SQLITE_NOTADB):
        return _damaged(path, str(error))
    if code in (_SQLITE_BUSY, _SQLITE_LOCKED):
        return StoreError(f"{path}: is busy (another gk-respond is writing); try again")
    if code in (_SQLITE_READONLY, _SQLITE_PERM):
        return _ReadOnly(
            f"{path}: is read-only for you; saving or changing cases needs write permission "
            "on the file and its folder"
        )
    if code == _SQLITE_FULL:
        return StoreError(f"{path}: the disk is full ({error}); nothing was written")
    if code == _SQLITE_IOERR:
        return StoreError(f"{path}: cannot be read or written ({error}); try again")
    if code == _SQLITE_CANTOPEN:
        return StoreError(f"{path}: cannot be opened ({error})")
    return StoreError(f"{path}: not a usable case log ({error})")


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
    reply_text: str = ""  # the reply as written (published, or to be)
    reply_findings: list[dict[str, object]] = field(default_factory=list)  # checked on save
    number: str = ""  # given by the store on save
    created_at: str = ""  # UTC, ISO 8601; given by the store on save

    @property
    def status(self) -> str:
        return "closed" if self.closed_at else "open"


STATUSES = ("open", "closed")

# The fields a text search looks in.
_SEARCHED = (
    "number", "comment_text", "author", "url", "platform", "handler", "notes", "found",
    "diarium_number", "forwarded_to", "copy_kept", "reply_text",
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
_JSON = {
    "path": "path_json",
    "history": "history_json",
    "ticked": "ticked_json",
    "reply_findings": "reply_findings_json",
}


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
    """The case log in one SQLite file. ``readonly``: for reading only (the file is opened
    read-only, so a file the user may only read can be read); neither that nor
    ``create=False`` creates a missing file (NoCaseLog). Every SQLite error is a StoreError."""

    def __init__(self, path: str, *, readonly: bool = False, create: bool = True) -> None:
        self.path = path
        self.readonly = readonly
        if not readonly:
            self._db = _open(path, create=create)
            return
        try:
            self._db = _open(path, readonly=True)
        except _Outdated as old:
            try:  # an older schema: migrate it if the user may write it, as before
                _open(path, create=False).close()
            except _ReadOnly:
                raise StoreError(
                    f"{path}: was written by an older gk-respond (schema {old.version}) and "
                    "must be opened once by someone who may write to it; it is left as it is"
                ) from None
            self._db = _open(path, readonly=True)

    @contextmanager
    def _errors(self) -> Iterator[None]:
        """SQLite's errors (damaged, busy, read-only, disk full) as StoreError."""
        try:
            yield
        except sqlite3.Error as error:
            raise _store_error(self.path, error) from None

    def close(self) -> None:
        self._db.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def save(self, case: Case, now: datetime | None = None) -> Case:
        """Store a new case; return it with its number and time, after the commit."""
        moment = (now or datetime.now(UTC)).astimezone(UTC)
        year = moment.astimezone().year  # the local calendar year: the number staff see
        with self._errors(), _transaction(self._db) as db:
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
        with self._errors():
            row = self._db.execute("SELECT * FROM cases WHERE number = ?", (number,)).fetchone()
        return _case(row) if row else None

    def cases(self, where: CaseFilter | None = None) -> list[Case]:
        """The cases that match ``where`` (every case without it), newest first."""
        where = where or CaseFilter()
        clause, params = where.sql()
        with self._errors():
            rows = self._db.execute(
                f"SELECT * FROM cases{clause} ORDER BY year DESC, seq DESC", params
            ).fetchall()
        return [case for case in map(_case, rows) if where.matches_text(case)]

    def update(self, number: str, change: Callable[[Case], None]) -> Case | None:
        """Apply ``change`` to a case and store the result, in one transaction; the case as
        stored after the commit, or None when there is no such case. An exception raised by
        ``change`` leaves the case as it was."""
        with self._errors(), _transaction(self._db) as db:
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

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """One write transaction on the file, for other tables kept in it (the channel
        register): ``with store.transaction() as db: db.execute(...)``. SQLite's errors in it
        are StoreError; any other exception rolls it back and passes."""
        with self._errors(), _transaction(self._db) as db:
            yield db

    def query(self, sql: str, params: Sequence[object] = ()) -> list[sqlite3.Row]:
        """The rows a read-only statement gives, outside any transaction."""
        with self._errors():
            return self._db.execute(sql, params).fetchall()


def _open(path: str, *, readonly: bool = False, create: bool = True) -> sqlite3.Connection:
    """Open the case log (create it if ``create``); refuse (StoreError) anything that is not
    ours, or is damaged, before anything is written to it."""
    if os.path.exists(path):
        _check_header(path)
        if not readonly and os.path.getsize(path) == 0:
            _make_private(path)  # an empty file we are about to fill
    elif readonly or not create:
        raise NoCaseLog(
            f"no case log at {path} (nothing has been saved there yet; --db or GK_RESPOND_DB "
            "say where)"
        )
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
    db: sqlite3.Connection | None = None
    try:
        db = _connect(path, readonly)
        try:
            _check_intact(db, path)  # first: a damaged file is never written to
        except sqlite3.OperationalError as error:
            if not readonly or getattr(error, "sqlite_errorcode", 0) not in _NO_SHARED_MEMORY:
                raise
            # a folder the user may not write to, and no writer at work (it would have made
            # the -shm file): the file cannot change under us, so SQLite may read it as is
            db.close()
            db = _connect(path, readonly, immutable=True)
            _check_intact(db, path)
        if readonly:
            _check_version(db, path)
        else:
            _migrate(db, path)  # refuses a file that is not ours before anything is written
            db.execute("PRAGMA journal_mode = WAL")  # readers never block the writer
            db.execute("PRAGMA synchronous = FULL")  # a committed case survives a power cut
    except BaseException as error:
        if db is not None:
            db.close()
        if isinstance(error, sqlite3.Error):
            raise _store_error(path, error) from None
        raise
    return db


# SQLITE_READONLY_CANTINIT, SQLITE_READONLY_DIRECTORY: a read-only WAL file whose -shm file
# does not exist and cannot be created
_NO_SHARED_MEMORY = (_SQLITE_READONLY | 5 << 8, _SQLITE_READONLY | 6 << 8)


def _connect(path: str, readonly: bool, immutable: bool = False) -> sqlite3.Connection:
    """A connection in autocommit mode (transactions are explicit); ``readonly`` opens the
    file read-only, which needs no write permission on it or its folder."""
    if readonly:
        uri = f"file:{urllib.parse.quote(os.path.abspath(path))}?mode=ro"
        uri += "&immutable=1" if immutable else ""
        db = sqlite3.connect(uri, uri=True, timeout=BUSY_TIMEOUT, isolation_level=None)
    else:
        db = sqlite3.connect(path, timeout=BUSY_TIMEOUT, isolation_level=None)
    db.row_factory = sqlite3.Row
    db.execute(f"PRAGMA busy_timeout = {int(BUSY_TIMEOUT * 1000)}")
    return db


def _make_private(path: str) -> None:
    try:
        os.chmod(path, 0o600)
    except OSError as error:
        raise StoreError(
            f"{path}: is an empty file gk-respond cannot make private ({error.strerror}); "
            "it is left as it is"
        ) from None


def _damaged(path: str, detail: str) -> StoreError:
    message = f"{path}: is damaged ({detail}); it is left as it is — restore it from a backup"
    return StoreError(message)


def _check_intact(db: sqlite3.Connection, path: str) -> None:
    """SQLite's quick check of every page (about 10 ms for 10,000 cases)."""
    try:
        problems = [row[0] for row in db.execute("PRAGMA quick_check(3)")]
    except sqlite3.DatabaseError as error:
        code = (getattr(error, "sqlite_errorcode", None) or 0) & 0xFF
        if code not in (_SQLITE_CORRUPT, _SQLITE_NOTADB):
            raise
        problems = [str(error)]
    if problems != ["ok"]:
        raise _damaged(path, "; ".join(problems))


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
        if db.in_transaction:  # SQLite may have rolled it back already (disk full, I/O)
            with suppress(sqlite3.Error):  # the first error is the one to report
                db.execute("ROLLBACK")
        raise
    db.execute("COMMIT")


def _tables(db: sqlite3.Connection, path: str) -> set[str]:
    tables = {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    if tables and "gk_respond_meta" not in tables:
        raise StoreError(f"{path}: is an SQLite database but not a gk-respond case log")
    return tables


def _version(db: sqlite3.Connection, path: str) -> int:
    """The schema version the file says it has (0: none yet); a newer one is refused."""
    row = db.execute("SELECT value FROM gk_respond_meta WHERE key = 'schema'").fetchone()
    try:
        version = int(row[0]) if row else 0
    except (TypeError, ValueError):
        raise StoreError(
            f"{path}: is not a gk-respond case log we can read (schema {row[0]!r})"
        ) from None
    if version > SCHEMA_VERSION:
        raise StoreError(
            f"{path}: was written by a newer gk-respond (schema {version}; this one knows "
            f"{SCHEMA_VERSION}); update gk-respond to open it"
        )
    return version


def _check_version(db: sqlite3.Connection, path: str) -> None:
    """For a file opened read-only: it must be ours, and need no migration."""
    if not _tables(db, path):
        raise NoCaseLog(
            f"no case log at {path} (the file is empty: nothing has been saved there yet)"
        )
    version = _version(db, path)
    if version < SCHEMA_VERSION:
        raise _Outdated(f"{path}: needs schema {SCHEMA_VERSION}, has {version}", version)


def _migrate(db: sqlite3.Connection, path: str) -> None:
    with _transaction(db):
        _tables(db, path)
        db.execute(
            "CREATE TABLE IF NOT EXISTS gk_respond_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)"
        )
        version = _version(db, path)
        if version == SCHEMA_VERSION:
            return
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
