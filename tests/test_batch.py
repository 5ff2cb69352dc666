"""--batch: JSON Lines in, one JSON result a line out; a bad line never stops the run."""

from __future__ import annotations

import json

import pytest

LINES = [
    '{"id": "a", "answers": {"prohibited": "ja", "owns_channel": "nej"}}',
    '{"id": "b", "answers": "prohibited=nej,positive=ja"}',
    "not json at all",
    "",
    '{"id": "c", "answers": {"prohibited": "kanske"}}',
    '["a list"]',
    '{"id": 7, "answers": "prohibited=nej,positive=ja,positive_action=share"}',
    '{"id": "d", "answers": {"prohibited": 1}}',
]


def results(stdout: str) -> list[dict]:
    return [json.loads(line) for line in stdout.splitlines()]


def test_mixed_lines_from_stdin(gk):
    result = gk("--batch", "-", input="\n".join(LINES) + "\n")
    assert result.returncode == 2  # some lines had errors
    out = results(result.stdout)
    assert [r["line"] for r in out] == [1, 2, 3, 5, 6, 7, 8]  # the blank line is skipped
    by_line = {r["line"]: r for r in out}
    assert by_line[1]["status"] == "outcome" and by_line[1]["outcome"] == "report"
    assert by_line[1]["id"] == "a" and by_line[1]["steps"]
    assert by_line[2]["status"] == "incomplete"
    assert by_line[2]["next"]["question"] == "positive_action"
    assert by_line[3]["status"] == "error" and by_line[3]["errors"][0].startswith("not JSON")
    assert by_line[5]["status"] == "error" and "valid answers: ja" in by_line[5]["errors"][0]
    assert by_line[5]["id"] == "c"
    assert by_line[6]["status"] == "error"
    assert by_line[7] == {**by_line[7], "id": 7, "status": "outcome", "outcome": "share"}
    assert by_line[8]["status"] == "error"
    assert "Traceback" not in result.stderr


def test_same_json_as_answers_mode(gk):
    answers = "prohibited=nej,positive=nej,defamatory=nej,joking=nej,factual_error=ja"
    single = json.loads(gk("--answers", answers, "--format", "json", "--lang", "en").stdout)
    batch = results(
        gk("--batch", "-", "--lang", "en", input=json.dumps({"answers": answers})).stdout
    )[0]
    assert batch.pop("line") == 1
    assert batch.pop("id") is None
    # who to contact comes from the case log, which batch mode does not read
    assert single.pop("contacts") == []
    assert batch == single


def test_all_good_from_a_file(gk, tmp_path):
    cases = tmp_path / "cases.jsonl"
    cases.write_text(
        "\n".join(
            json.dumps({"id": f"c{i}", "answers": "prohibited=ja,owns_channel=ja"})
            for i in range(50)
        ),
        encoding="utf-8",
    )
    result = gk("--batch", str(cases))
    assert result.returncode == 0
    out = results(result.stdout)
    assert [r["id"] for r in out] == [f"c{i}" for i in range(50)]
    assert {r["outcome"] for r in out} == {"remove"}


def test_only_incomplete_lines_exit_3(gk):
    result = gk("--batch", "-", input='{"answers": "prohibited=nej"}\n')
    assert result.returncode == 3


def test_missing_batch_file(gk):
    result = gk("--batch", "/nonexistent.jsonl")
    assert result.returncode == 2
    assert "No such file" in result.stderr


def test_a_line_in_another_encoding_is_an_error_for_that_line_only(gk, tmp_path):
    cases = tmp_path / "cases.jsonl"
    good = '{"id": "ok", "answers": "prohibited=ja,owns_channel=ja"}\n'
    cases.write_bytes(
        b"\xef\xbb\xbf"
        + good.encode()  # a BOM, as Notepad writes it
        + '{"id": "å", "answers": "prohibited=ja"}\n'.encode("latin-1")
        + good.encode()
    )
    result = gk("--batch", str(cases))
    assert result.returncode == 2
    out = results(result.stdout)
    assert [r["status"] for r in out] == ["outcome", "error", "outcome"]
    assert "not UTF-8" in out[1]["errors"][0]
    assert "Traceback" not in result.stderr


