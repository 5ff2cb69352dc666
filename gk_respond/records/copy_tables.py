"""What `records copy` moves row for row, beside the cases and the channel register: the
contacts, the web app's accounts and their log, and the attachments with their withdrawals.
Each row is checked before anything is written (text that is UTF-8, an attachment whose
content still has its SHA-256, no NUL for a PostgreSQL target), a row the target holds
already is refused (an identical contact is left as it is), and after the commit every
copied row, each attachment by the SHA-256 of its content, is compared on both sides. No UI.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from ..messages import Text
from .contacts import Contacts
from .store import Store, StoreError, Undecodable

CONTENT = "content"  # the attachments' bytes: read, written and compared one file at a time


@dataclass(frozen=True)
class Table:
    """A table copied as it is: its columns (a key the database gives left out, so that the
    target gives its own), the columns that make a row's key (none: rows are only appended),
    and whether a row the target holds already with the same data may be left as it is (else
    a key both hold is refused). ``named_by``: the columns a message names a row by."""

    name: str
    columns: tuple[str, ...]
    key: tuple[str, ...]
    same_is_fine: bool = False
    order: str = ""
    named_by: tuple[str, ...] = ()

    def select(self, columns: Sequence[str]) -> str:
        order = self.order or ", ".join(self.key)
        return f"SELECT {', '.join(columns)} FROM {self.name} ORDER BY {order}"

    @property
    def plain(self) -> tuple[str, ...]:
        """The columns read in bulk (every one but an attachment's content)."""
        return tuple(c for c in self.columns if c != CONTENT)

    def key_of(self, row: Sequence[object], columns: Sequence[str] = ()) -> tuple[Any, ...]:
        return tuple(row[self.plain.index(c)] for c in columns or self.key)

    def named(self, rows: Sequence[Sequence[object]]) -> Text:
        """The rows as a message names them (the first five, and how many more)."""
        keys = ["/".join(map(str, self.key_of(r, self.named_by or self.key))) for r in rows]
        return Text(f"copy_row_{self.name}", id=names(keys))


# In the order they are written: an attachment after its case, a withdrawal after its file.
TABLES = (
    Table("contacts", ("id", "role", "contact_json"), ("id",), same_is_fine=True),
    Table(
        "users",
        ("name", "role", "password_hash", "created_at", "changed_at", "disabled_at"),
        ("name",),
    ),
    Table(
        "account_events",
        ("at", "by_user", "action", "account", "detail"),
        (),
        order="id",
        named_by=("at", "account"),
    ),
    Table(
        "attachments",
        (
            "case_number",
            "seq",
            "name",
            "media_type",
            "size",
            "sha256",
            "attached_at",
            "attached_by",
            CONTENT,
        ),
        ("case_number", "seq"),
    ),
    Table(
        "attachment_withdrawals",
        ("case_number", "seq", "withdrawn_at", "withdrawn_by", "reason"),
        ("case_number", "seq"),
    ),
)


@dataclass
class Rows:
    """A table's rows (without content) as read from the source, and which the target
    lacks and so gets."""

    table: Table
    rows: list[tuple[Any, ...]]
    new: list[tuple[Any, ...]]


def _read(store: Store, table: Table) -> list[tuple[Any, ...]]:
    return [tuple(row) for row in store.query(table.select(table.plain))]


def _keys(store: Store, table: Table) -> set[tuple[Any, ...]]:
    if not table.key:  # a log of events: only appended
        return set()
    return {tuple(r) for r in store.query(f"SELECT {', '.join(table.key)} FROM {table.name}")}


def _content(store: Store, row: Sequence[object]) -> bytes:
    (found,) = store.query(
        "SELECT content FROM attachments WHERE case_number = ? AND seq = ?", (row[0], row[1])
    )
    data = found[0]
    return bytes(data) if isinstance(data, bytes | memoryview) else b""  # damaged: not bytes


def _check(source: Store, table: Table, row: Sequence[object], to_server: bool) -> None:
    """Refuse (naming it) a row that cannot be copied as it is."""
    for column, value in zip(table.plain, row, strict=True):
        if to_server and isinstance(value, str) and "\x00" in value:
            raise StoreError(
                Text("copy_nul", path=source.path, row=table.named([row]), column=column)
            )
        if isinstance(value, Undecodable):
            _damaged(source, table, row, Text("row_not_utf8", column=column))
        if isinstance(value, bytes):
            _damaged(source, table, row, Text("row_not_text", column=column, kind="bytes"))
    if table.name == "attachments":
        digest = hashlib.sha256(_content(source, row)).hexdigest()
        if digest != table.key_of(row, ("sha256",))[0]:
            _damaged(source, table, row, Text("copy_content_changed"))


def _damaged(source: Store, table: Table, row: Sequence[object], detail: Text) -> None:
    raise StoreError(
        Text("copy_damaged_row", path=source.path, row=table.named([row]), detail=detail)
    )


def counts(store: Store) -> dict[str, int]:
    """How many rows each table holds."""
    return {t.name: int(store.query(f"SELECT COUNT(*) FROM {t.name}")[0][0]) for t in TABLES}


def read_source(source: Store, *, to_server: bool) -> list[Rows]:
    """Every row of the tables, checked; StoreError for a damaged one (nothing copied)."""
    damaged = counts(source)["contacts"] - len(Contacts(source).all())  # each named
    if damaged:
        what = Text("copy_count_contacts", count=damaged)
        raise StoreError(Text("copy_unreadable", path=source.path, what=what))
    found = []
    for table in TABLES:
        rows = _read(source, table)
        for row in rows:
            _check(source, table, row, to_server)
        found.append(Rows(table, rows, rows))
    return found


def refuse_clashes(into: Store, found: list[Rows]) -> None:
    """Refuse rows the target holds already (an identical contact is left out instead)."""
    for rows in found:
        table = rows.table
        held = _keys(into, table)
        if not held:
            continue
        clashing = [r for r in rows.rows if table.key_of(r) in held]
        if not clashing:
            continue
        if not table.same_is_fine:
            raise StoreError(Text("copy_clash", path=into.path, rows=table.named(clashing)))
        theirs = set(_read(into, table))
        differing = [r for r in clashing if r not in theirs]
        if differing:
            raise StoreError(
                Text("copy_clash_differs", path=into.path, rows=table.named(differing))
            )
        rows.new = [r for r in rows.rows if r not in theirs]


def names(keys: list[str]) -> str | Text:
    """The first five of ``keys``, and how many more there are."""
    if len(keys) <= 5:
        return ", ".join(keys)
    return Text("copy_more", names=", ".join(keys[:5]), more=len(keys) - 5)


def write(db: Any, source: Store, found: list[Rows]) -> None:
    """Within the target's transaction: every new row, each attachment's content read from
    the source as it is written (one file in memory at a time)."""
    for rows in found:
        table = rows.table
        marks = ", ".join("?" * len(table.columns))
        insert = f"INSERT INTO {table.name} ({', '.join(table.columns)}) VALUES ({marks})"
        if CONTENT not in table.columns:
            if rows.new:
                db.executemany(insert, rows.new)
            continue
        for row in rows.new:
            db.execute(insert, (*row, _content(source, row)))


def _digests(store: Store, table: Table, *, read_back: bool) -> Counter[tuple[Any, ...]]:
    """Each row as stored; an attachment's with the SHA-256 of its content, as read back
    (``read_back``: the target's) or as recorded (the source's, checked before copying)."""
    rows = _read(store, table)
    if CONTENT not in table.columns:
        return Counter(rows)
    if not read_back:
        return Counter((*row, table.key_of(row, ("sha256",))[0]) for row in rows)
    return Counter((*row, hashlib.sha256(_content(store, row)).hexdigest()) for row in rows)


def compare(source: Store, into: Store, found: list[Rows], before: dict[str, int]) -> None:
    """After the commit: every copied row is in the target, as it is in the source (an
    attachment's content with the SHA-256 the source holds), and the target holds as many
    rows as it did plus those copied; StoreError naming what differs."""
    after = counts(into)
    for rows in found:
        table = rows.table
        missing = _digests(source, table, read_back=False) - _digests(into, table, read_back=True)
        if missing or after[table.name] != before[table.name] + len(rows.new):
            wrong = table.named(list(missing) or rows.new)
            raise StoreError(Text("copy_mismatch", path=into.path, source=source.path, rows=wrong))


def copied(found: Iterable[Rows]) -> dict[str, int]:
    """How many rows of each table were copied."""
    return {rows.table.name: len(rows.new) for rows in found}
