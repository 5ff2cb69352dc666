"""A key typed in the case log's search field: the field drawn and scrolled as Textual's
``Input`` draws it, with no layout of the screen; the table's cells made and put in place
only where their text changed (a search that finds the same cases changes none), every
row still the new page's."""

from __future__ import annotations

import pytest
from textual.app import App, ComposeResult
from textual.geometry import Region
from textual.widgets import DataTable, Input
from tui_helpers import fill_cases, make_app, until, until_read

from gk_respond.triage import Comment
from gk_respond.tui.screens.records import RecordsScreen
from gk_respond.tui.steady_input import SteadyInput
from gk_respond.tui.table_cells import LiteralTable

TYPED = "Snöröjningen på Storgatan är sen igen, tredje gången i vinter"


@pytest.fixture
def searched_at_once(monkeypatch) -> None:
    monkeypatch.setattr(RecordsScreen, "SEARCH_DELAY", 0)


def cells(table: DataTable) -> list[list[object]]:
    return [list(table.get_row_at(row)) for row in range(table.row_count)]


def drawn(table: DataTable) -> list[str]:
    return [table.render_line(y).text for y in range(table.size.height)]


class Fields(App):
    """Textual's Input and ours, as wide as each other."""

    CSS = "Input { width: 24; }"

    def compose(self) -> ComposeResult:
        yield Input(id="theirs", select_on_focus=False)
        yield SteadyInput(id="ours", select_on_focus=False)


async def test_the_steady_field_is_drawn_and_scrolled_as_an_input():
    """Typed past its width, the cursor moved to the start and a word deleted: the two
    fields show the same characters and have scrolled alike, at every step."""
    app = Fields()
    async with app.run_test(size=(60, 10)) as pilot:
        theirs, ours = app.query_one("#theirs", Input), app.query_one("#ours", Input)

        def shown(field: Input) -> tuple[list[str], float]:
            lines = field.render_lines(Region(0, 0, *field.outer_size))  # as the screen has them
            return [line.text for line in lines], field.scroll_x

        typed = ["space" if letter == " " else letter for letter in TYPED]
        for steps in (typed, ["home"], ["ctrl+right", "ctrl+right"], ["ctrl+w"], ["end"]):
            for field in (theirs, ours):
                field.focus()
                await pilot.pause()
                await pilot.press(*steps)
            await pilot.pause()
            assert ours.value == theirs.value
            assert shown(ours) == shown(theirs)
        assert ours.value.endswith("tredje gången i vinter")
        assert ours.scroll_x > 0  # scrolled to the cursor at the end
        assert "vinter" in shown(ours)[0][1]


async def test_a_key_in_the_search_field_lays_out_nothing(case_log, searched_at_once):
    """The key's letter, its search's rows and count painted, and not one layout of the
    screen (Textual's Input asks for one at every key)."""
    fill_cases(case_log, 150)
    app = make_app(comment=Comment(), db=case_log)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("ctrl+r", "slash", *"snöröjninge")
        screen = app.screen
        assert await until_read(pilot, lambda: screen.wanted is screen.shown)
        layouts: list[object] = []
        screen.screen_layout_refresh_signal.subscribe(screen, layouts.append)
        await pilot.press("n")
        assert await until_read(pilot, lambda: screen.shown.where.text == "snöröjningen")
        await pilot.pause()
        assert screen.query_one("#search", Input).value == "snöröjningen"
        assert screen.query_one("#cases", DataTable).row_count == 30
        assert layouts == []


async def test_a_search_that_finds_the_same_cases_changes_no_cell(case_log, searched_at_once):
    """The same cases: every cell the one shown before (none made again), the table
    drawn as it was; then a page of other cases: every row the new page's."""
    fill_cases(case_log, 150)
    app = make_app(comment=Comment(), db=case_log)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("ctrl+r")
        table = app.screen.query_one("#cases", DataTable)
        search = app.screen.query_one("#search", Input)
        search.value = "snöröjningen"  # every fifth: 30
        assert await until_read(pilot, lambda: table.row_count == 30)
        before, lines = cells(table), drawn(table)
        search.value = "snöröjningen på"  # the same cases
        assert await until_read(pilot, lambda: app.screen.shown.where.text == "snöröjningen på")
        pairs = [
            pair
            for now, was in zip(cells(table), before, strict=True)
            for pair in zip(now, was, strict=True)
        ]
        assert len(pairs) == 30 * 7 and all(now is was for now, was in pairs)  # none made anew
        assert drawn(table) == lines
        search.value = "skatten"  # the others: 120, a page of 100 in place of 30
        assert await until_read(pilot, lambda: table.row_count == 100)
        rows = [[str(cell) for cell in row] for row in cells(table)]
        numbers = [n for n in range(150, 0, -1) if n % 5][:100]  # newest first
        assert [row[0] for row in rows] == [f"2026-{n:04d}" for n in numbers]
        assert [row[5] for row in rows] == [f"Skatten {n}" for n in numbers]


class Table(App):
    def compose(self) -> ComposeResult:
        yield LiteralTable()

    def on_mount(self) -> None:
        table = self.query_one(LiteralTable)
        for key in ("a", "b"):
            table.add_column(key, key=key, width=1)


async def test_put_rows_replaces_only_the_cells_whose_text_changed():
    app = Table()
    async with app.run_test(size=(60, 10)) as pilot:
        table = app.query_one(LiteralTable)
        table.put_rows([("ett", "två"), ("tre", "fyra")])
        await pilot.pause()
        first = cells(table)
        assert [column.width for column in table.ordered_columns] == [3, 4]
        table.put_rows([("ett", "två"), ("tre", "fem")])  # one cell's text changed
        await pilot.pause()
        now = cells(table)
        assert [now[0][0], now[0][1], now[1][0]] == [first[0][0], first[0][1], first[1][0]]
        assert now[0][0] is first[0][0] and now[1][0] is first[1][0]
        assert now[1][1] is not first[1][1] and str(now[1][1]) == "fem"
        assert any("fem" in line for line in drawn(table))
        table.put_rows([("ett", "två"), ("tre", "[b]sju\x1b[2J[/b]")])  # wider: filled anew
        await until(pilot, lambda: any("sju" in line for line in drawn(table)))
        assert str(cells(table)[1][1]) == "[b]sju␛[2J[/b]"  # literal, as every cell
        assert [column.width for column in table.ordered_columns] == [3, len("[b]sju␛[2J[/b]")]
        assert any("[b]sju␛[2J[/b]" in line for line in drawn(table))
        table.clear()
        table.put_rows([("ett", "två"), ("tre", "fem")])  # after a clear: all made anew
        assert str(cells(table)[1][1]) == "fem" and table.row_count == 2
