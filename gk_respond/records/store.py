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

from .private_files import RefusedPath, checked, create_private, loose, open_existing

SCHEMA_VERSION = 6
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
    # The web app's accounts (records/users.py): a name, a role, an argon2 hash.
    4: [
        """CREATE TABLE users (
            name TEXT PRIMARY KEY,
            role TEXT NOT NULL,
            password_hash TEXT NOT NULL,
            created_at TEXT NOT NULL,
            changed_at TEXT NOT NULL,
            disabled_at TEXT
        )""",
    ],
    # The municipality's contacts: who holds the roles the guidance names (records/contacts.py).
    5: [
        """CREATE TABLE contacts (
            id TEXT PRIMARY KEY,
            role TEXT NOT NULL,
            contact_json TEXT NOT NULL
        )""",
    ],
    # When a case is due (records/due.py), set when it is saved; NULL: no due time.
    6: ["ALTER TABLE cases ADD COLUMN due_at TEXT"],
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
    if code in (_SQLITE_READONLY, _SQLITE_PERM) or (code == _SQLITE_CANTOPEN and _unwritable(path)):
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


def _unwritable(path: str) -> bool:
    """An existing case log that cannot be written (a read-only file system, say), where
    SQLite only says it cannot open it."""
    folder = os.path.dirname(os.path.abspath(path))
    return os.path.isfile(path) and not (os.access(path, os.W_OK) and os.access(folder, os.W_OK))


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
    # every change, oldest first: {"at", "by", "kind", ...} (records/audit.py); answers
    # given or taken back before schema 6 as {"at", "event", "question", "answer"}
    history: list[dict[str, str]] = field(default_factory=list)
    ticked: list[int] = field(default_factory=list)
    notes: str = ""
    removed_at: str | None = None
    copy_kept: str | None = None
    diarium_number: str | None = None
    forwarded_to: str | None = None
    closed_at: str | None = None
    reply_text: str = ""  # the reply as written (published, or to be)
    reply_findings: list[dict[str, object]] = field(default_factory=list)  # checked on save
    due_at: str | None = None  # UTC, ISO 8601; set on save from the outcome's due time
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
    from ..clock import now_text

    return now_text()


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


class _BadRow(Exception):
    """A stored row that is not a case (damaged inside a sound SQLite file); the message
    names it and says what is wrong."""


class Undecodable(bytes):
    """Stored text that is not UTF-8, as read from a damaged row."""


_OPTIONAL = frozenset(
    ("removed_at", "copy_kept", "diarium_number", "forwarded_to", "closed_at", "due_at")
)
_TIMES = ("created_at", "removed_at", "closed_at", "due_at")
_EVENT_KEYS = ("at", "event", "question", "answer")
_ENTRY_KEYS = ("at", "by", "kind")


def _case(row: sqlite3.Row) -> Case:
    """The case a stored row holds, every value checked: _BadRow naming it if it is not one."""
    found = _sound(row)
    if found is not None:
        return found
    number, year, seq = row["number"], row["year"], row["seq"]
    name = number if isinstance(number, str) and number else f"{year}-{seq:04}"
    try:  # the slow way, which says what is wrong
        values = {f.name: _value(f.name, row) for f in fields(Case)}
    except (ValueError, TypeError, KeyError, IndexError) as error:
        raise _BadRow(f"case {name} is damaged ({error})") from None
    return Case(**values)


_NAMES = tuple(f.name for f in fields(Case))
_REQUIRED_TEXT = tuple(n for n in _NAMES if n not in _JSON and n not in _OPTIONAL)


