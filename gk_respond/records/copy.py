"""Moving a case log: every case (with its history, notes and follow-up fields), the case
numbers given, the channel register, the contacts, the web app's accounts with their log,
and the attachments with their withdrawals (copy_tables.py), from one log to another (SQLite
to a team's PostgreSQL server, say), in one transaction, checked afterwards. No UI."""

from __future__ import annotations

import hashlib
import itertools
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass, field, fields

from ..messages import Text, plural_key
from . import copy_tables
from .channels import Channel, Channels, insert_channel
from .location import is_url, shown
from .queries import BATCH
from .store import RAISE_COUNTER, Case, Store, StoreError, insert_cases
from .tally_check import differences

COUNTERS = "SELECT year, last FROM case_counters"


@dataclass(frozen=True)
class Copied:
    cases: int
    channels: int
    target: str  # as it may be shown
    rows: dict[str, int] = field(default_factory=dict)  # of each table in copy_tables


def _count(store: Store, table: str) -> int:
    return int(store.query(f"SELECT COUNT(*) FROM {table}")[0][0])


def _digests(store: Store) -> dict[str, str]:
    """Each case's number and the SHA-256 of its comment, as stored."""
    rows = store.query("SELECT number, comment_text FROM cases")
    return {row[0]: hashlib.sha256(str(row[1]).encode()).hexdigest() for row in rows}


def _sound(source: Store, to_server: bool) -> list[Channel]:
    """Every channel of ``source``, after a pass over its cases (one at a time: memory does
    not grow with the log); refused if any stored row is damaged, or (``to_server``) holds
    a NUL."""
    cases = 0
    for case in source.iter_cases():
        cases += 1
        if to_server:
            _refuse_nul(source, case)
    channels = Channels(source).all()
    for table, found in (("cases", cases), ("channels", len(channels))):
        damaged = _count(source, table) - found
        if damaged:
            what = Text(plural_key(f"copy_count_{table}", damaged), count=damaged)
            raise StoreError(Text("copy_unreadable", path=source.path, what=what))
    return channels


def _insert(source: Store, db: sqlite3.Connection, held: set[str]) -> tuple[int, list[str]]:
    """Within the target's transaction: every case of ``source``, a batch at a time, and
    the case counters raised past them; how many, and the numbers ``held`` has already
    (then the caller rolls back)."""
    count, clashes = 0, []
    cases = source.iter_cases()
    while batch := list(itertools.islice(cases, BATCH)):
        clashes += [case.number for case in batch if case.number in held]
        if not clashes:
            insert_cases(db, batch)  # raises the counters past the batch's numbers
        count += len(batch)
    for year, last in source.query(COUNTERS):  # and past numbers given to no case kept
        db.execute(RAISE_COUNTER, (int(year), int(last)))
    return count, sorted(clashes)


def _refuse_clashes(into: Store, numbers: list[str]) -> None:
    """Refuse case numbers the target holds already, naming them."""
    if numbers:
        row = Text("copy_row_cases", id=copy_tables.names(numbers))
        raise StoreError(Text("copy_clash", path=into.path, rows=row))


def _refuse_nul(source: Store, case: Case) -> None:
    """For a PostgreSQL target, which keeps no NUL: refuse, naming it, a case whose text holds
    one (its lists are kept as JSON, where a NUL is written as an escape)."""
    for name in _TEXT_FIELDS:
        value = getattr(case, name)
        if isinstance(value, str) and "\x00" in value:
            row = Text("copy_row_cases", id=case.number)
            raise StoreError(Text("copy_nul", path=source.path, row=row, column=name))


_TEXT_FIELDS = tuple(f.name for f in fields(Case))


def _listed(parts: list[Text]) -> Text:
    """``parts`` as a message lists them: "a, b and c" ("a, b och c")."""
    if len(parts) == 1:
        return parts[0]
    if len(parts) == 2:
        return Text("copy_last", first=parts[0], last=parts[1])
    return Text("copy_list", first=parts[0], rest=_listed(parts[1:]))


def copy_log(
    source: Store,
    target: str,
    *,
    append: bool = False,
    warn: Callable[[str], None] | None = None,
) -> Copied:
    """Copy everything in ``source`` to the log at ``target`` (created if need be), keeping
    every case number. A target that holds anything is refused unless ``append``, which still
    refuses a case number, channel id, contact id or user name it holds already (with other
    data, for a channel or contact). After the commit the counts, each comment's SHA-256 and
    every other copied row (an attachment by its content's SHA-256) are compared on both
    sides, and the target's statistics' summary (which its own triggers build as the cases
    are written, so it is not copied) with its cases (StoreError if they differ). Every
    read of ``source`` is in one snapshot of it (``Store.snapshot``): a save meanwhile is
    neither copied nor compared, and does not wait."""
    if shown(target) == source.path:
        raise StoreError(Text("copy_same", path=source.path))
    with source.snapshot() as view:
        return _copy(view, target, append=append, warn=warn)


def _copy(
    source: Store, target: str, *, append: bool, warn: Callable[[str], None] | None
) -> Copied:
    channels = _sound(source, to_server=is_url(target))
    tables = copy_tables.read_source(source, to_server=is_url(target))
    with Store(target, warn=warn) as into:
        before = _digests(into)
        held = {c.id: c for c in Channels(into).all()}
        rows_before = copy_tables.counts(into)
        holds = {"cases": len(before), "channels": len(held), **rows_before}
        if any(holds.values()) and not append:
            held_counts = [(t, n) for t, n in holds.items() if n]
            listed = _listed(
                [Text(plural_key(f"copy_count_{t}", n), count=n) for t, n in held_counts]
            )
            raise StoreError(Text("copy_held", path=into.path, held=listed))
        numbers = {number for (number,) in source.query("SELECT number FROM cases")}
        _refuse_clashes(into, sorted(set(before) & numbers))
        differing = sorted(c.id for c in channels if c.id in held and held[c.id] != c)
        if differing:
            row = Text("copy_row_channels", id=copy_tables.names(differing))
            raise StoreError(Text("copy_clash_differs", path=into.path, rows=row))
        copy_tables.refuse_clashes(into, tables)
        new_channels = [c for c in channels if c.id not in held]
        with into.transaction() as db:
            copied, clashes = _insert(source, db, set(before))
            _refuse_clashes(into, clashes)  # saved meanwhile: the transaction is rolled back
            for channel in new_channels:
                insert_channel(db, channel)
            copy_tables.write(db, source, tables)
        after = _digests(into)
        source_digests = _digests(source)
        wrong = sorted(n for n, digest in source_digests.items() if after.get(n) != digest)
        if wrong or len(after) != len(before) + len(source_digests):
            row = Text("copy_row_cases", id=copy_tables.names(wrong))
            raise StoreError(Text("copy_mismatch", path=into.path, source=source.path, rows=row))
        if _count(into, "channels") != len(held) + len(new_channels):
            row = Text("copy_row_channels", id=copy_tables.names([c.id for c in new_channels]))
            raise StoreError(Text("copy_mismatch", path=into.path, source=source.path, rows=row))
        copy_tables.compare(source, into, tables, rows_before)
        days = differences(into)  # the target's triggers tallied the cases as they came
        if days:
            row = Text("copy_row_tallies", id=copy_tables.names(days))
            raise StoreError(Text("copy_mismatch", path=into.path, source=source.path, rows=row))
        return Copied(copied, len(new_channels), into.path, copy_tables.copied(tables))
