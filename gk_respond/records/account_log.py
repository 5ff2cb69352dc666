"""Who changed which account, and when: every change to the web app's accounts (added,
password set or changed, disabled, enabled, role changed, removed), from the browser or from
``gk-respond users``, is written in the same transaction as the change itself, so the log
never misses one and never holds one that did not happen. Passwords never appear in it.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass

from .store import Store

ACTIONS = ("added", "password_reset", "password_changed", "disabled", "enabled", "role",
           "removed")  # fmt: skip


@dataclass(frozen=True)
class AccountEvent:
    at: str  # UTC, ISO 8601
    by: str  # who did it: the signed-in user, or the system user for the CLI
    action: str  # one of ACTIONS
    account: str  # the account it was done to
    detail: str = ""  # the role given, for "added" and "role"


def record(db: sqlite3.Connection, at: str, by: str, action: str, account: str,
           detail: str = "") -> None:  # fmt: skip
    """Log one change, inside the transaction ``db`` that makes it."""
    assert action in ACTIONS, action
    db.execute(
        "INSERT INTO account_events (at, by_user, action, account, detail) VALUES (?, ?, ?, ?, ?)",
        (at, by, action, account, detail),
    )


def recent(store: Store, limit: int = 50) -> list[AccountEvent]:
    """The latest changes, newest first."""
    rows = store.query(
        "SELECT at, by_user, action, account, detail FROM account_events ORDER BY id DESC LIMIT ?",
        (limit,),
    )
    return [AccountEvent(r[0], r[1], r[2], r[3], r[4]) for r in rows]
