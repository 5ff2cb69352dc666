"""The reply editor through the pilot: it opens on the outcomes where staff write, starts
from the template, lists the findings (checked when asked, never by waiting for the timer),
marks a finding's span, and the saved case keeps the reply and its findings."""

from __future__ import annotations

import subprocess
import sys

from textual.keys import _character_to_key
from textual.widgets import OptionList, Static, TextArea
from tui_helpers import CHART, make_app

from gk_respond.records.store import Store
from gk_respond.triage import Comment
from gk_respond.tui.screens.outcome import OutcomeScreen
from gk_respond.tui.screens.reply import ReplyScreen

TO_CORRECT = (
    "n",
    "n",
    "n",
    "n",
    "j",
)  # prohibited, positive, defamatory, joking: nej; fakta fel: ja
TO_REMOVE = ("j", "j")  # prohibited, owns_channel


def keys(text: str) -> list[str]:
    return [_character_to_key(c) if c != "\n" else "enter" for c in text]


def rules_found(app) -> set[str]:
    return {f.rule for f in app.screen.findings}


async def test_the_app_and_records_show_give_a_finding_the_same_place(tmp_path, cli_env):
    """One reply over two lines: the editor's list and ``records show`` both say where each
    finding starts as line:column, counted from 1 (``reply.place``)."""
    db = str(tmp_path / "cases.db")
    app = make_app("sv", Comment(text="Skolan stänger ju!"), db=db)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press(*TO_CORRECT, "r")
        area = app.screen.query_one("#reply", TextArea)
        area.load_text("Hej Lena!\nJag heter Maria, Gullspångs kommun. Ni har fel.")
        app.screen.check_now()
        shown = [str(o.prompt) for o in app.screen.query_one("#findings", OptionList).options]
        in_app = next(line for line in shown if "Tilltala läsaren med du" in line)
        assert " 2:37: " in in_app  # "Ni": line 2, the 37th character
        await pilot.press("ctrl+s", "s")
        number = app.triage.case
        assert number
    show = subprocess.run(
        [sys.executable, "-m", "gk_respond", "records", "show", number, "--db", db, "--lang", "sv"],
        capture_output=True, text=True, env=cli_env, check=True,
    )  # fmt: skip
    assert "fel [address_du, 2:37]: Tilltala läsaren med du" in show.stdout


async def test_write_check_fix_save_and_find_the_reply_in_the_case(tmp_path, cli_env):
    db = str(tmp_path / "cases.db")
    app = make_app("sv", Comment(text="Skolan stänger ju!", platform="facebook"), db=db)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press(*TO_CORRECT)
        assert isinstance(app.screen, OutcomeScreen)
        await pilot.press("r")
        assert isinstance(app.screen, ReplyScreen)
        area = app.screen.query_one("#reply", TextArea)
        template = CHART.flowchart.outcomes["correct"].reply_template
        assert area.text == template("sv")
        assert "placeholder" in rules_found(app)  # the draft's {namn} and {länk}
        area.clear()
        await pilot.press(
            *keys("Hej Lena! Jag heter Maria och arbetar på Gullspångs kommun. Ni har fel.")
        )
        app.screen.check_now()
        assert {"address_du", "source_link_correct"} <= rules_found(app)
        errors = [f for f in app.screen.findings if f.level == "error"]
        assert {f.rule for f in errors} == {"address_du", "source_link_correct"}
        shown = [str(o.prompt) for o in app.screen.query_one("#findings", OptionList).options]
        assert any("Tilltala läsaren med du" in line and "1:61" in line for line in shown)
        counts = str(app.screen.query_one("#findings-counts", Static).render())
        assert counts == "2 fel, 0 varningar, 0 tips"
        # fix both: du instead of Ni, and a link
        ni = next(f for f in errors if f.rule == "address_du")
        document = area.document
        area.replace(
            "Du",
            document.get_location_from_index(ni.start),
            document.get_location_from_index(ni.end),
        )
        area.move_cursor(document.end)
        await pilot.press(*keys(" Se gullspang.se/skolan"))
        app.screen.check_now()
        assert not [f for f in app.screen.findings if f.level == "error"]
        assert (
            str(app.screen.query_one("#findings-counts", Static).render()) == "Inga anmärkningar."
        )
        await pilot.press("escape")
        assert isinstance(app.screen, OutcomeScreen)
        reply = (
            "Hej Lena! Jag heter Maria och arbetar på Gullspångs kommun. Du har fel. "
            "Se gullspang.se/skolan"
        )
        assert app.triage.reply == reply
        assert str(app.screen.query_one("#reply-text", Static).render()) == reply
        await pilot.press("s")
        number = app.triage.case
        assert number
    with Store(db) as store:
        case = store.get(number)
    assert case.reply_text == reply and case.reply_findings == []
    shown = subprocess.run(
        [sys.executable, "-m", "gk_respond", "records", "show", number, "--db", db, "--lang", "sv"],
        capture_output=True, text=True, env=cli_env,
    )  # fmt: skip
    assert shown.returncode == 0, shown.stderr
    assert "Svaret\n  Hej Lena! Jag heter Maria och arbetar på Gullspångs kommun. Du har" in (
        shown.stdout
    )  # wrapped to the terminal
    assert "gullspang.se/skolan" in shown.stdout
    assert "Kontrollen när svaret sparades\n  inga anmärkningar" in shown.stdout


