"""A re-save of a saved triage leaves a trace of everything it changes: the reply (the one
replaced, as written, with what the checker had found in it), the note rewritten, the due
time and the flowchart's details, on both backends, through the app (pilot), the CLI's
`records show` and exports, and the web over HTTP."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys

from textual.widgets import Static, TextArea
from tui_helpers import CHART, make_app, until
from web_support import Web, draft_of

from gk_respond import default_flowchart
from gk_respond.records.audit import lines
from gk_respond.records.new import save_triage
from gk_respond.records.store import Store
from gk_respond.triage import Comment, Triage
from gk_respond.tui.screens.outcome import OutcomeScreen
from gk_respond.tui.screens.records import CaseScreen
from gk_respond.tui.screens.reply import ReplyScreen

TO_CORRECT = ("n", "n", "n", "n", "j")  # the reviewer's walk: fakta fel (correct)
FIRST = "FORSTA SVARET https://gullspang.se"
SECOND = 'ANDRA SVARET =HYPERLINK("x")\x1b[31m <b>`fet`</b>\nrad två'


def records(cli_env, db: str, *args: str) -> str:
    done = subprocess.run(
        [sys.executable, "-m", "gk_respond", "records", *args, "--db", db],
        capture_output=True, text=True, env=cli_env,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    return done.stdout


def case_screen_text(app) -> str:
    found = app.screen.query("#case") if isinstance(app.screen, CaseScreen) else []
    return "".join(str(shown.render()) for shown in found if isinstance(shown, Static))


async def write_reply(pilot, app, text: str) -> None:
    await pilot.press("r")
    assert await until(pilot, lambda: isinstance(app.screen, ReplyScreen))
    app.screen.query_one("#reply", TextArea).load_text(text)
    await pilot.press("escape")
    assert await until(pilot, lambda: isinstance(app.screen, OutcomeScreen))
    assert app.triage.reply == text
    await pilot.press("s")
    assert await until(pilot, lambda: not app.triage.unsaved)


async def test_each_reply_saved_again_is_in_the_history_with_the_one_it_replaced(case_log, cli_env):
    app = make_app("sv", Comment(text="Skatten höjs"), db=case_log, handler="Anna")
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press(*TO_CORRECT)
        assert isinstance(app.screen, OutcomeScreen)
        await pilot.press("s")
        number = app.triage.case
        assert number
        await write_reply(pilot, app, FIRST)
        await write_reply(pilot, app, SECOND)
        assert app.triage.case == number
        app.push_screen(CaseScreen(number))  # the case screen shows both changes
        assert await until(pilot, lambda: "ANDRA SVARET" in case_screen_text(app))
        on_screen = " ".join(case_screen_text(app).split())
        assert f"ändrade svaret: (inget) → {FIRST} — Anna" in on_screen
        assert f"ändrade svaret: {FIRST} → ANDRA SVARET" in on_screen
    history = json.loads(records(cli_env, case_log, "show", number, "--format", "json"))
    replies = [e for e in history["history"] if e["kind"] == "reply"]
    assert [(e["old"], e["new"], e["by"]) for e in replies] == [
        ("", FIRST, "Anna"),
        (FIRST, SECOND, "Anna"),
    ]
    assert all(e["at"] for e in replies)
    # what the checker had found in the first reply stays with it
    with Store(case_log) as store:
        case = store.get(number)
    assert case.reply_text == SECOND
    assert replies[0]["old_findings"] == [] and isinstance(replies[1]["old_findings"], list)
    shown_sv = records(cli_env, case_log, "show", number, "--lang", "sv")
    history_sv = " ".join(shown_sv.split("Historik", 1)[1].split())  # wrapped to 78
    assert f"ändrade svaret: (inget) → {FIRST} — Anna" in history_sv
    assert "ändrade svaret: FORSTA SVARET https://gullspang.se → ANDRA SVARET" in history_sv
    assert '=HYPERLINK("x")␛[31m <b>`fet`</b>␤rad två — Anna' in history_sv  # as typed
    assert "\x1b" not in shown_sv
    shown_en = " ".join(records(cli_env, case_log, "show", number, "--lang", "en").split())
    assert f"changed the reply: (none) → {FIRST} — Anna" in shown_en
    # the exports carry the entries, as the characters they are
    exported = json.loads(records(cli_env, case_log, "export", "--format", "json"))
    assert [e for e in exported[0]["history"] if e["kind"] == "reply"] == replies
    sheet = records(cli_env, case_log, "export", "--format", "csv", "--lang", "en")
    row = next(csv.DictReader(io.StringIO(sheet.lstrip("\ufeff")), delimiter=";"))
    kept = [e for e in json.loads(row["history"]) if e["kind"] == "reply"]
    assert [(e["old"], e["new"]) for e in kept] == [("", FIRST), (FIRST, SECOND)]
    markdown = records(cli_env, case_log, "show", number, "--format", "markdown")
    entry = next(line for line in markdown.splitlines() if "ANDRA SVARET" in line and "→" in line)
    assert entry.startswith("- `` ") and entry.endswith(" ``")  # code, never markup
    assert "<b>`fet`</b>" in entry


async def test_a_reply_kept_as_it_was_adds_no_entry(case_log):
    app = make_app("sv", Comment(text="Skatten höjs"), db=case_log, handler="Anna")
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press(*TO_CORRECT)
        await write_reply(pilot, app, FIRST)
        number = app.triage.case
        app.triage.notes = "Ringde"  # something else to save again
        await pilot.press("s")
        assert await until(pilot, lambda: not app.triage.unsaved)
    with Store(case_log) as store:
        kinds = [e["kind"] for e in store.get(number).history]
    assert "reply" not in kinds and "reply_check" not in kinds
    assert kinds[-1] == "note"


async def test_a_note_rewritten_in_the_app_keeps_the_one_it_replaced(case_log, cli_env):
    app = make_app("en", Comment(text="Skatten höjs"), db=case_log, handler="Anna")
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("n", "n", "n", "n", "y")
        for text in ("Ringde Kim", "Ringde Kim och Bo", "Skrev till Bo"):
            await pilot.press("a")
            assert await until(pilot, lambda: isinstance(app.screen.focused, TextArea))
            app.screen.focused.load_text(text)
            await pilot.press("ctrl+s")
            assert await until(pilot, lambda t=text: app.triage.notes == t)
            if not app.triage.case:
                await pilot.press("s")
            assert await until(pilot, lambda: not app.triage.unsaved)
        number = app.triage.case
    history = json.loads(records(cli_env, case_log, "show", number, "--format", "json"))
    notes = [
        {k: v for k, v in e.items() if k in ("text", "old")}
        for e in history["history"]
        if e["kind"] == "note"
    ]
    assert notes == [{"text": "och Bo"}, {"text": "Skrev till Bo", "old": "Ringde Kim och Bo"}]
    shown = " ".join(records(cli_env, case_log, "show", number, "--lang", "en").split())
    assert "note: Ringde Kim och Bo → Skrev till Bo — Anna" in shown


def test_a_new_outcome_logs_its_due_time_and_a_new_language_and_check(case_log):
    triage = Triage(CHART, comment=Comment(text="Skatten höjs"))
    for word in ("nej", "nej", "nej", "nej", "ja"):  # correct: a reply is written
        triage.walk.answer(word)
    triage.reply = "Ni har fel."
    with Store(case_log) as store:
        number = save_triage(store, triage, default_flowchart(), "sv", "Anna")
        first = store.get(number)
        triage.walk.back()
        for word in ("nej", "nej", "nej"):  # no factual error after all: observe
            triage.walk.answer(word)
        assert triage.walk.outcome != first.outcome
        save_triage(store, triage, default_flowchart(), "en", "Bo")
        case = store.get(number)
    added = case.history[len(first.history) :]
    fields = {e["field"]: (e["old"], e["new"]) for e in added if e["kind"] == "field"}
    assert fields["lang"] == ("sv", "en")
    assert fields["due_at"] == (first.due_at or "", case.due_at or "")
    assert first.due_at != case.due_at
    assert case.reply_text == first.reply_text  # the same reply, checked for another outcome
    checks = [e for e in added if e["kind"] == "reply_check"]
    assert [(e["old"], e["new"]) for e in checks] == [(first.reply_findings, case.reply_findings)]
    assert [f["rule"] for f in case.reply_findings] == ["no_reply"]  # observe: no reply
    shown = " ".join(lines(case, "sv"))
    assert "kontrollen av svaret ändrades: source_link_correct, address_du" in shown
    assert "→ no_reply — Bo" in shown
    assert "Ska vara klart: " in shown and "Språk: sv → en — Bo" in shown
    assert all(e["by"] == "Bo" for e in added)


def test_a_note_added_on_the_web_after_the_save_is_kept_through_a_re_save(tmp_path, case_log):
    """On the web a note written after the save goes to the case at once (an entry with
    who and when); a re-save of the triage then keeps both notes and rewrites neither."""
    web = Web(tmp_path, location=case_log)
    url = web.walk(["nej", "nej", "nej", "nej", "ja"], "Skatten höjs")
    draft = draft_of(url)
    for text in ("<i>Ringde</i> Kim", "Skrev till Bo"):
        web.post(f"{draft}/note", {"note": text})
        assert web.post(f"{draft}/save").status_code in (200, 303)
    with Store(web.db) as store:
        case = store.cases()[0]
    notes = [e for e in case.history if e["kind"] == "note"]
    assert [(e["text"], e.get("old")) for e in notes] == [("Skrev till Bo", None)]
    assert "<i>Ringde</i> Kim" in case.notes and "Skrev till Bo" in case.notes
    page = web.client.get(f"/cases/{case.number}").text
    assert "&lt;i&gt;Ringde&lt;/i&gt; Kim" in page and "<i>Ringde" not in page
