"""Exit codes 2 and 3: bad answers name the valid choices; incomplete answers name the next
question. Never a traceback."""

from __future__ import annotations

import json

import pytest


def test_unknown_question_names_the_valid_ones(gk):
    result = gk("--answers", "prohibted=ja")
    assert result.returncode == 2
    assert "unknown question 'prohibted' (did you mean 'prohibited'?)" in result.stderr
    assert "valid questions: prohibited, positive, positive_action" in result.stderr


def test_invalid_answer_names_the_valid_ones(gk):
    result = gk("--answers", "prohibited=kanske")
    assert result.returncode == 2
    assert "'kanske' is not an answer to 'prohibited'" in result.stderr
    assert "valid answers: ja (j, y, yes), nej (n, no)" in result.stderr


def test_invalid_choice_names_the_options(gk):
    result = gk("--answers", "prohibited=nej,positive=ja,positive_action=like")
    assert result.returncode == 2
    assert "reinforce" in result.stderr and "observe" in result.stderr and "share" in result.stderr


def test_answer_for_a_question_the_path_never_asks(gk):
    result = gk("--answers", "prohibited=ja,owns_channel=ja,factual_error=ja")
    assert result.returncode == 2
    assert "'factual_error' is never asked on this path" in result.stderr


def test_answer_the_path_can_no_longer_reach_while_incomplete(gk):
    # positive=ja leads to positive_action; defamatory can no longer be asked.
    result = gk("--answers", "prohibited=nej,positive=ja,defamatory=ja")
    assert result.returncode == 2
    assert "'defamatory' is never asked on this path" in result.stderr


def test_answer_still_ahead_is_fine_while_incomplete(gk):
    result = gk("--answers", "prohibited=nej,factual_error=ja")
    assert result.returncode == 3
    assert "positive" in result.stderr


@pytest.mark.parametrize("bad", ["prohibited", "prohibited=", "=ja", "prohibited:ja"])
def test_malformed(gk, bad):
    result = gk("--answers", bad)
    assert result.returncode == 2
    assert "is not of the form question=answer" in result.stderr
    assert "Traceback" not in result.stderr


def test_answers_of_two_dashes_given_with_an_equals_sign_are_malformed(gk):
    # Python 3.11's argparse drops a value of exactly "--" and gave the command a list
    result = gk("--answers=--")
    assert result.returncode == 2
    assert "'--' is not of the form question=answer" in result.stderr
    assert "Traceback" not in result.stderr


def test_a_search_for_two_dashes_given_with_an_equals_sign_is_that_text(gk, tmp_path):
    db = str(tmp_path / "cases.db")
    for comment in ("Vägen -- igen", "Vägen igen"):
        saved = gk("--answers", "prohibited=ja,owns_channel=ja", "--save", "--db", db,
                   "--comment", comment)  # fmt: skip
        assert saved.returncode == 0, saved.stderr
    result = gk("records", "list", "--db", db, "--search=--", "--format", "json")
    assert result.returncode == 0, result.stderr
    assert [case["comment_text"] for case in json.loads(result.stdout)] == ["Vägen -- igen"]


def test_conflicting_answers(gk):
    result = gk("--answers", "prohibited=ja,prohibited=nej")
    assert result.returncode == 2
    assert "answered twice" in result.stderr


def test_every_problem_is_listed(gk):
    result = gk("--answers", "prohibited=kanske,foo=ja")
    assert result.returncode == 2
    assert "kanske" in result.stderr and "'foo'" in result.stderr


def test_errors_as_json(gk):
    result = gk("--answers", "prohibited=kanske", "--format", "json")
    assert result.returncode == 2
    data = json.loads(result.stdout)
    assert data["status"] == "error"
    assert "valid answers: ja" in data["errors"][0]


def test_incomplete_names_next_question_wording_and_options(gk_sv):
    result = gk_sv("--answers", "prohibited=nej")
    assert result.returncode == 3
    assert "positive: Känns kommentaren positiv?" in result.stderr
    assert "ja (Ja), nej (Nej)" in result.stderr


def test_no_answers_at_all_is_incomplete_at_the_start(gk):
    result = gk("--answers", "")
    assert result.returncode == 3
    assert "prohibited" in result.stderr


def test_incomplete_as_json(gk):
    result = gk("--answers", "prohibited=nej,positive=ja", "--format", "json", "--lang", "en")
    assert result.returncode == 3
    data = json.loads(result.stdout)
    assert data["status"] == "incomplete"
    assert data["next"]["question"] == "positive_action"
    assert data["next"]["text"].startswith("The comment is positive.")
    assert [o["id"] for o in data["next"]["options"]] == ["reinforce", "observe", "share"]
    assert data["path"] == [
        {"question": "prohibited", "answer": "nej"},
        {"question": "positive", "answer": "ja"},
    ]


def test_answers_from_stdin(gk):
    result = gk("--answers", "-", "--format", "json", input="prohibited=ja\nowns_channel=nej\n")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["outcome"] == "report"


def test_bad_option_value_is_an_argparse_error(gk):
    result = gk("--answers", "prohibited=ja", "--format", "yaml")
    assert result.returncode == 2
    assert "invalid choice: 'yaml'" in result.stderr


def test_help_documents_exit_codes(gk):
    result = gk("--help")
    assert result.returncode == 0
    for line in ("0  an outcome was reached", "2  bad input", "3  incomplete"):
        assert line in result.stdout


def test_missing_flowchart_file(gk):
    result = gk("--flowchart", "/nonexistent.yaml", "--answers", "prohibited=ja")
    assert result.returncode == 1
    assert "/nonexistent.yaml: no such file" in result.stderr
