"""Training in the app, driven by keys through Textual's pilot: a whole session with right
and wrong answers, the feedback (the diverging question and why), the result, its export as
Markdown and JSON, and the presenter view revealing the expected answer."""

from __future__ import annotations

import json

from textual.widgets import Static
from tui_helpers import CHART

from gk_respond.training.load import load
from gk_respond.tui.screens.dialogs import ExportScreen
from gk_respond.tui.screens.presenter import PresenterScreen
from gk_respond.tui.screens.training import (
    FeedbackScreen,
    ResultScreen,
    ScenarioScreen,
    TrainingQuestionScreen,
)
from gk_respond.tui.training import TrainingApp

BY_ID = {item.scenario.id: item.scenario for item in load(CHART)}


def make_training_app(ids: list[str], lang: str = "sv", trainee: str = "", present=False):
    return TrainingApp(CHART, [BY_ID[i] for i in ids], lang, trainee, present=present)


def text_of(app, selector: str) -> str:
    return str(app.screen.query_one(selector, Static).render())


SESSION = ["threat_official", "snow_clearing", "library_story_time"]


async def test_a_whole_session_with_right_and_wrong_answers(tmp_path):
    app = make_training_app(SESSION, trainee="Kim")
    async with app.run_test(size=(80, 24)) as pilot:
        # 1: the threat, answered as expected (ja, nej): right
        assert isinstance(app.screen, ScenarioScreen)
        assert text_of(app, "#scenario-title") == BY_ID["threat_official"].title("sv")
        assert "inte kommunens kanal" in text_of(app, "#scenario-context")
        assert "Jag vet vilken bil" in text_of(app, "#scenario-comment")
        await pilot.press("enter")
        assert isinstance(app.screen, TrainingQuestionScreen)
        assert app.triage.walk.question == "prohibited"
        await pilot.press("j", "n")
        assert isinstance(app.screen, FeedbackScreen)
        assert text_of(app, "#verdict") == "✔ Rätt!"
        assert not app.screen.query_one("#divergence").display
        # 2: the snow plough, called positive and shared: wrong, left the path at positive
        await pilot.press("enter")
        assert isinstance(app.screen, ScenarioScreen)
        await pilot.press("enter", "n", "j", "3")
        assert isinstance(app.screen, FeedbackScreen)
        assert text_of(app, "#verdict") == "✘ Fel."
        assert "Ditt utfall: Dela" in text_of(app, "#outcomes")
        assert "Förväntat utfall: Agera" in text_of(app, "#outcomes")
        assert text_of(app, "#divergence-heading").endswith(": Positiv?")
        divergence = text_of(app, "#divergence")
        assert "Du svarade Ja; förväntat svar: Nej." in divergence
        assert BY_ID["snow_clearing"].answers["positive"].why("sv") in divergence
        # 3: the library, shared where reinforcing was expected: also acceptable, right;
        # a step back on the way is allowed, as in a triage
        await pilot.press("enter", "enter", "n", "n", "backspace", "j", "3")
        assert text_of(app, "#verdict") == "✔ Rätt!"
        await pilot.press("enter")
        assert isinstance(app.screen, ResultScreen)
        assert text_of(app, "#result-title") == "Resultat av träningen: Kim"
        assert text_of(app, "#score") == "Rätt: 2 av 3 (66.7 %)"
        per_question = text_of(app, "#per-question").splitlines()
        assert per_question[0].startswith("Får inte ligga kvar?") and " 3/3 " in per_question[0]
        assert per_question[1].startswith("Positiv?") and " 1/2 " in per_question[1]
        assert text_of(app, "#missed") == "✘ " + BY_ID["snow_clearing"].title("sv")

        # export: Markdown, never over an existing file, then JSON by the file's suffix
        await pilot.press("e")
        assert isinstance(app.screen, ExportScreen)
        field = app.screen.query_one("#file")
        assert field.value == "gk-respond-training-Kim.md"
        taken = tmp_path / "taken.md"
        taken.write_text("someone's file", encoding="utf-8")
        field.value = str(taken)
        await pilot.press("enter")
        assert taken.read_text(encoding="utf-8") == "someone's file"
        field.value = str(tmp_path / "kim.md")
        await pilot.press("enter")
        assert isinstance(app.screen, ResultScreen)
        text = (tmp_path / "kim.md").read_text(encoding="utf-8")
        assert text.startswith("# Resultat av träningen\n\nDeltagare: Kim\n")
        assert "**Rätt: 2 av 3 (66.7 %)**" in text
        assert "| Positiv? | 1/2 |" in text
        assert f"- {BY_ID['snow_clearing'].title('sv')} (`snow_clearing`)" in text
        assert "Din väg lämnade den förväntade vid: Positiv? (du svarade Ja, förväntat Nej)" in text
        await pilot.press("e")
        app.screen.query_one("#file").value = str(tmp_path / "kim.json")
        await pilot.press("enter")
        data = json.loads((tmp_path / "kim.json").read_text(encoding="utf-8"))
        assert data["trainee"] == "Kim"
        assert data["score"] == {"right": 2, "total": 3, "percent": 66.7}
        assert [s["right"] for s in data["scenarios"]] == [True, False, True]
        assert data["scenarios"][1]["divergence"]["question"] == "positive"


