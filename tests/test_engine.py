"""The engine as a library: a walk answers, goes back, restarts and records its path."""

from __future__ import annotations

import pytest

from gk_respond import default_flowchart
from gk_respond.flowchart.engine import AnswerError, Chart, Walk
from gk_respond.flowchart.load import load


@pytest.fixture(scope="module")
def chart(tmp_path_factory) -> Chart:
    import os

    os.environ["GK_RESPOND_CACHE_DIR"] = str(tmp_path_factory.mktemp("cache"))
    return Chart(load(default_flowchart()))


def test_a_walk_from_start_to_outcome(chart):
    walk = Walk(chart)
    assert walk.question == "prohibited" and not walk.finished
    for word in ("nej", "nej", "ja", "ja"):
        walk.answer(word)
    assert walk.finished and walk.outcome == "remove" and walk.question is None
    assert [(s.node, s.question, s.answer) for s in walk.path] == [
        ("prohibited", "prohibited", "nej"),
        ("positive", "positive", "nej"),
        ("defamatory", "defamatory", "ja"),
        ("defamatory_owns_channel", "owns_channel", "ja"),
    ]


def test_one_answer_serves_every_node_asking_the_question(chart):
    walk = Walk(chart)
    walk.answer("ja")
    assert walk.node == "prohibited_owns_channel" and walk.question == "owns_channel"


def test_back_keeps_later_answers_remembered(chart):
    walk = Walk(chart)
    for word in ("nej", "nej", "nej", "ja"):
        walk.answer(word)
    assert walk.question == "owns_channel"
    assert walk.back() and walk.question == "joking"
    assert walk.back() and walk.question == "defamatory"
    assert walk.answers == {"prohibited": "nej", "positive": "nej"}
    assert walk.remembered["joking"] == "ja"  # offered again when the walk gets there


def test_back_at_the_start_does_nothing(chart):
    walk = Walk(chart)
    assert walk.back() is False
    assert walk.question == "prohibited"


def test_restart_forgets_everything(chart):
    walk = Walk(chart)
    walk.answer("ja")
    walk.answer("nej")
    walk.restart()
    assert walk.question == "prohibited" and walk.path == [] and walk.remembered == {}


def test_invalid_answer_names_valid_ones_and_changes_nothing(chart):
    walk = Walk(chart)
    with pytest.raises(AnswerError, match=r"valid answers: ja \(j, y, yes\), nej \(n, no\)"):
        walk.answer("kanske")
    assert walk.question == "prohibited" and walk.path == []


def test_no_answer_after_the_outcome(chart):
    walk = Walk(chart)
    walk.answer("ja")
    walk.answer("ja")
    with pytest.raises(AnswerError, match="has ended at outcome 'remove'"):
        walk.answer("ja")


def test_the_machine_is_built_from_the_file(chart):
    fc = chart.flowchart
    assert set(chart.machine.states) == set(fc.nodes) | set(fc.outcomes)
    assert set(chart.machine.events) == {"ja", "nej", "reinforce", "observe", "share"}


def test_the_walks_table_is_the_machines_table(chart):
    """A walk moves by the table, built without the machine (which is built on first use):
    the two say the same for every answer at every node."""
    machine = {
        answer: {source: moves[0].dest for source, moves in event.transitions.items()}
        for answer, event in chart.machine.events.items()
    }
    assert chart.table() == machine
    assert all(
        len(moves) == 1 for e in chart.machine.events.values() for moves in e.transitions.values()
    )


def test_history_keeps_every_answer_and_every_step_back_with_its_time(chart):
    ticks = iter(f"t{n}" for n in range(100))
    walk = Walk(chart, clock=lambda: next(ticks))
    walk.answer("ja")  # prohibited
    walk.back()  # changed the mind
    walk.answer("nej")
    walk.answer("j")  # positive
    walk.restart()
    assert [(e.at, e.kind, e.question, e.answer) for e in walk.history] == [
        ("t0", "answer", "prohibited", "ja"),
        ("t1", "back", "prohibited", "ja"),
        ("t2", "answer", "prohibited", "nej"),
        ("t3", "answer", "positive", "ja"),
        ("t4", "back", "positive", "ja"),  # a restart takes every answer back, last first
        ("t5", "back", "prohibited", "nej"),
    ]


def test_without_a_clock_a_walk_keeps_no_history(chart):
    walk = Walk(chart)
    walk.answer("ja")
    walk.back()
    assert walk.history == []
