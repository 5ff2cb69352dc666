"""The outcomes of the flowchart the package ships, for the benchmarks' fills: taken from
the chart itself, so every filled case has an outcome the app and the commands can name
(an id the chart does not have is shown raw), and a due time only where its outcome has
one (``due:``), whatever the chart holds when the benchmark runs."""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from gk_respond.flowchart.schema import Flowchart


@cache
def _chart() -> Flowchart:
    from gk_respond import default_flowchart
    from gk_respond.flowchart.load import load

    return load(default_flowchart())


def outcome_ids() -> tuple[str, ...]:
    """Every outcome's id, in the chart's order."""
    return tuple(_chart().outcomes)


def due_outcome_ids() -> frozenset[str]:
    """The ids of the outcomes a case with it is due within a time (``due:``)."""
    return frozenset(i for i, outcome in _chart().outcomes.items() if outcome.due is not None)
