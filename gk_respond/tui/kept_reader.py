"""The app's case log on a server (PostgreSQL) opened to read once and kept open between
reads: opening it (a new server process, the password's check, the log's own checks) takes
about 20 ms, as long as a search's read itself. An SQLite file is opened for each read, as
before: that takes 4 ms, and its connection serves the thread that made it. No widgets, so
a worker thread may use it."""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import TYPE_CHECKING, TypeVar

if TYPE_CHECKING:
    from ..records.store import Store

T = TypeVar("T")


class KeptReader:
    """``read(location, work)``: ``work`` done with the log at ``location`` opened to read
    (by ``opened``), kept open for the next read of the same location. One read at a time
    has it; a read while another has it opens one of its own. A read that fails on it
    closes it, and a StoreError there (a connection the server dropped while it was kept)
    is tried once more on a new one, so a read fails only as it would have without it."""

    def __init__(self, opened: Callable[[str], Store]) -> None:
        self._opened = opened
        self._lock = threading.Lock()
        self._kept: tuple[str, Store] | None = None
        self._closed = False

    def read(self, location: str, work: Callable[[Store], T]) -> T:
        from ..records.store import StoreError

        if not self._lock.acquire(blocking=False):  # another read has it
            with self._opened(location) as store:
                return work(store)
        try:
            if self._kept is not None and self._kept[0] == location:
                try:
                    return work(self._kept[1])
                except BaseException as error:
                    self._drop()
                    if not isinstance(error, StoreError):
                        raise
                    # kept since it was opened (the server may have dropped it): once
                    # more, on a new one
            self._drop()
            self._kept = (location, self._opened(location))
            try:
                return work(self._kept[1])
            except BaseException:
                self._drop()
                raise
        finally:
            if self._closed:  # (closed while this read was at work)
                self._drop()
            self._lock.release()

    def _drop(self) -> None:
        if self._kept is not None:
            store, self._kept = self._kept[1], None
            store.close()

    def close(self) -> None:
        """Close the kept log (the app is done), or have the read at work close it."""
        self._closed = True
        if self._lock.acquire(blocking=False):
            try:
                self._drop()
            finally:
                self._lock.release()
