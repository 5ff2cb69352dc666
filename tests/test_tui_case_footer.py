"""The case log's footer (Ctrl+R) offers PgDn only where a next page exists and PgUp only
where a previous one does, in every state: the first page, after turning, after a search
(and while its count is still being read), in the other language, with no case or no log.
A key with no page to turn to is left out of the footer, not shown dimmed."""

from __future__ import annotations

from textual.widgets import Input, Static
from textual.widgets._footer import FooterKey
from tui_helpers import count_held, fill_cases, make_app, range_line, until, until_read

from gk_respond.triage import Comment
from gk_respond.tui.screens.records import RecordsScreen

NEXT, PREVIOUS = "Nästa sida", "Föregående sida"
OTHERS = {"Stäng", "Sök", "Hjälp"}  # the case log's other keys in the footer


def footer(app) -> set[str]:
    """What the screen's footer shows, by each key's label; a dimmed key in brackets."""
    keys = app.screen.query(FooterKey)
    return {f"({k.description})" if k.has_class("-disabled") else k.description for k in keys}


async def shows(pilot, *turns: str, others: set[str] = OTHERS) -> bool:
    """Whether the footer comes to show the keys ``turns`` of PgDn and PgUp, with the
    ``others`` and nothing more (it is built again after the screen is refreshed; a
    worker held back is not waited for)."""
    return await until(pilot, lambda: footer(pilot.app) == {*turns, *others})


async def test_each_page_offers_only_the_pages_there_are(paged):
    app = make_app(comment=Comment(), db=paged)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("ctrl+r")
        assert await shows(pilot, NEXT), footer(app)  # the first of three pages
        await pilot.press("pagedown")
        assert await shows(pilot, NEXT, PREVIOUS), footer(app)
        await pilot.press("pagedown")
        assert range_line(app) == "201–250 av 250 ärenden"
        assert await shows(pilot, PREVIOUS), footer(app)  # the last page
        await pilot.press("l")  # English: the same keys, in its words
        english = {"Close", "Search", "Help"}
        assert await shows(pilot, "Previous page", others=english), footer(app)
        await pilot.press("l", "pageup", "pageup")
        assert range_line(app) == "1–100 av 250 ärenden"
        assert await shows(pilot, NEXT), footer(app)


async def test_a_search_offers_the_pages_of_what_it_finds(paged):
    app = make_app(comment=Comment(), db=paged)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("ctrl+r", "pagedown")
        assert await shows(pilot, NEXT, PREVIOUS), footer(app)
        search = app.screen.query_one("#search", Input)
        search.value = "snöröjning"  # 50: one page, from the first
        assert await until_read(pilot, lambda: range_line(app) == "1–50 av 50 ärenden")
        assert await shows(pilot), footer(app)
        search.value = "ingenting"  # no case
        assert await until_read(pilot, lambda: range_line(app) == "" and app.screen.more is False)
        assert str(app.screen.query_one("#problem", Static).render()) == "Inga ärenden"
        assert await shows(pilot), footer(app)
        search.value = ""
        assert await until_read(pilot, lambda: range_line(app) == "1–100 av 250 ärenden")
        assert await shows(pilot, NEXT), footer(app)


async def test_pgdn_is_offered_while_the_count_is_read_and_after(paged, monkeypatch):
    app = make_app(comment=Comment(), db=paged)
    async with app.run_test(size=(100, 30)) as pilot:
        # inside the run: the count is let go before the app waits for its worker to end
        with count_held(monkeypatch, "skatten") as may_count:
            await pilot.press("ctrl+r", "pagedown")
            assert await shows(pilot, NEXT, PREVIOUS), footer(app)
            app.screen.query_one("#search", Input).value = "skatten"  # 200: two pages
            assert await until(pilot, lambda: range_line(app) == "1–100 av … ärenden")
            assert await shows(pilot, NEXT), footer(app)  # a row follows the page's
            may_count.set()
            assert await until_read(pilot, lambda: range_line(app) == "1–100 av 200 ärenden")
            assert await shows(pilot, NEXT), footer(app)
            await pilot.press("pagedown")
            assert range_line(app) == "101–200 av 200 ärenden"
            assert await shows(pilot, PREVIOUS), footer(app)


async def test_no_page_to_turn_to_in_a_short_an_empty_or_a_missing_log(case_log, tmp_path):
    fill_cases(case_log, 100)  # exactly one page
    for db, line in ((case_log, "1–100 av 100 ärenden"), (str(tmp_path / "none.db"), "")):
        app = make_app(comment=Comment(), db=db)
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.press("ctrl+r")
            assert isinstance(app.screen, RecordsScreen) and app.screen.shown is not None
            assert range_line(app) == line
            assert await shows(pilot), footer(app)
            await pilot.press("pagedown", "pageup")  # nothing to turn to: the page stays
            assert range_line(app) == line and app.screen.shown.offset == 0
