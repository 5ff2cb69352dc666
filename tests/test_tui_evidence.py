"""Attaching a file from the app's case screen (b): a path typed into a dialog, the file
attached as by `records attach`, and both the attachment and its history entry shown on the
case screen; a file that cannot be attached is said in the dialog, and nothing is attached."""

from __future__ import annotations

import hashlib

from textual.widgets import Input, Static
from tui_helpers import Notices, make_app, seed_cases, until

from gk_respond.records.attachments import attachments
from gk_respond.records.store import Store
from gk_respond.triage import Comment

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 40


def case_text(app) -> str:
    return str(app.screen.query_one("#case", Static).render())


async def test_a_file_attached_from_the_case_screen_is_in_the_case_and_its_history(tmp_path):
    """Issue 15's pilot test: attach a file from the app, set a follow-up field from the case
    screen, and see both in the history."""
    from gk_respond.tui.screens.attach import AttachDialog
    from gk_respond.tui.screens.followup import FieldDialog
    from gk_respond.tui.screens.records import CaseScreen

    db = str(tmp_path / "cases.db")
    removal = seed_cases(db)[0]
    shot = tmp_path / "skärmdump\x1b[31m.png"
    shot.write_bytes(PNG)
    empty = tmp_path / "tom.png"
    empty.write_bytes(b"")
    app, notices = make_app(comment=Comment(), db=db, handler="Cilla"), Notices()
    async with app.run_test(size=(100, 40), message_hook=notices) as pilot:
        await pilot.press("ctrl+r")
        await pilot.press("down", "down", "enter")
        assert isinstance(app.screen, CaseScreen) and app.screen.number == removal
        await pilot.press("b")
        assert isinstance(app.screen, AttachDialog)
        # an empty file: said in the dialog, which stays open; nothing attached
        app.screen.query_one("#attach-path", Input).value = str(empty)
        await pilot.press("enter")
        problem = app.screen.query_one("#attach-problem", Static)
        assert await until(pilot, lambda: "är tom (0 byte)" in str(problem.render()))
        assert isinstance(app.screen, AttachDialog)
        app.screen.query_one("#attach-path", Input).value = str(shot)
        await pilot.press("enter")
        assert await until(pilot, lambda: isinstance(app.screen, CaseScreen))
        assert await until(pilot, lambda: notices.any(f"bifogade 1 fil(er) till ärende {removal}"))
        shown = case_text(app)
        sha = hashlib.sha256(PNG).hexdigest()
        assert "Cilla: bifogade bilaga 1: skärmdump␛[31m.png" in shown  # in the history
        assert f"sha256 {sha}" in shown  # and under Bilagor, in full
        assert "\x1b" not in shown
        await pilot.press("d")  # the diarium number, saved at once
        assert await until(pilot, lambda: isinstance(app.screen, FieldDialog))
        await pilot.press(*"KS 2026/9", "enter")
        assert await until(pilot, lambda: isinstance(app.screen, CaseScreen))
        assert await until(pilot, lambda: "→ KS 2026/9" in case_text(app))  # the history line
    with Store(db) as store:
        (kept,) = attachments(store, removal)
        assert (kept.sha256, kept.attached_by, kept.media_type) == (sha, "Cilla", "image/png")
        history = store.get(removal).history
    changes = [e for e in history if "kind" in e]
    assert [(e["kind"], e["by"]) for e in changes] == [("attached", "Cilla"), ("field", "Cilla")]
    assert (changes[1]["field"], changes[1]["new"]) == ("diarium_number", "KS 2026/9")
