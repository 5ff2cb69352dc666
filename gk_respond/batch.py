"""Batch mode: JSON Lines in, one JSON result a line out; a bad line never stops the run."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable
from functools import cache
from typing import IO, Any

from .flowchart.answers import AnswersError, case_pairs, decode_line, evaluate, strict_number
from .flowchart.engine import Chart
from .render import outcome_data, question_data

_dumps = json.JSONEncoder(ensure_ascii=False).encode


def run(chart: Chart, lines: Iterable[bytes | str], out: IO[str], lang: str) -> Counter[str]:
    """Answer every case; return how many lines ended in each status. Each line is decoded
    on its own, so a line in another encoding is an error for that line only."""
    statuses: Counter[str] = Counter()
    version = _dumps(chart.flowchart.version)

    @cache
    def outcome_json(outcome: str) -> str:
        # The outcome's texts never change between cases: serialise them once.
        return _dumps(outcome_data(chart, outcome, lang))[1:-1]

    write = out.write
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        head = f'{{"line":{number},'
        case_id: Any = None
        try:
            if isinstance(line, bytes):
                line = decode_line(line, number)
            case = json.loads(line, parse_constant=strict_number)
            if not isinstance(case, dict):
                raise AnswersError(['a line must be a JSON object with an "answers" key'])
            case_id = case.get("id")
            result = evaluate(chart, case_pairs(case))
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
            write(f'{head}"status":"outcome",{common},{outcome_json(result.outcome)}}}\n')
    out.flush()
    return statuses
