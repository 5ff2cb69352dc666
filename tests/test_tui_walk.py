"""The TUI driven by keys through Textual's pilot: every outcome, back, restart, language,
help, the flowchart tree, copy and export."""

from __future__ import annotations

import pytest
from textual.widgets import Button, OptionList, Static, TextArea, Tree
from tui_helpers import CHART, make_app

from gk_respond.triage import Comment
from gk_respond.tui.screens.comment import CommentScreen
from gk_respond.tui.screens.dialogs import (
    ConfirmDialog,
    CopyDialog,
    FlowchartScreen,
    HelpScreen,
)
from gk_respond.tui.screens.outcome import OutcomeScreen
from gk_respond.tui.screens.question import QuestionScreen

KEYS_SV = {"ja": "j", "nej": "n", "reinforce": "1", "observe": "2", "share": "3"}
KEYS_EN = {"ja": "y", "nej": "n", "reinforce": "1", "observe": "2", "share": "3"}
PATHS = [(steps, outcome) for steps, outcome in CHART.paths()]


def text_of(app, selector: str) -> str:
    return str(app.screen.query_one(selector, Static).render())


@pytest.mark.parametrize(
    ("steps", "outcome"), PATHS, ids=[f"{i}-{o}" for i, (_, o) in enumerate(PATHS, 1)]
)
@pytest.mark.parametrize("lang", ["sv", "en"])
async def test_keys_walk_to_every_outcome(steps, outcome, lang):
    keys = KEYS_SV if lang == "sv" else KEYS_EN
    app = make_app(lang, Comment(text="En kommentar"))
    async with app.run_test(size=(80, 24)) as pilot:
        assert isinstance(app.screen, QuestionScreen)
        for step in steps:
            assert app.triage.walk.question == step.question
            await pilot.press(keys[step.answer])
        assert isinstance(app.screen, OutcomeScreen)
        title = CHART.flowchart.outcomes[outcome].title(lang)
        assert text_of(app, "#outcome-title") == f"✔ {title}"
        # the steps and guidance that apply to this path (their when:), and no others
        answers = {s.question: s.answer for s in steps}
        found = CHART.flowchart.outcomes[outcome]
        listed = app.screen.query_one("#steps", OptionList)
        prompts = [str(o.prompt) for o in listed.options]
        assert [p.split("\n")[0] for p in prompts] == [
            f"☐ {step.text(lang)}" for step in found.steps_for(answers)
        ]
        path = text_of(app, "#path")
        assert all(CHART.question(s.question).title(lang) in path for s in steps)
        guidance = " ".join(str(w.render()) for w in app.screen.query("#guidance Static"))
        for gid in CHART.flowchart.guidance:
            shown = CHART.flowchart.guidance[gid].title(lang) in guidance
            assert shown == (gid in found.guidance_for(answers)), gid


async def test_comment_screen_fills_the_triage_and_skip_key():
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        assert isinstance(app.screen, CommentScreen)
        await pilot.press(*"Hej kommunen")
        app.screen.query_one("#url").value = "https://example.org/x"
        await pilot.press("ctrl+s")
        assert isinstance(app.screen, QuestionScreen)
        assert app.triage.comment.text == "Hej kommunen"
        assert app.triage.comment.url == "https://example.org/x"
        assert "Hej kommunen" in str(app.screen.query_one("#comment").render())
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("escape")
        assert isinstance(app.screen, QuestionScreen)


async def test_back_keeps_later_answers_and_preselects_them():
    app = make_app(comment=Comment())
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("n", "n", "n", "j")  # ... joking=ja -> owns_channel
        assert app.triage.walk.question == "owns_channel"
        await pilot.press("backspace", "backspace")
        assert app.triage.walk.question == "defamatory"
        await pilot.press("n")  # same answer again: reaches joking, answered before
        assert app.triage.walk.question == "joking"
        buttons = list(app.screen.query(Button))
        remembered = [b for b in buttons if b.has_class("-remembered")]
        assert len(remembered) == 1 and "Ja" in str(remembered[0].label)
        assert app.focused is remembered[0]
        assert text_of(app, "#earlier") == "Ditt tidigare svar: Ja"
        await pilot.press("enter")  # take the pre-selected answer
        assert app.triage.walk.question == "owns_channel"


