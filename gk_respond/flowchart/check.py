"""Static checks of a validated flowchart: every reference resolves, every node is reachable,
there are no cycles, every path from the start ends in an outcome, every ``when:`` can hold
(``conditions.py``) and every addition is marked (``additions.py``).

Every pass is linear in the size of the chart (no recursion, no walk of every path), and the
check stops once it has MAX_PROBLEMS problems to report, so a hostile file cannot make it
run for minutes or fill the memory.
"""

from __future__ import annotations

from .additions import check_additions
from .conditions import check_conditions
from .problems import MAX_PROBLEMS, Path, Positions, Problem, listing, locate, quote, suggest
from .schema import Flowchart
from .words import alias_problem, answer_key

MAX_CYCLES = 10  # cycles listed; the rest are counted
MAX_CYCLE_SHOWN = 12  # nodes of one cycle named in its message


class _Enough(Exception):
    """MAX_PROBLEMS problems found: the rest of the check is not worth its cost."""


def check(chart: Flowchart, positions: Positions, name: str) -> list[Problem]:
    problems: list[Problem] = []

    def report(path: Path, message: str) -> None:
        problems.append(Problem(name, *locate(positions, path), message))
        if len(problems) >= MAX_PROBLEMS:
            raise _Enough

    try:
        _check_all(chart, report)
    except _Enough:
        problems.append(
            Problem(
                name,
                None,
                None,
                f"the check stopped after {MAX_PROBLEMS} problems; fix them and check again",
            )
        )
    problems.sort(key=lambda p: (p.line or 0, p.column or 0))
    return problems


def _check_roles(chart: Flowchart, report) -> None:
    """Every role a ``contacts:`` list names is one of ``roles:``."""
    named = [("outcomes", "outcome", oid, o.contacts) for oid, o in chart.outcomes.items()]
    named += [("guidance", "guidance", gid, g.contacts) for gid, g in chart.guidance.items()]
    for part, kind, pid, roles in named:
        for index, role in enumerate(roles):
            if role not in chart.roles:
                report(
                    (part, pid, "contacts", index),
                    f"{kind} {pid!r} names the role {role!r}, which roles: does not define"
                    + suggest(role, chart.roles),
                )


def _check_all(chart: Flowchart, report) -> None:

    _check_answer_sets(chart, report)
    for qid, question in chart.questions.items():
        if question.answers not in chart.answer_sets:
            report(
                ("questions", qid, "answers"),
                f"question {qid!r} uses answer set {question.answers!r}, which does not exist"
                + suggest(question.answers, chart.answer_sets),
            )
    for oid in chart.outcomes:
        if oid in chart.nodes:
            report(("outcomes", oid), f"{oid!r} is both a node and an outcome; ids must differ")
    if chart.start not in chart.nodes:
        report(
            ("start",),
            f"start {chart.start!r} is not a node" + suggest(chart.start, chart.nodes),
        )
    _check_nodes(chart, report)
    for oid, outcome in chart.outcomes.items():
        for index, ref in enumerate(outcome.guidance):
            if ref.id not in chart.guidance:
                report(
                    ("outcomes", oid, "guidance", index),
                    f"outcome {oid!r} refers to guidance {ref.id!r}, which does not exist"
                    + suggest(ref.id, chart.guidance),
                )
    for gid, section in chart.guidance.items():
        _check_unique([p.id for p in section.points], ("guidance", gid, "points"), "point", report)
    _check_roles(chart, report)
    if chart.start in chart.nodes:
        _check_graph(chart, report)
    check_conditions(chart, report)
    check_additions(chart, report)


