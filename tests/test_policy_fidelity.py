"""The advice follows the policy: steps that depend on the route (``when:``), additions
marked as additions, and the duties the policy's body text adds to Bilaga 2's outcomes.
Through the CLI as a subprocess, in text and JSON."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import pytest
from conftest import DATA, ROOT


@pytest.fixture
def gk(gk_sv):
    """These tests read what a Swedish user gets: the command line under a Swedish locale."""
    return gk_sv


PLAIN_QUESTION = (
    "prohibited=nej,positive=nej,defamatory=nej,joking=nej,factual_error=nej,"
    "dissatisfied=nej,high_influence=nej"
)
POSITIVE_OBSERVE = "prohibited=nej,positive=ja,positive_action=observe"
TO_REMOVE = {
    "prohibited": "prohibited=ja,owns_channel=ja",
    "defamatory": "prohibited=nej,positive=nej,defamatory=ja,owns_channel=ja",
    "joking": "prohibited=nej,positive=nej,defamatory=nej,joking=ja,owns_channel=ja",
}
# What only one route to `remove` says (in Swedish and in English).
OWN_ADVICE = {
    "prohibited": ["säkerhetssamordnare", "personangrepp bemöts inte", "ska den alltid överföras"],
    "defamatory": ["bemöta baktal", "Gäller baktalet en anställd"],
    "joking": [
        "kritik är skyddad också i skämtform",
        "aldrig kritiken",
        "vem som helst kan begära",
    ],
}
OWN_ADVICE_EN = {
    "prohibited": ["security coordinator", "personal attacks are not answered"],
    "defamatory": ["answering a smear", "If the smear concerns an employee"],
    "joking": ["criticism is protected in joke form", "never the criticism"],
}


def outcome(gk, answers: str, *extra: str) -> dict:
    result = gk("--answers", answers, "--format", "json", *extra)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def steps_of(data: dict) -> str:
    return "\n".join(step["text"] for step in data["steps"])


# -- the plain-question ending ------------------------------------------------------------
def test_the_plain_question_ending_names_the_duty_to_answer(gk):
    data = outcome(gk, PLAIN_QUESTION)
    assert data["outcome"] == "observe"  # the chart's outcome is kept
    first = data["steps"][0]
    assert "besvara den inom rekommenderad tid" in first["text"]
    assert "vidarebefordra den till den handläggare som är bäst lämpad" in first["text"]
    assert "riktas till kommunen i en kanal som kommunen äger" in first["text"]
    # marked as coming from the policy's body text, not from Bilaga 2, with its quotes
    assert "inte från flödesschemat i Bilaga 2" in first["addition"]
    assert first["source"].startswith("Tillägg till Bilaga 2")
    assert "”besvara inkommande synpunkter som riktas till Gullspångs kommun" in first["source"]
    assert "Svara inte nu" not in steps_of(data) and "Inget svar" not in data["summary"]
    text = gk("--answers", PLAIN_QUESTION).stdout
    assert "besvara den inom rekommenderad tid" in " ".join(text.split())
    english = outcome(gk, PLAIN_QUESTION, "--lang", "en")
    assert "answer it within the recommended time" in english["steps"][0]["text"]


def test_a_positive_comment_to_observe_gets_no_duty_to_answer(gk):
    data = outcome(gk, POSITIVE_OBSERVE)
    assert data["steps"][0]["text"] == "Du behöver inte svara nu."
    assert "rekommenderad tid" not in steps_of(data)
    assert [g["id"] for g in data["guidance"]] == ["monitoring"]
    plain = [g["id"] for g in outcome(gk, PLAIN_QUESTION)["guidance"]]
    assert plain == ["monitoring", "how_to_respond", "speaking_for"]


# -- each route to remove -----------------------------------------------------------------
@pytest.mark.parametrize("route", TO_REMOVE)
def test_each_route_to_remove_shows_its_own_advice_and_not_the_others(gk, route):
    data = outcome(gk, TO_REMOVE[route])
    assert data["outcome"] == "remove"
    shown = steps_of(data)
    for other, markers in OWN_ADVICE.items():
        for marker in markers:
            assert (marker in shown) == (other == route), (route, other, marker)
    assert shown.startswith("Spara en kopia")  # every route keeps a copy first
    text = " ".join(gk("--answers", TO_REMOVE[route]).stdout.split())
    for other, markers in OWN_ADVICE.items():
        assert all((marker in text) == (other == route) for marker in markers), other
    english = steps_of(outcome(gk, TO_REMOVE[route], "--lang", "en"))
    for other, markers in OWN_ADVICE_EN.items():
        assert all((marker in english) == (other == route) for marker in markers), other


def test_only_content_that_must_not_stay_up_gets_the_unlawful_content_guidance(gk):
    for route, answers in TO_REMOVE.items():
        ids = [g["id"] for g in outcome(gk, answers)["guidance"]]
        assert ("unlawful_content" in ids) == (route == "prohibited"), route
        assert "records_duty" in ids and "freedom_of_expression" in ids


def test_a_joke_is_not_called_a_personal_attack_and_the_risk_is_said(gk):
    data = outcome(gk, TO_REMOVE["joking"])
    shown = steps_of(data)
    assert "personangrepp" not in shown
    assert "riskabelt att ta bort" in shown and "allmän handling" in shown
    assert any("Yttrandefrihet" in step["source"] for step in data["steps"])


def test_batch_gives_each_route_its_own_steps(gk):
    lines = "".join(json.dumps({"id": r, "answers": a}) + "\n" for r, a in TO_REMOVE.items())
    result = gk("--batch", "-", input=lines)
    assert result.returncode == 0, result.stderr
    by_id = {row["id"]: row for row in map(json.loads, result.stdout.splitlines())}
    for route in TO_REMOVE:
        assert by_id[route]["steps"] == outcome(gk, TO_REMOVE[route])["steps"]
    assert len({json.dumps(row["steps"]) for row in by_id.values()}) == 3


# -- paths lists each path's steps -------------------------------------------------------
def test_paths_lists_the_steps_each_path_gets(gk):
    data = json.loads(gk("paths", "--format", "json").stdout)
    assert len(data["paths"]) == 13
    for row in data["paths"]:
        got = outcome(gk, row["answers"])
        assert row["steps"] == [step["text"] for step in got["steps"]], row["answers"]
        assert row["guidance"] == [g["id"] for g in got["guidance"]]
        assert {"outcome", "title", "path", "answers"} <= set(row)
    removes = [tuple(row["steps"]) for row in data["paths"] if row["outcome"] == "remove"]
    assert len(removes) == 3 and len(set(removes)) == 3
    text = gk("paths").stdout
    assert "     1) Spara en kopia" in text
    assert "Vägledning: Omvärldsbevaka, Hur man svarar på rätt sätt" in text
    table = gk("paths", "--format", "csv").stdout.removeprefix("\ufeff")
    rows = list(csv.DictReader(io.StringIO(table, newline=""), delimiter=";"))
    assert len(rows) == 13 and rows[0]["outcome"] == "remove"
    assert rows[0]["steps"].splitlines()[0].startswith("1. Spara en kopia")
    assert rows[0]["guidance"] == "records_duty unlawful_content freedom_of_expression"


# -- saved cases: the steps shown are the steps ticked -------------------------------------
def test_a_saved_case_shows_and_ticks_the_steps_its_route_was_shown(gk, tmp_path: Path):
    db = tmp_path / "cases.db"
    saved = gk("--answers", TO_REMOVE["joking"], "--save", "--db", str(db), "--format", "json")
    assert saved.returncode == 0, saved.stderr
    data = json.loads(saved.stdout)
    count = len(data["steps"])
    shown = gk("records", "show", data["case"], "--db", str(db)).stdout
    assert "kritik är skyddad också i skämtform" in " ".join(shown.split())
    assert "säkerhetssamordnare" not in shown
    numbered = re.findall(r"^  (\d+)\. \[ \]", shown, re.MULTILINE)
    assert numbered == [str(n) for n in range(1, count + 1)]
    ticked = gk("records", "update", data["case"], "--tick", str(count), "--db", str(db))
    assert ticked.returncode == 0, ticked.stderr
    assert f"  {count}. [x] " in ticked.stdout
    beyond = gk("records", "update", data["case"], "--tick", str(count + 1), "--db", str(db))
    assert beyond.returncode != 0
    assert f"har steg 1 till {count}; det finns inget steg {count + 1}" in beyond.stderr


# -- additions are marked as additions ---------------------------------------------------
def test_prohibited_is_marked_as_an_addition(gk):
    result = gk("--answers", "positive=ja", "--format", "json")  # stops at the first question
    question = json.loads(result.stdout)["next"]
    assert question["question"] == "prohibited"
    assert question["addition"].startswith("Tillägg till flödesschemat")
    assert "inte på Bilaga 2" in question["addition"]
    english = json.loads(gk("--answers", "positive=ja", "--format", "json", "--lang", "en").stdout)
    assert "not on Bilaga 2" in english["next"]["addition"]
    text = gk("--answers", "positive=ja").stderr
    assert "(Tillägg till flödesschemat: frågan bygger på policyns krav" in text
    other = json.loads(gk("--answers", "prohibited=nej", "--format", "json").stdout)
    assert other["next"]["question"] == "positive" and other["next"]["addition"] is None


def test_report_and_its_own_step_are_marked_as_additions(gk):
    data = outcome(gk, "prohibited=ja,owns_channel=nej")
    assert data["addition"].startswith("Tillägg till flödesschemat")
    marked = [step for step in data["steps"] if step["addition"]]
    assert [step["text"][:22] for step in marked] == ["Anmäl kommentaren till"]
    assert marked[0]["source"].startswith("Tillägg utöver policyn")
    csam = [p for g in data["guidance"] for p in g["points"] if p["id"] == "csam"]
    assert csam[0]["addition"].startswith("Tillägg utöver policyn")
    text = gk("--answers", "prohibited=ja,owns_channel=nej").stdout
    assert "(Tillägg utöver policyn, som inte säger vad man gör i någon annans kanal.)" in (
        " ".join(text.split())
    )
    markdown = gk("--answers", "prohibited=ja,owns_channel=nej", "--format", "markdown").stdout
    assert "\n  *Tillägg utöver policyn, som inte säger" in markdown


def test_the_flowchart_guide_lists_every_addition():
    """Every part the flowchart marks as an addition is in the flowchart guide's list of what
    goes beyond the policy (docs/flowchart.md), by its id."""
    import yaml

    chart = yaml.safe_load((ROOT / "flowchart.yaml").read_text(encoding="utf-8"))
    marked = {qid for qid, q in chart["questions"].items() if "addition" in q}
    for oid, found in chart["outcomes"].items():
        if "addition" in found or any("addition" in step for step in found["steps"]):
            marked.add(oid)
    for section in chart["guidance"].values():
        marked |= {point["id"] for point in section["points"] if "addition" in point}
    assert marked >= {"prohibited", "report", "observe", "csam"}
    guide = (ROOT / "docs" / "flowchart.md").read_text(encoding="utf-8")
    listed = guide.split("What goes beyond the policy, and is marked so:\n\n", 1)[1]
    listed = listed.split("\n\n", 1)[0]
    assert all(f"`{part}`" in listed for part in marked), (marked, listed)


# -- when: with several questions and several answers ------------------------------------
WHEN_CHART = """
  remove:
    title: {sv: "Ta bort", en: "Remove"}
    summary: {sv: "Ta bort kommentaren.", en: "Remove the comment."}
    steps:
      - text: {sv: "Spara en kopia.", en: "Keep a copy."}
    source: "Kontoansvarig"
  observe:
    title: {sv: "Observera", en: "Observe"}
    summary: {sv: "Följ diskussionen.", en: "Follow the discussion."}
    steps:
      - text: {sv: "Alltid.", en: "Always."}
      - text: {sv: "Positiv eller ej.", en: "Positive or not."}
        when: {positive: [ja, nej]}
      - text: {sv: "Positiv.", en: "Positive."}
        when: {positive: ja}
      - text: {sv: "Inget faktafel och inte positiv.", en: "No error, not positive."}
        when: {positive: nej, factual_error: nej}
    guidance:
      - {id: tone, when: {factual_error: nej}}
    source: "Bilaga 2"
"""


def test_when_all_questions_must_hold_and_a_list_means_any_answer(gk, tmp_path: Path):
    minimal = (DATA / "valid" / "minimal.yaml").read_text(encoding="utf-8")
    head, tail = minimal.split("\noutcomes:\n")
    correct = tail[tail.index("  correct:") :]
    chart = tmp_path / "when.yaml"
    chart.write_text(f"{head}\noutcomes:{WHEN_CHART}{correct}", encoding="utf-8")
    assert gk("check", str(chart)).returncode == 0, gk("check", str(chart)).stderr

    def shown(answers: str) -> tuple[list[str], list[str]]:
        data = outcome(gk, answers, "--flowchart", str(chart), "--lang", "en")
        return [s["text"] for s in data["steps"]], [g["id"] for g in data["guidance"]]

    assert shown("prohibited=nej,positive=ja") == (["Always.", "Positive or not.", "Positive."], [])
    assert shown("prohibited=nej,positive=nej,factual_error=nej") == (
        ["Always.", "Positive or not.", "No error, not positive."],
        ["tone"],
    )
