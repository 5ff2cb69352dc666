"""A case saved with a reply keeps it and what the checker found at the time of saving;
records show, the Markdown, CSV and JSON exports and the triage summary include it, as the
characters it is."""

from __future__ import annotations

import csv
import io
import json
import re

from gk_respond import default_flowchart
from gk_respond.flowchart.answers import evaluate, split
from gk_respond.flowchart.engine import Chart
from gk_respond.flowchart.load import load
from gk_respond.records.new import new_case
from gk_respond.records.store import Store
from gk_respond.render import triage_markdown, triage_text
from gk_respond.reply.check import check
from gk_respond.reply.load import load as load_rules
from gk_respond.triage import Comment, Triage

CHART = Chart(load(default_flowchart()))
CORRECT = "prohibited=nej,positive=nej,defamatory=nej,joking=nej,factual_error=ja"
REPLY = "Hej! Ni har fel [bold]x[/bold] \x1b[2J```\nHälsningar Maria, Gullspångs kommun"


def saved(db: str, reply: str) -> str:
    result = evaluate(CHART, split(CORRECT))
    case = new_case(
        CHART, default_flowchart(), result.path, result.outcome, Comment(text="Fel!"), "sv",
        "Anna", [], reply=reply,
    )  # fmt: skip
    with Store(db) as store:
        return store.save(case).number


def test_show_and_exports_include_the_reply_and_its_findings(tmp_path, gk_sv) -> None:
    db = str(tmp_path / "cases.db")
    number = saved(db, REPLY)
    with Store(db) as store:
        case = store.get(number)
    assert case.reply_text == REPLY
    assert {f["rule"] for f in case.reply_findings} >= {"address_du", "source_link_correct"}
    shown = gk_sv("records", "show", number, "--db", db)
    assert shown.returncode == 0, shown.stderr
    assert "\x1b" not in shown.stdout and "␛[2J" in shown.stdout
    assert "Svaret\n  Hej! Ni har fel [bold]x[/bold]" in shown.stdout
    assert "Kontrollen när svaret sparades" in shown.stdout
    # where: line:column from 1 ("Ni" is the 6th character of line 1), as the app says it
    assert "fel [address_du, 1:6]: Tilltala läsaren med du" in shown.stdout
    english = gk_sv("records", "show", number, "--db", db, "--lang", "en")
    assert "error [address_du, 1:6]: Address the reader as du" in english.stdout
    markdown = gk_sv("records", "export", "--format", "markdown", "--db", db)
    assert "### Svaret" in markdown.stdout
    assert "````text\nHej! Ni har fel [bold]x[/bold] ␛[2J```\n" in markdown.stdout  # fenced
    exported = gk_sv("records", "export", "--format", "csv", "--db", db)
    row = next(csv.DictReader(io.StringIO(exported.stdout.lstrip("\ufeff")), delimiter=";"))
    assert row["Svaret"] == REPLY  # Swedish headers in Swedish
    assert json.loads(row["Kontrollen av svaret"])[0]["rule"]
    data = json.loads(gk_sv("records", "export", "--format", "json", "--db", db).stdout)
    assert data[0]["reply_text"] == REPLY


def test_a_case_without_a_reply_shows_no_reply_section(tmp_path, gk) -> None:
    db = str(tmp_path / "cases.db")
    number = saved(db, "")
    shown = gk("records", "show", number, "--db", db)
    assert "Svaret" not in shown.stdout and "Kontrollen" not in shown.stdout


def test_the_summary_includes_the_reply() -> None:
    triage = Triage(CHART, Comment(text="Fel!"))
    for pair in CORRECT.split(","):
        triage.walk.answer(pair.split("=")[1])
    triage.reply = REPLY
    text = triage_text(triage, "sv")
    assert "Svaret:\n  Hej! Ni har fel [bold]x[/bold] ␛[2J```" in text
    markdown = triage_markdown(triage, "en")
    assert "## Reply\n\n````text\nHej! Ni har fel" in markdown


def test_every_template_follows_the_rules_once_filled_in() -> None:
    """A draft gives no error but its placeholders, and none at all once they are filled."""
    rules = load_rules()
    for outcome_id, outcome in CHART.flowchart.outcomes.items():
        if outcome.reply_template is None:
            assert outcome_id in rules.data.no_reply
            continue
        for lang in ("sv", "en"):
            draft = outcome.reply_template(lang)
            found = check(draft, rules, outcome=outcome_id)
            errors = {f.rule for f in found if f.level == "error"}
            assert errors <= {"placeholder", "source_link_correct"}, (outcome_id, lang, errors)
            filled = re.sub(r"\{(?:länk|link)\}", "https://www.gullspang.se/fakta", draft)
            filled = re.sub(r"\{[^}]+\}", "Anna", filled)
            found = check(filled, rules, outcome=outcome_id, platform="facebook")
            assert not [f for f in found if f.level == "error"], (outcome_id, lang, found)
