"""The flowchart as a state machine, and a walk through it (one triage).

``Chart`` holds a checked ``Flowchart`` as a transition table: answer id -> node -> the node
or outcome it leads to. ``Chart.machine`` is the same table as a ``transitions`` machine (its
states the nodes and outcomes, its triggers the answer ids), built when it is first asked
for: building it costs more than the rest of a warm start, and a walk never fires its
triggers (firing one costs about 10 µs, a table lookup about 0.4 µs, and batch mode must
stay near a plain dict walk: see benchmarks/). A test keeps the table and the machine's
equal. The engine is a plain library: no UI, no printing.
"""

from __future__ import annotations

import difflib
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from functools import cache, cached_property
from typing import TYPE_CHECKING

from ..messages import Text
from .lazy_dataclass import frozen
from .problems import listing, quote
from .schema import Flowchart, Option, Question
from .words import answer_key

if TYPE_CHECKING:
    from transitions import Machine

MAX_PATHS = 10_000  # `paths` prints at most this many paths
MAX_PATH_STEPS = 1_000_000  # and at most this many answers in all its paths


class AnswerError(ValueError):
    """An answer the chart cannot take; the message names the valid ones."""


@frozen
class Step:
    node: str
    question: str
    answer: str


@frozen
class Event:
    """Something done in a walk, at a time the front end's clock gave: an ``answer`` given,
    one the channel ``register`` gave (``source``: which channel), or an answer taken
    ``back`` (the question and the answer undone)."""

    at: str
    kind: str
    question: str
    answer: str
    source: str = ""


class Chart:
    """A checked flowchart compiled into a state machine."""

    def __init__(self, flowchart: Flowchart) -> None:
        self.flowchart = flowchart
        self.start = flowchart.start
        self._table: dict[str, dict[str, str]] = {}
        for nid, node in flowchart.nodes.items():
            for answer, target in node.next.items():
                self._table.setdefault(answer, {})[nid] = target
        self._words = {
            qid: {
                answer_key(word): option.id
                for option in self.options(qid)
                for word in (option.id, *option.aliases)
            }
            for qid in flowchart.questions
        }
        # The words as written in the file (ids, aliases) that ``answer_key`` maps to their
        # own option: the usual answer is found by one lookup, without normalising it.
        self._exact = {
            qid: {
                word: option.id
                for option in self.options(qid)
                for word in (option.id, *option.aliases)
                if words.get(answer_key(word)) == option.id
            }
            for qid, words in self._words.items()
        }
        self.question_at = cache(flowchart.question_at)
        self._asks = {nid: flowchart.question_at(nid) for nid in flowchart.nodes}
        self._moves = {nid: node.next for nid, node in flowchart.nodes.items()}
        self._questions_from: dict[str, frozenset[str]] = {}
        self._path_sizes: tuple[int, int] | None = None

    @cached_property
    def machine(self) -> Machine:
        """The chart as a ``transitions`` machine (built on first use)."""
        from transitions import Machine

        machine = Machine(
            model=None,
            states=[*self.flowchart.nodes, *self.flowchart.outcomes],
            initial=self.flowchart.start,
            auto_transitions=False,
        )
        for nid, node in self.flowchart.nodes.items():
            for answer, target in node.next.items():
                machine.add_transition(answer, nid, target)
        return machine

    def table(self) -> dict[str, dict[str, str]]:
        """The transition table, answer id -> node -> where that answer leads (a copy)."""
        return {answer: dict(moves) for answer, moves in self._table.items()}

    # -- what the chart holds -------------------------------------------------------------
    def question(self, qid: str) -> Question:
        return self.flowchart.questions[qid]

    def options(self, qid: str) -> list[Option]:
        return self.flowchart.answer_sets[self.flowchart.questions[qid].answers]

    def is_outcome(self, state: str) -> bool:
        return state in self.flowchart.outcomes

    def next(self, node: str, answer: str) -> str:
        return self._table[answer][node]

    def answer_id(self, qid: str, word: str) -> str:
        """The option id ``word`` stands for (an id or alias, any case: see ``words``), or
        AnswerError."""
        found = self._exact[qid].get(word) or self._words[qid].get(answer_key(word))
        if found is None:
            raise AnswerError(
                Text(
                    "not_an_answer",
                    word=quote(word),
                    question=qid,
                    valid=self.describe_options(qid),
                )
            )
        return found

    def describe_options(self, qid: str) -> str:
        parts = []
        for option in self.options(qid):
            aliases = [a for a in option.aliases if answer_key(a) != answer_key(option.id)]
            parts.append(f"{option.id} ({listing(aliases, 10)})" if aliases else option.id)
        return listing(parts)

    def question_id(self, word: str) -> str:
        """``word`` as a question id (any case), or AnswerError naming the valid ones."""
        if word in self.flowchart.questions:
            return word
        key = word.strip().lower()  # ids are lower-case; accept them in any case
        if key in self.flowchart.questions:
            return key
        close = []  # an id has at most 64 characters: a longer word is like none of them
        if len(key) <= 64:
            close = difflib.get_close_matches(word, list(self.flowchart.questions), n=1)
        raise AnswerError(
            Text(
                "unknown_question_close" if close else "unknown_question",
                word=quote(word),
                close=close[0] if close else "",
                valid=listing(self.flowchart.questions),
            )
        )

    def follow(self, answers: Mapping[str, str]) -> tuple[list[Step], str]:
        """From the start, the steps ``answers`` (question id -> option id, checked) take and
        the node where they stop: at an outcome, or at a question they do not answer. One
        lookup a step, in a loop (no recursion, whatever the chart's depth)."""
        asks, moves, path = self._asks, self._moves, []
        node = self.start
        while (qid := asks.get(node)) is not None and (answer := answers.get(qid)) is not None:
            path.append(Step(node, qid, answer))
            node = moves[node][answer]
        return path, node

    def questions_from(self, node: str) -> frozenset[str]:
        """Every question that some path from ``node`` can still ask (a walk of the nodes
        after it, each once: no recursion, whatever the chart's depth); kept per node."""
        if node not in self._questions_from:
            self._questions_from[node] = self._questions_after(node)
        return self._questions_from[node]

    def _questions_after(self, node: str) -> frozenset[str]:
        found: set[str] = set()
        queue, seen = [node], {node}
        for nid in queue:
            if self.is_outcome(nid):
                continue
            found.add(self.question_at(nid))
            for target in self.flowchart.nodes[nid].next.values():
                if target not in seen:
                    seen.add(target)
                    queue.append(target)
        return frozenset(found)

    def path_count(self) -> int:
        """How many paths lead from the start to an outcome, counted without walking them."""
        return self.path_sizes()[0]

    def path_sizes(self) -> tuple[int, int]:
        """How many paths lead from the start to an outcome, and how many answers they give
        in all, counted without walking them (on the chart's graph: linear in its size)."""
        if self._path_sizes is None:
            self._path_sizes = self._count_paths()
        return self._path_sizes

    def _count_paths(self) -> tuple[int, int]:
        counts: dict[str, tuple[int, int]] = {}  # node -> paths from it, answers on them
        stack = [self.start]
        while stack:  # depth-first, children before parents (the checked chart has no cycles)
            node = stack[-1]
            if node in counts:  # pushed again by another parent before it was counted
                stack.pop()
                continue
            pending = [
                t
                for t in self.flowchart.nodes[node].next.values()
                if not self.is_outcome(t) and t not in counts
            ]
            if pending:
                stack.extend(pending)
                continue
            stack.pop()
            paths = answers = 0
            for target in self.flowchart.nodes[node].next.values():
                below, given = (1, 0) if self.is_outcome(target) else counts[target]
                paths += below
                answers += given + below  # this node's answer, on each path below
            counts[node] = (paths, answers)
        return counts[self.start]

    def paths(self) -> Iterator[tuple[list[Step], str]]:
        """Every path from the start to an outcome, in the order the file gives the answers.
        Each path is built once, when it is given (the walk shares the steps paths have in
        common), so the cost is the length of what is given."""
        Link = tuple[Step, "Link | None"]
        stack: list[tuple[str, Link | None]] = [(self.start, None)]
        while stack:
            node, link = stack.pop()
            if self.is_outcome(node):
                steps: list[Step] = []
                while link is not None:
                    steps.append(link[0])
                    link = link[1]
                yield steps[::-1], node
                continue
            qid = self.question_at(node)
            moves = list(self.flowchart.nodes[node].next.items())
            for answer, target in reversed(moves):
                stack.append((target, (Step(node, qid, answer), link)))


