"""Training in the app, driven by keys through Textual's pilot: a whole session with right
and wrong answers, the feedback (the diverging question and why), the result, its export as
Markdown and JSON, and the presenter view revealing the expected answer."""

from __future__ import annotations

import json
from dataclasses import replace

from textual.widgets import Static
from tui_helpers import CHART

from gk_respond.flowchart.schema import Text
from gk_respond.training.load import load
from gk_respond.training.schema import Scenario
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
        # the steps of the outcome reached, as a triage on that path shows them
        assert text_of(app, "#advice-heading") == "Gör så här: Anmäl och dokumentera"
        assert text_of(app, "#advice").startswith("1. Dokumentera kommentaren")
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
        assert text_of(app, "#score") == "Rätt: 2 av 3 (66,7 %)"
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
        assert text.startswith("# Resultat av träningen\n\nDeltagare: ` Kim `\n")
        assert "**Rätt: 2 av 3 (66,7 %)**" in text
        assert "| Positiv? | 1/2 |" in text
        assert f"- ` {BY_ID['snow_clearing'].title('sv')} ` (`snow_clearing`)" in text
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


# -- scenario texts and the trainee's name are shown as the characters they are -----------
def hostile(name: str) -> Text:
    """A text with a colour code, markup, HTML and a bidi override, named so it can be found."""
    return Text(*(f"{name}-{lang} \x1b[31m[bold]röd[/] <b>\u202eabc" for lang in ("sv", "en")))


def shown(name: str, lang: str = "sv") -> str:
    return f"{name}-{lang} ␛[31m[bold]röd[/] <b><U+202E>abc"


def hostile_scenario(sid: str) -> Scenario:
    scenario = BY_ID[sid]
    answers = {
        qid: replace(expected, why=hostile(f"why-{qid}"))
        for qid, expected in scenario.answers.items()
    }
    return replace(
        scenario,
        title=hostile("title"),
        channel=hostile("channel"),
        author=hostile("author"),
        answers=answers,
        source=hostile("source")("sv"),
    )


def terminal(app) -> str:
    """What the terminal is sent for the screen, header and footer included."""
    return "".join(
        str(line)
        for line in app.screen._compositor.render_update(full=True).render_segments(app.console)
    )


def assert_inert(app) -> None:
    output = terminal(app)
    assert "\x1b[31m" not in output and "\u202e" not in output


TRAINEE = "[bold]Kim[/] <b>\x1b[31m\u202e"


async def test_scenario_texts_and_the_trainee_are_made_visible(tmp_path):
    app = TrainingApp(CHART, [hostile_scenario("snow_clearing")], "sv", TRAINEE)
    async with app.run_test(size=(120, 40)) as pilot:
        assert shown("title") in app.sub_title
        assert text_of(app, "#scenario-title") == shown("title")
        context = text_of(app, "#scenario-context")
        assert shown("channel") in context and f"Skribent: {shown('author')}" in context
        assert_inert(app)
        await pilot.press("enter", "n", "j", "3")  # called positive: wrong, with a why
        assert isinstance(app.screen, FeedbackScreen)
        assert f"Varför: {shown('why-positive')}" in text_of(app, "#divergence")
        assert f"I policyn: {shown('source')}" in text_of(app, "#paths")
        assert_inert(app)
        await pilot.press("enter")
        assert isinstance(app.screen, ResultScreen)
        assert text_of(app, "#result-title") == (
            "Resultat av träningen: [bold]Kim[/] <b>␛[31m<U+202E>"
        )
        assert text_of(app, "#missed") == f"✘ {shown('title')}"
        assert_inert(app)
        for name in ("result.md", "result.json"):
            await pilot.press("e")
            app.screen.query_one("#file").value = str(tmp_path / name)
            await pilot.press("enter")
        markdown = (tmp_path / "result.md").read_text(encoding="utf-8")
        assert "\x1b" not in markdown and "\u202e" not in markdown
        assert "Deltagare: ` [bold]Kim[/] <b>␛[31m<U+202E> `\n" in markdown
        assert f"- ` {shown('title')} ` (`snow_clearing`)" in markdown
        assert f"### ✘ ` {shown('title')} `" in markdown
        escaped = r"why-positive-sv ␛\[31m\[bold\]röd\[/\] \<b\>\<U+202E\>abc"
        assert markdown.count(escaped) == 1
        assert "<b>" not in markdown.replace(f"` {shown('title')} `", "").replace(
            "` [bold]Kim[/] <b>␛[31m<U+202E> `", ""
        )
        data = json.loads((tmp_path / "result.json").read_text(encoding="utf-8"))
        assert data["trainee"] == TRAINEE  # JSON keeps the exact text
        assert data["scenarios"][0]["title"] == hostile("title")("sv")


