"""`gk-respond reply check|template` and the rules file in `gk-respond check`, as a user
runs them (subprocesses): exit codes, findings with their place, rule and source, and every
problem of a broken rules file with file:line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from gk_respond.reply import default_rules

BAD_REPLY = (
    "Hej Lena!\nJag heter Maria och arbetar på Gullspångs kommun. Ni har fel om snöröjningen.\n"
    "Hälsningar Maria\n"
)
GOOD_REPLY = (
    "Hej Lena!\nJag heter Maria och arbetar på Gullspångs kommun. Du har rätt i att vi plogar "
    "senare i år. Läs mer på https://www.gullspang.se/snorojning\nHälsningar Maria\n"
)


def test_template_prints_the_draft_of_an_outcome(gk_sv) -> None:
    result = gk_sv("reply", "template", "--outcome", "correct")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("Hej {namn}!")
    assert "Gullspångs kommun" in result.stdout and "{länk}" in result.stdout
    english = gk_sv("reply", "template", "--outcome", "act", "--lang", "en")
    assert english.returncode == 0 and english.stdout.startswith("Hi {name}!")


@pytest.mark.parametrize("outcome", ["remove", "monitor", "report", "observe"])
def test_no_template_where_the_policy_says_not_to_reply(gk_sv, outcome: str) -> None:
    result = gk_sv("reply", "template", "--outcome", outcome)
    assert result.returncode == 2 and result.stdout == ""
    assert "inte ska svara" in result.stderr or "Inget svar" in result.stderr


def test_check_lists_findings_with_place_rule_and_source(gk_sv, tmp_path: Path) -> None:
    reply = tmp_path / "svar.txt"
    reply.write_text(BAD_REPLY, encoding="utf-8")
    result = gk_sv("reply", "check", str(reply), "--outcome", "correct")
    assert result.returncode == 1
    assert f"{reply}:2:51: error: Tilltala läsaren med du" in result.stdout
    assert "[address_du]" in result.stdout and "förslag: du" in result.stdout
    assert "[source_link_correct]" in result.stdout
    assert "(Tänk på att: ”läsaren alltid ska tilltalas med ”du””)" in result.stdout
    assert "2 fel" in result.stderr


def test_check_json_has_stable_ids_and_spans(gk) -> None:
    result = gk(
        "reply", "check", "-", "--outcome", "correct", "--format", "json", "--lang", "en",
        input=BAD_REPLY,
    )  # fmt: skip
    assert result.returncode == 1
    data = json.loads(result.stdout)
    found = {f["rule"]: f for f in data["findings"]}
    assert set(found) == {"address_du", "source_link_correct"}
    ni = found["address_du"]
    assert BAD_REPLY[ni["start"] : ni["end"]] == "Ni" == ni["match"]
    assert ni["level"] == "error" and ni["message"].startswith("Address the reader as du")
    assert data["counts"] == {"error": 2, "warning": 0, "hint": 0}


def test_a_good_reply_passes_and_warnings_do_not_fail(gk_sv) -> None:
    good = gk_sv(
        "reply", "check", "--outcome", "correct", "--platform", "facebook", input=GOOD_REPLY
    )
    assert good.returncode == 0, good.stdout
    assert good.stdout == "" and "0 fel" in good.stderr
    warned = gk_sv("reply", "check", "--outcome", "act", input=GOOD_REPLY + "Vi lovar!\n")
    assert warned.returncode == 0 and "warning:" in warned.stdout and "[promise]" in warned.stdout


def test_check_on_an_outcome_without_reply_says_why(gk) -> None:
    result = gk("reply", "check", "--outcome", "remove", input="Hej!\n")
    assert result.returncode == 1
    assert "[no_reply]" in result.stdout and "personangrepp" in result.stdout


def test_platform_limit(gk_sv) -> None:
    long = GOOD_REPLY + "Tack för att du skriver. " * 8
    result = gk_sv("reply", "check", "--outcome", "correct", "--platform", "x", input=long)
    assert result.returncode == 1 and "[length_x]" in result.stdout
    assert "För långt för X" in result.stdout


def test_bad_input_exits_2(gk, tmp_path: Path) -> None:
    unknown = gk("reply", "check", "--outcome", "nope", input="Hej")
    assert (
        unknown.returncode == 2
        and "correct" in unknown.stderr
        and "unknown outcome" in unknown.stderr
    )
    missing = gk("reply", "check", str(tmp_path / "saknas.txt"), "--outcome", "act")
    assert missing.returncode == 2 and "no such file" in missing.stderr
    latin = tmp_path / "latin1.txt"
    latin.write_bytes("Hej på dig".encode("latin-1"))
    encoded = gk("reply", "check", str(latin), "--outcome", "act")
    assert encoded.returncode == 2 and "not UTF-8" in encoded.stderr
    no_outcome = gk("reply", "check", input="Hej")
    assert no_outcome.returncode == 2 and "--outcome" in no_outcome.stderr
    for result in (unknown, missing, encoded, no_outcome):
        assert "Traceback" not in result.stderr


def test_untrusted_text_is_shown_as_the_characters_it_is(gk_sv) -> None:
    reply = "Hej!\nDet var ett skit\x1b[31mjobb [bold]Ni[/bold]\n"
    result = gk_sv("reply", "check", "--outcome", "act", input=reply)
    assert "\x1b" not in result.stdout
    assert "skit␛[31mjobb" not in result.stdout  # the word ends at the escape
    assert "”skit”" in result.stdout and "”Ni”" in result.stdout


def test_check_includes_the_rules_file(gk) -> None:
    result = gk("check")
    assert result.returncode == 0
    assert "built-in rules: sound" in result.stdout


BROKEN = """\
version: "1"
title: {sv: "Regler", en: "Rules"}
source: "policy"
rules:
  - id: one
    kind: forbidden
    level: error
    patterns: ['(unclosed']
    message: {sv: "Nej {what}", en: "No"}
    source: "x"
  - id: one
    kind: forbiden
    level: error
    words: [a]
    message: {sv: "Nej", en: "No"}
    source: "x"
  - id: two
    kind: required
    level: warning
    words: [hej]
    when: {outcomes: [nowhere], platforms: [myspace]}
    mesage: {sv: "Nej", en: "No"}
    source: "x"
