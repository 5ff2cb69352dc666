"""Grading: a trainee's way through the flowchart against the way a scenario expects.

A scenario is right when the trainee's outcome is one of its acceptable outcomes. Along the
way, each question of the expected path that the trainee answered while still on it is
judged: right when the answer is the expected one, or when it ends the walk there and then
in an acceptable outcome (a positive comment shared where reinforcing was expected). The
first answer judged wrong is the divergence, shown with the expected answer's explanation;
questions after it are off the expected path and not judged. No UI.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from ..flowchart.engine import Chart, Step
from ..flowchart.schema import Text
from ..untrusted import visible
from .check import expected_path
from .schema import Scenario


@dataclass(frozen=True)
class Divergence:
    """The first question where the trainee left the expected path."""

    question: str
    expected: str  # the expected answer's id
    given: str  # the trainee's answer's id
    why: Text  # why the expected answer is right


@dataclass(frozen=True)
class Graded:
    scenario: Scenario
    path: list[Step]  # the trainee's
    outcome: str  # the trainee's
    expected: list[Step]
    right: bool
    divergence: Divergence | None
    judged: list[tuple[str, bool]]  # (question, answered right) on the expected path


def grade(chart: Chart, scenario: Scenario, path: list[Step], outcome: str) -> Graded:
    expected = expected_path(chart, scenario)
    judged: list[tuple[str, bool]] = []
    divergence = None
    for wanted, given in zip(expected, path, strict=False):
        if given.answer == wanted.answer:
            judged.append((wanted.question, True))
            continue
        target = chart.next(given.node, given.answer)
        accepted = chart.is_outcome(target) and target in scenario.outcomes
        judged.append((wanted.question, accepted))
        if not accepted:
            why = scenario.answers[wanted.question].why
            divergence = Divergence(wanted.question, wanted.answer, given.answer, why)
        break
    right = outcome in scenario.outcomes
    return Graded(scenario, list(path), outcome, expected, right, divergence, judged)


def advised(chart: Chart, graded: Graded) -> tuple[list[Step], str]:
    """The walk whose steps the feedback shows: the trainee's own when the outcome is right
    (a share where reinforcing was expected gets the share's steps), else the expected one.
    The steps are those the outcome gives that path (its ``when:``), as in a triage."""
    if graded.right or not graded.expected:
        return graded.path, graded.outcome
    last = graded.expected[-1]
    return graded.expected, chart.next(last.node, last.answer)


@dataclass(frozen=True)
class Report:
    graded: list[Graded]

    @property
    def right(self) -> int:
        return sum(g.right for g in self.graded)

    @property
    def total(self) -> int:
        return len(self.graded)

    @property
    def missed(self) -> list[Graded]:
        return [g for g in self.graded if not g.right]

    def per_question(self, chart: Chart) -> dict[str, tuple[int, int]]:
        """Question id -> (answered right, judged), in the flowchart's order of questions;
        questions never judged are left out."""
        counts = {qid: [0, 0] for qid in chart.flowchart.questions}
        for graded in self.graded:
            for qid, ok in graded.judged:
                counts[qid][0] += ok
                counts[qid][1] += 1
        return {qid: (r, n) for qid, (r, n) in counts.items() if n}


def percent(right: int, total: int) -> float:
    return round(100 * right / total, 1) if total else 0.0


# -- output -------------------------------------------------------------------------------
def report_data(chart: Chart, report: Report, lang: str, trainee: str = "") -> dict[str, Any]:
    """The result as JSON data (what --grade prints and the app exports as .json)."""
    from ..render import answer_label

    def steps(path: list[Step]) -> list[dict[str, str]]:
        return [{"question": s.question, "answer": s.answer} for s in path]

    scenarios = []
    for g in report.graded:
        divergence = None
        if g.divergence:
            d = g.divergence
            divergence = {
                "question": d.question,
                "title": chart.question(d.question).title(lang),
                "answer": d.given,
                "expected": d.expected,
                "expected_label": answer_label(chart, d.question, d.expected, lang),
                "why": d.why(lang),
            }
        scenarios.append(
            {
                "id": g.scenario.id,
                "title": g.scenario.title(lang),
                "right": g.right,
                "outcome": g.outcome,
                "expected_outcomes": list(g.scenario.outcomes),
                "path": steps(g.path),
                "expected_path": steps(g.expected),
                "divergence": divergence,
                "advice": _advice(chart, g, lang),
            }
        )
    return {
        "status": "graded",
        "trainee": trainee,
        "lang": lang,
        "flowchart_version": chart.flowchart.version,
        "score": {
            "right": report.right,
            "total": report.total,
            "percent": percent(report.right, report.total),
        },
        "questions": [
            {
                "question": qid,
                "title": chart.question(qid).title(lang),
                "right": right,
                "asked": asked,
                "percent": percent(right, asked),
            }
            for qid, (right, asked) in report.per_question(chart).items()
        ],
        "missed": [{"id": g.scenario.id, "title": g.scenario.title(lang)} for g in report.missed],
        "scenarios": scenarios,
    }


def _advice(chart: Chart, graded: Graded, lang: str) -> dict[str, Any]:
    """The outcome whose steps the feedback shows, and those steps' texts."""
    from ..render import outcome_data

    path, outcome = advised(chart, graded)
    data = outcome_data(chart, outcome, lang, path)
    return {"outcome": outcome, "steps": [step["text"] for step in data["steps"]]}


def report_markdown(chart: Chart, report: Report, lang: str, trainee: str = "") -> str:
    """The result as a Markdown document (the app's export). The trainee's name and the
    scenarios' titles stand in code spans and explanations are escaped: none of them is
    read as Markdown or HTML, and each is made visible."""
    from ..render import answer_label
    from ..strings import decimal, t

    def outcome_title(oid: str) -> str:
        return chart.flowchart.outcomes[oid].title(lang)

    lines = [f"# {t(lang, 'training_result')}", ""]
    if trainee:
        lines += [f"{t(lang, 'trainee')}: {_code(trainee)}", ""]
    score = t(lang, "score_line").format(
        right=report.right,
        total=report.total,
        percent=decimal(percent(report.right, report.total), lang),
    )
    lines += [f"**{score}**", "", f"## {t(lang, 'per_question')}", ""]
    lines += [f"| {t(lang, 'question')} | {t(lang, 'right_answers')} |", "| --- | --- |"]
    for qid, (right, asked) in report.per_question(chart).items():
        lines.append(f"| {chart.question(qid).title(lang)} | {right}/{asked} |")
    lines += ["", f"## {t(lang, 'missed')}", ""]
    lines += [f"- {_code(g.scenario.title(lang))} (`{g.scenario.id}`)" for g in report.missed] or [
        t(lang, "none_missed")
    ]
    lines += ["", f"## {t(lang, 'scenarios')}", ""]
    for g in report.graded:
        mark = "✔" if g.right else "✘"
        lines += [f"### {mark} {_code(g.scenario.title(lang))}", ""]
        lines.append(f"- {t(lang, 'your_outcome')}: {outcome_title(g.outcome)}")
        expected = ", ".join(outcome_title(o) for o in g.scenario.outcomes)
        lines.append(f"- {t(lang, 'expected_outcome')}: {expected}")
        if g.divergence:
            d = g.divergence
            lines.append(
                f"- {t(lang, 'left_path_at')}: {chart.question(d.question).title(lang)} "
                f"({t(lang, 'you_answered')} {answer_label(chart, d.question, d.given, lang)}, "
                f"{t(lang, 'expected')} {answer_label(chart, d.question, d.expected, lang)}): "
                f"{_prose(d.why(lang))}"
            )
        advice = _advice(chart, g, lang)
        lines.append(f"- {t(lang, 'advice_for').format(outcome=outcome_title(advice['outcome']))}")
        lines += [f"  {n}. {text}" for n, text in enumerate(advice["steps"], 1)]
        lines.append("")
    return "\n".join(lines)


def _code(text: str) -> str:
    """Untrusted text on one line as a Markdown code span: visible, never markup."""
    from ..render import ticks

    shown = " ".join(visible(text).split())
    tick = ticks(shown, 1)
    return f"{tick} {shown} {tick}"


_MARKUP = re.compile(r"([\\`*_\[\]<>&|~])")


def _prose(text: str) -> str:
    """Untrusted prose on one line for Markdown: visible, with every character that could
    start Markdown or HTML escaped."""
    return _MARKUP.sub(r"\\\1", " ".join(visible(text).split()))


# -- grading from a script ----------------------------------------------------------------
class GradeError(ValueError):
    """Lines of an answers file that cannot be graded; ``problems`` names each line."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__("\n".join(problems))
        self.problems = problems


def grade_lines(
    chart: Chart, scenarios: list[Scenario], lines: Iterable[bytes | str], name: str
) -> Report:
    """Grade JSON Lines of ``{"id": ..., "answers": ...}`` (answers as --answers text or an
    object), in the order given; GradeError lists every bad line as ``name:line: message``."""
    from ..flowchart.answers import AnswersError, case_pairs, decode_line, evaluate, strict_number

    by_id = {s.id: s for s in scenarios}
    graded: list[Graded] = []
    problems: list[str] = []
    seen: dict[str, int] = {}
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            text = decode_line(line, number) if isinstance(line, bytes) else line
            case = json.loads(text, parse_constant=strict_number)
            if not isinstance(case, dict):
                raise AnswersError(['a line must be a JSON object with "id" and "answers"'])
            scenario = _scenario(case.get("id"), by_id)
            result = evaluate(chart, case_pairs(case))
            if result.outcome is None:
                raise AnswersError(
                    [
                        f"the answers stop before an outcome; the next question is "
                        f"{result.next_question!r}"
                    ]
                )
            if scenario.id in seen:  # only a line that could be graded answers a scenario
                raise AnswersError(
                    [f"scenario {scenario.id!r} is answered twice (line {seen[scenario.id]})"]
                )
            seen[scenario.id] = number
        except (AnswersError, ValueError) as error:
            found = error.problems if isinstance(error, AnswersError) else [f"not JSON: {error}"]
            problems += [f"{name}:{number}: {problem}" for problem in found]
            continue
        graded.append(grade(chart, scenario, result.path, result.outcome))
    if problems:
        raise GradeError(problems)
    if not graded:
        raise GradeError([f"{name}: no answers to grade"])
    return Report(graded)


def _scenario(sid: Any, by_id: dict[str, Scenario]) -> Scenario:
    from ..flowchart.answers import AnswersError
    from ..flowchart.problems import suggest

    if not isinstance(sid, str) or not sid:
        raise AnswersError(['"id" must be the id of a scenario'])
    if sid not in by_id:
        raise AnswersError([f"no scenario has the id {sid!r}" + suggest(sid, by_id)])
    return by_id[sid]
