"""The structure of a training scenario file (one scenario a file), not its fit with the
flowchart (see ``check.py``).

Like the flowchart's schema these are plain frozen dataclasses that pydantic validates only
when a file is read (``flowchart/validate.py``); every text is given in Swedish and English.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Annotated

from ..flowchart.problems import Positions
from ..flowchart.schema import STRICT, AtLeastOne, Id, NonEmpty, Source, Text


@dataclass(frozen=True)
class Expected:
    """The answer the policy expects to one question, and why."""

    __pydantic_config__ = STRICT
    answer: NonEmpty  # an option id or alias of the question (ja, nej, share, ...)
    why: Text


@dataclass(frozen=True)
class Scenario:
    """A realistic comment and the way through the flowchart the policy expects for it."""

    __pydantic_config__ = STRICT
    id: Id
    title: Text
    comment: Text  # the comment as posted (fictional)
    platform: Id  # one of triage.PLATFORMS
    owns_channel: bool  # whether the municipality owns the channel
    answers: Annotated[
        dict[Id, Expected], AtLeastOne()
    ]  # question id -> expected answer, in the order asked
    outcomes: Annotated[
        list[Id], AtLeastOne()
    ]  # the acceptable outcomes; the expected path ends in one of them
    source: Source  # the part of the policy the scenario teaches
    tags: list[Id] = field(default_factory=list)
    channel: Text | None = None  # where it was posted, in words
    author: Text | None = None  # who wrote it, as far as it matters (followers, role)


@dataclass(frozen=True)
class Loaded:
    """A scenario, the file it came from and where each of its values stands in the file."""

    file: str
    scenario: Scenario
    positions: Positions
