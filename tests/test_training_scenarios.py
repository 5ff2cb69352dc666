"""The bundled scenario set: enough of them, and every outcome, both answers of every
question and every path of the built-in flowchart covered. (Both languages are required by
the schema; the wheel carrying the set is tested in tests/test_cli_app.py.)"""

from __future__ import annotations

from tui_helpers import CHART

from gk_respond.training.check import expected_path
from gk_respond.training.load import load

LOADED = load(CHART)


def test_at_least_sixteen_scenarios():
    assert len(LOADED) >= 16


def test_every_outcome_is_expected_at_least_once():
    reached = {expected_path(CHART, item.scenario)[-1] for item in LOADED}
    ends = {CHART.next(step.node, step.answer) for step in reached}
    assert ends == set(CHART.flowchart.outcomes)


def test_every_answer_of_every_question_is_expected_at_least_once():
    given = {(s.question, s.answer) for item in LOADED for s in expected_path(CHART, item.scenario)}
    wanted = {(qid, o.id) for qid in CHART.flowchart.questions for o in CHART.options(qid)}
    assert wanted - given == set()


def test_every_path_of_the_flowchart_is_taught():
    taught = {tuple(expected_path(CHART, item.scenario)) for item in LOADED}
    assert {tuple(steps) for steps, _ in CHART.paths()} <= taught


def test_the_expected_path_ends_in_an_acceptable_outcome():
    for item in LOADED:
        last = expected_path(CHART, item.scenario)[-1]
        assert CHART.next(last.node, last.answer) in item.scenario.outcomes, item.file
