"""A training session: the scenarios chosen, answered one after another, and graded. No UI:
the app renders what this holds."""

from __future__ import annotations

import difflib
import random
from collections.abc import Iterable
from dataclasses import dataclass, field

from ..flowchart.engine import Chart, Step
from .grade import Graded, Report, grade
from .schema import Loaded, Scenario


class SelectionError(ValueError):
    """No scenario fits what was asked for."""


def select(
    loaded: list[Loaded],
    tags: Iterable[str] = (),
    sample: int | None = None,
    seed: int | None = None,
) -> list[Loaded]:
    """The scenarios with any of ``tags`` (each may be comma-separated; none: all), in file
    order; with ``sample``, that many of them at random (``seed`` repeats a draw).
    SelectionError names every tag no scenario has, even when other tags match."""
    wanted = {tag.strip() for text in tags for tag in text.split(",") if tag.strip()}
    known = sorted({tag for item in loaded for tag in item.scenario.tags})
    if unknown := sorted(wanted.difference(known)):
        named = ", ".join(_with_guess(tag, known) for tag in unknown)
        raise SelectionError(
            f"no scenario has the tag{'s' if len(unknown) > 1 else ''} {named}; "
            f"tags: {', '.join(known)}"
        )
    chosen = [item for item in loaded if not wanted or wanted & set(item.scenario.tags)]
    if sample is not None:
        chosen = random.Random(seed).sample(chosen, min(sample, len(chosen)))
    return chosen


def _with_guess(tag: str, known: list[str]) -> str:
    close = difflib.get_close_matches(tag, known, n=1)
    return f"{tag} (did you mean {close[0]}?)" if close else tag


@dataclass
class Session:
    chart: Chart
    scenarios: list[Scenario]
    trainee: str = ""
    graded: list[Graded] = field(default_factory=list)
    index: int = 0  # the scenario shown now
    exported: int = 0  # how many of the graded walks the last export held

    @property
    def unexported(self) -> bool:
        """Whether a graded walk would be lost: it is in no export yet."""
        return len(self.graded) > self.exported

    @property
    def current(self) -> Scenario | None:
        return self.scenarios[self.index] if self.index < len(self.scenarios) else None

    @property
    def finished(self) -> bool:
        return self.index >= len(self.scenarios)

    def record(self, path: list[Step], outcome: str) -> Graded:
        """The trainee reached ``outcome`` for the current scenario: graded and kept."""
        assert self.current is not None
        graded = grade(self.chart, self.current, path, outcome)
        self.graded.append(graded)
        return graded

    def advance(self) -> None:
        self.index += 1

    def end(self) -> None:
        """End the session early: the scenarios not answered are left out of the report."""
        self.index = len(self.scenarios)

    def report(self) -> Report:
        return Report(list(self.graded))
