"""The web app's accounts, kept in the case log's file (a ``users`` table, schema 4); every
change is logged with who made it (account_log.py).

A password is kept only as an argon2id hash (argon2-cffi's defaults, RFC 9106's second
recommended profile); it is never stored, logged or printed. Two roles, after the policy's
roles: a ``kommunikatör`` triages, reads and follows up every case; an
``informationsansvarig`` may also change the channel register and the accounts.
"""

from __future__ import annotations

import re
import sqlite3
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from ..messages import Text
from .account_log import record
from .store import Store, StoreError, utc_now

if TYPE_CHECKING:
    from argon2 import PasswordHasher

COMMUNICATOR, INFORMATION_OFFICER = "kommunikatör", "informationsansvarig"
ROLES = (COMMUNICATOR, INFORMATION_OFFICER)
MIN_PASSWORD = 12  # characters
_NAME = re.compile(r"[\w][\w.@-]{0,63}")
NOW = object()  # in an account change: the time it is made


class UserError(ValueError):
    """An account change refused; the message (a `messages.Text`) says why, in English as
    ``str()`` and in the run's language through `messages.error_text`."""


class LastManager(UserError):
    """The change would leave active accounts but no active informationsansvarig: nobody
    could then manage the accounts or the register in the browser."""

    def __init__(self, name: str) -> None:
        super().__init__(Text("user_last_manager", name=name))


@dataclass(frozen=True)
class User:
    name: str
    role: str
    created_at: str
    changed_at: str  # when the password (or the account) last changed
    disabled_at: str | None = None

    @property
    def active(self) -> bool:
        return self.disabled_at is None

    @property
    def manages(self) -> bool:
        """Whether the user may change the channel register and the accounts."""
        return self.role == INFORMATION_OFFICER


def _hasher() -> PasswordHasher:
    try:
        from argon2 import PasswordHasher
    except ImportError:  # pragma: no cover - the web extra is not installed
        raise StoreError(Text("user_needs_web")) from None
    return PasswordHasher()


def check_name(name: str) -> str:
    """A user name as kept: NFC, no spaces or control characters, at most 64 characters."""
    name = unicodedata.normalize("NFC", name.strip())
    if not _NAME.fullmatch(name):
        raise UserError(Text("user_bad_name", name=name))
    return name


def check_password(password: str) -> str:
    if len(password) < MIN_PASSWORD:
        raise UserError(Text("user_short_password", count=MIN_PASSWORD))
    if password != password.strip():
        raise UserError(Text("user_password_spaces"))
    return password


def check_role(role: str) -> str:
    folded = role.strip().casefold()
    folded = {"kommunikator": COMMUNICATOR}.get(folded, folded)  # typed without ö
    if folded not in ROLES:
        raise UserError(Text("user_bad_role", role=role, roles=", ".join(ROLES)))
    return folded


def _user(row: object) -> User:
    return User(
        name=row["name"],  # type: ignore[index]
        role=row["role"],  # type: ignore[index]
        created_at=row["created_at"],  # type: ignore[index]
        changed_at=row["changed_at"],  # type: ignore[index]
        disabled_at=row["disabled_at"],  # type: ignore[index]
    )


_COLUMNS = "name, role, created_at, changed_at, disabled_at"


