"""One triage: the comment found and the walk through the chart. No UI."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import astuple, dataclass, field
from typing import Any

from .flowchart.engine import Chart, Walk

PLATFORMS = ("facebook", "instagram", "x", "youtube", "linkedin", "blog_forum", "other")


@dataclass
class Comment:
    """What the staff member found. Every field is optional; ``text`` is untrusted."""

    text: str = ""
    platform: str = ""
    url: str = ""
    author: str = ""
    found: str = ""  # when and where it was found, as the staff member says it


# The question the channel register answers: a comment whose address belongs to a channel in
# the register (Bilaga 1: each department registers the social media it runs) is on the
# municipality's own channel (Bilaga 2: "Om kommunen äger kanalen"). Offered, never forced.
OWNS_CHANNEL = ("owns_channel", "ja")


def channel_preset(chart: Chart) -> dict[str, str]:
    """The answer the register gives for a registered channel, if this chart asks it."""
    qid, answer = OWNS_CHANNEL
    if qid in chart.flowchart.questions and answer in {o.id for o in chart.options(qid)}:
        return {qid: answer}
    return {}


def utc_now() -> str:
    """The time now, as the case log keeps it (UTC, ISO 8601); see ``clock``."""
    from .clock import now_text

    return now_text()


@dataclass
class Triage:
    """The comment, the walk (with its history, timed by ``clock``), the steps ticked, the
    notes, the reply written, and the number of the case it was saved as, if it was."""

    chart: Chart
    comment: Comment = field(default_factory=Comment)
    clock: Callable[[], str] = utc_now
    ticked: set[int] = field(default_factory=set)  # the outcome's steps done, by index
    notes: str = ""
    reply: str = ""  # the reply written in the editor (untrusted, like the comment)
    case: str = ""  # the case number once saved
    channel: str = ""  # the registered channel the comment's address is on: its name
    channel_id: str = ""  # and its id in the register
    channel_admins: list[dict[str, str]] = field(default_factory=list)  # and its administrators
    # who to contact on the outcome, as render.contacts_data gives it (the front end fills it)
    contacts: list[dict[str, Any]] = field(default_factory=list)
    walk: Walk = field(init=False)
    _saved: tuple[object, ...] = field(default=(), init=False, repr=False)

    def __post_init__(self) -> None:
        self.walk = Walk(self.chart, clock=self.clock)

    def new(self) -> None:
        """Start over with a new comment."""
        self.comment = Comment()
        self.ticked = set()
        self.notes = ""
        self.reply = ""
        self.case = ""
        self.channel = self.channel_id = ""
        self.channel_admins, self.contacts = [], []
        self.walk = Walk(self.chart, clock=self.clock)
        self._saved = ()

    @property
    def preset(self) -> dict[str, str]:
        """Answers offered before the question is asked: the register's, when it matched."""
        return channel_preset(self.chart) if self.channel else {}

    def _state(self) -> tuple[object, ...]:
        return (
            tuple(self.walk.path),
            tuple(sorted(self.ticked)),
            self.notes,
            astuple(self.comment),
            self.reply,
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
