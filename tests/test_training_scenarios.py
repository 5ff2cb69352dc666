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


# -- faithful to the policy ------------------------------------------------------------------
BY_ID = {item.scenario.id: item.scenario for item in LOADED}
FREE_EXPRESSION = (
    "var och en är i sin fulla rätt att ge uttryck för både positiva och negativa synpunkter "
    "på kommunen"
)


def test_observing_harsh_criticism_does_not_excuse_the_duty_to_answer():
    """The policy's account owner answers what is addressed to the municipality on its own
    page: observing is this path's outcome, not a rule that no reply is needed."""
    scenario = BY_ID["harsh_criticism"]
    why = scenario.answers["high_influence"].why
    assert "behöver inte gå in i en åsiktsdebatt" not in why("sv")
    assert "flödesschemats utfall" in why("sv") and "besvaras" in why("sv")
    assert "the flowchart's outcome" in why("en") and "answered" in why("en")
    assert (
        "”besvara inkommande synpunkter som riktas till Gullspångs kommun inom rekommenderad tid”"
        in scenario.source
    )


def test_a_private_number_is_removed_under_the_account_owners_duty():
    """The policy's "integritetskränkande" sentence is about what employees spread; what the
    account owner removes from others is "reklam, sekretessbelagt material och material som
    är kränkande eller bryter mot lagen"."""
    scenario = BY_ID["thanks_with_phone_number"]
    removal = (
        "”avlägsna reklam, sekretessbelagt material och material som är kränkande eller "
        "bryter mot lagen”"
    )
    assert removal in scenario.source and "integritetskränkande" not in scenario.source
    assert removal in scenario.answers["prohibited"].why("sv")
    assert "tillämpning" in scenario.answers["prohibited"].why("sv")
    assert "application" in scenario.answers["prohibited"].why("en")
    assert scenario.title("sv") == "Ett tack med en hemtjänstmedarbetares privata nummer"
    assert scenario.title("en") == "A thank-you with a home-care worker's private number"


def test_removing_a_joke_on_our_page_is_not_removing_criticism():
    scenario = BY_ID["roundabout_joke_own_page"]
    why = scenario.answers["owns_channel"].why
    assert f"”{FREE_EXPRESSION}”" in why("sv") and f"”{FREE_EXPRESSION}”" in scenario.source
    assert "never the criticism" in why("en") and "aldrig kritiken" in why("sv")
    # the explanation faces the tension, and the removed comment stays a public record
    assert "real risk" in why("en") and "verklig risk" in why("sv")
    assert "allmän handling" in why("sv")
