"""What the app's start leaves for later: the other screens' stylesheet (tui/stylesheets.py)
until another screen opens, and the garbage collector's passes (startup_gc.py) until the
first screen is painted. Speed itself is measured in benchmarks/tui_speed.py."""

from __future__ import annotations

import gc

from tui_helpers import make_app, until

from gk_respond import startup_gc
from gk_respond.triage import Comment
from gk_respond.tui.stylesheets import SCREENS_CSS

LOCATION = (str(SCREENS_CSS), "")


async def test_the_other_screens_stylesheet_is_added_when_one_opens_and_styles_it():
    app = make_app(comment=Comment(text="Varför plogar ni inte?"))
    async with app.run_test(size=(80, 24)) as pilot:
        assert await until(pilot, lambda: type(app.screen).__name__ == "QuestionScreen")
        assert not app.stylesheet.has_source(*LOCATION)  # the first screen needs none of it
        await pilot.press("question_mark")  # the help dialog
        assert await until(pilot, lambda: type(app.screen).__name__ == "HelpScreen")
        assert app.stylesheet.has_source(*LOCATION)
        dialog = app.screen.query_one(".dialog")  # styled by screens.tcss alone
        assert dialog.styles.border_top[0] == "thick"
        assert app.screen.styles.align == ("center", "middle")  # ModalScreen's rule there


def test_the_collector_paused_for_the_start_is_resumed_with_what_it_made_frozen():
    assert gc.isenabled()
    frozen = gc.get_freeze_count()
    try:
        startup_gc.pause()
        assert not gc.isenabled()
        startup_gc.resume()
        assert gc.isenabled()
        assert gc.get_freeze_count() > frozen
        startup_gc.resume()  # once only: a screen shown later resumes nothing
        assert gc.isenabled()
    finally:
        gc.unfreeze()
        gc.enable()


def test_a_collector_not_paused_is_left_alone():
    frozen = gc.get_freeze_count()
    startup_gc.resume()  # as every screen does when it is shown in the tests
    assert gc.isenabled()
    assert gc.get_freeze_count() == frozen
