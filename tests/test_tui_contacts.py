"""The TUI's outcome screen names who holds the roles the outcome's guidance names, and the
registered channel's administrators; the Markdown export and the clipboard text carry them."""

from __future__ import annotations

from textual.widgets import Static
from tui_helpers import make_app

from gk_respond import render
from gk_respond.records.contacts import Contact, Contacts
from gk_respond.records.store import Store
from gk_respond.triage import Comment
from gk_respond.tui.screens.outcome import OutcomeScreen


def texts(app) -> list[str]:
    return [str(w.render()) for w in app.screen.query("#guidance Static")]


async def test_the_outcome_names_the_security_coordinator(tmp_path):
    db = str(tmp_path / "cases.db")
    with Store(db) as store:
        Contacts(store).add(
            Contact(
                id="sakerhetssamordnare", role="sakerhetssamordnare", name="[b]Sara[/b] S",
                email="sara@gullspang.se", phone="0551-360 10",
            )
        )  # fmt: skip
    app = make_app(comment=Comment(text="Ett hot"), db=db)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("j", "j")  # prohibited, owns_channel: remove
        assert isinstance(app.screen, OutcomeScreen)
        shown = texts(app)
        assert "Kontakter" in shown
        assert "Säkerhetssamordnare:" in shown
        # the name as the characters it is, not markup
        assert "[b]Sara[/b] S, sara@gullspang.se, 0551-360 10" in shown
        assert "Säkerhetssamordnare:\n    - [b]Sara[/b] S" in render.triage_text(app.triage, "sv")
        assert "## Kontakter" in render.triage_markdown(app.triage, "sv")


async def test_without_contacts_the_role_says_none_is_given(tmp_path):
    app = make_app(lang="en", comment=Comment(text="Ett hot"), db=str(tmp_path / "none.db"))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("y", "y")
        shown = texts(app)
        assert "Security coordinator:" in shown
        assert "none given (Ctrl+O: the contacts)" in shown
        assert not (tmp_path / "none.db").exists()


async def test_an_outcome_naming_no_role_shows_no_contacts(tmp_path):
    app = make_app(comment=Comment(text="Tack!"), db=str(tmp_path / "none.db"))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("n", "j", "3")  # share
        assert isinstance(app.screen, OutcomeScreen)
        assert "Kontakter" not in texts(app)
        assert app.screen.query_one("#outcome-title", Static)
