"""Property-based: any sequence of valid answers ends in an outcome (exit 0) or in exit 3
naming the next question; any text at all gives 0, 2 or 3, never a traceback."""

from __future__ import annotations

import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from gk_respond import default_flowchart
from gk_respond.cli import main
from gk_respond.flowchart.engine import Chart, Walk
from gk_respond.flowchart.load import load


@pytest.fixture(scope="module")
def chart(tmp_path_factory) -> Chart:
    return Chart(load(default_flowchart()))


@pytest.fixture(autouse=True)
def private_cache(monkeypatch, tmp_path_factory):
    monkeypatch.setenv("GK_RESPOND_CACHE_DIR", str(tmp_path_factory.getbasetemp() / "cache"))


def spellings(option) -> list[str]:
    words = [option.id, *option.aliases]
    return words + [w.upper() for w in words]


@settings(
    max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(data=st.data())
def test_valid_answers_end_in_an_outcome_or_name_the_next_question(chart, capsys, data):
    walk = Walk(chart)
    given_pairs = []
    stop = data.draw(st.integers(min_value=0, max_value=8), label="answers given")
    while not walk.finished and len(given_pairs) < stop:
        option = data.draw(st.sampled_from(chart.options(walk.question)))
        word = data.draw(st.sampled_from(spellings(option)))
        given_pairs.append(f"{walk.question}={word}")
        walk.answer(word)
    order = data.draw(st.permutations(given_pairs), label="order")  # order does not matter
    code = main(["--answers", ",".join(order), "--format", "json"])
    out = json.loads(capsys.readouterr().out)
    if walk.finished:
        assert code == 0
        assert out["outcome"] == walk.outcome
        assert out["path"] == [{"question": s.question, "answer": s.answer} for s in walk.path]
    else:
        assert code == 3
        assert out["status"] == "incomplete"
        assert out["next"]["question"] == walk.question
        assert out["next"]["text"] and out["next"]["options"]


@settings(
    max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(text=st.text().filter(lambda text: text != "-"))  # "-" reads standard input
def test_any_text_is_an_outcome_an_error_or_incomplete(capsys, text):
    code = main(["--lang", "sv", f"--answers={text}"])
    captured = capsys.readouterr()
    assert code in (0, 2, 3)
    if code == 2:
        assert captured.err.startswith("gk-respond: fel: ")
    if code == 3:
        assert "Nästa fråga" in captured.err
