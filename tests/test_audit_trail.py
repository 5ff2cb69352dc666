"""The audit trail: every change to a saved case is a history entry with who and when,
shown by `records show` and the exports; no command removes one; a closed case is not
changed unawares (CLI and the save API the app uses)."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from gk_respond import default_flowchart
from gk_respond.flowchart.engine import Chart
from gk_respond.flowchart.load import load
from gk_respond.records.new import CaseClosed, save_triage
from gk_respond.records.store import Store
from gk_respond.triage import Triage

REMOVE = "prohibited=ja,owns_channel=ja"
HOSTILE = '=cmd|"/c calc"!A1\x1b[31m<script>'


def save(gk, db: Path, answers: str = REMOVE) -> str:
    done = gk(
        "--answers", answers, "--save", "--db", str(db), "--format", "json", "--handler", "Anna"
    )
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)["case"]


def history(gk, db: Path, number: str) -> list[dict]:
    done = gk("records", "show", number, "--db", str(db), "--format", "json")
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)["history"]


def update(gk, db: Path, number: str, *args: str):
    return gk("records", "update", number, "--db", str(db), "--handler", "Bo", *args)


def test_every_kind_of_change_is_a_history_entry_and_none_is_ever_removed(gk, tmp_path):
    db = tmp_path / "cases.db"
    number = save(gk, db)
    before = history(gk, db, number)
    assert [(e["kind"], e["event"], e["by"]) for e in before] == [("answer", "answer", "Anna")] * 2

    steps = [
        (["--tick", "1", "--tick", "2"], [("tick", {"step": 1}), ("tick", {"step": 2})]),
        (["--untick", "2"], [("untick", {"step": 2})]),
        (["--note", f"Kopia tagen {HOSTILE}"], [("note", {"text": f"Kopia tagen {HOSTILE}"})]),
        (
            ["--removed-at", "2026-01-05T10:00+01:00", "--copy-kept", "W:/kopia.pdf"],
            [
                ("field", {"field": "removed_at", "old": "", "new": "2026-01-05T09:00:00+00:00"}),
                ("field", {"field": "copy_kept", "old": "", "new": "W:/kopia.pdf"}),
            ],
        ),
        (["--diarium", "KS 2026/1", "--forwarded-to", HOSTILE], [
            ("field", {"field": "diarium_number", "old": "", "new": "KS 2026/1"}),
            ("field", {"field": "forwarded_to", "old": "", "new": HOSTILE}),
        ]),
        (["--close"], [("closed", {})]),
        (["--reopen", "--diarium", ""], [
            ("reopened", {}),
            ("field", {"field": "diarium_number", "old": "KS 2026/1", "new": ""}),
        ]),
    ]  # fmt: skip
    for args, wanted in steps:
        done = update(gk, db, number, *args)
        assert done.returncode == 0, done.stderr
        after = history(gk, db, number)
        assert after[: len(before)] == before  # nothing rewritten, nothing removed
        added = after[len(before) :]
        assert len(added) == len(wanted)
        for found, (kind, want) in zip(added, wanted, strict=True):
            assert (found["kind"], {k: found[k] for k in want}) == (kind, want)
        assert all(e["by"] == "Bo" and e["at"] for e in added)
        before = after

    shown = gk("records", "show", number, "--db", str(db), "--lang", "sv").stdout
    labels = ["svarade", "bockade av", "tog bort bocken", "anteckning", "ändrade"]
    labels += ["stängde ärendet", "öppnade ärendet igen", "Diarienummer: KS 2026/1 → (inget)"]
    for label in labels:
        assert label in shown, label
    assert "\x1b" not in shown and "␛[31m" in shown  # shown as the characters it is
    english = gk("records", "show", number, "--db", str(db), "--lang", "en").stdout
    assert "reopened the case" in english and "— Bo" in english

    markdown = gk(
        "records", "export", "--format", "markdown", "--db", str(db), "--lang", "sv"
    ).stdout
    assert "stängde ärendet" in markdown and "öppnade ärendet igen" in markdown
    exported = gk("records", "export", "--format", "csv", "--db", str(db)).stdout
    row = next(csv.DictReader(io.StringIO(exported.lstrip("\ufeff")), delimiter=";"))
    assert [e["kind"] for e in json.loads(row["history"])] == [e["kind"] for e in before]
    assert row["forwarded_to"].startswith("'=")  # never a formula
    data = json.loads(gk("records", "export", "--format", "json", "--db", str(db)).stdout)
    assert data[0]["history"] == before


def test_a_closed_case_is_refused_without_reopen_and_left_as_it_was(gk, tmp_path):
    db = tmp_path / "cases.db"
    number = save(gk, db)
    assert update(gk, db, number, "--close").returncode == 0
    kept = history(gk, db, number)
    for args in (["--note", "sent"], ["--diarium", "KS 1"], ["--close"], ["--tick", "1"]):
        done = update(gk, db, number, *args)
        assert done.returncode == 2
        assert f"case {number} is closed" in done.stderr and "--reopen" in done.stderr
        assert history(gk, db, number) == kept
    done = update(gk, db, number, "--reopen", "--note", "sent")
    assert done.returncode == 0, done.stderr
    assert [e["kind"] for e in history(gk, db, number)[len(kept) :]] == ["reopened", "note"]


# -- the save the app (and the web) make: a re-save of a triage ----------------------------


@pytest.fixture
def chart() -> Chart:
    return Chart(load(default_flowchart()))


def walked(chart: Chart, *answers: str) -> Triage:
    triage = Triage(chart)
    for word in answers:
        triage.walk.answer(word)
    assert triage.walk.finished
    return triage


def test_a_resave_logs_new_answers_the_outcome_ticks_and_notes(chart, tmp_path):
    db = str(tmp_path / "cases.db")
    triage = walked(chart, "ja", "ja")  # prohibited, owns channel: remove
    with Store(db) as store:
        number = save_triage(store, triage, default_flowchart(), "sv", "Anna")
        first = store.get(number).history
        triage.walk.back()
        triage.walk.answer("nej")  # not our channel: report
        triage.ticked = {0}
        triage.notes = "Anmäld till plattformen"
        assert save_triage(store, triage, default_flowchart(), "sv", "Bo") == number
        case = store.get(number)
    assert case.outcome == "report"
    assert case.history[: len(first)] == first
    added = case.history[len(first) :]
    assert [e["kind"] for e in added] == ["back", "answer", "outcome", "tick", "note"]
    outcome = {"at": "", "by": "Bo", "kind": "outcome", "old": "remove", "new": "report"}
    assert added[2] | {"at": ""} == outcome
    assert added[4]["text"] == "Anmäld till plattformen"


def test_the_history_names_questions_answers_and_outcomes_by_their_labels(gk, tmp_path):
    """Not ``prohibited = ja`` but the question's heading and the answer as the path shows
    them, in the reader's language, in show, the Markdown export and on the web; the JSON
    export keeps the ids."""
    from web_support import Web

    db = tmp_path / "cases.db"
    number = save(gk, db)
    web = Web(tmp_path, location=str(db))
    sv = gk("records", "show", number, "--db", str(db), "--lang", "sv").stdout
    assert "svarade: Får inte ligga kvar? Ja — Anna" in sv
    assert "prohibited = ja" not in sv and "owns_channel" not in sv
    en = gk("records", "show", number, "--db", str(db), "--lang", "en").stdout
    assert "answered: Must not stay up? Yes — Anna" in en
    markdown = gk("records", "export", "--format", "markdown", "--db", str(db), "--lang", "sv")
    assert "svarade: Får inte ligga kvar? Ja — Anna" in markdown.stdout
    data = json.loads(gk("records", "export", "--format", "json", "--db", str(db)).stdout)
    assert {(e["question"], e["answer"]) for e in data[0]["history"]} >= {("prohibited", "ja")}
    page = web.client.get(f"/cases/{number}").text
    assert "svarade: Får inte ligga kvar? Ja — Anna" in page and "prohibited = ja" not in page


def test_a_changed_outcome_is_named_by_its_title(chart, tmp_path):
    from gk_respond.records.audit import lines

    db = str(tmp_path / "cases.db")
    triage = walked(chart, "ja", "ja")  # remove
    with Store(db) as store:
        number = save_triage(store, triage, default_flowchart(), "sv", "Anna")
        triage.walk.back()
        triage.walk.answer("nej")  # report
        save_triage(store, triage, default_flowchart(), "sv", "Bo")
        case = store.get(number)
    shown = "\n".join(lines(case, "sv", chart))
    assert "Ta bort kommentaren (remove) → " in shown and "(report) — Bo" in shown
    assert "ångrade: Kommunens kanal? Ja — Bo" in shown
    assert "owns_channel" not in shown
    english = "\n".join(lines(case, "en", chart))
    assert "Remove the comment (remove) → " in english


def test_saving_onto_a_closed_case_asks_first(chart, tmp_path):
    db = str(tmp_path / "cases.db")
    triage = walked(chart, "ja", "ja")
    with Store(db) as store:
        number = save_triage(store, triage, default_flowchart(), "sv", "Anna")
        store.update(number, lambda case: setattr(case, "closed_at", case.created_at))
        closed = store.get(number)
        triage.walk.back()
        triage.walk.answer("nej")
        with pytest.raises(CaseClosed):
            save_triage(store, triage, default_flowchart(), "sv", "Bo")
        assert store.get(number) == closed  # nothing written
        other = save_triage(store, triage, default_flowchart(), "sv", "Bo", closed="new")
        assert other != number and store.get(number) == closed
        assert store.get(other).outcome == "report"
        triage.case = number  # back onto the closed one, and this time reopen it
        assert (
            save_triage(store, triage, default_flowchart(), "sv", "Bo", closed="reopen") == number
        )
        case = store.get(number)
    assert case.closed_at is None and case.outcome == "report"
    assert "reopened" in [e["kind"] for e in case.history[len(closed.history) :]]
