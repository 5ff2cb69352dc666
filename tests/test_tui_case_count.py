"""A search's page in the case log (Ctrl+R) shown in two steps: its rows as soon as they are
read, with "…" for the count and PgDn offered where a case follows, then the count; an
older search's count never shown over a newer search; PgDn before the count comes; the
rows in the order the counted page has (the overdue first), on both backends."""

from __future__ import annotations

import pytest
from textual.widgets import DataTable, Input
from tui_helpers import count_held, make_app, range_line, until, until_read

from gk_respond.clock import now
from gk_respond.records.due import overdue_rule
from gk_respond.records.store import Case, CaseFilter, Store, insert_cases
from gk_respond.triage import Comment
from gk_respond.tui.keys import key_rows

UNTRUSTED = "[red]röd[/] [@click=app.quit]q[/] \x1b[2J\u202eskatten"


def numbers(app) -> list[str]:
    table = app.screen.query_one("#cases", DataTable)
    return [str(table.get_row_at(i)[0]) for i in range(table.row_count)]


def offered(app, lang: str = "sv") -> set[str]:
    return {what for _keys, what in key_rows(app.screen, lang)}


async def settled(pilot) -> None:
    await pilot.app.workers.wait_for_complete()
    for _ in range(5):
        await pilot.pause()


async def rows_shown(pilot, counting: str = "1–100 av … ärenden") -> bool:
    """The case log opened and searched for "skatten" (its count held back): whether its
    rows came, with ``counting`` for the range line. (The tests hold the count inside
    ``run_test``: a failing assertion then lets it go before ``run_test`` waits for the
    app's workers, and the test fails instead of hanging.)"""
    app = pilot.app
    await pilot.press("ctrl+r")
    app.screen.query_one("#search", Input).value = "skatten"
    return await until(pilot, lambda: range_line(app) == counting)


async def test_the_rows_show_first_and_the_count_when_it_comes(paged, monkeypatch):
    app = make_app(lang="en", comment=Comment(), db=paged)
    async with app.run_test(size=(100, 30)) as pilot:
        with count_held(monkeypatch, "skatten") as may_count:
            assert await rows_shown(pilot, "1–100 of … cases")
            first = numbers(app)
            assert len(first) == 100 and "2026-0250" not in first  # the tax, not the snow
            assert "Next page" in offered(app, "en")  # a case follows: read one row more
            may_count.set()
            assert await until_read(pilot, lambda: range_line(app) == "1–100 of 200 cases")
            assert numbers(app) == first and "Next page" in offered(app, "en")


async def test_an_older_searchs_count_never_shows_over_a_newer_search(paged, monkeypatch):
    with Store(paged) as store:
        newer = store.count(CaseFilter(text="skatten 1"))  # fewer than a page: one answer
    app = make_app(comment=Comment(), db=paged)
    async with app.run_test(size=(100, 30)) as pilot:
        with count_held(monkeypatch, "skatten") as may_count:
            assert await rows_shown(pilot)
            app.screen.query_one("#search", Input).value = "skatten 1"
            shown = f"1–{newer} av {newer} ärenden"
            assert await until(pilot, lambda: range_line(app) == shown)
            rows = numbers(app)
            may_count.set()  # the older search's count comes in last
            await settled(pilot)
            assert range_line(app) == shown and numbers(app) == rows


async def test_pgdn_before_the_count_comes_turns_the_page(paged, monkeypatch):
    app = make_app(comment=Comment(), db=paged)
    async with app.run_test(size=(100, 30)) as pilot:
        with count_held(monkeypatch, "skatten") as may_count:
            assert await rows_shown(pilot)
            first = numbers(app)
            await pilot.press("pagedown")  # read with its count, at once
            assert range_line(app) == "101–200 av 200 ärenden"
            second = numbers(app)
            assert len(second) == 100 and not set(first) & set(second)
            may_count.set()  # the first page's count, now an older request's
            await settled(pilot)
            assert range_line(app) == "101–200 av 200 ärenden" and numbers(app) == second
            assert "Nästa sida" not in offered(app) and "Föregående sida" in offered(app)


