"""Batch mode: JSON Lines in, one JSON result a line out; a bad line never stops the run.

A line is refused, alone, when it is longer than MAX_LINE_BYTES, not UTF-8, not JSON (also:
nested too deeply for the parser, a number too large to write back, a key given twice) or
not a case: an object with ``answers`` and an optional ``id``, and no other key. What is
written is always JSON (never ``Infinity``) in UTF-8 (an id holding a lone surrogate is an
error for its line).
"""

from __future__ import annotations

import difflib
import json
import math
from collections import Counter
from collections.abc import Iterable, Iterator
from typing import IO, Any

from .flowchart.answers import (
    AnswersError,
    Repeated,
    Result,
    case_pairs,
    decode_line,
    evaluate,
    strict_number,
)
from .flowchart.engine import Chart, Step
from .flowchart.problems import cut, quote
from .render import outcome_data, question_data

MAX_LINE_BYTES = 512 * 1024
MAX_PATHS_KEPT = 4096  # paths whose output is kept for the lines that follow
KEYS = ("id", "answers")
# What --answers takes beside the answers, to keep with a saved case: a batch only answers.
_COMMENT_KEYS = ("comment", "comment_file", "url", "platform", "author", "found", "save")

_dumps = json.JSONEncoder(ensure_ascii=False).encode


def _object(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    found = dict(pairs)
    return found if len(found) == len(pairs) else Repeated(pairs)


def _finite(word: str) -> float:
    number = float(word)
    if not math.isfinite(number):
        raise ValueError(f"the number {cut(word)} is too large")
    return number


_loads = json.JSONDecoder(
    parse_constant=strict_number, parse_float=_finite, object_pairs_hook=_object
).decode


def lines_of(stream: IO[bytes]) -> Iterator[bytes | None]:
    """The lines of ``stream``; None for a line longer than MAX_LINE_BYTES, which is skipped
    without being held in memory."""
    while line := stream.readline(MAX_LINE_BYTES + 1):
        if len(line) <= MAX_LINE_BYTES or line.endswith(b"\n"):
            yield line
            continue
        while (rest := stream.readline(MAX_LINE_BYTES)) and not rest.endswith(b"\n"):
            pass
        yield None


def run(chart: Chart, lines: Iterable[bytes | str | None], out: IO[str], lang: str) -> Counter[str]:
    """Answer every case; return how many lines ended in each status. Each line is decoded
    on its own, so a line in another encoding is an error for that line only; None stands
    for a line too long to read (see ``lines_of``)."""
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

    # What a line says after its id depends only on its path (the answers, in order, from
    # the start): written once a path, for the first MAX_PATHS_KEPT paths of the run.
    after_id: dict[tuple[str, ...], tuple[str, str]] = {}

    def result_json(result: Result) -> tuple[str, str]:
        """The line's status, and its JSON from "path" on."""
        key = tuple(s.answer for s in result.path)
        found = after_id.get(key)
        if found is not None:
            return found
        path = _dumps([{"question": s.question, "answer": s.answer} for s in result.path])
        common = f'"path":{path},"lang":"{lang}","flowchart_version":{version}'
        if result.outcome is None:
            nxt = _dumps(question_data(chart, result.next_question, lang))
            found = ("incomplete", f'{common},"next":{nxt}}}\n')
        else:
            found = ("outcome", f"{common},{outcome_json(result.outcome, result.path)}}}\n")
        if len(after_id) < MAX_PATHS_KEPT:
            after_id[key] = found
        return found

    write = out.write
    for number, line in enumerate(lines, 1):
        if line is not None and not line.strip():
            continue
        head = f'{{"line":{number},'
        case_id = "null"
        try:
            case = _case(line, number)
            case_id = _id_json(case.get("id"))
            result = evaluate(chart, case_pairs(case))
        except (AnswersError, ValueError, RecursionError) as error:
            if isinstance(error, AnswersError):
                problems = error.problems
            elif isinstance(error, RecursionError):
                problems = ["not JSON: nested too deeply"]
            else:
                problems = [f"not JSON: {error}"]
            statuses["error"] += 1
            write(f'{head}"id":{case_id},"status":"error","errors":{_dumps(problems)}}}\n')
            continue
        status, rest = result_json(result)
        statuses[status] += 1
        write(f'{head}"status":"{status}","id":{case_id},{rest}')
    out.flush()
    return statuses


def _case(line: bytes | str | None, number: int) -> dict[str, Any]:
    """The case a line holds, or AnswersError / ValueError / RecursionError saying why not."""
    if line is None:
        raise AnswersError([f"the line is longer than {MAX_LINE_BYTES:,} bytes; it was not read"])
    if isinstance(line, bytes):
        line = decode_line(line, number)
    case = _loads(line.strip())
    if not isinstance(case, dict):
        raise AnswersError(['a line must be a JSON object with an "answers" key'])
    if isinstance(case, Repeated):
        given = Counter(key for key, _ in case.pairs)
        twice = [key for key, times in given.items() if times > 1]
        raise AnswersError([f"the key {quote(key)} is given twice" for key in twice])
    unknown = [key for key in case if key not in KEYS]
    if unknown:
        raise AnswersError([_unknown_key(key) for key in unknown])
    return case


def _unknown_key(key: str) -> str:
    if key in _COMMENT_KEYS:
        return (
            f"{key!r} is not taken by --batch, which only answers; to keep a comment with "
            "its case, use --answers … --comment … --save"
        )
    close = difflib.get_close_matches(key, KEYS, n=1) if len(key) <= 64 else []
    hint = f"; did you mean {close[0]!r}?" if close else ""
    return f"unknown key {quote(key)}{hint} (a line has: {', '.join(KEYS)})"


def _id_json(case_id: Any) -> str:
    """The id as JSON that can be written out, or AnswersError (a lone surrogate)."""
    text = _dumps(case_id)
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        raise AnswersError(
            ['the "id" is not valid Unicode text (it holds a lone surrogate such as \\ud800)']
        ) from None
    return text
