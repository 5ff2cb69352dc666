"""Follow-up in the app: the case screen sets the follow-up fields and ticks steps, each
saved at once and shown in the history; the note dialog's Ctrl+S saves a saved case at
once; saving onto a closed case asks first; overdue cases come first, marked in words."""

from __future__ import annotations

from textual.widgets import Button, DataTable, Static
from tui_helpers import Notices, make_app, seed_cases, until

from gk_respond.records.store import Store
from gk_respond.triage import Comment
from gk_respond.tui.screens.followup import ClosedCaseDialog, FieldDialog, StepsDialog
from gk_respond.tui.screens.outcome import OutcomeScreen
from gk_respond.tui.screens.records import CaseScreen, RecordsScreen

COMMENT = Comment(text="Ni ljuger! [b]x[/b]", url="https://facebook.com/gk/1")


def shown(app) -> str:
    return str(app.screen.query_one("#case", Static).render())


def kinds(db: str, number: str) -> list[str]:
    with Store(db) as store:
        return [e.get("kind") or e["event"] for e in store.get(number).history]


async def open_case(pilot, app, rows_down: int) -> None:
    await pilot.press("ctrl+r")
    assert isinstance(app.screen, RecordsScreen)
    await pilot.press(*["down"] * rows_down, "enter")
    assert isinstance(app.screen, CaseScreen)


async def test_the_case_screen_sets_follow_up_fields_and_ticks_each_saved_at_once(tmp_path):
    db = str(tmp_path / "cases.db")
    removal = seed_cases(db)[0]
    app, notices = make_app(db=db, handler="Anna Andersson"), Notices()
    async with app.run_test(size=(100, 40), message_hook=notices) as pilot:
        await open_case(pilot, app, 2)
        assert app.screen.number == removal
        await pilot.press("r")  # removed now
        with Store(db) as store:
            assert store.get(removal).removed_at
        await pilot.press("d")
        assert isinstance(app.screen, FieldDialog)
        await pilot.press(*"KS 2026/7 [b]", "enter")
        await pilot.press("f")
        await pilot.press(*"Säkerhetssamordnaren", "enter")
        await pilot.press("k", *"W:/kopia.pdf", "enter")
        await pilot.press("t")
        assert isinstance(app.screen, StepsDialog)
        await pilot.press("enter")  # tick step 1
        assert isinstance(app.screen, CaseScreen)
        await pilot.press("d", "escape")  # Esc changes nothing
        with Store(db) as store:
            case = store.get(removal)
        assert case.diarium_number == "KS 2026/7 [b]" and case.copy_kept == "W:/kopia.pdf"
        assert case.forwarded_to == "Säkerhetssamordnaren" and case.ticked == [0]
        assert kinds(db, removal) == ["field"] * 4 + ["tick"]
        assert {e["by"] for e in case.history} == {"Anna Andersson"}
        text = shown(app)
        assert "ändrade: Diarienummer: (inget) → KS 2026/7 [b] — Anna Andersson" in text
        assert "bockade av: steg 1" in text
        await pilot.press("t", "enter")  # and untick it again
        assert kinds(db, removal)[-1] == "untick"
        assert notices.any("Diarienummer", removal)


async def saved_removal(pilot, app) -> str:
    await pilot.press("j", "j", "s")  # prohibited, on our channel: remove; saved
    assert app.triage.case
    return app.triage.case


async def test_a_note_on_a_saved_triage_is_saved_by_ctrl_s(tmp_path):
    db = str(tmp_path / "cases.db")
    app = make_app(comment=COMMENT, db=db, handler="Bo")
    async with app.run_test(size=(80, 24)) as pilot:
        number = await saved_removal(pilot, app)
        await pilot.press("a", *"Skärmdump tagen", "ctrl+s")
        assert isinstance(app.screen, OutcomeScreen)
        with Store(db) as store:
            case = store.get(number)
        assert case.notes == "Skärmdump tagen"  # no second s needed
        assert case.history[-1]["kind"] == "note" and case.history[-1]["by"] == "Bo"
        assert not app.triage.unsaved


async def test_saving_onto_a_closed_case_asks_reopen_or_new(tmp_path):
    db = str(tmp_path / "cases.db")
    app = make_app(comment=COMMENT, db=db, handler="Bo")
    async with app.run_test(size=(100, 30)) as pilot:
        number = await saved_removal(pilot, app)
        await open_case(pilot, app, 0)
        await pilot.press("x", "escape", "escape")  # closed in the case log, then back
        assert kinds(db, number)[-1] == "closed"
        assert isinstance(app.screen, OutcomeScreen)
        await pilot.press("backspace", "n")  # not our channel after all: report
        await pilot.press("s")
        assert isinstance(app.screen, ClosedCaseDialog)
        with Store(db) as store:
            assert store.get(number).outcome == "remove"  # nothing changed yet
        await pilot.press("escape")  # cancel
        assert isinstance(app.screen, OutcomeScreen)
        with Store(db) as store:
            assert store.get(number).outcome == "remove" and store.get(number).closed_at

        await pilot.press("s")
        await pilot.click("#new")
        assert await until(pilot, lambda: app.triage.case != number)
        with Store(db) as store:
            assert store.get(app.triage.case).outcome == "report"
            assert store.get(number).outcome == "remove" and store.get(number).closed_at

        app.triage.case = number  # back onto the closed case; this time reopen it
        await pilot.press("s")
        assert isinstance(app.screen, ClosedCaseDialog)
        app.screen.query_one("#reopen", Button).press()
        assert await until(pilot, lambda: isinstance(app.screen, OutcomeScreen))
        with Store(db) as store:
            case = store.get(number)
        assert case.outcome == "report" and case.closed_at is None
        assert "reopened" in [e.get("kind") for e in case.history]
        assert "outcome" in [e.get("kind") for e in case.history]


async def test_overdue_cases_come_first_and_say_so_in_words(tmp_path, monkeypatch):
    db = str(tmp_path / "cases.db")
    removal, share, correction = seed_cases(db)
    with Store(db) as store:  # the removal was due on 5 November, and is not removed
        store.update(removal, lambda case: setattr(case, "due_at", "2026-11-05T09:30:00+00:00"))
        store.update(correction, lambda c: setattr(c, "due_at", "2026-12-31T09:30:00+00:00"))
    monkeypatch.setenv("GK_RESPOND_NOW", "2026-11-10T12:00:00+01:00")
    app = make_app(lang="en", db=db)
    async with app.run_test(size=(140, 30)) as pilot:
        await pilot.press("ctrl+r")
        table = app.screen.query_one("#cases", DataTable)
        rows = [[str(cell) for cell in table.get_row_at(i)] for i in range(table.row_count)]
        assert [row[0] for row in rows] == [removal, correction, share]
        assert rows[0][4].endswith("OVERDUE") and "OVERDUE" not in rows[1][4]
        await pilot.press("enter", "r")  # removed now: met
        await pilot.press("escape")
        assert isinstance(app.screen, RecordsScreen)
        app.screen.load()
        table = app.screen.query_one("#cases", DataTable)
        rows = [[str(cell) for cell in table.get_row_at(i)] for i in range(table.row_count)]
        assert [row[0] for row in rows] == [correction, share, removal]
        assert rows[2][4].endswith("met")