def _sound(row: sqlite3.Row) -> Case | None:
    """The case, if every value is what it should be (the quick check of a row, the same
    as ``_value``'s); None if anything is wrong."""
    try:
        if not all(type(row[n]) is str for n in _REQUIRED_TEXT):
            return None
        if not all(row[n] is None or type(row[n]) is str for n in _OPTIONAL):
            return None
        for name in _TIMES:
            if row[name] is not None:
                datetime.fromisoformat(row[name])
        path = json.loads(row["path_json"])
        history = json.loads(row["history_json"])
        ticked = json.loads(row["ticked_json"])
        findings = json.loads(row["reply_findings_json"])
    except (ValueError, TypeError):
        return None
    if not (
        type(path) is list
        and all(type(p) is list and len(p) == 2 and type(p[0]) is type(p[1]) is str for p in path)
        and type(ticked) is list
        and all(type(n) is int and n >= 0 for n in ticked)
        and type(history) is list
        and all(type(entry) is dict and _event(entry) for entry in history)
        and _list_of(findings, dict)
    ):
        return None
    values = {name: row[name] for name in _NAMES if name not in _JSON}
    return Case(
        **values,
        path=[(p[0], p[1]) for p in path],
        history=history,
        ticked=ticked,
        reply_findings=findings,
    )


def _value(name: str, row: sqlite3.Row) -> object:
    column = _JSON.get(name, name)
    value = row[column]
    if isinstance(value, Undecodable):
        raise ValueError(f"{column} is not UTF-8 text")
    if value is None and name in _OPTIONAL:
        return None
    if not isinstance(value, str):
        raise TypeError(f"{column} is {type(value).__name__}, not text")
    if name in _TIMES:
        _timestamp(value, column)
    if name not in _JSON:
        return value
    try:
        data = json.loads(value)
    except ValueError:
        raise ValueError(f"{column} is not JSON") from None
    if name == "path":
        if not _list_of(data, list) or not all(
            len(pair) == 2 and all(isinstance(x, str) for x in pair) for pair in data
        ):
            raise ValueError(f"{column} is not a list of question-answer pairs")
        return [tuple(pair) for pair in data]
    if name == "ticked":
        if not _list_of(data, int) or any(isinstance(n, bool) or n < 0 for n in data):
            raise ValueError(f"{column} is not a list of step numbers")
        return data
    if name == "reply_findings":
        if not _list_of(data, dict):
            raise ValueError(f"{column} is not a list of findings")
        return data
    if not _list_of(data, dict) or not all(_event(entry) for entry in data):
        raise ValueError(f"{column} is not a list of answers with their times")
    return data


def _list_of(data: object, kind: type) -> bool:
    return isinstance(data, list) and all(isinstance(item, kind) for item in data)


def _event(entry: dict[str, object]) -> bool:
    """Whether ``entry`` is a history entry: a change with its time, who and what kind
    (``at``, ``by``, ``kind``), or an answer given or taken back as kept before schema 6."""
    if all(type(entry.get(key)) is str for key in _ENTRY_KEYS):
        return _timestamp_ok(entry["at"])
    if not all(type(entry.get(key)) is str for key in _EVENT_KEYS):
        return False
    if type(entry.get("channel", "")) is not str:
        return False
    return _timestamp_ok(entry["at"])


def _timestamp_ok(text: object) -> bool:
    try:
        datetime.fromisoformat(str(text))
    except ValueError:
        return False
    return True


def _timestamp(text: str, column: str) -> None:
    try:
        datetime.fromisoformat(text)
    except ValueError:
        raise ValueError(f"{column} {text!r} is not a time") from None


def _text(data: bytes) -> str | Undecodable:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return Undecodable(data)


def read_rows(db: sqlite3.Connection, sql: str, params: Sequence[object]) -> list[sqlite3.Row]:
    """Every row ``sql`` gives. Read the fast way; text that is not UTF-8 (a damaged row)
    stops that, and then the rows are read again with such text as ``Undecodable``."""
    try:
        return db.execute(sql, params).fetchall()
    except sqlite3.OperationalError as error:
        if "decode" not in str(error):
            raise
    db.text_factory = _text
    try:
        return db.execute(sql, params).fetchall()
    finally:
        db.text_factory = str


