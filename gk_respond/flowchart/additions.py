"""Checks that every addition is marked the same way: a question, outcome, step or guidance
point that goes beyond the policy's chart (Bilaga 2) or the policy itself carries
``addition:`` (the line shown beside it) and its own ``source:`` beginning "Tillägg", and
a ``source:`` that says "Tillägg" belongs to a part marked ``addition:``."""

from __future__ import annotations

from collections.abc import Callable, Iterator

from .problems import Path
from .schema import Flowchart, Text

Report = Callable[[Path, str], None]
MARK = "Tillägg"


def check_additions(chart: Flowchart, report: Report) -> None:
    for path, what, source, addition in _parts(chart):
        says = bool(source) and source.startswith(MARK)
        if addition is not None and not says:
            report(
                (*path, "source") if source else path,
                f"{what} is marked addition: but its own source: does not begin with "
                f"“{MARK}”; say there what it adds and on what it rests",
            )
        elif addition is None and says:
            report(
                (*path, "source"),
                f"{what}: its source: says “{MARK}” but it has no addition: line to show "
                "users that it goes beyond the policy",
            )


def _parts(chart: Flowchart) -> Iterator[tuple[Path, str, str | None, Text | None]]:
    for qid, question in chart.questions.items():
        yield ("questions", qid), f"question {qid!r}", question.source, question.addition
    for oid, outcome in chart.outcomes.items():
        yield ("outcomes", oid), f"outcome {oid!r}", outcome.source, outcome.addition
        if outcome.due is not None:
            due = outcome.due
            yield ("outcomes", oid, "due"), f"outcome {oid!r}, due", due.source, due.addition
        for index, step in enumerate(outcome.steps):
            path = ("outcomes", oid, "steps", index)
            yield path, f"outcome {oid!r}, step {index + 1}", step.source, step.addition
    for gid, section in chart.guidance.items():
        for index, point in enumerate(section.points):
            path = ("guidance", gid, "points", index)
            yield path, f"guidance {gid!r}, point {point.id!r}", point.source, point.addition