async def test_back_from_the_outcome_and_restart():
    app = make_app(comment=Comment())
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("j", "j")
        assert isinstance(app.screen, OutcomeScreen)
        await pilot.press("backspace")
        assert isinstance(app.screen, QuestionScreen)
        assert app.triage.walk.question == "owns_channel"
        await pilot.press("r")
        assert app.triage.walk.question == "prohibited" and app.triage.walk.path == []
        assert text_of(app, "#breadcrumb") == ""


async def test_language_switch_mid_walk_keeps_the_walk():
    app = make_app(comment=Comment())
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("n", "n")
        assert text_of(app, "#question-title") == "Baktala?"
        await pilot.press("l")
        assert app.lang == "en"
        assert text_of(app, "#question-title") == "Smear?"
        assert text_of(app, "#breadcrumb") == "Must not stay up? No › Positive? No"
        await pilot.press("y", "y")  # English keys now
        assert isinstance(app.screen, OutcomeScreen)
        assert text_of(app, "#outcome-title") == "✔ Remove the comment"
        await pilot.press("l")
        assert text_of(app, "#outcome-title") == "✔ Ta bort kommentaren"


async def test_help_shows_the_question_help_and_closes():
    app = make_app(comment=Comment())
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        help_text = str(app.screen.query_one("#help-text").render())
        assert "Backsteg går tillbaka" in help_text
        assert CHART.question("prohibited").help("sv")[:40] in help_text.replace("\n", " ")
        await pilot.press("escape")
        assert isinstance(app.screen, QuestionScreen)


async def test_flowchart_tree_marks_the_path_and_current_question():
    app = make_app(comment=Comment())
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("n", "n")
        await pilot.press("f")
        assert isinstance(app.screen, FlowchartScreen)
        tree = app.screen.query_one(Tree)
        labels = []

        def collect(node):
            labels.append(str(node.label))
            for child in node.children:
                collect(child)

        collect(tree.root)
        here = [label for label in labels if "du är här" in label]
        assert here == ["✔ Nej → Baktala?  ◀ du är här"]
        assert "✔ Nej → Positiv?" in labels
        await pilot.press("escape")
        assert isinstance(app.screen, QuestionScreen)


async def test_copy_and_export(tmp_path):
    app = make_app(comment=Comment(text="Skatten höjs!", url="https://example.org/p/1"))
    async with app.run_test(size=(80, 24)) as pilot:
        for key in "nnnnj":
            await pilot.press(key)
        assert isinstance(app.screen, OutcomeScreen)
        await pilot.press("c")
        assert app.clipboard.startswith("Kommentaren du har hittat:\n  Skatten höjs!")
        assert "[ ] Ta reda på" in app.clipboard
        assert "Korrigera" in app.clipboard
        # what really happened is said, and the text is there to select by hand
        assert isinstance(app.screen, CopyDialog)
        said = str(app.screen.query_one("#copy-sent").render())
        assert said == "Skickat till terminalens urklipp; fungerar om terminalen tillåter det."
        shown = app.screen.query_one("#copy-text", TextArea)
        assert shown.read_only and shown.text == app.clipboard
        await pilot.press("escape")
        assert isinstance(app.screen, OutcomeScreen)
        await pilot.press("enter")  # tick the first step
        await pilot.press("e")
        target = tmp_path / "korrigera.md"
        target.write_text("someone's file", encoding="utf-8")
        field = app.screen.query_one("#file")
        field.value = str(target)
        await pilot.press("enter")
        assert target.read_text(encoding="utf-8") == "someone's file"  # never overwritten
        field.value = str(tmp_path / "ny.md")
        await pilot.press("enter")
        text = (tmp_path / "ny.md").read_text(encoding="utf-8")
        assert "- [x] Ta reda på" in text
        assert text.startswith("# Korrigera\n")
        assert "```text\nSkatten höjs!\n```" in text
        assert "- Adress (URL): ` https://example.org/p/1 `" in text


