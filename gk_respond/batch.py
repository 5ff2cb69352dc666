"""Batch mode: JSON Lines in, one JSON result a line out; a bad line never stops the run."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable
from typing import IO, Any

from .flowchart.answers import AnswersError, evaluate, split
from .flowchart.engine import Chart, Step
from .render import outcome_data, question_data

_dumps = json.JSONEncoder(ensure_ascii=False).encode


def _strict_number(word: str) -> None:
    raise ValueError(f"{word} is not a JSON number")


def run(chart: Chart, lines: Iterable[bytes | str], out: IO[str], lang: str) -> Counter[str]:
    """Answer every case; return how many lines ended in each status. Each line is decoded
    on its own, so a line in another encoding is an error for that line only."""
    statuses: Counter[str] = Counter()
    version = _dumps(chart.flowchart.version)

    # An outcome's texts depend only on the answers its when: conditions name: serialise
    # them once for each combination of those answers.
    named = {
        oid: tuple(
            dict.fromkeys(q for part in (*found.steps, *found.guidance) for q in part.when or {})
        )
        for oid, found in chart.flowchart.outcomes.items()
    }
    serialised: dict[tuple[str, tuple[str | None, ...]], str] = {}

    def outcome_json(outcome: str, path: list[Step]) -> str:
        questions = named[outcome]
        if questions:
            answers = {s.question: s.answer for s in path}
            key = (outcome, tuple(answers.get(q) for q in questions))
        else:
            key = (outcome, ())
        found = serialised.get(key)
        if found is None:
            found = serialised[key] = _dumps(outcome_data(chart, outcome, lang, path))[1:-1]
        return found

    write = out.write
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        head = f'{{"line":{number},'
        case_id: Any = None
        try:
            if isinstance(line, bytes):
                line = _decode(line, number)
            case = json.loads(line, parse_constant=_strict_number)
            if not isinstance(case, dict):
                raise AnswersError(['a line must be a JSON object with an "answers" key'])
            case_id = case.get("id")
            result = evaluate(chart, _pairs(case))
        except (AnswersError, ValueError) as error:
            problems = error.problems if isinstance(error, AnswersError) else [f"not JSON: {error}"]
            statuses["error"] += 1
            body = {"id": case_id, "status": "error", "errors": problems}
            write(head + _dumps(body)[1:] + "\n")
            continue
        path = _dumps([{"question": s.question, "answer": s.answer} for s in result.path])
        common = (
            f'"id":{_dumps(case_id)},"path":{path},"lang":"{lang}","flowchart_version":{version}'
        )
        if result.outcome is None:
            statuses["incomplete"] += 1
            nxt = _dumps(question_data(chart, result.next_question, lang))
            write(f'{head}"status":"incomplete",{common},"next":{nxt}}}\n')
        else:
            statuses["outcome"] += 1
            texts = outcome_json(result.outcome, result.path)
            write(f'{head}"status":"outcome",{common},{texts}}}\n')
    out.flush()
    return statuses


def _decode(raw: bytes, number: int) -> str:
    try:
        return raw.decode("utf-8-sig" if number == 1 else "utf-8")
    except UnicodeDecodeError as error:
        raise AnswersError(
            [f"the line is not UTF-8 text (byte {error.start + 1} cannot be read)"]
        ) from None


def _pairs(case: dict[str, Any]) -> list[tuple[str, str]]:
    answers = case.get("answers")
    if isinstance(answers, str):
        return split(answers)
    if isinstance(answers, dict) and all(isinstance(v, str) for v in answers.values()):
        return [(str(k), v) for k, v in answers.items()]
    raise AnswersError(
        ['"answers" must be an object of question: answer texts, or a "q=a,q=a" text']
    )