async def test_the_presenter_view_shows_scenario_texts_visibly():
    app = TrainingApp(CHART, [hostile_scenario("threat_official")], "sv", present=True)
    async with app.run_test(size=(120, 50)) as pilot:
        assert text_of(app, "#p-title") == shown("title")
        assert shown("author") in text_of(app, "#p-context")
        await pilot.press("space")
        assert text_of(app, "#p-reveal").endswith(shown("why-prohibited"))
        assert_inert(app)
        await pilot.press("space", "space", "space")
        assert app.triage.walk.outcome == "report"
        assert shown("source") in text_of(app, "#p-reveal")
        assert_inert(app)


# -- Ctrl+Q asks before a session's result is lost ---------------------------------------------
async def test_ctrl_q_asks_before_dropping_results_not_exported(tmp_path):
    from gk_respond.tui.screens.dialogs import ConfirmDialog

    app = make_training_app(["threat_official", "snow_clearing"])
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("enter", "ctrl+q")  # nothing answered yet: nothing to lose
        assert not app.is_running
    app = make_training_app(["threat_official", "snow_clearing"])
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("enter", "j", "n", "ctrl+q")  # one scenario graded
        assert isinstance(app.screen, ConfirmDialog) and app.is_running
        question = str(app.screen.query_one("#question", Static).render())
        assert question == "Resultatet är inte exporterat (e på resultatet exporterar det)."
        await pilot.press("n")  # cancel: the feedback is still there
        assert isinstance(app.screen, FeedbackScreen)
        await pilot.press("enter", "enter", "n", "j", "3", "enter")  # to the result
        assert isinstance(app.screen, ResultScreen)
        await pilot.press("e")
        app.screen.query_one("#file").value = str(tmp_path / "taken")
        (tmp_path / "taken").write_text("someone's", encoding="utf-8")
        await pilot.press("enter", "escape")  # not written: still not exported
        await pilot.press("ctrl+q")
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("n", "e")
        app.screen.query_one("#file").value = str(tmp_path / "kim.md")
        await pilot.press("enter")
        assert isinstance(app.screen, ResultScreen)
        await pilot.press("ctrl+q")  # exported: quits at once
        assert not app.is_running
    app = make_training_app(["threat_official"], lang="en")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("enter", "y", "n", "ctrl+q")
        assert str(app.screen.query_one("#question", Static).render()) == (
            "The result is not exported (e on the result exports it)."
        )
        await pilot.press("ctrl+q")  # asked twice: quit anyway
        assert not app.is_running


async def test_ctrl_q_quits_the_presenter_view_at_once():
    app = make_training_app(["threat_official"], present=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("space", "space", "space", "space")
        assert app.triage.walk.finished
        await pilot.press("ctrl+q")  # nobody is graded: nothing to lose
        assert not app.is_running


async def test_presenter_scrolls_to_what_it_reveals_and_says_what_space_does_next():
    app = make_training_app(["threat_official"], present=True)
    async with app.run_test(size=(80, 24)) as pilot:

        async def space(*keys: str) -> str:
            """Press keys; what the footer says space does now."""
            await pilot.press(*keys)
            await pilot.pause()
            active = app.screen.active_bindings.get("space")
            return active.binding.description if active else ""

        assert await space() == "Visa svaret"
        assert await space("space") == "Nästa fråga"
        assert "Förväntat svar: Ja" in terminal(app)  # below the fold at 80×24: scrolled to
        assert await space("space") == "Visa svaret"
        assert "Scenario 1 av 1" in terminal(app)  # a new question: from the top
        assert await space("space") == "Till utfallet"
        assert "Förväntat svar: Nej" in terminal(app)
        assert await space("backspace") == "Visa svaret"
        assert await space("backspace") == "Nästa fråga"  # back at the first, answer shown
        assert "Förväntat svar: Ja" in terminal(app)
        assert await space("space", "space", "space") == "Nästa"
        assert "Godtagbara utfall: Anmäl och dokumentera" in terminal(app)
        assert await space("l") == "Next"
        assert await space("space") == ""  # the end: space does nothing more


async def test_the_presenters_outcome_says_it_is_an_addition():
    # report (threat_official's outcome) is not in Bilaga 2: its addition line shows, as on
    # the triage's outcome screen
    app = make_training_app(["threat_official"], present=True)
    async with app.run_test(size=(100, 34)) as pilot:
        await pilot.press("ctrl+o")  # a training session edits no contacts
        assert isinstance(app.screen, PresenterScreen)
        for _ in range(20):  # reveal and follow each answer, to the outcome
            if app.triage.walk.finished:
                break
            await pilot.press("space")
        assert app.triage.walk.outcome == "report"
        shown = text_of(app, "#p-options")
        addition = CHART.flowchart.outcomes["report"].addition("sv")
        assert shown.endswith(f"\n({addition})") and addition.startswith("Tillägg")
