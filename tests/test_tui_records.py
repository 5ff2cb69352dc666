"""Saving a triage from the app: one key, a confirmation that names the case, and the case
holds the path, the answers changed on the way, the steps ticked and the notes."""

from __future__ import annotations

import pytest
from textual.widgets import Static
from tui_helpers import Notices, make_app, page_reads, seed_cases, until, until_read

from gk_respond.records.store import Store
from gk_respond.triage import Comment
from gk_respond.tui.screens.dialogs import NoteDialog
from gk_respond.tui.screens.outcome import OutcomeScreen

COMMENT = Comment(text="Ni ljuger om skatten! [b]x[/b]", url="https://facebook.com/gk/1")


def saved_line(app) -> str:
    return str(app.screen.query_one("#saved", Static).render())


async def test_save_ticks_notes_and_history_then_update_the_same_case(case_log):
    db = case_log
    app = make_app(comment=COMMENT, db=db, handler="Bo Berg")  # as --handler gives it
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("n", "n", "j")  # defamatory=ja ...
        await pilot.press("backspace", "n", "n", "j")  # ... no: joking=nej, factual_error=ja
        assert isinstance(app.screen, OutcomeScreen)
        assert saved_line(app) == "Inte sparat i ärendeloggen (s sparar)."
        await pilot.press("enter")  # tick the first step
        await pilot.press("a")
        assert isinstance(app.screen, NoteDialog)
        await pilot.press(*"Rättat i tråden")
        await pilot.press("ctrl+s")
        assert isinstance(app.screen, OutcomeScreen)
        assert "Rättat i tråden" in str(app.screen.query_one("#notes", Static).render())
        await pilot.press("s")
        with Store(db) as store:
            (case,) = store.cases()
        assert saved_line(app) == f"Sparat som ärende {case.number}."
        assert case.outcome == "correct" and case.ticked == [0] and case.handler == "Bo Berg"
        assert case.notes == "Rättat i tråden"
        assert case.comment_text == COMMENT.text and case.url == COMMENT.url
        assert case.path == [
            ("prohibited", "nej"), ("positive", "nej"), ("defamatory", "nej"),
            ("joking", "nej"), ("factual_error", "ja"),
        ]  # fmt: skip
        changed = [(e["event"], e["question"], e["answer"]) for e in case.history]
        assert ("back", "defamatory", "ja") in changed  # the answer changed on the way
        assert all(e["at"].endswith("+00:00") for e in case.history)

        await pilot.press("down", "enter")  # tick the second step too
        assert "senare ändringar är inte sparade" in saved_line(app)
        await pilot.press("s")
        with Store(db) as store:
            (again,) = store.cases()  # the same case, brought up to date
        assert again.number == case.number and again.ticked == [0, 1]
        assert saved_line(app) == f"Sparat som ärende {case.number}."


async def test_a_note_opened_again_is_written_on_at_its_end(tmp_path):
    app = make_app(comment=COMMENT, db=str(tmp_path / "cases.db"))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("j", "j")  # remove
        await pilot.press("a", *"Borttagen.", "ctrl+s")
        await pilot.press("a", "enter", *"Kopia sparad.", "ctrl+s")
        assert app.triage.notes == "Borttagen.\nKopia sparad."


async def test_a_case_log_that_cannot_be_used_loses_nothing(tmp_path):
    db = tmp_path / "anteckningar.txt"
    db.write_text("inte en databas\n", encoding="utf-8")
    app, notices = make_app(lang="en", comment=COMMENT, db=str(db)), Notices()
    async with app.run_test(size=(80, 24), message_hook=notices) as pilot:
        await pilot.press("y", "y")  # prohibited, on our channel: remove
        await pilot.press("enter", "s")
        assert saved_line(app) == "Not saved in the case log (s saves it)."
        assert app.triage.ticked == {0} and app.triage.walk.outcome == "remove"
        assert db.read_text(encoding="utf-8") == "inte en databas\n"
        assert await until(pilot, lambda: notices.any("Could not save", "not an SQLite database"))


async def test_saving_again_keeps_what_was_done_to_the_case_elsewhere(tmp_path):
    from gk_respond.records.followup import Changes, apply

    db = str(tmp_path / "cases.db")
    app = make_app(comment=COMMENT, db=db)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("j", "j", "a", *"Skärmdump tagen", "ctrl+s", "s")  # remove
        number = app.triage.case
        with Store(db) as store:  # meanwhile, a colleague: records update --tick 3 --note ...
            changes = Changes(at="2026-11-25T10:00:00+00:00", who="Bo", tick={2}, note="Diariefört")
            store.update(number, lambda case: apply(case, changes))
        await pilot.press("enter", "s")  # tick the first step here, save again
        with Store(db) as store:
            case = store.get(number)
        assert case.ticked == [0, 2]
        assert case.notes.startswith("Skärmdump tagen\n\n[") and case.notes.endswith("Diariefört")


