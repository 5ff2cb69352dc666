"""The case log's table as drawn (Ctrl+R): every cell the characters it is, never markup
or a terminal escape; every column as wide as its widest cell, and never narrower while
the screen is open; PgDn not offered while a search fits on one page, and again after."""

from __future__ import annotations

import pytest
from textual.widgets import DataTable, Input
from tui_helpers import fill_cases, make_app, until_read

from gk_respond.records.store import Case, Store, insert_cases
from gk_respond.triage import Comment
from gk_respond.tui.keys import key_rows
from gk_respond.tui.screens.records import RecordsScreen

UNTRUSTED = "[red]röd[/] [@click=app.quit]q[/] \x1b[2J\u202eslut"
NAME = "[b]Anna-Karin Långnamn Svensson[/b]\tx"


def drawn(table: DataTable) -> list[str]:
    """The table's lines as the screen shows them."""
    return [table.render_line(y).text for y in range(table.size.height)]


def add(db: str, number: str, comment: str, handler: str) -> None:
    case = Case(
        handler=handler, lang="sv", flowchart_version="2026.1", flowchart_sha256="f" * 64,
        comment_text=comment, comment_sha256="c" * 64, outcome="correct",
        path=[("prohibited", "nej")], number=number, created_at="2026-11-02T08:00:00+00:00",
    )  # fmt: skip
    with Store(db) as store, store.transaction() as connection:
        insert_cases(connection, [case])


@pytest.fixture
def searched_at_once(monkeypatch) -> None:
    monkeypatch.setattr(RecordsScreen, "SEARCH_DELAY", 0)


async def test_untrusted_cells_are_drawn_as_the_characters_they_are(tmp_path, searched_at_once):
    db = str(tmp_path / "cases.db")
    add(db, "2026-0001", UNTRUSTED, NAME)
    app = make_app(comment=Comment(), db=db)
    async with app.run_test(size=(200, 20)) as pilot:
        await pilot.press("ctrl+r")
        table = app.screen.query_one("#cases", DataTable)
        row = next(line for line in drawn(table) if "2026-0001" in line)
        assert "[red]röd[/] [@click=app.quit]q[/] ␛[2J<U+202E>slut" in row  # whole, literal
        assert "[b]Anna-Karin Långnamn Svensson[/b]" in row  # the tab a space, not markup
        assert [str(cell) for cell in table.get_row_at(0)][5].startswith("[red]röd[/]")
        assert app.is_running  # the [@click] never ran


async def test_columns_fit_the_widest_cell_and_never_narrow(tmp_path, searched_at_once):
    db = str(tmp_path / "cases.db")
    fill_cases(db, 3)
    add(db, "2026-0004", "Om bygglovet", NAME)
    app = make_app(comment=Comment(), db=db)
    async with app.run_test(size=(200, 20)) as pilot:
        await pilot.press("ctrl+r")
        table = app.screen.query_one("#cases", DataTable)
        handler = table.ordered_columns[-1]
        assert handler.width == len(NAME.expandtabs())  # the tab to its stop
        assert any(NAME.split("\t")[0] in line for line in drawn(table))
        widths = [column.width for column in table.ordered_columns]
        app.screen.query_one("#search", Input).value = "skatten 2"  # the long name gone
        assert await until_read(pilot, lambda: table.row_count == 1)
        assert [column.width for column in table.ordered_columns] == widths
        assert not any("Långnamn" in line for line in drawn(table))


def next_page(app) -> bool:
    """Whether PgDn turns the page (its key listed as one to use)."""
    return "Nästa sida" in {what for _, what in key_rows(app.screen, "sv")}


async def test_pgdn_follows_a_search_that_fits_on_one_page(case_log, searched_at_once):
    fill_cases(case_log, 150)
    app = make_app(comment=Comment(), db=case_log)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("ctrl+r")
        assert next_page(app)
        search = app.screen.query_one("#search", Input)
        search.value = "snöröjningen"  # every fifth: 30, one page
        assert await until_read(pilot, lambda: app.screen.query_one("#cases").row_count == 30)
        assert not next_page(app)
        search.value = "snöröjningen på"  # the same cases
        assert await until_read(pilot, lambda: app.screen.wanted is app.screen.shown)
        assert not next_page(app)
        search.value = ""
        assert await until_read(pilot, lambda: app.screen.query_one("#cases").row_count == 100)
        assert next_page(app)
        await pilot.press("pagedown")
        table = app.screen.query_one("#cases", DataTable)
        assert await until_read(pilot, lambda: str(table.get_row_at(0)[0]) == "2026-0050")


async def test_the_next_page_replaces_the_rows_from_the_top(case_log, searched_at_once):
    """A page of as many rows is put in place of the one shown: every cell the new case's,
    the table at its start again, and Enter opens the case on the cursor's row."""
    fill_cases(case_log, 250)
    app = make_app(comment=Comment(), db=case_log)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("ctrl+r", *["down"] * 40)  # scrolled down the first page
        table = app.screen.query_one("#cases", DataTable)
        assert table.scroll_y > 0
        await pilot.press("pagedown")
        assert (table.scroll_y, table.cursor_row) == (0, 0)
        rows = [[str(cell) for cell in table.get_row_at(i)] for i in range(table.row_count)]
        assert [row[0] for row in rows] == [f"2026-{n:04d}" for n in range(150, 50, -1)]
        # at 80 columns the comment is cut with "…" to what fits
        keys = [column.key.value for column in table.ordered_columns]
        first, second = (row[keys.index("comment_key")] for row in rows[:2])
        assert first.endswith("…") and "Snöröjningen på gata 150 är sen".startswith(first[:-1])
        assert second == "Skatten 149"
        await pilot.press("down", "down", "enter")
        assert app.screen.number == "2026-0148"
