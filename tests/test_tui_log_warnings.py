"""What the user should know about a case log that can still be used (others can read it, a
damaged row is left out) reaches the app's user too, once a run: ``app.log_warnings`` holds
it, and a notification says it."""

from __future__ import annotations

import os

import pytest
from tui_helpers import Notices, make_app, seed_cases, until

from gk_respond.records.store import Store
from gk_respond.triage import Comment


@pytest.mark.skipif(not hasattr(os, "geteuid"), reason="no file owners and modes here")
async def test_a_log_others_can_read_is_named_with_its_fix(tmp_path):
    db = str(tmp_path / "cases.db")
    seed_cases(db)
    os.chmod(db, 0o644)
    notices = Notices()
    app = make_app(comment=Comment(), db=db)
    async with app.run_test(size=(100, 30), message_hook=notices) as pilot:
        await pilot.press("ctrl+r")
        assert await until(pilot, lambda: app.log_warnings)
        (warning,) = app.log_warnings
        assert "others can read the case log" in warning and f"chmod 600 {db}" in warning
        assert await until(pilot, lambda: notices.any("Varning om ärendeloggen", "chmod 600"))
        await pilot.press("escape", "ctrl+k")  # the register is in the same file: said once
        assert await until(pilot, lambda: type(app.screen).__name__ == "ChannelsScreen")
        assert len(app.log_warnings) == 1
        assert sum("chmod 600" in notice for notice in notices) == 1
    assert os.stat(db).st_mode & 0o777 == 0o644  # left as it is: it may be shared on purpose


async def test_a_damaged_channel_row_is_left_out_and_said(tmp_path):
    from test_channels import channel

    from gk_respond.records.channels import Channels

    db = str(tmp_path / "cases.db")
    with Store(db) as store:
        Channels(store).add(channel())
        with store.transaction() as raw:
            raw.execute("INSERT INTO channels VALUES ('trasig', 'https://x.se', '[]')")
    notices = Notices()
    app = make_app(lang="en", comment=Comment(), db=db)
    async with app.run_test(size=(100, 30), message_hook=notices) as pilot:
        await pilot.press("ctrl+k")
        assert await until(pilot, lambda: app.log_warnings)
        assert "channel trasig is damaged" in app.log_warnings[0]
        assert notices.any("About the case log", "channel trasig is damaged")