def table_numbers(app) -> list[str]:
    from textual.widgets import DataTable

    table = app.screen.query_one("#cases", DataTable)
    return [str(table.get_row_at(i)[0]) for i in range(table.row_count)]


async def test_records_screen_lists_filters_opens_closes_and_notes(case_log, monkeypatch):
    from textual.widgets import Input, Select

    from gk_respond.tui.screens.records import CaseScreen, RecordsScreen

    monkeypatch.setattr(RecordsScreen, "SEARCH_DELAY", 0)  # searched at once, in a worker
    db = case_log
    removal, share, correction = seed_cases(db)
    app = make_app(comment=Comment(), db=db, handler="Anna Andersson")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("ctrl+r")
        assert isinstance(app.screen, RecordsScreen)
        assert table_numbers(app) == [correction, share, removal]
        app.screen.query_one("#outcome", Select).value = "share"
        await pilot.pause()
        assert table_numbers(app) == [share]
        app.screen.query_one("#outcome", Select).value = "all"
        await pilot.press("slash", *"BIBLIO")  # any case
        assert await until_read(pilot, lambda: table_numbers(app) == [share])
        app.screen.query_one("#search", Input).value = ""
        assert await until_read(pilot, lambda: table_numbers(app) == [correction, share, removal])

        await pilot.press("enter")  # focus back on the table
        await pilot.press("down", "down", "enter")  # the removal
        assert isinstance(app.screen, CaseScreen) and app.screen.number == removal
        shown = str(app.screen.query_one("#case", Static).render())
        assert "Jag vet var du bor [@click=app.quit]x[/]" in shown  # literally, never markup
        await pilot.press("x")
        await pilot.press("a", *"Polisanmält", "ctrl+s")
        assert isinstance(app.screen, CaseScreen)
        with Store(db) as store:
            case = store.get(removal)
        assert case.status == "closed" and case.notes.endswith(" Anna Andersson]\nPolisanmält")
        assert "Polisanmält" in str(app.screen.query_one("#case", Static).render())

        await pilot.press("escape")
        assert isinstance(app.screen, RecordsScreen)
        app.screen.query_one("#status", Select).value = "closed"
        await pilot.pause()
        assert table_numbers(app) == [removal]
        await pilot.press("escape")
        assert not isinstance(app.screen, RecordsScreen)


@pytest.mark.parametrize(
    ("keys", "screen"),
    [
        (["ctrl+r", "enter"], "records.RecordsScreen"),
        (["ctrl+k", "enter", "e", "d", "delete"], "channels.ChannelsScreen"),  # nothing to open
    ],
)
async def test_the_case_log_screens_say_when_the_log_cannot_be_used(tmp_path, keys, screen):
    import importlib

    module, name = screen.split(".")
    expected = getattr(importlib.import_module(f"gk_respond.tui.screens.{module}"), name)
    db = tmp_path / "cases.db"
    db.write_bytes(b"not sqlite at all")
    app = make_app(lang="en", comment=Comment(), db=str(db))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press(*keys)
        assert isinstance(app.screen, expected)
        problem = str(app.screen.query_one("#problem", Static).render())
        assert problem.startswith("The case log cannot be used:") and "not an SQLite" in problem
        assert db.read_bytes() == b"not sqlite at all"


async def test_quitting_asks_first_while_a_finished_triage_is_not_saved(tmp_path):
    from gk_respond.tui.screens.dialogs import ConfirmDialog

    app = make_app(lang="en", comment=COMMENT, db=str(tmp_path / "cases.db"))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("ctrl+q")  # nothing finished yet: nothing to lose
        assert not app.is_running
    app = make_app(lang="en", comment=COMMENT, db=str(tmp_path / "cases.db"))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("y", "y", "ctrl+q")
        assert isinstance(app.screen, ConfirmDialog) and app.is_running
        await pilot.press("n")  # cancel: the outcome is still there
        assert isinstance(app.screen, OutcomeScreen)
        await pilot.press("s", "ctrl+q")  # saved: quits at once
        assert not app.is_running
    app = make_app(lang="en", comment=COMMENT, db=str(tmp_path / "cases.db"))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("y", "y", "ctrl+q", "ctrl+q")  # asked twice: quit anyway
        assert not app.is_running