def test_nan_and_infinity_are_not_json(gk):
    result = gk("--batch", "-", input='{"id": NaN, "answers": "prohibited=ja"}\n')
    out = results(result.stdout)
    assert out[0]["status"] == "error" and "NaN is not a JSON number" in out[0]["errors"][0]
    assert "NaN" not in result.stdout.replace("NaN is not", "")


# -- hostile lines (issue 17 item 7): each fails alone, and what is written is JSON ---------
GOOD = '{"id": "ok", "answers": "prohibited=ja,owns_channel=ja"}'


def strict(stdout: str) -> list[dict]:
    """Every output line as JSON, refusing what Python's json would let through."""

    def refuse(word: str):
        raise AssertionError(f"{word} written")

    return [json.loads(line, parse_constant=refuse) for line in stdout.splitlines()]


def around(gk, line: str) -> dict:
    """Run the line between two good ones; the good ones must still be answered."""
    result = gk("--batch", "-", input=f"{GOOD}\n{line}\n{GOOD}\n")
    assert "Traceback" not in result.stderr, result.stderr
    out = strict(result.stdout)
    assert [r["status"] for r in out] == ["outcome", "error", "outcome"], out
    assert result.returncode == 2
    return out[1]


def test_a_lone_surrogate_in_an_id_is_an_error_for_its_line(gk):
    bad = around(gk, '{"id": "a\\ud800b", "answers": "prohibited=ja"}')
    assert bad["id"] is None and "lone surrogate" in bad["errors"][0]


def test_deeply_nested_json_fails_its_line_only(gk):
    bad = around(gk, "[" * 100_000)
    assert bad["errors"] == ["not JSON: nested too deeply"]
    bad = around(gk, '{"id": ' + "[" * 100_000 + "}")
    assert bad["errors"] == ["not JSON: nested too deeply"]


@pytest.mark.parametrize("number", ["1e400", "-1e400"])
def test_a_number_too_large_to_write_is_an_error(gk, number):
    bad = around(gk, f'{{"id": {number}, "answers": "prohibited=ja"}}')
    assert "too large" in bad["errors"][0] and bad["id"] is None


def test_a_question_given_twice_in_answers_is_refused_as_answers_refuses_it(gk):
    bad = around(gk, '{"id": "d", "answers": {"prohibited": "ja", "prohibited": "nej"}}')
    single = gk("--answers", "prohibited=ja,prohibited=nej")
    assert bad["errors"] == ["'prohibited' is answered twice: ja and nej"]
    assert bad["errors"][0] in single.stderr


def test_a_key_given_twice_in_a_case_is_refused(gk):
    bad = around(gk, '{"id": "a", "id": "b", "answers": "prohibited=ja"}')
    assert bad["errors"] == ["the key 'id' is given twice"]


@pytest.mark.parametrize("key", ["comment", "url", "author"])
def test_comment_keys_are_refused_by_name(gk, key):
    bad = around(gk, json.dumps({"id": "c", "answers": "prohibited=ja", key: "x"}))
    assert bad["errors"][0].startswith(f"'{key}' is not taken by --batch, which only answers")
    assert "--answers … --comment … --save" in bad["errors"][0]


def test_an_unknown_key_is_refused_with_a_suggestion(gk):
    bad = around(gk, '{"id": "c", "answer": "prohibited=ja"}')
    assert bad["errors"] == [
        "unknown key 'answer'; did you mean 'answers'? (a line has: id, answers)"
    ]


def test_a_line_over_the_limit_is_skipped_unread(gk):
    bad = around(gk, json.dumps({"id": "x" * 600_000, "answers": "prohibited=ja"}))
    assert bad["errors"] == ["the line is longer than 524,288 bytes; it was not read"]


def test_many_bad_pairs_list_20_errors_and_a_count(gk):
    bad = around(gk, json.dumps({"answers": ",".join(["nope"] * 9_000)}))
    assert len(bad["errors"]) == 21
    assert bad["errors"][-1] == "… and 8,980 more problem(s)"


def test_ten_megabytes_of_answers_are_refused_with_one_message(gk):
    result = gk("--answers", "-", "--format", "json", input="x=y," * 2_500_000)
    assert result.returncode == 2
    assert json.loads(result.stdout)["errors"] == [
        "the answers are longer than 100,000 characters; nothing was read"
    ]
    assert len(result.stderr) < 200
