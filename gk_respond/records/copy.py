"""Moving a case log: every case (with its history, notes and follow-up fields), the case
numbers given, the channel register, the contacts, the web app's accounts with their log,
and the attachments with their withdrawals (copy_tables.py), from one log to another (SQLite
to a team's PostgreSQL server, say), in one transaction, checked afterwards. No UI."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass, field, fields

from ..messages import Text
from . import copy_tables
from .channels import Channel, Channels, insert_channel
from .location import is_url, shown
from .store import RAISE_COUNTER, Case, Store, StoreError, insert_cases


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


def _whole(source: Store) -> tuple[list[Case], list[Channel]]:
    """Every case and channel of ``source``; refused if any stored row is damaged."""
    cases, channels = source.cases(), Channels(source).all()
    for table, found in (("cases", cases), ("channels", channels)):
        damaged = _count(source, table) - len(found)
        if damaged:
            what = Text(f"copy_count_{table}", count=damaged)
            raise StoreError(Text("copy_unreadable", path=source.path, what=what))
    return cases, channels


def _refuse_nul(source: Store, cases: list[Case]) -> None:
    """For a PostgreSQL target, which keeps no NUL: refuse, naming it, a case whose text holds
    one (its lists are kept as JSON, where a NUL is written as an escape)."""
    for case in cases:
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
    sides (StoreError if they differ)."""
    if shown(target) == source.path:
        raise StoreError(Text("copy_same", path=source.path))
    cases, channels = _whole(source)
    if is_url(target):
        _refuse_nul(source, cases)
    tables = copy_tables.read_source(source, to_server=is_url(target))
    given = source.query("SELECT year, last FROM case_counters")
    with Store(target, warn=warn) as into:
        before = _digests(into)
        held = {c.id: c for c in Channels(into).all()}
        rows_before = copy_tables.counts(into)
        holds = {"cases": len(before), "channels": len(held), **rows_before}
        if any(holds.values()) and not append:
            listed = _listed([Text(f"copy_count_{t}", count=n) for t, n in holds.items() if n])
            raise StoreError(Text("copy_held", path=into.path, held=listed))
        clashes = sorted(set(before) & {c.number for c in cases})
        if clashes:
            row = Text("copy_row_cases", id=copy_tables.names(clashes))
            raise StoreError(Text("copy_clash", path=into.path, rows=row))
        differing = sorted(c.id for c in channels if c.id in held and held[c.id] != c)
        if differing:
            row = Text("copy_row_channels", id=copy_tables.names(differing))
            raise StoreError(Text("copy_clash_differs", path=into.path, rows=row))
        copy_tables.refuse_clashes(into, tables)
        new_channels = [c for c in channels if c.id not in held]
        with into.transaction() as db:
            insert_cases(db, cases)
            highest = {int(year): int(last) for year, last in given}
            for case in cases:
                year, seq = (int(part) for part in case.number.split("-"))
                highest[year] = max(highest.get(year, 0), seq)
            for year, last in sorted(highest.items()):
                db.execute(RAISE_COUNTER, (year, last))
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
        return Copied(len(cases), len(new_channels), into.path, copy_tables.copied(tables))
