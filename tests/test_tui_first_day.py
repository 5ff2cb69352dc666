"""What a new user at 80×24 meets (issue 16): the question always in view, every key
findable without the palette, Ctrl+N on every triage screen, the palette in the app's
language, a dropdown's Esc closing it, and a training session that can end early."""

from __future__ import annotations

import pytest
from textual.command import CommandPalette
from textual.widgets import Input, Select, Static
from tui_helpers import CHART, make_app, until

from gk_respond.triage import Comment
from gk_respond.tui.screens.comment import CommentScreen
from gk_respond.tui.screens.dialogs import ConfirmDialog, HelpScreen
from gk_respond.tui.screens.outcome import OutcomeScreen
from gk_respond.tui.screens.question import QuestionScreen


def inside(app, selector: str) -> bool:
    """Whether every widget ``selector`` matches is laid out wholly on the screen."""
    widgets = list(app.screen.query(selector))
    screen = app.screen.region
    return bool(widgets) and all(
        w.region.area and screen.contains_region(w.region) for w in widgets
    )


@pytest.mark.parametrize("lines", [5, 50])
async def test_the_question_and_its_answers_are_in_view_whatever_the_comment(lines):
    text = "\n".join(f"Rad {n} av en lång kommentar om skatten." for n in range(lines))
    app = make_app(comment=Comment(text=text, url="https://facebook.com/gk/1", author="Bo"))
    async with app.run_test(size=(80, 24)) as pilot:
        for answer in ["n", "n", "n", "n", "n", "n"]:  # down the longest all-nej path
            await pilot.pause()
            assert isinstance(app.screen, QuestionScreen)
            for part in ("#question-title", "#question-text", "#options Button"):
                assert inside(app, part), (app.triage.walk.question, part)
            await pilot.press(answer)


async def test_help_lists_every_key_the_footer_has_no_room_for():
    app = make_app(comment=Comment(text="Skatten höjs!"))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("j", "j")
        assert isinstance(app.screen, OutcomeScreen)
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        listed = str(app.screen.query_one("#help-text").render())
        for key, what in [
            ("Ctrl+Q", "Avsluta"), ("Ctrl+K", "Kanaler"), ("Ctrl+R", "Ärenden"),
            ("l", "English"), ("Ctrl+P", "Kommandopaletten"), ("e", "Exportera"),
            ("a", "Anteckning"), ("f", "Flödesschema"), ("k", "Kommentaren"),
            ("Ctrl+N", "Ny kommentar"), ("Backsteg", "Tillbaka"),
        ]:  # fmt: skip
            assert any(key in line and what in line for line in listed.splitlines()), key
        # the dialog's footer offers its own keys, not the screen's beneath it
        shown = {b.binding.description for b in app.screen.active_bindings.values()}
        assert not shown & {"Ny kommentar", "English", "Ärenden", "Kanaler", "Hjälp"}
        await pilot.press("escape", "l", "question_mark")
        listed = str(app.screen.query_one("#help-text").render())
        assert "Backspace" in listed and "New comment" in listed and "Ny kommentar" not in listed


@pytest.mark.parametrize("where", ["comment", "question"])
async def test_ctrl_n_on_every_triage_screen_asks_when_something_would_be_lost(where):
    app = make_app(comment=None if where == "comment" else Comment(text="gammal"))
    async with app.run_test(size=(80, 24)) as pilot:
        if where == "comment":
            assert isinstance(app.screen, CommentScreen)
            await pilot.press("ctrl+n")  # nothing typed: nothing to lose, a fresh form
            assert isinstance(app.screen, CommentScreen)
            await pilot.press(*"Skatten")
        else:
            await pilot.press("n")
            assert app.triage.walk.path
        await pilot.press("ctrl+n")
        assert isinstance(app.screen, ConfirmDialog)
        assert "inte sparade" in str(app.screen.query_one("#question").render())
        await pilot.press("n")  # cancel: all still there
        if where == "comment":
            assert app.screen.query_one("#text").text == "Skatten"
        else:
            assert isinstance(app.screen, QuestionScreen) and app.triage.walk.path
        await pilot.press("ctrl+n", "j")
        assert isinstance(app.screen, CommentScreen)
        assert app.screen.query_one("#text").text == "" and not app.triage.walk.path


@pytest.mark.parametrize("lang", ["sv", "en"])
async def test_the_palette_speaks_the_apps_language_and_offers_only_ours(lang):
    app = make_app(lang, comment=Comment(text="x"))
    async with app.run_test(size=(80, 24)) as pilot:
        titles = [c.title for c in app.get_system_commands(app.screen)]
        assert not {"Keys", "Maximize", "Theme", "Screenshot"} & set(titles)
        assert titles.count("Avsluta" if lang == "sv" else "Quit") == 1
        assert "Quit" not in titles or lang == "en"
        await pilot.press("ctrl+p")
        assert await until(pilot, lambda: CommandPalette.is_open(app))
        palette = app.screen
        field = palette.query_one(Input)
        assert field.placeholder == (
            "Sök bland kommandona …" if lang == "sv" else "Search the commands…"
        )
        await pilot.press(*("ny" if lang == "sv" else "new"))
        wanted = "Ny kommentar" if lang == "sv" else "New comment"

        def offered() -> bool:
            options = palette.query_one("CommandList").options
            return any(wanted in str(option.prompt) for option in options)

        assert await until(pilot, offered)


async def test_esc_closes_an_open_dropdown_and_its_footer_has_only_its_keys():
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        select = app.screen.query_one("#platform", Select)
        select.focus()
        await pilot.press("enter")
        assert await until(pilot, lambda: select.expanded)
        shown = {b.binding.description for b in app.screen.active_bindings.values()}
        assert not shown & {"Fortsätt", "Hoppa över", "Ny kommentar", "Hjälp"}
        await pilot.press("escape")
        assert isinstance(app.screen, CommentScreen) and not select.expanded


class TestTraining:
    @staticmethod
    def app(ids: list[str], lang: str = "sv"):
        from gk_respond.training.load import load
        from gk_respond.tui.training import TrainingApp

        by_id = {item.scenario.id: item.scenario for item in load(CHART)}
        return TrainingApp(CHART, [by_id[i] for i in ids], lang, "Kim")

    async def test_the_scenarios_channel_is_shown_while_answering(self):
        app = self.app(["threat_official", "snow_clearing"])
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.press("enter", "j")  # prohibited: yes; now "Kommunens kanal?"
            assert app.triage.walk.question == "owns_channel"
            line = str(app.screen.query_one("#scenario-channel", Static).render())
            scenario = app.session.current
            assert line.startswith("Kanal: ") and scenario.channel("sv") in line
            assert inside(app, "#scenario-channel") and inside(app, "#options Button")

    async def test_a_session_can_end_early_and_its_result_be_exported(self, tmp_path):
        from gk_respond.tui.screens.training import ResultScreen

        app = self.app(["snow_clearing", "threat_official"])
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.press("enter", "n", "j", "3", "enter")  # one scenario done
            await pilot.press("enter", "ctrl+e")  # at the second one's question: end
            assert isinstance(app.screen, ResultScreen)
            score = str(app.screen.query_one("#score", Static).render())
            assert "1 av 2 scenarier besvarade" in score
            await pilot.press("e")
            app.screen.query_one("#file", Input).value = str(tmp_path / "kim.md")
            await pilot.press("enter")
            assert "Kim" in (tmp_path / "kim.md").read_text(encoding="utf-8")
            assert not app.session.unexported
