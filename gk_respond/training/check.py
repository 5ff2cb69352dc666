"""Scenarios checked against the flowchart: every expected path is a real path of the chart
that ends in one of the scenario's acceptable outcomes, every id exists, ids are unique
across files. Each problem is placed at its file:line:column."""

from __future__ import annotations

from collections.abc import Iterable

from ..flowchart.engine import AnswerError, Chart, Step, Walk
from ..flowchart.problems import Path, Problem, listing, locate, suggest
from ..triage import PLATFORMS
from .schema import Loaded, Scenario

OWNS_CHANNEL = "owns_channel"  # the question the scenario's own owns_channel: must agree with


def check(chart: Chart, loaded: Iterable[Loaded]) -> list[Problem]:
    problems: list[Problem] = []
    first: dict[str, Loaded] = {}
    for item in loaded:
        found: list[Problem] = []

        def report(path: Path, message: str, item: Loaded = item, found=found) -> None:
            found.append(Problem(item.file, *locate(item.positions, path), message))

        scenario = item.scenario
        if scenario.id in first:
            other = first[scenario.id]
            line, _ = locate(other.positions, ("id",))
            report(("id",), f"scenario id {scenario.id!r} is already used in {other.file}:{line}")
        first.setdefault(scenario.id, item)
        if scenario.platform not in PLATFORMS:
            report(
                ("platform",),
                f"{scenario.platform!r} is not a platform"
                + suggest(scenario.platform, PLATFORMS)
                + f" (platforms: {', '.join(PLATFORMS)})",
            )
        _check_outcomes(chart, scenario, report)
        _check_path(chart, scenario, report)
        found.sort(key=lambda p: (p.line or 0, p.column or 0))
        problems += found
    return problems


def _check_outcomes(chart: Chart, scenario: Scenario, report) -> None:
    known = chart.flowchart.outcomes
    for index, oid in enumerate(scenario.outcomes):
        if oid not in known:
            report(
                ("outcomes", index),
                f"{oid!r} is not an outcome"
                + suggest(oid, known)
                + f" (outcomes: {listing(known)})",
            )
        elif oid in scenario.outcomes[:index]:
            report(("outcomes", index), f"outcome {oid!r} is listed twice")


def _check_path(chart: Chart, scenario: Scenario, report) -> None:
    """Walk the chart with the expected answers, in the order given."""
    walk = Walk(chart)
    lost = False  # once the path is off the chart, later answers cannot be judged
    for qid, expected in scenario.answers.items():
        where: Path = ("answers", qid)
        if qid not in chart.flowchart.questions:
            known = chart.flowchart.questions
            report(where, f"{qid!r} is not a question" + suggest(qid, known))
            lost = True
            continue
        try:
            answer = chart.answer_id(qid, expected.answer)
        except AnswerError as error:
            report((*where, "answer"), str(error))
            lost = True
            continue
        if (
            qid == OWNS_CHANNEL
            and answer in ("ja", "nej")
            and (answer == "ja") != scenario.owns_channel
        ):
            report(
                (*where, "answer"),
                f"{OWNS_CHANNEL} is answered {answer}, but the scenario says owns_channel: "
                f"{str(scenario.owns_channel).lower()}",
            )
        if lost:
            continue
        if walk.finished:
            report(
                where,
                f"{qid!r} comes after the path has ended at outcome {walk.outcome!r} "
                f"(path: {_taken(walk.path)}); remove it",
            )
            lost = True
        elif walk.question != qid:
            later = qid in chart.questions_from(walk.node)
            report(
                where,
                f"after {_taken(walk.path)} the flowchart asks {walk.question!r}, not {qid!r}"
                + ("; answer it first" if later else f"; {qid!r} is never asked on this path"),
            )
            lost = True
        else:
            walk.answer(answer)
    if lost:
        return
    if not walk.finished:
        report(
            ("answers",),
            f"the answers stop before an outcome (path: {_taken(walk.path)}); "
            f"the next question is {walk.question!r}",
        )
    elif walk.outcome not in scenario.outcomes:
        report(
            ("outcomes",),
            f"the expected path ends in {walk.outcome!r}, which is not among the acceptable "
            f"outcomes ({', '.join(scenario.outcomes)})",
        )


def expected_path(chart: Chart, scenario: Scenario) -> list[Step]:
    """The path the scenario expects (a checked scenario's answers, normalised to ids)."""
    walk = Walk(chart)
    for qid, expected in scenario.answers.items():
        walk.answer(chart.answer_id(qid, expected.answer))
    return walk.path


def _taken(path: list[Step]) -> str:
    return ", ".join(f"{s.question}={s.answer}" for s in path) or "the start"
