"""Triages in progress, kept in the server's memory and keyed by a random id in the page's
address; each belongs to the person who started it.

Why here and not in the address or on disk: the comment is personal data and can be long,
so it must not travel in URLs (proxy logs, browser history), and a triage not saved as a
case is not written to disk at all; the walk's history (answers taken back, with times) is
kept as the TUI keeps it. Each page's address names the step it shows
(``/triage/ID?step=N``), so a reload shows the same page and the browser's back button
shows an earlier question, whose answer then goes back to that step first: it never
corrupts the walk. A draft not touched for the idle time is dropped; so is every draft
when the server restarts (sessions end then too).
"""

from __future__ import annotations

import secrets
import threading
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass, field

from ..flowchart.engine import Chart
from ..triage import Triage

PER_OWNER = 50  # drafts one person may have open; the oldest goes first


@dataclass
class Draft:
    id: str
    owner: str
    triage: Triage
    touched: float
    lock: threading.Lock = field(default_factory=threading.Lock, repr=False)


class Drafts:
    """Kept in the order they were last touched, so dropping the idle ones looks only at
    the oldest (not at every draft, on every request: with many drafts open that scan was
    a cost of every page); each owner's drafts are counted by their own index."""

    def __init__(self, chart: Chart, clock: Callable[[], float], idle_seconds: float) -> None:
        self.chart = chart
        self.clock = clock
        self.idle = idle_seconds
        self._drafts: OrderedDict[str, Draft] = OrderedDict()  # oldest touched first
        self._mine: dict[str, OrderedDict[str, None]] = {}  # each owner's, oldest first
        self._lock = threading.Lock()

    def _drop(self, draft_id: str) -> None:
        draft = self._drafts.pop(draft_id)
        mine = self._mine[draft.owner]
        del mine[draft_id]
        if not mine:
            del self._mine[draft.owner]

    def _expire(self) -> None:
        now = self.clock()
        while self._drafts:
            oldest = next(iter(self._drafts.values()))
            if now - oldest.touched <= self.idle:
                break
            self._drop(oldest.id)

    def _touch(self, draft: Draft) -> None:
        draft.touched = self.clock()
        self._drafts.move_to_end(draft.id)
        self._mine[draft.owner].move_to_end(draft.id)

    def new(self, owner: str) -> Draft:
        with self._lock:
            self._expire()
            mine = self._mine.setdefault(owner, OrderedDict())
            while len(mine) >= PER_OWNER:  # the least recently used goes first
                self._drop(next(iter(mine)))
            mine = self._mine.setdefault(owner, OrderedDict())
            draft = Draft(secrets.token_urlsafe(12), owner, Triage(self.chart), self.clock())
            self._drafts[draft.id] = draft
            mine[draft.id] = None
            return draft

    def get(self, draft_id: str, owner: str) -> Draft | None:
        """The draft, if it exists and is ``owner``'s (another's is as good as none)."""
        with self._lock:
            self._expire()
            draft = self._drafts.get(draft_id)
            if draft is None or draft.owner != owner:
                return None
            self._touch(draft)
            return draft

    def __len__(self) -> int:
        return len(self._drafts)
