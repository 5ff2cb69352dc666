"""Grading a trainee's answers (no UI), choosing a session's scenarios, and
`gk-respond train --grade` as a script would run it."""

from __future__ import annotations

import json

import pytest
from tui_helpers import CHART

from gk_respond.flowchart.answers import evaluate, split
from gk_respond.training.grade import Report, grade, report_data, report_markdown
from gk_respond.training.load import load
from gk_respond.training.session import SelectionError, Session, select

LOADED = load(CHART)
BY_ID = {item.scenario.id: item.scenario for item in LOADED}
THREAT = "prohibited=ja,owns_channel=nej"
SNOW = "prohibited=nej,positive=nej,defamatory=nej,joking=nej,factual_error=nej,dissatisfied=ja"
JOKE_OWN = "prohibited=nej,positive=nej,defamatory=nej,joking=ja,owns_channel=ja"
ALL_NO = (
    "prohibited=nej,positive=nej,defamatory=nej,joking=nej,factual_error=nej,dissatisfied=nej,"
    "high_influence=nej"
)


def attempt(sid: str, answers: str):
    result = evaluate(CHART, split(answers))
    return grade(CHART, BY_ID[sid], result.path, result.outcome)


def test_the_expected_path_is_right_and_every_answer_counts():
    graded = attempt("threat_official", THREAT)
    assert graded.right and graded.divergence is None
    assert graded.judged == [("prohibited", True), ("owns_channel", True)]


def test_a_wrong_answer_is_the_divergence_with_its_explanation():
    graded = attempt(
        "threat_official", "prohibited=nej,positive=nej,defamatory=ja,owns_channel=nej"
    )
    assert not graded.right and graded.outcome == "monitor"
    assert graded.divergence is not None
    assert (graded.divergence.question, graded.divergence.given) == ("prohibited", "nej")
    assert graded.divergence.expected == "ja"
    assert "våld eller hot mot tjänsteman" in graded.divergence.why("sv")
    assert graded.judged == [("prohibited", False)]  # nothing after the divergence is judged


def test_another_acceptable_outcome_is_right_without_divergence():
    graded = attempt("library_story_time", "prohibited=nej,positive=ja,positive_action=share")
    assert graded.right and graded.divergence is None
    assert graded.judged[-1] == ("positive_action", True)


def test_the_right_outcome_by_a_wrong_route_is_right_but_shows_where_it_left():
    graded = attempt("teacher_named", "prohibited=nej,positive=nej,defamatory=ja,owns_channel=ja")
    assert graded.right and graded.outcome == "remove"
    assert graded.divergence is not None and graded.divergence.question == "prohibited"


def test_report_score_per_question_and_missed():
    report = Report(
        [
            attempt("threat_official", THREAT),
            attempt("advertising_spam", JOKE_OWN),
            attempt("snow_clearing", ALL_NO),
        ]
    )
    assert (report.right, report.total) == (2, 3)
    assert [g.scenario.id for g in report.missed] == ["snow_clearing"]
    per = report.per_question(CHART)
    assert per["prohibited"] == (2, 3)
    assert per["owns_channel"] == (1, 1)
    assert per["dissatisfied"] == (0, 1)
    assert "high_influence" not in per  # off the expected path: not judged
    data = report_data(CHART, report, "en", "Kim")
    assert data["score"] == {"right": 2, "total": 3, "percent": 66.7}
    assert data["trainee"] == "Kim"
    assert data["missed"] == [{"id": "snow_clearing", "title": BY_ID["snow_clearing"].title("en")}]
    text = report_markdown(CHART, report, "sv", "Kim")
    assert "Deltagare: ` Kim `" in text and "Rätt: 2 av 3 (66,7 %)" in text
    assert "| Missnöjd medborgare/brukare? | 0/1 |" in text


def test_a_session_grades_one_scenario_after_another():
    session = Session(CHART, [BY_ID["threat_official"], BY_ID["advertising_spam"]], "Kim")
    result = evaluate(CHART, split(THREAT))
    assert session.record(result.path, result.outcome).right
    session.advance()
    assert session.current is BY_ID["advertising_spam"]
    session.advance()
    assert session.finished and session.report().right == 1


def test_select_by_tag_and_sample_with_seed():
    removal = select(LOADED, ["removal"])
    assert removal and all("removal" in item.scenario.tags for item in removal)
    assert len(select(LOADED, ["humour,privacy"])) == len(select(LOADED, ["humour", "privacy"]))
    first = [item.scenario.id for item in select(LOADED, [], 5, 7)]
    assert len(first) == 5 and first == [item.scenario.id for item in select(LOADED, [], 5, 7)]
    assert len(select(LOADED, [], 500, 1)) == len(LOADED)
    with pytest.raises(SelectionError, match=r"tags: .*removal"):
        select(LOADED, ["nosuchtag"])


def test_every_unknown_tag_is_named_even_when_another_matches():
    with pytest.raises(SelectionError) as raised:
        select(LOADED, ["threat,humuor", "nosuch"])
    message = str(raised.value)
    assert message.startswith(
        "no scenario has the tags humuor (did you mean humour?), nosuch; tags: "
    )
    assert "removal" in message.split("tags: ", 1)[1]


