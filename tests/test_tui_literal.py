"""Paths, names and errors that a user gave are shown as the characters they are, in every
notification and message of the app: a file or folder named ``[/]``, ``[red]x`` or
``Komm [arkiv]`` neither ends the app (MarkupError) nor shows as something else."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Static
from textual.widgets._toast import Toast
from tui_helpers import make_app

from gk_respond.strings import t
from gk_respond.triage import Comment
from gk_respond.tui.screens.channels import ChannelsScreen
from gk_respond.tui.screens.dialogs import ExportScreen
from gk_respond.tui.screens.outcome import OutcomeScreen
from gk_respond.tui.screens.records import CaseScreen, RecordsScreen
from gk_respond.untrusted import visible

# each one a folder and file name (a "/" in it: a folder on the way)
HOSTILE = [
    "[/]",  # MarkupError
    "[red]x",  # a style
    "Komm [arkiv]",  # read as a tag
    "[@click=app.quit]q[/] \\[b]\x1b[2J\u202e",  # an action, an escaped tag, controls
]
PAUSES = 200  # at most, waiting for a notification to be drawn


def hostile_path(tmp_path: Path, name: str, file: str) -> Path:
    """``file`` in a folder named ``name``, made (and the name is the file's too)."""
    folder = tmp_path / name
    folder.mkdir(parents=True, exist_ok=True)
    return folder / f"{name.replace('/', '')}{file}"


async def shows(pilot, message: str) -> None:
    """Wait until a notification draws ``message`` exactly as it is (its control characters
    as visible symbols)."""
    wanted = visible(message)
    drawn: list[str] = []
    for _ in range(PAUSES):
        await pilot.pause()
        drawn = [toast.render().plain for toast in pilot.app.screen.query(Toast)]
        if wanted in drawn:
            pilot.app.clear_notifications()  # the next one is looked for alone
            return
    pytest.fail(f"{wanted!r} was not drawn; the notifications: {drawn!r}")


def problem(app) -> str:
    return app.screen.query_one("#problem", Static).render().plain


def start(**given):
    app = make_app(lang="en", **given)
    app.NOTIFICATION_TIMEOUT = 10_000  # no test waits for one to go, none may see one go
    return app


async def test_the_export_dialog_shows_every_path_as_it_is(tmp_path):
    app = start(comment=Comment(text="Jag vet var du bor"))
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        await pilot.press("y", "y")
        assert isinstance(app.screen, OutcomeScreen)
        for name in HOSTILE:
            target = hostile_path(tmp_path, name, ".md")
            missing = tmp_path / "gone" / name / "x.md"
            for path, key in ((target, "exported"), (target, "exists"), (missing, "export_failed")):
                await pilot.press("e")
                assert isinstance(app.screen, ExportScreen)
                app.screen.query_one("#file").value = str(path)
                await pilot.press("enter")
                error = "No such file or directory"
                await shows(pilot, t("en", key).format(path=path, error=error))
                if key != "exported":
                    await pilot.press("escape")
            assert target.read_text(encoding="utf-8").startswith("# Remove")
        assert app.is_running


@pytest.mark.parametrize("name", HOSTILE[::3])  # each one an app of its own
async def test_a_case_log_path_is_shown_as_it_is_in_every_message(tmp_path, name):
    db = hostile_path(tmp_path, name, ".db")
    db.write_bytes(b"not sqlite at all")
    unusable = f"{db}: is not an SQLite database; it is left as it is"
    # the comment's address is looked up in the register at once
    app = start(comment=Comment(text="x", url="https://facebook.com/gk/1"), db=str(db))
    async with app.run_test(size=(100, 40), notifications=True) as pilot:
        await shows(pilot, t("en", "register_unusable").format(error=unusable))
        await pilot.press("y", "y", "s")
        await shows(pilot, t("en", "save_failed").format(error=unusable))
        await pilot.press("ctrl+r")
        assert isinstance(app.screen, RecordsScreen)
        assert problem(app) == visible(t("en", "log_unusable").format(error=unusable))
        app.push_screen(CaseScreen("2026-0001"))
        await shows(pilot, t("en", "log_unusable").format(error=unusable))
        await pilot.press("escape", "escape", "ctrl+k")
        assert isinstance(app.screen, ChannelsScreen)
        assert problem(app) == visible(t("en", "log_unusable").format(error=unusable))
        assert app.is_running


async def test_a_case_log_not_there_yet_is_named_as_it_is(tmp_path):
    app = start()
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        for name in HOSTILE:
            app.db = str(hostile_path(tmp_path, name, ".db"))
            await pilot.press("ctrl+r")
            assert isinstance(app.screen, RecordsScreen)
            assert problem(app) == visible(t("en", "no_log").format(path=app.db))
            await pilot.press("escape")
            assert not Path(app.db).exists()
