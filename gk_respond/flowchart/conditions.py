"""Checks of the ``when:`` conditions on outcome steps and guidance references: each names
questions and answers the chart has, and holds on at least one path to its outcome.

A condition holds for a walk when every question it names was answered with one of the
answers it allows (``schema.applies``). Satisfiability is a search over (node, questions of
the condition met so far) from the start, following only the answers the condition allows
where it names the question asked: linear in the chart's size for a condition on one
question, and bounded by 2^k times that for one on k questions; a search that would visit
more than ``MAX_STATES`` states is reported instead of run to the end.
"""

from __future__ import annotations

from collections.abc import Callable

from .problems import Path
from .schema import Flowchart, When

Report = Callable[[Path, str], None]
MAX_STATES = 200_000  # (node, questions met) pairs one condition's search may visit


def check_conditions(chart: Flowchart, report: Report) -> None:
    for oid, outcome in chart.outcomes.items():
        parts: list[tuple[Path, str, When | None]] = [
            (("outcomes", oid, "steps", index), f"step {index + 1}", step.when)
            for index, step in enumerate(outcome.steps)
        ]
        parts += [
            (("outcomes", oid, "guidance", index), f"guidance {ref.id!r}", ref.when)
            for index, ref in enumerate(outcome.guidance)
        ]
        for path, what, when in parts:
            if not when:
                continue
            known = _names_are_known(chart, when, (*path, "when"), f"{oid!r}, {what}", report)
            holds = _holds_on_some_path(chart, oid, when) if known else True
            if holds is None:
                report(
                    (*path, "when"),
                    f"outcome {oid!r}, {what}: when: too many combinations to check "
                    f"(more than {MAX_STATES:,}); name fewer questions",
                )
            elif not holds:
                report(
                    (*path, "when"),
                    f"outcome {oid!r}, {what}: when: no path to {oid!r} has " + describe(when),
                )
        if all(step.when for step in outcome.steps):
            report(
                ("outcomes", oid, "steps"),
                f"outcome {oid!r}: every step has a when:; give at least one step without "
                "when: so that every walk to it gets a step",
            )


def describe(when: When) -> str:
    """``joking=ja and owns_channel=ja``; ``a=x or y`` for a list of answers."""
    return " and ".join(f"{qid}={' or '.join(allowed)}" for qid, allowed in when.items())


def _names_are_known(chart: Flowchart, when: When, path: Path, what: str, report: Report) -> bool:
    from .problems import suggest

    known = True
    for qid, allowed in when.items():
        question = chart.questions.get(qid)
        if question is None:
            report(
                (*path, qid),
                f"outcome {what}: when: {qid!r} is not a question" + suggest(qid, chart.questions),
            )
            known = False
            continue
        options = [o.id for o in chart.answer_sets.get(question.answers, [])]
        for index, answer in enumerate(allowed):
            if options and answer not in options:
                report(
                    (*path, qid, index),
                    f"outcome {what}: when: {answer!r} is not an answer to question {qid!r} "
                    f"(answers: {', '.join(options)})",
                )
                known = False
    return known


def _holds_on_some_path(chart: Flowchart, outcome: str, when: When) -> bool | None:
    """Whether some path to ``outcome`` meets ``when``; None when the search would visit
    more than MAX_STATES states (a chart made to be expensive, never a real one)."""
    wanted = frozenset(when)
    first = (chart.start, frozenset[str]())
    seen = {first}
    stack = [first]
    while stack:
        node, met = stack.pop()
        if node == outcome:
            if met == wanted:
                return True
            continue
        found = chart.nodes.get(node)
        if found is None:
            continue
        qid = chart.question_at(node)
        for answer, target in found.next.items():
            now = met
            if qid in when:
                if answer not in when[qid]:
                    continue
                now = met | {qid}
            state = (target, now)
            if state not in seen:
                if len(seen) >= MAX_STATES:
                    return None
                seen.add(state)
                stack.append(state)
    return False