async def test_ticking_steps_by_keys_survives_a_language_switch():
    app = make_app(comment=Comment())
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("j", "j", "enter", "down", "down", "enter")
        prompts = [str(o.prompt)[0] for o in app.screen.query_one("#steps", OptionList).options]
        assert prompts == ["☑", "☐", "☑", "☐", "☐"]  # remove, prohibited route: five steps
        await pilot.press("l")
        steps = app.screen.query_one("#steps", OptionList)
        assert [str(o.prompt)[0] for o in steps.options] == prompts
        assert str(steps.options[0].prompt).startswith("☑ Keep a copy")
        await pilot.press("enter")  # the highlight stays where it was: unticks the third
        assert [str(o.prompt)[0] for o in steps.options] == ["☑", "☐", "☐", "☐", "☐"]


async def test_command_palette_offers_every_action_in_the_language():
    app = make_app(comment=Comment())
    async with app.run_test(size=(80, 24)) as pilot:
        titles = [c.title for c in app.get_system_commands(app.screen)]
        for title in ("Tillbaka", "Börja om", "Hjälp", "Flödesschema", "English", "Avsluta"):
            assert title in titles
        await pilot.press("l")
        titles = [c.title for c in app.get_system_commands(app.screen)]
        assert "Restart" in titles and "Börja om" not in titles
        await pilot.press("y", "y")
        titles = [c.title for c in app.get_system_commands(app.screen)]
        for title in ("Copy", "Export", "Save case", "Note", "New comment", "Back"):
            assert title in titles
        command = next(c for c in app.get_system_commands(app.screen) if c.title == "Back")
        await command.callback()
        await pilot.pause()
        assert isinstance(app.screen, QuestionScreen)


async def test_footer_follows_the_language():
    app = make_app(comment=Comment())
    async with app.run_test(size=(80, 24)) as pilot:
        shown = {b.binding.description for b in app.screen.active_bindings.values()}
        assert {"Tillbaka", "Börja om", "Avsluta"} <= shown
        await pilot.press("l")
        shown = {b.binding.description for b in app.screen.active_bindings.values()}
        assert {"Back", "Restart", "Quit"} <= shown and "Tillbaka" not in shown


async def test_new_comment_starts_over():
    app = make_app(comment=Comment(text="gammal"))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("j", "j", "n")  # an n too many on the outcome loses nothing
        assert isinstance(app.screen, OutcomeScreen)
        await pilot.press("ctrl+n")  # not saved: asked first, Cancel chosen
        assert isinstance(app.screen, ConfirmDialog)
        assert "inte sparad i ärendeloggen" in str(app.screen.query_one("#question").render())
        await pilot.press("enter")
        assert isinstance(app.screen, OutcomeScreen) and app.triage.walk.outcome == "remove"
        await pilot.press("ctrl+n", "j")  # yes: a new comment anyway
        assert isinstance(app.screen, CommentScreen)
        assert app.triage.comment.text == "" and app.triage.walk.path == []
        await pilot.press("escape")
        assert isinstance(app.screen, QuestionScreen)
        assert app.triage.walk.question == "prohibited"


@pytest.mark.parametrize("lang", ["sv", "en"])
async def test_an_added_question_says_so_under_the_question(lang):
    """The line comes from the flowchart's addition:, and only where there is one."""
    app = make_app(lang, Comment(text="En kommentar"))
    async with app.run_test(size=(80, 24)) as pilot:
        addition = app.screen.query_one("#addition", Static)
        wanted = CHART.question("prohibited").addition
        assert wanted is not None
        assert addition.display and str(addition.render()) == wanted(lang)
        await pilot.press("n")
        assert app.triage.walk.question == "positive"
        assert not app.screen.query_one("#addition", Static).display


async def test_each_route_to_remove_shows_its_own_steps_on_screen():
    app = make_app("sv", Comment(text="En kommentar"))
    async with app.run_test(size=(80, 24)) as pilot:
        for key in "nnnjj":  # prohibited, positive, defamatory: nej; joking, owns_channel: ja
            await pilot.press(key)
        assert isinstance(app.screen, OutcomeScreen)
        prompts = " ".join(
            str(o.prompt) for o in app.screen.query_one("#steps", OptionList).options
        )
        assert "Tänk efter innan du tar bort ett skämt" in prompts
        assert "personangrepp" not in prompts and "säkerhetssamordnare" not in prompts
