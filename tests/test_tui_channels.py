"""The channel register in the app (Ctrl+K): add a channel through the form, see a refusal next
to the field, edit one, remove one after a question."""

from __future__ import annotations

from textual.widgets import DataTable, Input, Static
from tui_helpers import make_app, until

from gk_respond.records.channels import Channel, Channels
from gk_respond.records.store import Store
from gk_respond.triage import Comment
from gk_respond.tui.screens.channels import ChannelForm, ChannelsScreen, ConfirmDialog

HOSTILE = "Gullspång [@click=app.quit]x[/] [b]fet[/b]"
FORM = {
    "field-id": "kommunen-facebook",
    "field-name": HOSTILE,
    "field-medium": "facebook",
    "field-url": "www.facebook.com/gullspangskommun",
    "field-unit": "Kommunledningsförvaltningen",
    "field-purpose": "Nyheter och driftinformation",
    "field-audience": "Invånare",
    "admin-0-name": "Anna Andersson",
    "admin-0-email": "anna@gullspang.se",
    "admin-0-phone": "0551-360 00",
    "field-daily": "Andersson, Anna; Bo Berg",  # one name may hold a comma
    "field-monitoring": "dagligen vardagar",
    "field-hours_per_week": "2,5",
    "field-approved_by": "Dag Direktör",
    "field-approved_on": "2026-01-15",
}
SECOND = {"admin-2-name": "Bo Berg", "admin-2-email": "bo@gullspang.se", "admin-2-phone": "0551-1"}


def fill(app, values: dict[str, str]) -> None:
    for widget, value in values.items():
        app.screen.query_one(f"#{widget}", Input).value = value


def error(app, place: str) -> str:
    """The problem shown under a field; "" if none is (a field whose problem was never
    shown has no line for it yet)."""
    shown = app.screen.query(f"#error-{place}")
    if not shown:
        return ""
    line = shown.first(Static)
    return str(line.render()) if line.display else ""


def rows(app) -> list[list[str]]:
    table = app.screen.query_one("#channels", DataTable)
    return [[str(cell) for cell in table.get_row_at(i)] for i in range(table.row_count)]


def stored(db: str) -> list[Channel]:
    with Store(db) as store:
        return Channels(store).all()


