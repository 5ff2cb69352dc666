"""Issue 16 item 10: opening a dialog or a form does no needless work. A dialog that closes
having changed nothing leaves the outcome screen as it was drawn (its steps are not built
again); one that changed something (a note) has the screen drawn anew. The channel form opens
with its first field focused (not the scrolling form first, which restyles every field).
Speed itself is measured in benchmarks/tui_speed.py (--screens-only)."""

from __future__ import annotations

import tempfile
from pathlib import Path

from textual.widgets import Checkbox, Input, OptionList, Static
from tui_helpers import make_app, until

from gk_respond.records import checklist
from gk_respond.triage import Comment
from gk_respond.tui.screens.dialogs import ConfirmDialog
from gk_respond.tui.screens.outcome import OutcomeScreen


async def test_a_dialog_closed_without_change_leaves_the_outcome_as_drawn():
    app = make_app(comment=Comment(text="Ni har fel om soptömningen."))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("j", "j")  # an outcome, not saved: Ctrl+Q asks first
        assert await until(pilot, lambda: isinstance(app.screen, OutcomeScreen))
        steps = app.screen.query_one("#steps", OptionList)
        first = steps.get_option_at_index(0)
        await pilot.press("ctrl+q")
        assert await until(pilot, lambda: isinstance(app.screen, ConfirmDialog))
        await pilot.press("n")  # cancel
        assert await until(pilot, lambda: isinstance(app.screen, OutcomeScreen))
        assert steps.get_option_at_index(0) is first  # not built again


async def test_a_dialog_that_changed_the_triage_has_the_outcome_drawn_anew():
    app = make_app(comment=Comment(text="Ni har fel om soptömningen."))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("j", "j")
        assert await until(pilot, lambda: isinstance(app.screen, OutcomeScreen))
        outcome = app.screen
        await pilot.press("a")  # the note dialog
        assert await until(pilot, lambda: app.screen is not outcome)
        await pilot.press(*"Ringt", "space", *"upp")
        await pilot.press("ctrl+s")
        assert await until(pilot, lambda: app.screen is outcome)
        notes = outcome.query_one("#notes", Static)
        assert await until(pilot, lambda: "Ringt upp" in str(notes.render()))


async def test_the_channel_form_opens_on_its_first_field():
    db = str(Path(tempfile.mkdtemp(prefix="gk-test-")) / "cases.db")
    app = make_app(db=db)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("ctrl+k")
        assert await until(pilot, lambda: type(app.screen).__name__ == "ChannelsScreen")
        await pilot.press("n")
        assert await until(pilot, lambda: type(app.screen).__name__ == "ChannelForm")
        assert await until(pilot, lambda: app.focused is not None)
        assert app.focused.id == "field-id"
        assert app.screen.query_one("#form").has_focus is False


async def test_the_channel_form_opened_again_is_as_new():
    """The form is built once and filled in each time it opens: what was typed, ticked or
    refused the last time is gone, for a new channel and after an edit."""
    db = str(Path(tempfile.mkdtemp(prefix="gk-test-")) / "cases.db")
    app = make_app(db=db)
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.press("ctrl+k", "n")
        assert await until(pilot, lambda: type(app.screen).__name__ == "ChannelForm")
        form = app.screen
        form.query_one("#field-id", Input).value = "Inte ett id"
        form.query_one(f"#check-{checklist.ids()[0]}", Checkbox).value = True
        await pilot.press("ctrl+s")  # refused: a problem under the id
        assert await until(pilot, lambda: bool(form.query(".error.-shown")))
        await pilot.press("escape")  # something typed: asked first
        assert await until(pilot, lambda: isinstance(app.screen, ConfirmDialog))
        await pilot.press("j")  # discard
        assert await until(pilot, lambda: type(app.screen).__name__ == "ChannelsScreen")
        await pilot.press("n")
        assert await until(pilot, lambda: app.screen is form)  # the same form, filled anew
        assert form.query_one("#field-id", Input).value == ""
        assert not form.query_one(f"#check-{checklist.ids()[0]}", Checkbox).value
        assert not form.query(".error.-shown")
        assert app.focused is form.query_one("#field-id", Input)