"""


def test_a_broken_rules_file_lists_every_problem_with_its_line(gk, tmp_path: Path) -> None:
    rules = tmp_path / "regler.yaml"
    rules.write_text(BROKEN, encoding="utf-8")
    result = gk("reply", "check", "--outcome", "act", "--rules", str(rules), input="Hej")
    assert result.returncode == 2
    assert f"{rules}:12:5: rules.1.kind: Input should be 'forbidden', 'replace'" in result.stderr
    assert f"{rules}:17:5: rules.2: missing required key 'message'" in result.stderr
    assert f"{rules}:22:5: rules.2.mesage: unknown key 'mesage'; did you mean 'message'?" in (
        result.stderr
    )
    assert "Traceback" not in result.stderr
    checked = gk("check", "--rules", str(rules))
    assert checked.returncode == 1 and "mesage" in checked.stderr


def test_a_rules_file_that_validates_but_does_not_compile(gk, tmp_path: Path) -> None:
    text = BROKEN.replace("forbiden", "forbidden").replace("mesage", "message")
    rules = tmp_path / "regler.yaml"
    rules.write_text(text, encoding="utf-8")
    result = gk("check", "--rules", str(rules))
    assert result.returncode == 1
    lines = result.stderr.splitlines()
    assert lines[0].startswith(
        f"{rules}:8:16: rules[0] (one): patterns[0] is not a valid regular expression"
    )
    assert lines[1].startswith(f"{rules}:9:15: rules[0] (one): message.sv names {{what}}")
    assert lines[2] == f"{rules}:11:5: rules[1] (one): the id is used before, by rules[0]"
    assert lines[3].startswith(f"{rules}:21:45: rules[2] (two): when.platforms names 'myspace'")
    assert lines[4] == "gk-respond: the rules file has 4 problem(s)"


def test_a_rules_file_checked_against_the_flowchart(gk, tmp_path: Path) -> None:
    text = Path(default_rules()).read_text(encoding="utf-8")
    text = text.replace("when: {outcomes: [respond]}", "when: {outcomes: [respnd]}")
    text = text.replace("no_reply:\n", "no_reply:\n  correct:\n    why: {sv: a, en: b}\n"
                        "    source: x\n")  # fmt: skip
    rules = tmp_path / "regler.yaml"
    rules.write_text(text, encoding="utf-8")
    result = gk("check", "--rules", str(rules))
    assert result.returncode == 1
    assert "when.outcomes names 'respnd', which the flowchart has no outcome for" in result.stderr
    assert "no_reply: 'correct' has a reply template in the flowchart" in result.stderr