async def test_a_case_is_wrapped_to_the_screen_it_is_shown_on(tmp_path):
    from gk_respond.tui.screens.records import CaseScreen

    db = str(tmp_path / "cases.db")
    correction = seed_cases(db)[2]
    app = make_app(comment=Comment(), db=db)
    async with app.run_test(size=(60, 30)) as pilot:
        app.push_screen(CaseScreen(correction))
        await pilot.pause()
        shown = app.screen.query_one("#case", Static)
        lines = str(shown.render()).splitlines()
        assert max(map(len, lines)) <= shown.content_region.width
        assert any(line.startswith("  1. [ ] Ta reda på de rätta uppgifterna") for line in lines)


async def test_a_damaged_log_is_reported_and_the_triage_is_kept(tmp_path):
    from test_records_store import big_log, damage

    from gk_respond.tui.screens.records import RecordsScreen

    db = big_log(tmp_path / "big.db")
    before = damage(db)  # the newest cases' page
    app = make_app(lang="en", comment=COMMENT, db=db)  # its address is looked up at once
    notices = Notices()
    async with app.run_test(size=(100, 30), message_hook=notices) as pilot:
        await pilot.press("y", "y")  # prohibited, on our channel: remove
        await pilot.press("enter")  # tick the first step
        await pilot.press("ctrl+r")
        assert isinstance(app.screen, RecordsScreen)
        problem = str(app.screen.query_one("#problem", Static).render())
        assert problem.startswith("The case log cannot be used:") and "is damaged" in problem
        await pilot.press("escape")
        assert isinstance(app.screen, OutcomeScreen)
        await pilot.press("s")
        assert saved_line(app) == "Not saved in the case log (s saves it)."
        assert app.triage.ticked == {0} and app.triage.walk.outcome == "remove"
        assert await until(pilot, lambda: notices.any("Could not save", "is damaged"))
        # (the register's look-up at start-up reads only the channels: a read-only open
        # no longer checks every page, so it meets no damage; the save above did)
    with open(db, "rb") as handle:
        assert handle.read() == before


async def test_the_records_screen_creates_no_log(tmp_path):
    from gk_respond.tui.screens.records import RecordsScreen

    db = tmp_path / "typo.db"
    app = make_app(lang="en", comment=Comment(), db=str(db))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("ctrl+r")
        assert isinstance(app.screen, RecordsScreen)
        problem = str(app.screen.query_one("#problem", Static).render())
        assert problem == f"No cases have been saved yet: there is no case log at {db}"
    assert not db.exists()


async def test_a_busy_log_on_the_case_screen_is_reported(tmp_path, monkeypatch):
    import sqlite3

    from gk_respond.records import store as module
    from gk_respond.tui.screens.records import CaseScreen

    monkeypatch.setattr(module, "BUSY_TIMEOUT", 0)  # give up at once: no waiting in a test
    db = str(tmp_path / "cases.db")
    removal = seed_cases(db)[0]
    app, notices = make_app(lang="en", comment=Comment(), db=db), Notices()
    async with app.run_test(size=(100, 30), message_hook=notices) as pilot:
        await pilot.press("ctrl+r")
        await pilot.press("down", "down", "enter")
        assert isinstance(app.screen, CaseScreen) and app.screen.number == removal
        writer = sqlite3.connect(db, isolation_level=None)
        writer.execute("BEGIN IMMEDIATE")  # another gk-respond, in the middle of a save
        try:
            await pilot.press("x")
            busy = "is busy (another gk-respond is writing); try again"
            assert await until(pilot, lambda: notices.any(busy))
        finally:
            writer.execute("ROLLBACK")
            writer.close()
        assert isinstance(app.screen, CaseScreen)
        with Store(db) as store:
            assert store.get(removal).status == "open"


async def test_the_records_screen_reads_the_log_once_and_a_burst_of_keys_once(
    tmp_path, monkeypatch
):
    """Opening the case log reads one page once (the filters' own messages on mount read
    nothing); changes to the search field that wait together are read together."""
    from textual.widgets import Input

    from gk_respond.tui.screens.records import RecordsScreen

    monkeypatch.setattr(RecordsScreen, "SEARCH_DELAY", 0)
    db = str(tmp_path / "cases.db")
    removal, share, correction = seed_cases(db)
    reads = page_reads(monkeypatch)
    app = make_app(comment=Comment(), db=db)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("ctrl+r")
        assert isinstance(app.screen, RecordsScreen)
        assert await until(pilot, lambda: table_numbers(app) == [correction, share, removal])
        for _ in range(3):
            await pilot.pause()
        assert len(reads) == 1
        search = app.screen.query_one("#search", Input)
        for letter in "biblio":  # six changes before the screen handles the first
            search.insert_text_at_cursor(letter)
        assert await until_read(pilot, lambda: table_numbers(app) == [share])
        for _ in range(3):
            await pilot.pause()
        assert len(reads) == 2 and reads[1].text == "biblio"