async def test_add_refused_then_saved_edit_and_remove(tmp_path):
    db = str(tmp_path / "cases.db")
    app = make_app(comment=Comment(), db=db)
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.press("ctrl+k")  # from the comment screen, the cursor in the text
        assert isinstance(app.screen, ChannelsScreen)
        assert str(app.screen.query_one("#problem", Static).render()) == "Inga kanaler"
        await pilot.press("n")
        assert isinstance(app.screen, ChannelForm)
        fill(app, FORM)
        await pilot.press("ctrl+s")  # one administrator: refused, in the form
        assert isinstance(app.screen, ChannelForm)
        assert error(app, "administrators") == (
            "en kanal behöver minst två administratörer (policyn, Bilaga 1); 1 angiven"
        )
        assert stored(db) == []
        fill(app, {**SECOND, "admin-2-email": "bo.gullspang.se"})
        await pilot.press("ctrl+s")  # the third row may be used; a bad e-mail is named there
        assert error(app, "administrators") == ""
        assert error(app, "admin-2") == "E-post: 'bo.gullspang.se' är ingen e-postadress " + (
            "(namn@exempel.se)"
        )
        assert app.focused is app.screen.query_one("#admin-2-email", Input)
        order = [widget.id for widget in app.screen.query_one("#form").children]
        assert order[order.index("label-administrators") + 1] == "error-administrators"
        assert order[order.index("admin-row-2") + 1] == "error-admin-2"  # under its row
        line, row = app.screen.query_one("#error-admin-2"), app.screen.query_one("#admin-row-2")
        assert await until(pilot, lambda: line.region.y == row.region.bottom > 0)
        fill(app, SECOND)
        await pilot.press("ctrl+s")
        assert isinstance(app.screen, ChannelsScreen)
        (channel,) = stored(db)
        assert channel.name == HOSTILE and channel.hours_per_week == 2.5
        assert channel.url == "https://www.facebook.com/gullspangskommun"
        assert [a.name for a in channel.administrators] == ["Anna Andersson", "Bo Berg"]
        assert channel.daily == ["Andersson, Anna", "Bo Berg"]
        assert rows(app) == [
            [
                "kommunen-facebook", HOSTILE, "facebook",
                "https://www.facebook.com/gullspangskommun", "Kommunledningsförvaltningen",
            ]
        ]  # fmt: skip  # the name literally, never as markup

        await pilot.press("enter")  # edit
        assert isinstance(app.screen, ChannelForm)
        assert app.screen.query_one("#field-hours_per_week", Input).value == "2.5"
        assert app.screen.query_one("#admin-1-name", Input).value == "Bo Berg"
        fill(app, {"field-hours_per_week": "6", "field-id": "fb"})
        await pilot.press("ctrl+s")
        assert isinstance(app.screen, ChannelsScreen)
        (channel,) = stored(db)
        assert (channel.id, channel.hours_per_week, channel.name) == ("fb", 6, HOSTILE)
        assert channel.daily == ["Andersson, Anna", "Bo Berg"]  # kept through an edit

        await pilot.press("e", "escape")  # edit, then cancel: nothing changes
        assert isinstance(app.screen, ChannelsScreen)
        await pilot.press("e")
        fill(app, {"field-monitoring": "varje timme"})
        await pilot.press("escape")  # something typed: asked first, Cancel focused
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("enter")
        assert isinstance(app.screen, ChannelForm)
        assert app.screen.query_one("#field-monitoring", Input).value == "varje timme"
        await pilot.press("escape", "j")  # discard
        assert isinstance(app.screen, ChannelsScreen)
        assert stored(db)[0].monitoring == "dagligen vardagar"
        await pilot.press("d")
        assert isinstance(app.screen, ConfirmDialog)
        question = str(app.screen.query_one("#question", Static).render())
        assert question == f"Ta bort kanalen {HOSTILE} (fb) ur registret?"
        await pilot.press("enter")  # the focus is on Cancel
        assert isinstance(app.screen, ChannelsScreen)
        assert len(stored(db)) == 1
        await pilot.press("delete", "j")
        assert isinstance(app.screen, ChannelsScreen)
        assert stored(db) == []
        assert rows(app) == []
        await pilot.press("escape")
        assert not isinstance(app.screen, ChannelsScreen)


async def test_a_taken_id_and_english_messages_are_shown_in_the_form(tmp_path):
    db = str(tmp_path / "cases.db")
    app = make_app(lang="en", comment=Comment(), db=db)
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.press("ctrl+k", "n")
        fill(app, {**FORM, **SECOND, "field-approved_on": "15 January"})
        await pilot.press("ctrl+s")
        assert error(app, "approved_on") == "'15 January' is not a date; use YYYY-MM-DD"
        fill(app, {"field-approved_on": "2026-01-15"})
        await pilot.press("ctrl+s")
        assert isinstance(app.screen, ChannelsScreen)
        await pilot.press("n")
        fill(app, {**FORM, **SECOND, "field-url": "https://instagram.com/gullspang"})
        await pilot.press("ctrl+s")
        assert isinstance(app.screen, ChannelForm)
        assert error(app, "id") == "there is already a channel with id 'kommunen-facebook'"
        assert len(stored(db)) == 1


async def test_the_form_shows_and_edits_the_time_a_channel_promises(tmp_path):
    db = str(tmp_path / "cases.db")
    app = make_app(comment=Comment(), db=db)
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.press("ctrl+k", "n")
        assert str(app.screen.query_one("#label-response_due", Static).render()) == (
            "Hanteras inom"
        )
        fill(app, {**FORM, **SECOND, "field-response_due": "snart"})
        await pilot.press("ctrl+s")  # refused by its field
        assert isinstance(app.screen, ChannelForm)
        assert error(app, "response_due").startswith("'snart' är ingen tid")
        fill(app, {"field-response_due": "2 arbetsdagar"})
        await pilot.press("ctrl+s")
        assert isinstance(app.screen, ChannelsScreen)
        assert stored(db)[0].response_due == "2 arbetsdagar"
        await pilot.press("enter")  # edit: shown, then emptied: none
        assert app.screen.query_one("#field-response_due", Input).value == "2 arbetsdagar"
        fill(app, {"field-response_due": ""})
        await pilot.press("ctrl+s")
        assert isinstance(app.screen, ChannelsScreen)
        assert stored(db)[0].response_due is None