class Users:
    """The accounts in a case log file. Every write is one transaction."""

    def __init__(self, store: Store) -> None:
        self.store = store

    def all(self) -> list[User]:
        return [_user(r) for r in self.store.query(f"SELECT {_COLUMNS} FROM users ORDER BY name")]

    def get(self, name: str) -> User | None:
        rows = self.store.query(f"SELECT {_COLUMNS} FROM users WHERE name = ?", (name,))
        return _user(rows[0]) if rows else None

    def count_active(self) -> int:
        rows = self.store.query("SELECT COUNT(*) FROM users WHERE disabled_at IS NULL")
        return int(rows[0][0])

    def add(self, name: str, role: str, password: str, by: str = "") -> User:
        name, role = check_name(name), check_role(role)
        digest = _hasher().hash(check_password(password))
        now = utc_now()
        with self.store.transaction() as db:
            if db.execute("SELECT 1 FROM users WHERE name = ?", (name,)).fetchone():
                raise UserError(Text("user_exists", name=name))
            db.execute(
                "INSERT INTO users (name, role, password_hash, created_at, changed_at) "
                "VALUES (?, ?, ?, ?, ?)",
                (name, role, digest, now, now),
            )
            record(db, now, by, "added", name, role)
        return User(name, role, now, now)

    def _set(self, name: str, changes: dict[str, object], event: tuple[str, str, str], *,
             keeps_manager: bool = False) -> User:  # fmt: skip
        """Set the account's columns to ``changes`` (NOW: the time) and log ``event`` (by,
        action, detail) in the same transaction; ``keeps_manager``: refused (LastManager) if
        the account is the last active informationsansvarig. Plain ``?`` parameters, which
        both backends take."""
        now = utc_now()
        values = {column: now if value is NOW else value for column, value in changes.items()}
        assignments = ", ".join(f"{column} = ?" for column in values)
        with self.store.transaction() as db:
            _found(db, name, keeps_manager)
            db.execute(f"UPDATE users SET {assignments} WHERE name = ?", (*values.values(), name))
            record(db, now, event[0], event[1], name, event[2])
        user = self.get(name)
        assert user is not None
        return user

    def set_password(self, name: str, password: str, by: str = "") -> User:
        """A new password, set by ``by``: the account's own change when ``by`` is ``name``,
        else a reset."""
        digest = _hasher().hash(check_password(password))
        action = "password_changed" if by == name else "password_reset"
        changes = {"password_hash": digest, "changed_at": NOW}
        return self._set(name, changes, (by, action, ""))

    def set_role(self, name: str, role: str, by: str = "") -> User:
        """Give the account ``role``; taking it from the last active informationsansvarig
        is refused (LastManager). The account's sessions end (its stamp changes)."""
        role = check_role(role)
        return self._set(name, {"role": role, "changed_at": NOW}, (by, "role", role),
                         keeps_manager=role != INFORMATION_OFFICER)  # fmt: skip

    def disable(self, name: str, by: str = "") -> User:
        """Stop the account signing in; refused for the last active informationsansvarig
        (LastManager)."""
        return self._set(name, {"disabled_at": NOW, "changed_at": NOW}, (by, "disabled", ""),
                         keeps_manager=True)  # fmt: skip

    def enable(self, name: str, by: str = "") -> User:
        return self._set(name, {"disabled_at": None, "changed_at": NOW}, (by, "enabled", ""))

    def remove(self, name: str, by: str = "") -> User:
        """Remove an account; the cases it handled keep its name. Refused for the last
        active informationsansvarig (LastManager)."""
        with self.store.transaction() as db:
            user = _found(db, name, keeps_manager=True)
            db.execute("DELETE FROM users WHERE name = ?", (name,))
            record(db, utc_now(), by, "removed", name)
        return user

    def verify(self, name: str, password: str) -> User | None:
        """The active account with this name and password, or None. Takes as long for a
        name that does not exist as for a wrong password (no way to probe for names)."""
        from argon2.exceptions import InvalidHashError, VerificationError

        hasher = _hasher()
        rows = self.store.query(
            f"SELECT {_COLUMNS}, password_hash FROM users WHERE name = ?", (name.strip(),)
        )
        digest = rows[0]["password_hash"] if rows else _DUMMY.get(hasher)
        try:
            hasher.verify(digest, password)
        except (VerificationError, InvalidHashError):
            return None
        if not rows:
            return None
        user = _user(rows[0])
        if not user.active:
            return None
        if hasher.check_needs_rehash(digest) and not self.store.readonly:
            with self.store.transaction() as db:  # stronger parameters since: hash anew
                db.execute(
                    "UPDATE users SET password_hash = ? WHERE name = ?",
                    (hasher.hash(password), user.name),
                )
        return user

    def stamp(self, name: str) -> str:
        """What changes when the account's password or state does: a session made before
        such a change is no longer valid. The password's hash (salted anew each time) counts,
        as a digest of it, so a change within the second the session was made counts too."""
        import hashlib

        rows = self.store.query(
            "SELECT role, password_hash, changed_at, disabled_at FROM users WHERE name = ?",
            (name,),
        )
        if not rows:
            return ""
        role, digest, changed_at, disabled_at = rows[0]
        password = hashlib.sha256(str(digest).encode()).hexdigest()[:16]
        return f"{role}|{changed_at}|{disabled_at}|{password}"


def _found(db: Any, name: str, keeps_manager: bool) -> User:
    """The account ``name``, read in the transaction ``db`` (UserError if there is none);
    with ``keeps_manager``, LastManager if it is the last active informationsansvarig
    while other accounts are active (if none are, there is nobody to lock out: on loopback
    the app then runs for one person, who may manage everything).

    The check holds under concurrent changes on both backends. SQLite's write transaction
    (``BEGIN IMMEDIATE``) already lets one writer in at a time. PostgreSQL's READ COMMITTED
    does not: two transactions taking the role from two informationsansvariga at once would
    each see the other still one. So there the rows of the active informationsansvariga are
    locked first (``FOR UPDATE``, in name order, so two such changes queue up rather than
    deadlock): a second change waits for the first to commit, and its reads below, each
    statement a new snapshot, then see what the first did."""
    if keeps_manager and not isinstance(db, sqlite3.Connection):
        db.execute(
            "SELECT name FROM users WHERE role = ? AND disabled_at IS NULL "
            "ORDER BY name FOR UPDATE",
            (INFORMATION_OFFICER,),
        )
    first = _in(db)
    row = first(f"SELECT {_COLUMNS} FROM users WHERE name = ?", (name,))
    if row is None:
        raise UserError(Text("user_missing", name=name))
    user = _user(row)
    if keeps_manager and user.manages and user.active:
        others = first(
            "SELECT COUNT(*), COUNT(CASE WHEN role = ? THEN 1 END) FROM users "
            "WHERE name <> ? AND disabled_at IS NULL",
            (INFORMATION_OFFICER, name),
        )
        if int(others[0]) > 0 and int(others[1]) == 0:
            raise LastManager(name)
    return user


def _in(db: Any) -> Callable[[str, tuple[object, ...]], Any]:
    """The first row of a statement, read in the transaction ``db`` (or None)."""
    return lambda sql, params: db.execute(sql, params).fetchone()


class _Dummy:
    """A hash of nothing, made once: verifying against it costs what a real check does."""

    digest = ""

    def get(self, hasher: PasswordHasher) -> str:
        if not self.digest:
            self.digest = hasher.hash("not a password of any account")
        return self.digest


_DUMMY = _Dummy()
