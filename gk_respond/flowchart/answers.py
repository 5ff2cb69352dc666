"""Answers given all at once (``--answers``, batch lines) -> an outcome, or where they stop.

One answer, keyed by question id, serves every node that asks that question. A line of
JSON Lines (batch mode, training's --grade) is read with ``decode_line``, ``strict_number``
and ``case_pairs``.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from ..messages import Text
from .engine import AnswerError, Chart, Step, Walk
from .problems import quote

MAX_CHARACTERS = 100_000  # of one --answers text (or a batch line's answers)
MAX_ERRORS = 20  # listed for one input; the rest are counted


class AnswersError(ValueError):
    """Answers that cannot be used; ``problems`` says what is wrong with each (at most
    MAX_ERRORS, then a line counting the rest)."""

    def __init__(self, problems: list[str]) -> None:
        if len(problems) > MAX_ERRORS:
            rest = len(problems) - MAX_ERRORS
            problems = [*problems[:MAX_ERRORS], f"… and {rest:,} more problem(s)"]
        super().__init__("; ".join(problems))
        self.problems = problems


@dataclass(frozen=True)
class Result:
    path: list[Step]
    outcome: str | None  # None: the answers stop before an outcome
    next_question: str | None  # the question to answer next when there is no outcome
    preset: tuple[str, ...] = ()  # questions on the path answered by ``preset``, not the user


def split(text: str) -> list[tuple[str, str]]:
    """``"q=a,q=a"`` (commas, semicolons or new lines between pairs) -> pairs."""
    if len(text) > MAX_CHARACTERS:
        raise AnswersError([Text("answers_too_long", limit=f"{MAX_CHARACTERS:,}")])
    pairs: list[tuple[str, str]] = []
    problems: list[str] = []
    for part in text.replace(";", ",").replace("\n", ",").split(","):
        part = part.strip()
        if not part:
            continue
        question, sep, answer = part.partition("=")
        if not sep or not question.strip() or not answer.strip():
            problems.append(Text("not_a_pair", part=quote(part)))
            continue
        pairs.append((question.strip(), answer.strip()))
    if problems:
        raise AnswersError(problems)
    return pairs


def evaluate(
    chart: Chart, pairs: Iterable[tuple[str, str]], preset: Mapping[str, str] | None = None
) -> Result:
    """Walk the chart with the given answers; AnswersError lists every unusable answer.

    ``preset`` answers (question id -> option id, e.g. the channel register's owns_channel)
    are used where the given answers say nothing; a preset answer the path never asks is
    not an error."""
    answers: dict[str, str] = {}
    problems: list[str] = []
    for word, value in pairs:
        try:
            qid = chart.question_id(word)
            answer = chart.answer_id(qid, value)
        except AnswerError as error:
            problems.append(error.args[0])  # a Text: the command line shows it in its language
            continue
        if answers.get(qid, answer) != answer:
            problems.append(Text("answered_twice", question=qid, one=answers[qid], other=answer))
        answers[qid] = answer
    if problems:
        raise AnswersError(problems)

    given = set(answers)
    for qid, answer in (preset or {}).items():
        answers.setdefault(qid, answer)

    walk = Walk(chart)
    while not walk.finished and walk.question in answers:
        walk.answer(answers[walk.question])
    asked = {step.question for step in walk.path}
    still_open = chart.questions_from(walk.node)
    unused = [qid for qid in given if qid not in asked and qid not in still_open]
    if unused:
        taken = ", ".join(f"{s.question}={s.answer}" for s in walk.path) or "(none)"
        raise AnswersError([Text("never_asked", question=qid, path=taken) for qid in unused])
    preset_used = tuple(dict.fromkeys(s.question for s in walk.path if s.question not in given))
    return Result(walk.path, walk.outcome, walk.question, preset_used)


def strict_number(word: str) -> None:
    """For ``json.loads(parse_constant=...)``: NaN and Infinity are not JSON numbers."""
    raise ValueError(f"{word} is not a JSON number")


def decode_line(raw: bytes, number: int) -> str:
    """Line ``number`` of a JSON Lines file as text (a byte-order mark allowed on line 1)."""
    try:
        return raw.decode("utf-8-sig" if number == 1 else "utf-8")
    except UnicodeDecodeError as error:
        raise AnswersError(
            [f"the line is not UTF-8 text (byte {error.start + 1} cannot be read)"]
        ) from None


class Repeated(dict):
    """A JSON object in which a key is given more than once (built by an
    ``object_pairs_hook``); ``pairs`` keeps them all."""

    def __init__(self, pairs: list[tuple[str, Any]]) -> None:
        super().__init__(pairs)
        self.pairs = pairs


def case_pairs(case: dict[str, Any]) -> list[tuple[str, str]]:
    """A case's answers, given as "q=a,..." text or as an object, as (question, answer).
    A question given twice in a ``Repeated`` object stays twice, for ``evaluate`` to refuse
    as it refuses the same in --answers."""
    answers = case.get("answers")
    if isinstance(answers, str):
        return split(answers)
    if isinstance(answers, dict):
        pairs = answers.pairs if isinstance(answers, Repeated) else list(answers.items())
        if all(isinstance(value, str) for _, value in pairs):
            return [(str(key), value) for key, value in pairs]
    raise AnswersError(
        ['"answers" must be an object of question: answer texts, or a "q=a,q=a" text']
    )
