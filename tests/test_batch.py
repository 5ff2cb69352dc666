"""--batch: JSON Lines in, one JSON result a line out; a bad line never stops the run."""

from __future__ import annotations

import json

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
