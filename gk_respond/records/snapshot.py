"""One consistent read of the case log for a stream (every export, CLI and web): the cases
as they were when it began, however long it runs and whoever saves meanwhile. No UI.

``Store.iter_cases`` reads a batch of rows at a time (``queries._batches``); each batch on
its own would see the saves made since the one before, so an export running while someone
saves could skip a case, give one twice, or give one case's older and another's newer
state. Here every batch is read in one read-only transaction on a connection of its own,
opened for the stream and closed when it ends, fails or is abandoned (a closed generator,
a browser that went away):

- SQLite: a second connection, opened read-only, holds one read transaction (``BEGIN``
  and a first read). In WAL mode (every log this product writes) readers never block the
  writer: saves go on, and the file's WAL grows until the export ends (a checkpoint cannot
  pass a reader that still sees the older pages).
- PostgreSQL: a second session holds ``REPEATABLE READ READ ONLY``: one snapshot for every
  statement of the transaction, taken by its first, without a lock a writer waits for.

The store's own connection is left alone, so a front end keeps saving through it while an
export streams (and a web worker thread's connection is never held by a download).
"""

from __future__ import annotations

import copy
import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from typing import TYPE_CHECKING, Any

from .errors import StoreError

if TYPE_CHECKING:
    from .store import Store

# What pg_stat_activity shows for the session that holds an export's snapshot.
PG_APPLICATION = "gk-respond export"


# How the store opens an SQLite file (``store._connect``: its functions, its busy timeout),
# given by the store (this module does not import it), and the error codes on which it
# opens one immutable instead (``store._NO_SHARED_MEMORY``).
Connect = Callable[..., sqlite3.Connection]


@contextmanager
def snapshot(store: Store, connect: Connect, immutable_on: tuple[int, ...]) -> Iterator[Store]:
    """``store`` as a view whose every read sees the log as it was when the view was made,
    on a connection of its own, closed when the block ends, however it ends. Warnings (a
    damaged row left out) go to ``store``'s."""
    own = store._db
    with store._errors():
        if isinstance(own, sqlite3.Connection):
            reader = _sqlite_reader(own, connect, immutable_on)
        else:
            reader = _pg_reader(own)
    try:
        view = copy.copy(store)  # the same path, warnings and warn; another connection
        view._db = reader
        yield view
    finally:
        _close(reader)


def _close(reader: Any) -> None:
    """End the transaction and the connection (an error ending it: the connection is lost,
    and with it the transaction)."""
    if not isinstance(reader, sqlite3.Connection):  # answered: the server holds no snapshot
        with suppress(StoreError):
            reader.execute("ROLLBACK")
    reader.close()


def _sqlite_reader(
    own: sqlite3.Connection, connect: Connect, immutable_on: tuple[int, ...]
) -> sqlite3.Connection:
    """A read-only connection to ``own``'s file in a read transaction already holding its
    snapshot; usable from any one thread at a time (a download's chunks are made in
    whichever worker thread is free)."""
    ((file,),) = own.execute("SELECT file FROM pragma_database_list WHERE name = 'main'")
    reader = connect(file, readonly=True, shared=True)
    try:
        return _holding(reader)
    except sqlite3.OperationalError as error:
        reader.close()
        if getattr(error, "sqlite_errorcode", 0) not in immutable_on:
            raise
    # a read-only folder and no writer at work (the store opened it so too, ``_open``):
    # the file cannot change, so it is read as it is
    return _holding(connect(file, readonly=True, immutable=True, shared=True))


def _holding(reader: sqlite3.Connection) -> sqlite3.Connection:
    reader.execute("BEGIN")
    reader.execute("SELECT 1 FROM sqlite_master LIMIT 1").fetchall()  # the snapshot is taken
    return reader


def _pg_reader(own: Any) -> Any:
    """A new session on ``own``'s server (the same URL: user, database, search path) in a
    REPEATABLE READ READ ONLY transaction. Made by ``own``'s class, so that the driver is
    still loaded from one place only (``store._open_server``)."""
    reader = type(own)(own.url)
    try:
        reader.execute(f"SET application_name = '{PG_APPLICATION}'")
        reader.execute("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")
        reader.execute("SELECT 1").fetchall()  # the snapshot is taken by the first statement
    except BaseException:
        reader.close()
        raise
    return reader
