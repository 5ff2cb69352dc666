"""One triage: the comment found and the walk through the chart. No UI."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import astuple, dataclass, field
from datetime import UTC, datetime

from .flowchart.engine import Chart, Walk

PLATFORMS = ("facebook", "instagram", "x", "youtube", "linkedin", "blog_forum", "other")


@dataclass
class Comment:
    """What the staff member found. Every field is optional; ``text`` is untrusted."""

    text: str = ""
    platform: str = ""
    url: str = ""
    author: str = ""
    found: str = ""  # where or how it was found


def utc_now() -> str:
    """The time now, as the case log keeps it (UTC, ISO 8601)."""
    return datetime.now(UTC).isoformat(timespec="seconds")


@dataclass
class Triage:
    """The comment, the walk (with its history, timed by ``clock``), the steps ticked, the
    notes, and the number of the case it was saved as, if it was."""

    chart: Chart
    comment: Comment = field(default_factory=Comment)
    clock: Callable[[], str] = utc_now
    ticked: set[int] = field(default_factory=set)  # the outcome's steps done, by index
    notes: str = ""
    case: str = ""  # the case number once saved
    walk: Walk = field(init=False)
    _saved: tuple[object, ...] = field(default=(), init=False, repr=False)

    def __post_init__(self) -> None:
        self.walk = Walk(self.chart, clock=self.clock)

    def new(self) -> None:
        """Start over with a new comment."""
        self.comment = Comment()
        self.ticked = set()
        self.notes = ""
        self.case = ""
        self.walk = Walk(self.chart, clock=self.clock)
        self._saved = ()

    def _state(self) -> tuple[object, ...]:
        return (
            tuple(self.walk.path),
            tuple(sorted(self.ticked)),
            self.notes,
            astuple(self.comment),
        )

    def mark_saved(self, number: str) -> None:
        """The triage as it is now is kept as case ``number``."""
        self.case = number
        self._saved = self._state()

    @property
    def saved_ticks_and_notes(self) -> tuple[set[int], str]:
        """The steps ticked and the notes as last saved (none before the first save)."""
        if not self._saved:
            return set(), ""
        ticked, notes = self._saved[1:3]
        return set(ticked), str(notes)

    @property
    def unsaved(self) -> bool:
        """Whether something changed since the triage was saved (or it never was)."""
        return self._state() != self._saved
