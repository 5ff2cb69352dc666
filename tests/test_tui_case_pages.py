"""The app's case log a page at a time (Ctrl+R): the first page and the total, PgDn and PgUp
turning the page, the search narrowing the list and its total, an older search's answer
never shown over a newer one's, the filters, and the overdue cases of the whole log first."""

from __future__ import annotations

import asyncio
import threading

from textual.widgets import DataTable, Input, Select, Static
from tui_helpers import make_app, page_reads, range_line, until, until_read

from gk_respond.messages import grouped
from gk_respond.records.store import Store
from gk_respond.triage import Comment
from gk_respond.tui.keys import key_rows
from gk_respond.tui.screens.records import CaseScreen, RecordsScreen


def numbers(app) -> list[str]:
    table = app.screen.query_one("#cases", DataTable)
    return [str(table.get_row_at(i)[0]) for i in range(table.row_count)]


def cases(*seqs: int) -> list[str]:
    return [f"2026-{n:04d}" for n in seqs]


async def test_the_first_page_the_total_and_turning_the_page(paged):
    app = make_app(comment=Comment(), db=paged)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("ctrl+r")
        assert isinstance(app.screen, RecordsScreen)
        assert numbers(app) == cases(*range(250, 150, -1))  # newest first
        assert range_line(app) == "1–100 av 250 ärenden"
        keys = dict((what, keys) for keys, what in key_rows(app.screen, "sv"))
        assert keys.get("Nästa sida") == "PgDn" and "Föregående sida" not in keys  # page 1
        await pilot.press("pagedown")
        assert numbers(app) == cases(*range(150, 50, -1))
        assert range_line(app) == "101–200 av 250 ärenden"
        assert dict((what, k) for k, what in key_rows(app.screen, "sv"))["Föregående sida"]
        await pilot.press("pagedown", "pagedown")  # the last page, then nothing further
        assert numbers(app) == cases(*range(50, 0, -1))
        assert range_line(app) == "201–250 av 250 ärenden"
        await pilot.press("pageup")
        assert numbers(app) == cases(*range(150, 50, -1))
        await pilot.press("down", "enter")  # a case on the second page, and back
        assert isinstance(app.screen, CaseScreen) and app.screen.number == "2026-0149"
        await pilot.press("escape")
        assert isinstance(app.screen, RecordsScreen)
        assert range_line(app) == "101–200 av 250 ärenden"  # the same page, the same case
        table = app.screen.query_one("#cases", DataTable)
        assert str(table.get_row_at(table.cursor_row)[0]) == "2026-0149"


async def test_the_search_narrows_the_list_and_the_total_follows(paged):
    app = make_app(lang="en", comment=Comment(), db=paged)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("ctrl+r", "pagedown", "slash", *"SNÖRÖJNING")  # any case
        assert await until_read(pilot, lambda: range_line(app) == "1–50 of 50 cases")
        assert numbers(app) == cases(*range(250, 0, -5))  # from the first page again
        app.screen.query_one("#search", Input).value = "gata 12"  # 120 and 125
        assert await until_read(pilot, lambda: numbers(app) == cases(125, 120))
        assert range_line(app) == "1–2 of 2 cases"
        app.screen.query_one("#search", Input).value = "gata 125 "
        assert await until_read(pilot, lambda: range_line(app) == "1 case")
        app.screen.query_one("#search", Input).value = "ingenting"
        assert await until_read(pilot, lambda: numbers(app) == [])
        assert str(app.screen.query_one("#problem", Static).render()) == "No cases"
        assert range_line(app) == ""


async def test_the_filters_start_from_the_first_page_with_their_total(paged):
    app = make_app(comment=Comment(), db=paged)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("ctrl+r", "pagedown")
        app.screen.query_one("#status", Select).value = "closed"  # every fourth: 62
        assert await until(pilot, lambda: range_line(app) == "1–62 av 62 ärenden")
        assert numbers(app) == cases(*range(248, 0, -4))
        app.screen.query_one("#outcome", Select).value = "correct"  # odd: none closed
        assert await until(pilot, lambda: numbers(app) == [])
        app.screen.query_one("#status", Select).value = "open"
        assert await until(pilot, lambda: range_line(app) == "1–100 av 125 ärenden")
        await pilot.press("pagedown")
        assert numbers(app) == cases(*range(49, 0, -2))


