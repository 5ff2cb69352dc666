"""Flowcharts built to exhaust CPU or memory, or to crash what uses them (issue 17, items 4
and 5): `check` bounds its work and says where a limit is passed; a chart it passes works in
every command, however deep; texts and aliases that would mislead are refused."""

from __future__ import annotations

import json
import unicodedata
from pathlib import Path

import pytest
from bounded import run
from hostile_charts import alias_bomb, back_edges, chain, comb

DATA = Path(__file__).resolve().parent / "data"
MINIMAL = (DATA / "valid" / "minimal.yaml").read_text(encoding="utf-8")


@pytest.fixture
def write(tmp_path: Path):
    def write(text: str, name: str = "chart.yaml") -> str:
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        return str(path)

    return write


# -- depth: no recursion anywhere -----------------------------------------------------------
def test_a_chain_of_2000_nodes_works_in_every_command(cli_env, write):
    chart = write(chain(2000))
    checked = run(cli_env, "check", chart)
    assert checked.returncode == 0, checked.stderr
    assert "2000 questions, 2000 nodes, 1 outcomes, 1 paths" in checked.stdout

    answers = ",".join(f"q{i}=ok" for i in range(2000))
    result = run(cli_env, "--answers", answers, "--flowchart", chart, "--format", "json")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["outcome"] == "done"
    assert len(json.loads(result.stdout)["path"]) == 2000

    early = run(cli_env, "--answers", "q0=ok,q1999=ok", "--flowchart", chart)
    assert early.returncode == 3, early.stderr  # q1999 is still ahead: incomplete, not wrong

    paths = run(cli_env, "paths", "--flowchart", chart, "--format", "json")
    assert paths.returncode == 0, paths.stderr
    assert len(json.loads(paths.stdout)["paths"][0]["path"]) == 2000

    diagram = run(cli_env, "diagram", "--flowchart", chart)
    assert diagram.returncode == 0 and diagram.stdout.count("-->") == 2000

    line = json.dumps({"id": "deep", "answers": answers})
    batch = run(cli_env, "--batch", "-", "--flowchart", chart, input=line + "\n")
    assert batch.returncode == 0, batch.stderr
    assert json.loads(batch.stdout)["outcome"] == "done"


def test_a_scenario_on_a_deep_chart_is_checked(cli_env, write, tmp_path):
    chart = write(chain(1500))
    answers = "\n".join(f"  q{i}: {{answer: ok, why: {{sv: x, en: x}}}}" for i in range(1499))
    scenario = (
        "id: deep\ntitle: {sv: x, en: x}\nplatform: facebook\nowns_channel: true\n"
        "channel: {sv: x, en: x}\nauthor: {sv: x, en: x}\ncomment: {sv: x, en: x}\n"
        f"answers:\n{answers}\noutcomes: [done]\nsource: x\n"
    )
    result = run(cli_env, "train", "--check", write(scenario, "deep.yaml"), "--flowchart", chart)
    assert result.returncode == 1
    assert "the answers stop before an outcome" in result.stderr
    assert "the next question is 'q1499'" in result.stderr


# -- paths: counted, never enumerated to find out -------------------------------------------
def test_a_chart_with_2_to_the_40_paths_is_counted_and_paths_refuses_it(cli_env, write):
    chart = write(chain(40, "yes_no"))
    checked = run(cli_env, "check", chart)
    assert checked.returncode == 0, checked.stderr
    assert "1,099,511,627,776 paths" in checked.stdout
    assert "`paths` prints at most 10,000" in checked.stdout
    refused = run(cli_env, "paths", "--flowchart", chart)
    assert refused.returncode == 2
    assert "1,099,511,627,776 paths; `paths` prints at most 10,000" in refused.stderr
    assert refused.stdout == ""
    every = ",".join(f"q{i}=ja" for i in range(40))
    usable = run(cli_env, "--answers", every, "--flowchart", chart)
    assert usable.returncode == 0, usable.stderr


def test_paths_refuses_a_chart_whose_paths_hold_too_many_answers(cli_env, write):
    chart = write(comb(1500))  # 1,501 paths, 1,127,250 answers in all
    checked = run(cli_env, "check", chart)
    assert checked.returncode == 0, checked.stderr
    assert "1,501 paths" in checked.stdout
    assert "1,127,250 answers in all; `paths` prints at most 1,000,000" in checked.stdout
    refused = run(cli_env, "paths", "--flowchart", chart, "--format", "csv")
    assert refused.returncode == 2 and refused.stdout == ""
    assert "1,127,250 answers in all" in refused.stderr
    fits = run(cli_env, "paths", "--flowchart", write(comb(1000), "fits.yaml"))
    assert fits.returncode == 0, fits.stderr  # 501,500 answers
    assert fits.stdout.count("--answers ") == 1001