async def test_rows_shown_before_the_count_are_the_characters_they_are(paged, monkeypatch):
    case = Case(
        handler="[b]Anna[/b]", lang="sv", flowchart_version="2026.1",
        flowchart_sha256="f" * 64, comment_text=UNTRUSTED, comment_sha256="c" * 64,
        outcome="correct", path=[("prohibited", "nej")], number="2026-0251",
        created_at="2026-11-02T08:00:00+00:00",
    )  # fmt: skip
    with Store(paged) as store, store.transaction() as connection:
        insert_cases(connection, [case])
    app = make_app(comment=Comment(), db=paged)
    async with app.run_test(size=(200, 30)) as pilot:
        with count_held(monkeypatch, "skatten"):
            assert await rows_shown(pilot)
            table = app.screen.query_one("#cases", DataTable)
            lines = [table.render_line(y).text for y in range(table.size.height)]
            row = next(line for line in lines if "2026-0251" in line)
            assert "[red]röd[/] [@click=app.quit]q[/] ␛[2J<U+202E>skatten" in row
            assert "[b]Anna[/b]" in row and app.is_running


@pytest.mark.parametrize("offset", [0, 100, 190])
def test_the_rows_are_those_of_the_counted_page_overdue_first(paged, monkeypatch, offset):
    monkeypatch.setenv("GK_RESPOND_NOW", "2026-11-10T12:00:00+01:00")
    with Store(paged) as store, store.transaction() as db:  # some due in the past, open
        db.execute("UPDATE cases SET due_at = '2026-11-05T10:00:00+00:00' WHERE seq % 7 = 3")
    app = make_app(comment=Comment(), db=paged)
    rule = overdue_rule(app.chart, now())
    with Store(paged) as store:
        for where in (CaseFilter(text="skatten"), CaseFilter(text="skatten", status="open")):
            counted = store.page(where, offset=offset, limit=100, overdue_first=rule)
            first = store.rows_first(where, offset=offset, limit=100, overdue_first=rule)
            assert first is not None
            assert [c.number for c in first.cases] == [c.number for c in counted.cases]
            assert first.more == (offset + 100 < counted.total)
            overdue = [c for c in counted.cases if int(c.number[5:]) % 7 == 3 and not c.closed_at]
            assert offset or (overdue and counted.cases[: len(overdue)] == overdue)  # first


async def test_a_search_with_many_overdue_shows_its_rows_then_its_count(
    paged, backend, monkeypatch
):
    """Where many cases are overdue (here every overdue case counts as many), a search's
    page is read without its count, the overdue first (on PostgreSQL walked newest first,
    ``queries._walked``, where session 7 counted every match first), and the count is read
    after it, on both backends."""
    from gk_respond.records import queries

    monkeypatch.setenv("GK_RESPOND_NOW", "2026-11-10T12:00:00+01:00")
    monkeypatch.setattr(queries, "FEW", 0)
    with Store(paged) as store, store.transaction() as db:  # some due in the past, open
        db.execute("UPDATE cases SET due_at = '2026-11-05T10:00:00+00:00' WHERE seq % 7 = 3")
    counted, count = [], Store.count
    monkeypatch.setattr(
        Store, "count", lambda self, where=None: counted.append(where) or count(self, where)
    )
    app = make_app(comment=Comment(), db=paged)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("ctrl+r")
        app.screen.query_one("#search", Input).value = "skatten"
        assert await until_read(pilot, lambda: range_line(app) == "1–100 av 200 ärenden")
        shown = numbers(app)
        assert len(shown) == 100 and all(int(n[5:]) % 7 == 3 for n in shown[:10])  # overdue
        searched = [where for where in counted if where is not None and where.text]
        assert [where.text for where in searched] == ["skatten"]
