"""The account checklist (records/checklist.yaml, the policy's "Hur ska kontot se ut?") in the
app's channel form: each item ticked or not, its note (PUL is now GDPR), and what is left;
what is ticked is what the command line's `channels list --incomplete` reads."""

from __future__ import annotations

from textual.widgets import Checkbox, Static
from tui_helpers import make_app, until

from gk_respond.records import checklist
from gk_respond.records.channels import Channels
from gk_respond.records.store import Store
from gk_respond.triage import Comment
from gk_respond.tui.screens.channels import ChannelForm, ChannelsScreen


def left_line(app) -> str:
    return str(app.screen.query_one("#checklist-left", Static).render())


async def test_ticked_in_the_form_kept_and_read_by_the_command_line(gk, tmp_path):
    from test_channels import channel

    db = str(tmp_path / "cases.db")
    with Store(db) as store:
        Channels(store).add(channel(checklist=["logo_and_name"]))
    total = len(checklist.ids())
    app = make_app(comment=Comment(), db=db)
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.press("ctrl+k", "enter")  # the channel's form
        assert isinstance(app.screen, ChannelForm)
        form = app.screen
        assert form.query_one("#check-logo_and_name", Checkbox).value is True
        assert form.query_one("#check-purpose_official", Checkbox).value is False
        assert left_line(app) == f"{total - 1} av {total} punkter kvar"
        shown = str(form.query_one("#check-text-personal_data_notice", Static).render())
        label, note = shown.split("\n")  # the item, then its note on a line of its own
        assert "dataskyddsförordningen (GDPR)" in label
        assert note.startswith("Obs: Policyn nämner personuppgiftslagen (PUL).")
        plain = str(form.query_one("#check-text-logo_and_name", Static).render())
        assert "\n" not in plain  # an item without a note has no second line
        box = form.query_one("#check-purpose_official", Checkbox)
        box.focus()
        await pilot.press("space")  # ticked as a person ticks it
        assert box.value is True
        assert await until(pilot, lambda: left_line(app) == f"{total - 2} av {total} punkter kvar")
        await pilot.press("ctrl+s")
        assert isinstance(app.screen, ChannelsScreen)
    with Store(db) as store:
        (saved,) = Channels(store).all()
    assert saved.checklist == ["logo_and_name", "purpose_official"]
    listed = gk("channels", "list", "--incomplete", "--db", db, "--lang", "en")
    assert f"{total - 2} of {total} items to do" in listed.stdout
    assert "purpose_official" not in listed.stdout.split("(", 1)[1]


async def test_every_item_ticked_says_so_in_english(tmp_path):
    from test_channels import channel

    db = str(tmp_path / "cases.db")
    with Store(db) as store:
        Channels(store).add(channel(checklist=list(checklist.ids())[1:]))
    app = make_app(lang="en", comment=Comment(), db=db)
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.press("ctrl+k", "enter")
        assert left_line(app) == f"1 of {len(checklist.ids())} items to do"
        app.screen.query_one("#check-logo_and_name", Checkbox).value = True
        assert await until(pilot, lambda: left_line(app) == "Every item is done.")