def print_warning(message: str) -> None:
    """A warning for a command line: one line on standard error, every character visible."""
    import sys

    from ..untrusted import visible

    print(f"gk-respond: warning: {visible(message)}", file=sys.stderr)


class Store:
    """The case log in one SQLite file. ``readonly``: for reading only (the file is opened
    read-only, so a file the user may only read can be read); neither that nor
    ``create=False`` creates a missing file (NoCaseLog). Every SQLite error is a StoreError.

    What the user should be told about a log that can be used (others can read it, a case
    in it is damaged and left out) is in ``warnings``, once each, and passed to ``warn`` as
    it happens when one is given (``print_warning`` for a command line)."""

    def __init__(
        self,
        path: str,
        *,
        readonly: bool = False,
        create: bool = True,
        warn: Callable[[str], None] | None = None,
    ) -> None:
        self.path = path
        self.readonly = readonly
        self.warnings: list[str] = []
        self._warn = warn
        found: list[str] = []
        if not readonly:
            self._db = _open(path, found, create=create)
        else:
            try:
                self._db = _open(path, found, readonly=True)
            except _Outdated as old:
                try:  # an older schema: migrate it if the user may write it, as before
                    _open(path, [], create=False).close()
                except _ReadOnly:
                    raise StoreError(
                        f"{path}: was written by an older gk-respond (schema {old.version}) "
                        "and must be opened once by someone who may write to it; it is left "
                        "as it is"
                    ) from None
                self._db = _open(path, found, readonly=True)
        for message in [loose(path), *found]:
            if message:
                self.warning(message)

    def warning(self, message: str) -> None:
        """Tell the user ``message`` (once): see the class's description."""
        if message not in self.warnings:
            self.warnings.append(message)
            if self._warn:
                self._warn(message)

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
        from ..clock import now as clock_now

        moment = (now or clock_now()).astimezone(UTC)
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
        """The case, or None; StoreError for a case whose stored row is damaged."""
        with self._errors():
            rows = read_rows(self._db, "SELECT * FROM cases WHERE number = ?", (number,))
        return self._case(rows[0]) if rows else None

    def cases(self, where: CaseFilter | None = None) -> list[Case]:
        """The cases that match ``where`` (every case without it), newest first. A case
        whose stored row is damaged is left out, with a warning naming it."""
        where = where or CaseFilter()
        clause, params = where.sql()
        with self._errors():
            sql = f"SELECT * FROM cases{clause} ORDER BY year DESC, seq DESC"
            rows = read_rows(self._db, sql, params)
        found = []
        for row in rows:
            try:
                case = _case(row)
            except _BadRow as bad:
                self.warning(f"{self.path}: {bad}; it is left out — restore it from a backup")
                continue
            if where.matches_text(case):
                found.append(case)
        return found

    def _case(self, row: sqlite3.Row) -> Case:
        try:
            return _case(row)
        except _BadRow as bad:
            raise StoreError(
                f"{self.path}: {bad}; it is left as it is — restore it from a backup"
            ) from None

    def update(self, number: str, change: Callable[[Case], None]) -> Case | None:
        """Apply ``change`` to a case and store the result, in one transaction; the case as
        stored after the commit, or None when there is no such case. An exception raised by
        ``change`` leaves the case as it was."""
        with self._errors(), _transaction(self._db) as db:
            rows = read_rows(db, "SELECT * FROM cases WHERE number = ?", (number,))
            if not rows:
                return None
            row = rows[0]
            case = self._case(row)
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
        """The rows a read-only statement gives, outside any transaction; text that is not
        UTF-8 is given as ``Undecodable`` bytes, for the caller to refuse."""
        with self._errors():
            return read_rows(self._db, sql, params)


