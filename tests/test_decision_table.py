"""Every row of the policy's decision table, through the CLI as a subprocess, text and JSON."""

from __future__ import annotations

import json

import pytest

# The table as the engine issue states it (answers per question id -> outcome).
TABLE = [
    ("prohibited=ja,owns_channel=ja", "remove"),
    ("prohibited=ja,owns_channel=nej", "report"),
    ("prohibited=nej,positive=ja,positive_action=reinforce", "reinforce"),
    ("prohibited=nej,positive=ja,positive_action=observe", "observe"),
    ("prohibited=nej,positive=ja,positive_action=share", "share"),
    ("prohibited=nej,positive=nej,defamatory=ja,owns_channel=ja", "remove"),
    ("prohibited=nej,positive=nej,defamatory=ja,owns_channel=nej", "monitor"),
    ("prohibited=nej,positive=nej,defamatory=nej,joking=ja,owns_channel=ja", "remove"),
    ("prohibited=nej,positive=nej,defamatory=nej,joking=ja,owns_channel=nej", "monitor"),
    ("prohibited=nej,positive=nej,defamatory=nej,joking=nej,factual_error=ja", "correct"),
    (
        "prohibited=nej,positive=nej,defamatory=nej,joking=nej,factual_error=nej,dissatisfied=ja",
        "act",
    ),
    (
        "prohibited=nej,positive=nej,defamatory=nej,joking=nej,factual_error=nej,"
        "dissatisfied=nej,high_influence=ja",
        "respond",
    ),
    (
        "prohibited=nej,positive=nej,defamatory=nej,joking=nej,factual_error=nej,"
        "dissatisfied=nej,high_influence=nej",
        "observe",
    ),
]

TITLES_SV = {
    "remove": "Ta bort kommentaren",
    "report": "Anmäl och dokumentera",
    "reinforce": "Förstärk kommentaren",
    "observe": "Observera (följ diskussionen)",
    "share": "Dela",
    "monitor": "Observera men besvara inte; kontakta informationsansvarig",
    "correct": "Korrigera",
    "act": "Agera: lös problemet, kontakta medborgaren",
    "respond": "Svara",
}


def pairs(answers: str) -> list[dict[str, str]]:
    return [
        dict(zip(("question", "answer"), p.split("="), strict=True)) for p in answers.split(",")
    ]


@pytest.mark.parametrize(("answers", "outcome"), TABLE)
def test_json(gk, answers, outcome):
    result = gk("--answers", answers, "--format", "json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["status"] == "outcome"
    assert data["outcome"] == outcome
    assert data["title"] == TITLES_SV[outcome]
    assert data["path"] == pairs(answers)
    assert data["steps"] and all(step["text"] and step["source"] for step in data["steps"])
    assert data["flowchart_version"] == "2026.3"
    assert data["lang"] == "sv"


@pytest.mark.parametrize(("answers", "outcome"), TABLE)
def test_text(gk_sv, answers, outcome):
    result = gk_sv("--answers", answers)
    assert result.returncode == 0, result.stderr
    first, underline = result.stdout.splitlines()[:2]
    assert first == TITLES_SV[outcome]
    assert underline == "=" * len(first)
    assert "Gör så här" in result.stdout
    assert result.stderr == ""


def test_the_table_is_the_whole_chart(gk):
    """`paths` lists exactly the table's rows: no path more, no path less."""
    data = json.loads(gk("paths", "--format", "json").stdout)
    assert sorted((p["answers"], p["outcome"]) for p in data["paths"]) == sorted(TABLE)


def test_answers_are_case_insensitive_with_aliases(gk):
    result = gk("--answers", "PROHIBITED=no , positive=Y;positive_action=Dela", "--format", "json")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["outcome"] == "share"


def test_english(gk):
    result = gk("--answers", "prohibited=yes,owns_channel=no", "--lang", "en", "--format", "json")
    data = json.loads(result.stdout)
    assert data["title"] == "Report and document"
    assert data["lang"] == "en"
    assert any("security coordinator" in s["text"] for s in data["steps"])


def test_remove_carries_the_records_duty_and_unlawful_content_guidance(gk):
    data = json.loads(gk("--answers", "prohibited=ja,owns_channel=ja", "--format", "json").stdout)
    sections = {g["id"]: g for g in data["guidance"]}
    assert set(sections) == {"records_duty", "unlawful_content", "freedom_of_expression"}
    points = " ".join(p["text"] for g in data["guidance"] for p in g["points"])
    assert "diariet" in points and "säkerhetssamordnare" in points


def test_every_reply_outcome_carries_how_to_respond(gk):
    for answers, outcome in TABLE:
        if outcome in {"reinforce", "share", "correct", "act", "respond"}:
            data = json.loads(gk("--answers", answers, "--format", "json").stdout)
            ids = [g["id"] for g in data["guidance"]]
            assert "how_to_respond" in ids and "writing_style" in ids, outcome
            titles = [p["title"] for g in data["guidance"] for p in g["points"]]
            assert {"Källor", "Bjud på dig själv", "Tänk först", "Var dig själv"} <= set(titles)


def test_markdown(gk_sv):
    result = gk_sv(
        "--answers", "prohibited=nej,positive=ja,positive_action=share", "--format", "markdown"
    )
    assert result.returncode == 0
    assert result.stdout.startswith("# Dela\n")
    assert "- [ ] " in result.stdout
    assert "| Känns kommentaren positiv? (`positive`) | Ja (`ja`) |" in result.stdout