@dataclass
class Walk:
    """One triage: from the start, answer by answer, to an outcome.

    Going back keeps the answers given further on in ``remembered``, so that a front end can
    offer them again when the walk reaches those questions. With a ``clock`` (a function that
    returns the time as text), every answer and every step back is kept in ``history``: the
    record of answers changed on the way.
    """

    chart: Chart
    node: str = ""
    path: list[Step] = field(default_factory=list)
    remembered: dict[str, str] = field(default_factory=dict)
    clock: Callable[[], str] | None = None
    history: list[Event] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.node = self.node or self.chart.start

    @property
    def finished(self) -> bool:
        return self.chart.is_outcome(self.node)

    @property
    def outcome(self) -> str | None:
        return self.node if self.finished else None

    @property
    def question(self) -> str | None:
        """The id of the question asked now, or None at an outcome."""
        return None if self.finished else self.chart.question_at(self.node)

    def answer(self, word: str, kind: str = "answer", source: str = "") -> str:
        """Answer the current question (an option id or alias); return the new node. ``kind``
        and ``source`` go into the history: "register" and the channel's id for an answer
        the channel register offered."""
        qid = self.question
        if qid is None:
            raise AnswerError(Text("ended", node=self.node))
        answer = self.chart.answer_id(qid, word)
        self.path.append(Step(self.node, qid, answer))
        self.remembered[qid] = answer
        self.node = self.chart.next(self.node, answer)
        self._log(kind, qid, answer, source)
        return self.node

    def back(self) -> bool:
        """Undo the last answer; False when there is none."""
        if not self.path:
            return False
        step = self.path.pop()
        self.node = step.node
        self._log("back", step.question, step.answer)
        return True

    def restart(self) -> None:
        """Start again from the first question; the history keeps what was undone."""
        while self.back():
            pass
        self.remembered.clear()

    def _log(self, kind: str, question: str, answer: str, source: str = "") -> None:
        if self.clock is not None:
            self.history.append(Event(self.clock(), kind, question, answer, source))

    @property
    def answers(self) -> dict[str, str]:
        return {step.question: step.answer for step in self.path}