# -- size: aliases count as what they repeat; messages stay short ---------------------------
def test_a_long_text_aliased_many_times_is_refused_by_its_expanded_size(cli_env, write):
    result = run(cli_env, "check", write(alias_bomb(400_000, 2_000)))
    assert result.returncode == 1
    assert ":3:" in result.stderr and "more than 2,000,000 characters of text" in result.stderr


def test_thousands_of_back_edges_give_a_capped_report(cli_env, write):
    result = run(cli_env, "check", write(back_edges(1500)))
    assert result.returncode == 1
    cycles = [line for line in result.stderr.splitlines() if ": cycle: " in line]
    assert len(cycles) == 10
    assert all(len(line) < 300 for line in cycles)
    assert "(1,491 nodes in all)" in cycles[-1] or "nodes in all" in "".join(cycles)
    assert "… and 1,490 more answer(s) that lead back into a cycle" in result.stderr


def test_a_huge_value_is_quoted_by_its_start(cli_env, write):
    huge = "a" * 200_000
    text = MINIMAL.replace("start: prohibited", f"start: {huge}")
    text = text.replace('source: "Testpolicy"', f'source: "Testpolicy"\n? {huge}x\n: 1')
    result = run(cli_env, "check", write(text))
    assert result.returncode == 1
    assert len(result.stderr) < 2_000, result.stderr[:500]
    assert "… (200,000 characters)" in result.stderr
    assert "unknown key" in result.stderr and "at most 64 characters" in result.stderr


def test_many_problems_are_capped_with_a_count(cli_env, write):
    broken = "".join(f"  n{i}: {{next: {{ja: nowhere{i}, nej: remove}}}}\n" for i in range(3000))
    text = MINIMAL.replace("nodes:\n", "nodes:\n" + broken)
    result = run(cli_env, "check", write(text))
    assert result.returncode == 1
    lines = result.stderr.splitlines()
    assert len(lines) <= 102
    assert "the check stopped after 100 problems; fix them and check again" in result.stderr


# -- texts: control characters however written ---------------------------------------------
@pytest.mark.parametrize("escape", ["\\e[2J", "\\a", "\\0", "\\u202e", "\\x9b", "\\u2028"])
def test_a_control_character_written_as_an_escape_is_refused(cli_env, write, escape):
    text = MINIMAL.replace('en: "Must not stay up?"', f'en: "Must not{escape} stay up?"')
    result = run(cli_env, "check", write(text))
    assert result.returncode == 1
    assert ":18:" in result.stderr and "the text holds the control character U+" in result.stderr
    answers = run(cli_env, "--answers", "prohibited=ja", "--flowchart", write(text, "b.yaml"))
    assert answers.returncode == 1 and "\x1b" not in answers.stdout + answers.stderr


# -- answers as typed: one rule for aliases and input ---------------------------------------
def chart_with_alias(write, alias: str) -> str:
    return write(MINIMAL.replace('aliases: ["j", "y", "yes"]', f'aliases: ["j", "y", "{alias}"]'))


@pytest.mark.parametrize(
    ("typed", "taken"),
    [
        ("OKÉ", True),
        (unicodedata.normalize("NFD", "oké"), True),  # a combining accent: the same word
        ("  Oké ", True),
        ("okè", False),
    ],
)
def test_answers_are_compared_in_nfc_and_any_case(cli_env, write, typed, taken):
    chart = chart_with_alias(write, unicodedata.normalize("NFC", "oké"))
    result = run(cli_env, "--answers", f"prohibited={typed}", "--flowchart", chart)
    assert (result.returncode == 0) is taken, result.stderr


@pytest.mark.parametrize("typed", ["yeſ", "ｙｅｓ", "YEſ"])  # long s, full-width letters
def test_look_alike_spellings_are_not_taken_as_an_answer(cli_env, typed):
    result = run(cli_env, "--answers", f"prohibited={typed}")
    assert result.returncode == 2
    assert "is not an answer to 'prohibited'" in result.stderr


def test_an_answer_typed_in_capitals_is_still_taken(cli_env):
    result = run(cli_env, "--answers", "prohibited=YES,owns_channel=Nej")
    assert result.returncode == 0, result.stderr
