"""Moving a case log: every case (with its history, notes and follow-up fields), the case
numbers given, and the channel register, from one log to another (SQLite to a team's
PostgreSQL server, say), in one transaction, checked afterwards. No UI."""

from __future__ import annotations

import hashlib
import itertools
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass

from .channels import Channel, Channels, insert_channel
from .location import shown
from .store import BATCH, RAISE_COUNTER, Store, StoreError, insert_cases

COUNTERS = "SELECT year, last FROM case_counters"


@dataclass(frozen=True)
class Copied:
    cases: int
    channels: int
    target: str  # as it may be shown


def _count(store: Store, table: str) -> int:
    return int(store.query(f"SELECT COUNT(*) FROM {table}")[0][0])


def _digests(store: Store) -> dict[str, str]:
    """Each case's number and the SHA-256 of its comment, as stored."""
    rows = store.query("SELECT number, comment_text FROM cases")
    return {row[0]: hashlib.sha256(str(row[1]).encode()).hexdigest() for row in rows}


def _sound(source: Store) -> list[Channel]:
    """Every channel of ``source``, after a pass over its cases (one at a time: memory does
    not grow with the log); refused if any stored row is damaged."""
    cases = sum(1 for _ in source.iter_cases())
    channels = Channels(source).all()
    for table, found in (("cases", cases), ("channels", len(channels))):
        damaged = _count(source, table) - found
        if damaged:
            raise StoreError(
                f"{source.path}: {damaged} of its {table} cannot be read (named above); "
                "nothing was copied — restore them from a backup first"
            )
    return channels


def _insert(source: Store, db: sqlite3.Connection, held: set[str]) -> tuple[int, list[str]]:
    """Within the target's transaction: every case of ``source``, a batch at a time, and
    the case counters raised past them; how many, and the numbers ``held`` has already
    (then the caller rolls back)."""
    highest = {int(year): int(last) for year, last in source.query(COUNTERS)}
    count, clashes = 0, []
    cases = source.iter_cases()
    while batch := list(itertools.islice(cases, BATCH)):
        clashes += [case.number for case in batch if case.number in held]
        if not clashes:
            insert_cases(db, batch)
        for case in batch:
            year, seq = (int(part) for part in case.number.split("-"))
            highest[year] = max(highest.get(year, 0), seq)
        count += len(batch)
    for year, last in sorted(highest.items()):
        db.execute(RAISE_COUNTER, (year, last))
    return count, sorted(clashes)


def _names(numbers: list[str]) -> str:
    return ", ".join(numbers[:5]) + (f" and {len(numbers) - 5} more" if len(numbers) > 5 else "")


def copy_log(
    source: Store,
    target: str,
    *,
    append: bool = False,
    warn: Callable[[str], None] | None = None,
) -> Copied:
    """Copy everything in ``source`` to the log at ``target`` (created if need be), keeping
    every case number. A target that holds cases or channels is refused unless ``append``,
    which still refuses a case number or channel id it holds already. After the commit the
    counts and each comment's SHA-256 are compared on both sides (StoreError if they differ).
    """
    if shown(target) == source.path:
        raise StoreError(f"{source.path}: is the log being copied; give another --to")
    channels = _sound(source)
    with Store(target, warn=warn) as into:
        before = _digests(into)
        held = {c.id: c for c in Channels(into).all()}
        if (before or held) and not append:
            raise StoreError(
                f"{into.path}: already holds {len(before)} cases and {len(held)} channels; "
                "nothing was copied (--append adds to them, renumbering nothing)"
            )
        differing = sorted(c.id for c in channels if c.id in held and held[c.id] != c)
        if differing:
            raise StoreError(
                f"{into.path}: already holds another channel {_names(differing)}; nothing "
                "was copied"
            )
        new_channels = [c for c in channels if c.id not in held]
        with into.transaction() as db:
            copied, clashes = _insert(source, db, set(before))
            if clashes:  # raised in the transaction: it is rolled back
                raise StoreError(
                    f"{into.path}: already holds case {_names(clashes)}; nothing was copied"
                )
            for channel in new_channels:
                insert_channel(db, channel)
        after = _digests(into)
        source_digests = _digests(source)
        wrong = sorted(n for n, digest in source_digests.items() if after.get(n) != digest)
        if wrong or len(after) != len(before) + len(source_digests):
            raise StoreError(
                f"{into.path}: the copy does not match {source.path} (case {_names(wrong)}); "
                "compare the two before using it"
            )
        if _count(into, "channels") != len(held) + len(new_channels):
            raise StoreError(f"{into.path}: the copied channels do not match {source.path}")
        return Copied(copied, len(new_channels), into.path)
