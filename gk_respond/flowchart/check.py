"""Static checks of a validated flowchart: every reference resolves, every node is reachable,
there are no cycles, every path from the start ends in an outcome, every ``when:`` can hold
(``conditions.py``) and every addition is marked (``additions.py``)."""

from __future__ import annotations

import difflib

from .additions import check_additions
from .conditions import check_conditions
from .problems import Path, Positions, Problem, locate
from .schema import Flowchart


def check(chart: Flowchart, positions: Positions, name: str) -> list[Problem]:
    problems: list[Problem] = []

    def report(path: Path, message: str) -> None:
        problems.append(Problem(name, *locate(positions, path), message))

    _check_answer_sets(chart, report)
    for qid, question in chart.questions.items():
        if question.answers not in chart.answer_sets:
            report(
                ("questions", qid, "answers"),
                f"question {qid!r} uses answer set {question.answers!r}, which does not exist"
                + _suggest(question.answers, chart.answer_sets),
            )
    for oid in chart.outcomes:
        if oid in chart.nodes:
            report(("outcomes", oid), f"{oid!r} is both a node and an outcome; ids must differ")
    if chart.start not in chart.nodes:
        report(
            ("start",),
            f"start {chart.start!r} is not a node" + _suggest(chart.start, chart.nodes),
        )
    _check_nodes(chart, report)
    for oid, outcome in chart.outcomes.items():
        for index, ref in enumerate(outcome.guidance):
            if ref.id not in chart.guidance:
                report(
                    ("outcomes", oid, "guidance", index),
                    f"outcome {oid!r} refers to guidance {ref.id!r}, which does not exist"
                    + _suggest(ref.id, chart.guidance),
                )
    for gid, section in chart.guidance.items():
        _check_unique([p.id for p in section.points], ("guidance", gid, "points"), "point", report)
    if chart.start in chart.nodes:
        _check_graph(chart, report)
    check_conditions(chart, report)
    check_additions(chart, report)
    problems.sort(key=lambda p: (p.line or 0, p.column or 0))
    return problems


def _check_answer_sets(chart: Flowchart, report) -> None:
    for sid, options in chart.answer_sets.items():
        if not options:
            report(("answer_sets", sid), f"answer set {sid!r} has no options")
        seen: dict[str, str] = {}
        for index, option in enumerate(options):
            for word in (option.id, *option.aliases):
                key = word.casefold()
                if key in seen and not (seen[key] == option.id and word != option.id):
                    report(
                        ("answer_sets", sid, index),
                        f"answer set {sid!r}: {word!r} is used by both {seen[key]!r} "
                        f"and {option.id!r}",
                    )
                seen.setdefault(key, option.id)


def _check_nodes(chart: Flowchart, report) -> None:
    targets = set(chart.nodes) | set(chart.outcomes)
    for nid, node in chart.nodes.items():
        qid = chart.question_at(nid)
        if qid not in chart.questions:
            hint = "" if node.ask else "; set ask: to the question it asks"
            report(
                ("nodes", nid, "ask") if node.ask else ("nodes", nid),
                f"node {nid!r} asks question {qid!r}, which does not exist"
                + _suggest(qid, chart.questions)
                + hint,
            )
            continue
        options = [o.id for o in chart.answer_sets.get(chart.questions[qid].answers, [])]
        if not options:
            continue
        for answer, target in node.next.items():
            if answer not in options:
                report(
                    ("nodes", nid, "next", answer),
                    f"node {nid!r}: {answer!r} is not an answer to question {qid!r} "
                    f"(answers: {', '.join(options)})",
                )
            if target not in targets:
                report(
                    ("nodes", nid, "next", answer),
                    f"node {nid!r}: answer {answer!r} leads to {target!r}, which is neither a "
                    "node nor an outcome" + _suggest(target, targets),
                )
        for answer in options:
            if answer not in node.next:
                report(
                    ("nodes", nid, "next"),
                    f"node {nid!r}: answer {answer!r} leads nowhere; every path must end in an "
                    "outcome",
                )


def _check_graph(chart: Flowchart, report) -> None:
    """Reachability, cycles, and a question asked twice on one path; each pass is linear."""
    edges = {nid: list(dict.fromkeys(node.next.values())) for nid, node in chart.nodes.items()}
    reached = {chart.start}
    queue = [chart.start]
    for nid in queue:
        for target in edges.get(nid, []):
            if target not in reached:
                reached.add(target)
                queue.append(target)
    order, cycles = _depth_first(chart.start, edges)
    for cycle in cycles:
        report(("nodes", cycle[0]), "cycle: " + " → ".join((*cycle, cycle[0])))
    if not cycles:
        # In topological order: which questions some path has already asked, and where.
        before: dict[str, dict[str, str]] = {nid: {} for nid in chart.nodes}
        for nid in order:
            qid = chart.question_at(nid)
            if qid in before[nid]:
                report(
                    ("nodes", nid),
                    f"node {nid!r} asks {qid!r} again, already asked at node "
                    f"{before[nid][qid]!r} on the same path",
                )
            for target in edges[nid]:
                if target in before:
                    before[target].update(before[nid])
                    before[target].setdefault(qid, nid)
    for nid in chart.nodes:
        if nid not in reached:
            report(("nodes", nid), f"node {nid!r} cannot be reached from start {chart.start!r}")
    for oid in chart.outcomes:
        if oid not in reached:
            report(("outcomes", oid), f"outcome {oid!r} cannot be reached from the start")
    asked = {chart.question_at(nid) for nid in chart.nodes}
    for qid in chart.questions:
        if qid not in asked:
            report(("questions", qid), f"question {qid!r} is never asked by any node")


def _depth_first(
    start: str, edges: dict[str, list[str]]
) -> tuple[list[str], list[tuple[str, ...]]]:
    """Nodes reachable from start in topological order, and the cycles met on the way."""
    finished: list[str] = []
    cycles: list[tuple[str, ...]] = []
    state: dict[str, int] = {}  # 1 = on the current path, 2 = done
    stack: list[tuple[str, int]] = [(start, 0)]
    path: list[str] = []
    while stack:
        nid, index = stack.pop()
        if index == 0:
            state[nid] = 1
            path.append(nid)
        targets = edges.get(nid, [])
        if index < len(targets):
            stack.append((nid, index + 1))
            target = targets[index]
            if target not in edges:
                continue
            if state.get(target) == 1:
                cycles.append(tuple(path[path.index(target) :]))
            elif target not in state:
                stack.append((target, 0))
        else:
            state[nid] = 2
            path.pop()
            finished.append(nid)
    return finished[::-1], cycles


def _check_unique(ids: list[str], path: Path, what: str, report) -> None:
    seen: set[str] = set()
    for index, value in enumerate(ids):
        if value in seen:
            report((*path, index), f"{what} id {value!r} is used twice")
        seen.add(value)


def _suggest(word: str, known) -> str:
    close = difflib.get_close_matches(word, list(known), n=1)
    return f"; did you mean {close[0]!r}?" if close else ""