def _check_answer_sets(chart: Flowchart, report) -> None:
    for sid, options in chart.answer_sets.items():
        if not options:
            report(("answer_sets", sid), f"answer set {sid!r} has no options")
        seen: dict[str, str] = {}
        for index, option in enumerate(options):
            for number, alias in enumerate(option.aliases):
                if why := alias_problem(alias):
                    report(
                        ("answer_sets", sid, index, "aliases", number),
                        f"answer set {sid!r}: the alias {quote(alias)} of {option.id!r} {why}",
                    )
            for number, word in enumerate((option.id, *option.aliases)):
                key = answer_key(word)
                if key in seen and not (seen[key] == option.id and word != option.id):
                    same = "" if word == key or word.lower() == key else " (the same when typed)"
                    where = ("id",) if number == 0 else ("aliases", number - 1)
                    report(
                        ("answer_sets", sid, index, *where),
                        f"answer set {sid!r}: {quote(word)} is used by both {seen[key]!r} "
                        f"and {option.id!r}{same}",
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
                + suggest(qid, chart.questions)
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
                    f"(answers: {listing(options)})",
                )
            if target not in targets:
                report(
                    ("nodes", nid, "next", answer),
                    f"node {nid!r}: answer {answer!r} leads to {target!r}, which is neither a "
                    "node nor an outcome" + suggest(target, targets),
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
    order, cycles, more = _depth_first(chart.start, edges)
    for cycle in cycles:
        shown = (*cycle, cycle[0])
        if len(shown) > MAX_CYCLE_SHOWN:
            shown = (*shown[: MAX_CYCLE_SHOWN - 1], f"… ({len(cycle):,} nodes in all)", cycle[0])
        report(("nodes", cycle[0]), "cycle: " + " → ".join(shown))
    if more:
        report(
            ("nodes", cycles[-1][0]),
            f"… and {more:,} more answer(s) that lead back into a cycle; only the first "
            f"{MAX_CYCLES} cycles are listed",
        )
    if not cycles:
        _check_asked_twice(chart, order, edges, report)
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


def _check_asked_twice(
    chart: Flowchart, order: list[str], edges: dict[str, list[str]], report
) -> None:
    """A question asked twice on one path. In topological order, each node carries the
    questions some path to it has already asked, as the bits of one integer (a chart of
    5,000 nodes and questions costs 3 MB, not a dictionary of every question per node)."""
    bit = {qid: 1 << index for index, qid in enumerate(chart.questions)}
    before: dict[str, int] = dict.fromkeys(chart.nodes, 0)
    for nid in order:
        qid = chart.question_at(nid)
        mine = bit.get(qid, 0)
        if before[nid] & mine:
            earlier = _asked_before(chart, nid, qid, edges)
            report(
                ("nodes", nid),
                f"node {nid!r} asks {qid!r} again, already asked at node {earlier!r} on the "
                "same path",
            )
        for target in edges[nid]:
            if target in before:
                before[target] |= before[nid] | mine


def _asked_before(chart: Flowchart, node: str, qid: str, edges: dict[str, list[str]]) -> str:
    """The nearest node before ``node`` (on some path to it) that asks ``qid``."""
    parents: dict[str, list[str]] = {}
    for nid, targets in edges.items():
        for target in targets:
            parents.setdefault(target, []).append(nid)
    queue, seen = [node], {node}
    for nid in queue:
        for parent in parents.get(nid, []):
            if chart.question_at(parent) == qid:
                return parent
            if parent not in seen:
                seen.add(parent)
                queue.append(parent)
    return "?"


def _depth_first(
    start: str, edges: dict[str, list[str]]
) -> tuple[list[str], list[tuple[str, ...]], int]:
    """Nodes reachable from start in topological order, the first MAX_CYCLES cycles met on
    the way, and how many more answers lead back into a cycle."""
    finished: list[str] = []
    cycles: list[tuple[str, ...]] = []
    more = 0
    state: dict[str, int] = {}  # 1 = on the current path, 2 = done
    stack: list[tuple[str, int]] = [(start, 0)]
    path: list[str] = []
    at: dict[str, int] = {}  # where each node on the current path stands in it
    while stack:
        nid, index = stack.pop()
        if index == 0:
            state[nid] = 1
            at[nid] = len(path)
            path.append(nid)
        targets = edges.get(nid, [])
        if index < len(targets):
            stack.append((nid, index + 1))
            target = targets[index]
            if target not in edges:
                continue
            if state.get(target) == 1:
                if len(cycles) < MAX_CYCLES:
                    cycles.append(tuple(path[at[target] :]))
                else:
                    more += 1
            elif target not in state:
                stack.append((target, 0))
        else:
            state[nid] = 2
            path.pop()
            finished.append(nid)
    return finished[::-1], cycles, more


def _check_unique(ids: list[str], path: Path, what: str, report) -> None:
    seen: set[str] = set()
    for index, value in enumerate(ids):
        if value in seen:
            report((*path, index), f"{what} id {value!r} is used twice")
        seen.add(value)
