"""A closed case is called what the key that closes it says ("Stäng ärendet"): stängt, in
the app's case log and on the command line alike."""

from __future__ import annotations

from textual.widgets import DataTable
from tui_helpers import make_app, seed_cases, until

from gk_respond.messages import MESSAGES
from gk_respond.records.store import Store
from gk_respond.strings import t


def test_the_app_and_the_command_line_name_the_statuses_alike():
    for lang in ("sv", "en"):
        for status in ("open", "closed"):
            assert t(lang, f"status_{status}") == MESSAGES[lang][f"status_{status}"]
    assert t("sv", "status_closed") == "stängt"
    assert t("sv", "close_or_reopen").startswith("Stäng ärendet")


async def test_a_closed_case_is_stangt_in_the_case_list(tmp_path):
    db = str(tmp_path / "cases.db")
    first, *_ = seed_cases(db)
    with Store(db) as store:
        store.update(first, lambda case: setattr(case, "closed_at", "2026-11-06T10:00:00+00:00"))
    app = make_app(db=db)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("ctrl+r")
        table = app.screen.query_one("#cases", DataTable)
        assert await until(pilot, lambda: table.row_count == 3)  # loaded, however it loads
        cells = [[str(c) for c in table.get_row_at(i)] for i in range(table.row_count)]
        assert sum("stängt" in row for row in cells) == 1
        assert sum("öppet" in row for row in cells) == 2
        assert not any("avslutat" in cell for row in cells for cell in row)