async def test_language_switch_keeps_the_walk_and_translates_the_comment():
    app = make_training_app(["snow_clearing"])
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("enter", "n")
        await pilot.press("l")
        assert app.lang == "en" and app.triage.walk.question == "positive"
        assert "Third time this week" in str(app.screen.query_one("#comment").render())
        assert "Scenario 1 of 1" in app.sub_title
        await pilot.press("n", "n", "n", "n", "y")  # in English: y/n
        assert text_of(app, "#verdict") == "✔ Right!"


async def test_scenario_text_is_shown_literally():
    app = make_training_app(["council_meme"])  # its comment starts with [Bild på ...]
    async with app.run_test(size=(80, 24)):
        assert text_of(app, "#scenario-comment").startswith("[Bild på en sengångare i kostym]")


async def test_presenter_reveals_the_expected_answer_and_follows_it():
    app = make_training_app(["threat_official", "library_story_time"], present=True)
    async with app.run_test(size=(100, 40)) as pilot:
        assert isinstance(app.screen, PresenterScreen)
        reveal = app.screen.query_one("#p-reveal")
        assert text_of(app, "#p-question") == CHART.question("prohibited").text("sv")
        assert not reveal.display
        await pilot.press("space")
        assert reveal.display
        explanation = BY_ID["threat_official"].answers["prohibited"].why("sv")
        assert text_of(app, "#p-reveal") == f"Förväntat svar: Ja\n\n{explanation}"
        await pilot.press("space")  # gives the expected answer: on to owns_channel
        assert app.triage.walk.question == "owns_channel" and not reveal.display
        await pilot.press("backspace")  # back to the first question, its answer shown
        assert app.triage.walk.question == "prohibited" and reveal.display
        await pilot.press("space", "space", "space")
        assert app.triage.walk.outcome == "report"
        assert text_of(app, "#p-question") == "Utfall: Anmäl och dokumentera"
        await pilot.press("space")  # the next scenario
        assert app.session.index == 1
        assert text_of(app, "#p-title") == BY_ID["library_story_time"].title("sv")
        for _ in range(6):
            await pilot.press("space")
        assert app.triage.walk.outcome == "reinforce"
        await pilot.press("space")
        assert text_of(app, "#p-place") == "Alla scenarier är genomgångna."


def test_the_command_line_opens_the_training_app(monkeypatch):
    """`gk-respond train` builds the app from its options (run is not called for real)."""
    from gk_respond.cli import main

    opened: list[TrainingApp] = []
    monkeypatch.setattr(TrainingApp, "run", lambda self: opened.append(self))
    assert main(["train", "--tag", "removal", "--lang", "en", "--trainee", "Kim", "--present"]) == 0
    (app,) = opened
    assert app.lang == "en" and app.present and app.session.trainee == "Kim"
    assert {s.id for s in app.session.scenarios} == {
        item.scenario.id for item in load(CHART) if "removal" in item.scenario.tags
    }
    assert main(["train", "--sample", "3", "--seed", "1"]) == 0
    assert len(opened[1].session.scenarios) == 3 and not opened[1].present