async def test_a_page_that_is_gone_gives_way_to_the_last_one(paged):
    app = make_app(comment=Comment(), db=paged)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("ctrl+r", "pagedown", "pagedown")
        assert range_line(app) == "201–250 av 250 ärenden"
        with Store(paged) as store, store.transaction() as db:  # a colleague removes 60
            db.execute("DELETE FROM cases WHERE seq > 190")
        await pilot.press("enter", "escape")  # a case, and back: read again
        assert range_line(app) == "101–190 av 190 ärenden"
        assert numbers(app) == cases(*range(90, 0, -1))


async def test_a_search_runs_when_the_keys_stop_or_at_enter(paged, monkeypatch):
    """The search waits for the keys to stop for SEARCH_DELAY (here longer than any test),
    so typing reads nothing; Enter searches at once."""
    monkeypatch.setattr(RecordsScreen, "SEARCH_DELAY", 3600)
    reads = page_reads(monkeypatch)
    app = make_app(comment=Comment(), db=paged)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("ctrl+r", "slash", *"snöröjning")
        for _ in range(5):
            await pilot.pause()
        assert len(reads) == 1 and range_line(app) == "1–100 av 250 ärenden"
        assert app.screen.query_one("#search", Input).value == "snöröjning"  # typed, all
        await pilot.press("enter")
        assert await until_read(pilot, lambda: range_line(app) == "1–50 av 50 ärenden")
        assert len(reads) == 2 and reads[1].text == "snöröjning"
        assert isinstance(app.focused, DataTable)


async def test_an_older_search_never_shows_over_a_newer_one(paged, monkeypatch):
    """The search for "skatten" is still being read when "snöröjning" is typed over it; it
    comes back last, and the table keeps showing the newer search."""
    older_started, older_may_finish, older_done = (threading.Event() for _ in range(3))
    newer_done = threading.Event()
    page = Store.rows_first  # a search's page is read there (its count after)

    def read(store, where, **k):
        if where.text == "skatten":
            older_started.set()
            older_may_finish.wait()
            try:
                return page(store, where, **k)
            finally:
                older_done.set()
        found = page(store, where, **k)
        if where.text == "snöröjning":
            newer_done.set()
        return found

    monkeypatch.setattr(Store, "rows_first", read)
    app = make_app(comment=Comment(), db=paged)
    try:
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.press("ctrl+r")
            search = app.screen.query_one("#search", Input)
            search.value = "skatten"
            await asyncio.to_thread(older_started.wait)  # it is being read, and waits
            search.value = "snöröjning"
            await asyncio.to_thread(newer_done.wait)
            assert await until(pilot, lambda: range_line(app) == "1–50 av 50 ärenden")
            older_may_finish.set()
            await asyncio.to_thread(older_done.wait)
            await app.workers.wait_for_complete()
            for _ in range(5):
                await pilot.pause()
            assert range_line(app) == "1–50 av 50 ärenden"
            assert numbers(app) == cases(*range(250, 0, -5))
    finally:
        older_may_finish.set()  # never leave the worker thread waiting


async def test_overdue_cases_come_first_in_the_whole_log(paged, monkeypatch):
    monkeypatch.setenv("GK_RESPOND_NOW", "2026-11-10T12:00:00+01:00")
    with Store(paged) as store:  # 121 is open and was due on 5 November; 120 is closed
        for number in cases(121, 120):
            store.update(number, lambda c: setattr(c, "due_at", "2026-11-05T09:30:00+00:00"))
    app = make_app(lang="en", comment=Comment(), db=paged)
    async with app.run_test(size=(140, 30)) as pilot:
        await pilot.press("ctrl+r")
        assert numbers(app) == cases(121, *range(250, 151, -1))  # the overdue one first
        table = app.screen.query_one("#cases", DataTable)
        assert str(table.get_row_at(0)[4]).endswith("OVERDUE")
        await pilot.press("pagedown")
        assert numbers(app) == cases(*range(151, 121, -1), *range(120, 50, -1))
        assert str(table.get_row_at(30)[4]).endswith("met")  # 120: closed, so met


def test_counts_are_written_as_each_language_writes_them():
    assert grouped(100_000, "sv") == "100\u00a0000" and grouped(999, "sv") == "999"
    assert grouped(100_000, "en") == "100,000" and grouped(1_234_567, "en") == "1,234,567"
