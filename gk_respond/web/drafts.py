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
    def __init__(self, chart: Chart, clock: Callable[[], float], idle_seconds: float) -> None:
        self.chart = chart
        self.clock = clock
        self.idle = idle_seconds
        self._drafts: dict[str, Draft] = {}
        self._lock = threading.Lock()

    def _expire(self) -> None:
        now = self.clock()
        for key in [k for k, d in self._drafts.items() if now - d.touched > self.idle]:
            del self._drafts[key]

    def new(self, owner: str) -> Draft:
        with self._lock:
            self._expire()
            mine = sorted(
                (d for d in self._drafts.values() if d.owner == owner), key=lambda d: d.touched
            )
            for old in mine[: max(0, len(mine) - PER_OWNER + 1)]:
                del self._drafts[old.id]
            draft = Draft(secrets.token_urlsafe(12), owner, Triage(self.chart), self.clock())
            self._drafts[draft.id] = draft
            return draft

    def get(self, draft_id: str, owner: str) -> Draft | None:
        """The draft, if it exists and is ``owner``'s (another's is as good as none)."""
        with self._lock:
            self._expire()
            draft = self._drafts.get(draft_id)
            if draft is None or draft.owner != owner:
                return None
            draft.touched = self.clock()
            return draft

    def __len__(self) -> int:
        return len(self._drafts)
