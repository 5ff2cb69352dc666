"""The app's case log on PostgreSQL, opened to read once and kept open between reads: one
connection for many searches, a connection the server drops while it is kept taken
again without an error shown, and closed when the app ends. SQLite is opened per read."""

from __future__ import annotations

import pytest
from textual.widgets import Input
from tui_helpers import fill_cases, make_app, range_line, until_read

from gk_respond.records.store import Store, StoreError
from gk_respond.triage import Comment
from gk_respond.tui.screens.records import RecordsScreen


@pytest.fixture
def opened(monkeypatch) -> list[Store]:
    """Every case log opened to read from now on."""
    made: list[Store] = []
    init = Store.__init__

    def spied(self, path, **kwargs):
        init(self, path, **kwargs)
        if kwargs.get("readonly"):
            made.append(self)

    monkeypatch.setattr(Store, "__init__", spied)
    return made


async def search(pilot, text: str, shown: str) -> bool:
    pilot.app.screen.query_one("#search", Input).value = text
    return await until_read(pilot, lambda: range_line(pilot.app) == shown)


async def first_page(pilot) -> bool:
    """The case log opened (Ctrl+R) on its first page of the 250 cases."""
    await pilot.press("ctrl+r")
    return await until_read(pilot, lambda: range_line(pilot.app) == "1–100 av 250 ärenden")


async def test_one_connection_serves_every_search(paged, backend, opened):
    app = make_app(comment=Comment(), db=paged)
    async with app.run_test(size=(100, 30)) as pilot:
        assert await first_page(pilot)
        assert await search(pilot, "skatten", "1–100 av 200 ärenden")
        assert await search(pilot, "snöröjning", "1–50 av 50 ärenden")
        assert await search(pilot, "", "1–100 av 250 ärenden")
        if backend == "postgresql":
            assert len(opened) == 1  # kept open
        else:
            assert len(opened) >= 4  # a file opened for each read, as before
    if backend == "postgresql":
        with pytest.raises(StoreError):  # closed with the app
            opened[0].query("SELECT 1")


async def test_a_kept_connection_the_server_dropped_is_taken_again(
    postgres_log, opened, monkeypatch
):
    import psycopg

    monkeypatch.setattr(RecordsScreen, "SEARCH_DELAY", 0)
    fill_cases(postgres_log, 250)
    app = make_app(comment=Comment(), db=postgres_log)
    async with app.run_test(size=(100, 30)) as pilot:
        assert await first_page(pilot)
        ((pid,),) = opened[0].query("SELECT pg_backend_pid()")
        with psycopg.connect(postgres_log, autocommit=True) as admin:  # as a restart would
            admin.execute("SELECT pg_terminate_backend(%s, 10000)", (pid,))
        assert await search(pilot, "skatten", "1–100 av 200 ärenden")
        problem = app.screen.query_one("#problem")
        assert not problem.display or not str(problem.render()).strip()
        assert len(opened) == 2
