"""Hostile comments are shown as the characters they are, and the app stays responsive."""

from __future__ import annotations

from textual import events
from textual.widgets import TextArea
from tui_helpers import make_app

from gk_respond.triage import Comment
from gk_respond.tui.screens.comment import CommentScreen
from gk_respond.tui.screens.outcome import OutcomeScreen
from gk_respond.tui.screens.question import QuestionScreen

HOSTILE = (
    "[bold]fet[/bold] [@click=app.quit]quit[/] [link=https://evil.example]länk[/link]\n"
    "\x1b[31mröd\x1b[0m \x1b]0;title\x07 \x00\x08 abc\u202edcba"
)


def panel_text(app) -> str:
    return str(app.screen.query_one("#comment").render())


def screen_text(app) -> str:
    """What the terminal would show: every segment of every line of the screen."""
    lines = app.screen._compositor.render_update(full=True).render_segments(app.console)
    return lines


async def test_markup_escapes_and_controls_are_literal_and_inert():
    app = make_app(comment=Comment(text=HOSTILE))
    async with app.run_test(size=(80, 24)) as pilot:
        assert isinstance(app.screen, QuestionScreen)
        text = panel_text(app)
        assert "[bold]fet[/bold]" in text
        assert "[@click=app.quit]quit[/]" in text
        assert "[link=https://evil.example]länk[/link]" in text
        assert "␛[31mröd␛[0m" in text and "␀␈" in text and "<U+202E>" in text
        # nothing reaches the terminal as control: the only ESC bytes are Textual's own
        # styling, never the comment's colour code or title change
        output = screen_text(app)
        assert "\x1b]0;title" not in output and "\x1b[31mröd" not in output
        assert "\x00" not in output and "\u202e" not in output
        # the [@click] action was not made live: clicking the comment does not quit
        await pilot.click("#comment")
        assert app.is_running
        await pilot.press("j", "j")
        assert isinstance(app.screen, OutcomeScreen)


async def test_a_pasted_comment_shows_no_controls():
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        area = app.screen.query_one(TextArea)
        area.post_message(events.Paste(HOSTILE))
        await pilot.pause()
        assert "␛[31mröd" in area.text and "[@click=app.quit]quit[/]" in area.text
        output = screen_text(app)
        assert "\x1b]0;title" not in output and "\x1b[31mröd" not in output
        assert "\u202e" not in output
        await pilot.press("ctrl+s")
        assert app.triage.comment.text == area.text  # what was pasted, as shown


async def test_a_multiline_paste_keeps_its_lines():
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        area = app.screen.query_one(TextArea)
        # terminals send a pasted line break as CR
        area.post_message(events.Paste("Första stycket.\r\rAndra stycket.\rTredje raden."))
        await pilot.pause()
        assert area.text == "Första stycket.\n\nAndra stycket.\nTredje raden."
        # a terminal may deliver one paste in pieces (split at an escape): they stay in order
        for piece in ("\rFjärde ", "\x1b[31mröd\x1b[0m", " slut."):
            area.post_message(events.Paste(piece))
        await pilot.pause()
        assert area.text.endswith("Tredje raden.\nFjärde ␛[31mröd␛[0m slut.")
        # the rest of a paste that a terminal delivers as single keys: TextArea inserts no
        # character that is not printable, so a bidi override never gets in raw
        await pilot.press("\u202e", "x")
        assert area.text.endswith("slut.x") and "\u202e" not in area.text


async def test_a_comment_given_on_the_command_line_is_kept_verbatim():
    app = make_app()
    app.triage.comment.text = HOSTILE  # as --comment-file fills it, before the screens
    async with app.run_test(size=(80, 24)) as pilot:
        output = screen_text(app)
        assert "\x1b]0;title" not in output and "\x1b[31mröd" not in output
        await pilot.press("ctrl+s")
        assert app.triage.comment.text == HOSTILE  # unedited: kept for the record as it was


async def test_a_huge_paste_is_collapsed_and_the_app_answers():
    huge = "\n".join(f"rad {n} " + "x" * 200 for n in range(10_000))
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        assert isinstance(app.screen, CommentScreen)
        app.screen.query_one(TextArea).text = huge
        await pilot.press("ctrl+s")
        assert isinstance(app.screen, QuestionScreen)
        text = panel_text(app)
        assert "rad 0" in text and "(k visar hela kommentaren)" in text
        assert "rad 5000" not in text
        await pilot.press("k")
        whole = str(app.screen.query_one("#whole-comment").render())
        assert "rad 300 " in whole and "hela kommentaren sparas" in whole
        await pilot.press("escape")
        await pilot.press("n", "j", "1")
        assert isinstance(app.screen, OutcomeScreen)
        assert app.triage.walk.outcome == "reinforce"