def _open(
    path: str, warnings: list[str], *, readonly: bool = False, create: bool = True
) -> sqlite3.Connection:
    """Open the case log (create it if ``create``); refuse (StoreError) anything that is not
    ours, or is damaged, before anything is written to it. What the user should know about
    a file that can be used is added to ``warnings``."""
    try:
        exists = _check_file(path, readonly)
        if not exists and (readonly or not create):
            raise NoCaseLog(
                f"no case log at {path} (nothing has been saved there yet; --db or "
                "GK_RESPOND_DB say where)"
            )
        if not exists:
            os.makedirs(os.path.dirname(os.path.abspath(path)), exist_ok=True)
            # readable by its owner only, before SQLite writes a byte into it; if another
            # process made it a moment ago, it is checked as any existing file
            if not create_private(path):
                _check_file(path, readonly)
    except RefusedPath as refused:
        raise StoreError(str(refused)) from None
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
            # a folder the user may not write to or a read-only file system, and no writer
            # at work (it would have made the -shm file): the file cannot change under us,
            # so SQLite may read it as is, without what is still in a -wal file
            db.close()
            db = _connect(path, readonly, immutable=True)
            _check_intact(db, path)
            if os.path.exists(f"{path}-wal") and os.path.getsize(f"{path}-wal") > 0:
                warnings.append(
                    f"{path}-wal holds changes that cannot be read where it is (no -shm file "
                    "beside it, and none can be made): the latest cases may be missing; copy "
                    "the case log with its -wal file to a folder you may write to"
                )
        if readonly:
            _check_version(db, path)
        else:
            _migrate(db, path)  # refuses a file that is not ours before anything is written
            db.execute("PRAGMA journal_mode = WAL")  # readers never block the writer
            db.execute("PRAGMA synchronous = FULL")  # a committed case survives a power cut
        _check_columns(db, path)
    except BaseException as error:
        if db is not None:
            db.close()
        if isinstance(error, sqlite3.Error):
            raise _store_error(path, error) from None
        raise
    return db


# SQLITE_READONLY_CANTINIT, SQLITE_READONLY_DIRECTORY, SQLITE_CANTOPEN (a read-only file
# system): a read-only WAL file whose -shm file does not exist and cannot be created (the
# file itself has been opened already, by _check_file)
_NO_SHARED_MEMORY = (_SQLITE_READONLY | 5 << 8, _SQLITE_READONLY | 6 << 8, _SQLITE_CANTOPEN)


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


def _check_file(path: str, readonly: bool) -> bool:
    """Whether there is a case log file at ``path``: a regular file (never a link, a device,
    a pipe or a folder, nor one beside it as its -wal, -shm or -journal file) that is empty
    or starts as an SQLite database. An empty one about to be written is made private."""
    for companion in ("-wal", "-shm", "-journal"):
        checked(path + companion)
    try:
        descriptor = open_existing(path)
    except FileNotFoundError:
        return False
    with open(descriptor, "rb") as handle:
        header = handle.read(len(_SQLITE_HEADER))
        if header and header != _SQLITE_HEADER:
            raise StoreError(f"{path}: is not an SQLite database; it is left as it is")
        if not header and not readonly:  # an empty file we are about to fill
            try:
                os.fchmod(descriptor, 0o600)
            except OSError as error:
                raise StoreError(
                    f"{path}: is an empty file gk-respond cannot make private "
                    f"({error.strerror}); it is left as it is"
                ) from None
    return True


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


# The columns each table must have (a damaged file may have lost one).
_COLUMNS = {
    "cases": {"year", "seq", *(_JSON.get(f.name, f.name) for f in fields(Case))},
    "channels": {"id", "url", "channel_json"},
}


def _check_columns(db: sqlite3.Connection, path: str) -> None:
    for table, wanted in _COLUMNS.items():
        found = {row[1] for row in db.execute(f"PRAGMA table_info({table})")}
        missing = sorted(wanted - found)
        if missing:
            raise _damaged(path, f"the {table} table has no column {', '.join(missing)}")


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