async def test_the_saved_case_keeps_the_findings_as_they_were(tmp_path):
    db = str(tmp_path / "cases.db")
    app = make_app("en", Comment(text="Fel!"), db=db)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("n", "n", "n", "n", "y")
        await pilot.press("r")
        area = app.screen.query_one("#reply", TextArea)
        assert area.text.startswith("Hi {name}!")  # the English template
        area.load_text("Ni har fel, det vet väl alla.")
        app.screen.check_now()
        await pilot.press("ctrl+s", "s")
        number = app.triage.case
    with Store(db) as store:
        case = store.get(number)
    rules = {f["rule"] for f in case.reply_findings}
    assert {"address_du", "condescending", "source_link_correct"} <= rules
    ni = next(f for f in case.reply_findings if f["rule"] == "address_du")
    assert (ni["start"], ni["end"], ni["match"]) == (0, 2, "Ni")
    assert ni["message"]["sv"].startswith("Tilltala") and ni["message"]["en"].startswith("Address")


async def test_a_template_left_as_it_came_is_not_a_reply():
    app = make_app("sv", Comment(text="Fel!"))
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press(*TO_CORRECT, "r", "escape")
        assert isinstance(app.screen, OutcomeScreen)
        assert app.triage.reply == ""
        assert not app.screen.query_one("#reply-text").display


async def test_highlighting_a_finding_marks_its_span():
    app = make_app("sv", Comment(text="Fel!"))
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press(*TO_CORRECT, "r")
        area = app.screen.query_one("#reply", TextArea)
        area.load_text("Hej! Som alla vet har Ni fel.")
        app.screen.check_now()
        listed = app.screen.query_one("#findings", OptionList)
        index = next(i for i, f in enumerate(app.screen.findings) if f.rule == "address_du")
        listed.focus()
        listed.highlighted = index
        for _ in range(20):
            await pilot.pause()
            if area.selected_text:
                break
        assert area.selected_text == "Ni"


async def test_no_editor_where_the_policy_says_not_to_reply():
    app = make_app("sv", Comment(text="Jag vet var du bor"))
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press(*TO_REMOVE)
        assert isinstance(app.screen, OutcomeScreen)
        assert app.triage.walk.outcome == "remove"
        assert not any(
            b.binding.action.startswith("reply")
            for b in app.screen.active_bindings.values()
            if b.enabled
        )
        await pilot.press("r")
        assert isinstance(app.screen, OutcomeScreen)


async def test_a_pasted_reply_is_shown_as_the_characters_it_is():
    app = make_app("sv", Comment(text="Fel!"))
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press(*TO_CORRECT, "r")
        area = app.screen.query_one("#reply", TextArea)
        area.clear()
        await pilot._app.screen.query_one("#reply")._on_paste(
            __import__("textual.events", fromlist=["Paste"]).Paste("[bold]Ni[/bold] \x1b[31m fan")
        )
        app.screen.check_now()
        assert "\x1b" not in area.text and "␛[31m" in area.text
        shown = [str(o.prompt) for o in app.screen.query_one("#findings", OptionList).options]
        assert any("”Ni”" in line for line in shown)
        assert any("”fan”" in line for line in shown)


async def test_quitting_from_the_editor_asks_before_the_draft_is_lost():
    from gk_respond.tui.screens.dialogs import ConfirmDialog

    app = make_app("sv", Comment(text="Fel!"))
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press(*TO_CORRECT, "r", "x")  # typed at the start of the draft
        assert app.triage.reply.startswith("xHej {namn}!")
        await pilot.press("ctrl+q")
        assert isinstance(app.screen, ConfirmDialog)
