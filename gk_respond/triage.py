"""One triage: the comment found and the walk through the chart. No UI."""

from __future__ import annotations

from dataclasses import dataclass, field

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


@dataclass
class Triage:
    chart: Chart
    comment: Comment = field(default_factory=Comment)
    ticked: set[int] = field(default_factory=set)  # the outcome's steps done, by index
    walk: Walk = field(init=False)

    def __post_init__(self) -> None:
        self.walk = Walk(self.chart)

    def new(self) -> None:
        """Start over with a new comment."""
        self.comment = Comment()
        self.ticked = set()
        self.walk = Walk(self.chart)