def test_train_names_a_tag_typo_beside_a_good_tag(gk):
    result = gk("train", "--tag", "threat,humuor", "--grade", "-", input="")
    assert result.returncode == 2
    assert "no scenario has the tag humuor (did you mean humour?); tags: " in result.stderr


# -- gk-respond train --grade ----------------------------------------------------------------
def lines(*items: object) -> str:
    return "".join(
        (x if isinstance(x, str) else json.dumps(x, ensure_ascii=False)) + "\n" for x in items
    )


def answers_file(folder, *items: object):
    answers = folder / "answers.jsonl"
    answers.write_text(lines(*items), encoding="utf-8")
    return answers


SHARE = {"prohibited": "nej", "positive": "ja", "positive_action": "dela"}


def test_grade_prints_the_result_as_json(gk, tmp_path):
    answers = answers_file(
        tmp_path,
        {"id": "threat_official", "answers": THREAT},
        "",
        {"id": "snow_clearing", "answers": SHARE},
    )
    result = gk("train", "--grade", str(answers), "--trainee", "Kim", "--lang", "en")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["status"] == "graded" and data["trainee"] == "Kim"
    assert data["score"] == {"right": 1, "total": 2, "percent": 50.0}
    assert data["missed"] == [{"id": "snow_clearing", "title": BY_ID["snow_clearing"].title("en")}]
    positive = next(q for q in data["questions"] if q["question"] == "positive")
    assert (positive["right"], positive["asked"]) == (0, 1)
    wrong = data["scenarios"][1]
    assert (wrong["right"], wrong["outcome"]) == (False, "share")
    assert wrong["divergence"]["question"] == "positive"
    assert wrong["divergence"]["expected"] == "nej" and wrong["divergence"]["answer"] == "ja"
    assert wrong["divergence"]["why"] == BY_ID["snow_clearing"].answers["positive"].why("en")
    # what to do: the trainee's own outcome when right, else the expected path's steps
    right = data["scenarios"][0]["advice"]
    assert right["outcome"] == "report" and right["steps"][1].startswith("Report the comment")
    advice = wrong["advice"]
    assert advice["outcome"] == "act"
    expected = json.loads(gk("--answers", SNOW, "--format", "json", "--lang", "en").stdout)["steps"]
    assert advice["steps"] == [step["text"] for step in expected]


def test_grade_names_every_bad_line(gk, tmp_path):
    answers = answers_file(
        tmp_path,
        {"id": "threat_official", "answers": THREAT},
        "{not json",
        {"id": "threat_oficial", "answers": THREAT},
        {"id": "advertising_spam", "answers": "prohibited=kanske"},
        {"id": "snow_clearing", "answers": "prohibited=nej"},
        {"id": "threat_official", "answers": THREAT},
        ["a list"],
    )
    result = gk("train", "--grade", str(answers))
    assert result.returncode == 2
    errors = [line.removeprefix("gk-respond: error: ") for line in result.stderr.splitlines()]
    assert errors[0].startswith(f"{answers}:2: not JSON")
    assert (
        errors[1]
        == f"{answers}:3: no scenario has the id 'threat_oficial'; did you mean 'threat_official'?"
    )
    assert errors[2].startswith(f"{answers}:4: 'kanske' is not an answer to 'prohibited'")
    assert (
        errors[3]
        == f"{answers}:5: the answers stop before an outcome; the next question is 'positive'"
    )
    assert errors[4] == f"{answers}:6: scenario 'threat_official' is answered twice (line 1)"
    assert errors[5].startswith(f"{answers}:7: a line must be a JSON object")
    assert json.loads(result.stdout)["status"] == "error"


def test_grade_reads_standard_input_and_keeps_to_the_tag(gk):
    result = gk(
        "train",
        "--grade",
        "-",
        "--tag",
        "positive",
        input=lines({"id": "threat_official", "answers": THREAT}),
    )
    assert result.returncode == 2
    assert "<stdin>:1: no scenario has the id 'threat_official'" in result.stderr


def test_only_a_valid_line_answers_a_scenario(gk, tmp_path):
    """An invalid line answers nothing: the next line for that scenario is not a repeat, and
    each line is blamed for its own problem."""
    answers = answers_file(
        tmp_path,
        {"id": "threat_official", "answers": "prohibited=kanske"},
        {"id": "threat_official", "answers": "prohibited=ja"},
        {"id": "threat_official", "answers": THREAT},
        {"id": "threat_official", "answers": THREAT},
    )
    result = gk("train", "--grade", str(answers))
    assert result.returncode == 2
    errors = [line.removeprefix("gk-respond: error: ") for line in result.stderr.splitlines()]
    assert len(errors) == 3, errors
    assert errors[0].startswith(f"{answers}:1: 'kanske' is not an answer to 'prohibited'")
    assert errors[1] == (
        f"{answers}:2: the answers stop before an outcome; the next question is 'owns_channel'"
    )
    assert errors[2] == f"{answers}:4: scenario 'threat_official' is answered twice (line 3)"


def test_grade_says_plainly_when_the_file_cannot_be_read(gk, tmp_path):
    missing = tmp_path / "none.jsonl"
    for message in (f"{missing}: no such file", f"{tmp_path}: is a folder, not a file"):
        result = gk("train", "--grade", message.split(": ")[0])
        assert result.returncode == 2
        assert result.stderr == f"gk-respond: error: {message}\n"
        assert json.loads(result.stdout) == {"status": "error", "errors": [message]}
