"""What the app's start leaves for later: the other screens' stylesheet (tui/stylesheets.py)
until another screen opens, and the garbage collector's passes (startup_gc.py) until the
first screen is painted, in the triage app and in the training app (its scenario screen
or its presenter view). Speed itself is measured in benchmarks/tui_speed.py."""

from __future__ import annotations

import gc

import pytest
from tui_helpers import CHART, make_app, until

from gk_respond import startup_gc
from gk_respond.cli import launch
from gk_respond.training.load import load
from gk_respond.triage import Comment
from gk_respond.tui.app import GkRespondApp
from gk_respond.tui.stylesheets import SCREENS_CSS
from gk_respond.tui.training import TrainingApp

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


@pytest.mark.parametrize("present", [False, True], ids=["session", "presenter"])
async def test_the_training_app_resumes_the_collector_once_its_first_screen_is_painted(
    present,
):
    scenarios = [item.scenario for item in load(CHART)][:2]
    app = TrainingApp(CHART, scenarios, "sv", "Kim", present=present)
    frozen = gc.get_freeze_count()
    try:
        with startup_gc.paused():  # as the command line opens it (cli/launch.py)
            assert not gc.isenabled()
            async with app.run_test(size=(80, 24)) as pilot:
                first = "PresenterScreen" if present else "ScenarioScreen"
                assert await until(pilot, lambda: type(app.screen).__name__ == first)
                assert await until(pilot, gc.isenabled)  # painted: resumed, in the run
                assert gc.get_freeze_count() > frozen
    finally:
        gc.unfreeze()
        gc.enable()


def test_a_run_that_never_painted_resumes_the_collector_at_its_end():
    frozen = gc.get_freeze_count()
    try:
        with pytest.raises(RuntimeError), startup_gc.paused():
            assert not gc.isenabled()
            raise RuntimeError("the app failed before its first screen")
        assert gc.isenabled() and gc.get_freeze_count() > frozen
    finally:
        gc.unfreeze()
        gc.enable()


def test_the_command_line_opens_either_app_with_the_collector_paused(monkeypatch):
    """``gk-respond`` and ``gk-respond train`` (cli/launch.py): each app runs with the
    collector paused (here it is never painted, so the end of the run resumes it)."""
    runs = []

    def run(app, *args, **kwargs):
        runs.append((type(app).__name__, gc.isenabled()))

    monkeypatch.setattr(GkRespondApp, "run", run)  # the training app's too: a subclass
    scenarios = [item.scenario for item in load(CHART)][:1]
    try:
        launch.open_app(CHART, "sv", None, None, None, None)
        assert gc.isenabled()
        launch.open_training(CHART, scenarios, "sv", "Kim", present=False)
        assert gc.isenabled()
        assert runs == [("GkRespondApp", False), ("TrainingApp", False)]
    finally:
        gc.unfreeze()
        gc.enable()
