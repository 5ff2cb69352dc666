"""The contact list in the app (Ctrl+O, and the command palette): add a contact through the
form, see the command line's refusals next to the fields, edit one, remove one after a
question; an outcome open beneath shows the change."""

from __future__ import annotations

from textual.widgets import DataTable, Input, Select, Static
from textual.widgets._header import HeaderIcon
from tui_helpers import Notices, make_app, until

from gk_respond.records.contacts import Contact, Contacts
from gk_respond.records.store import Store
from gk_respond.triage import Comment
from gk_respond.tui.screens.contacts import ContactForm, ContactsScreen
from gk_respond.tui.screens.dialogs import ConfirmDialog
from gk_respond.tui.screens.outcome import OutcomeScreen

HOSTILE = "Sara [@click=app.quit]x[/] [b]Svensson[/b]"
BAD = {"field-name": " ", "field-email": "sara", "field-phone": "x"}
GOOD = {"field-name": HOSTILE, "field-email": "sara@gullspang.se", "field-phone": "0551-360 10"}


def fill(app, values: dict[str, str]) -> None:
    for widget, value in values.items():
        app.screen.query_one(f"#{widget}", Input).value = value


def error(app, field: str) -> str:
    shown = app.screen.query_one(f"#error-{field}", Static)
    return str(shown.render()) if shown.has_class("-shown") else ""


def rows(app) -> list[list[str]]:
    table = app.screen.query_one("#contacts", DataTable)
    return [[str(cell) for cell in table.get_row_at(i)] for i in range(table.row_count)]


def stored(db: str) -> list[Contact]:
    with Store(db) as store:
        return Contacts(store).all()


async def test_add_refused_as_the_cli_refuses_then_saved_edited_and_removed(gk, tmp_path):
    db = str(tmp_path / "cases.db")
    cli = gk("contacts", "add", "--role", "sakerhetssamordnare", "--name", " ", "--email",
             "sara", "--phone", "x", "--db", str(tmp_path / "cli.db"), "--lang", "sv")  # fmt: skip
    said = {line.split(": ")[-2].removeprefix("--"): line.split(": ", 3)[-1]
            for line in cli.stderr.splitlines()}  # fmt: skip
    app = make_app(comment=Comment(), db=db)
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.press("ctrl+o")  # from the comment screen, the cursor in the text
        assert isinstance(app.screen, ContactsScreen)
        assert str(app.screen.query_one("#problem", Static).render()) == "Inga kontakter"
        assert await until(
            pilot, lambda: app.screen.query_one(HeaderIcon).tooltip == "Öppna kommandopaletten"
        )
        await pilot.press("n")
        assert isinstance(app.screen, ContactForm)
        await pilot.press("ctrl+s")  # nothing given: the role is named first
        assert error(app, "role") == "får inte vara tom"
        assert stored(db) == []
        app.screen.query_one("#field-role", Select).value = "sakerhetssamordnare"
        fill(app, BAD)
        await pilot.press("ctrl+s")
        assert isinstance(app.screen, ContactForm)
        for field in ("name", "email", "phone"):
            assert error(app, field) == said[field]  # the command line's words
        assert error(app, "role") == ""
        assert app.focused is app.screen.query_one("#field-name", Input)
        fill(app, GOOD)
        await pilot.press("ctrl+s")
        assert isinstance(app.screen, ContactsScreen)
        (contact,) = stored(db)
        assert (contact.id, contact.role, contact.name) == (
            "sakerhetssamordnare", "sakerhetssamordnare", HOSTILE,
        )  # fmt: skip  # the id is the role's, as on the command line
        assert rows(app) == [
            ["Säkerhetssamordnare", HOSTILE, "0551-360 10", "sara@gullspang.se",
             "sakerhetssamordnare"]
        ]  # fmt: skip  # the name literally, never as markup

        await pilot.press("n")  # the same role again: the id is taken
        app.screen.query_one("#field-role", Select).value = "sakerhetssamordnare"
        fill(app, {**GOOD, "field-name": "Bo Berg"})
        await pilot.press("ctrl+s")
        assert error(app, "id") == "det finns redan en kontakt med id 'sakerhetssamordnare'"
        fill(app, {"field-id": "sakerhet-bo"})
        await pilot.press("ctrl+s")
        assert isinstance(app.screen, ContactsScreen)
        assert [c.id for c in stored(db)] == ["sakerhet-bo", "sakerhetssamordnare"]

        await pilot.press("enter")  # edit the first: Bo
        assert isinstance(app.screen, ContactForm)
        assert app.screen.query_one("#field-role", Select).value == "sakerhetssamordnare"
        fill(app, {"field-phone": "0551-360 99"})
        await pilot.press("escape")  # something typed: asked first, Cancel focused
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("enter")
        assert isinstance(app.screen, ContactForm)
        await pilot.press("ctrl+s")
        assert isinstance(app.screen, ContactsScreen)
        assert stored(db)[0].phone == "0551-360 99"
        await pilot.press("d")
        assert isinstance(app.screen, ConfirmDialog)
        question = str(app.screen.query_one("#question", Static).render())
        assert question == "Ta bort kontakten Bo Berg (sakerhet-bo)?"
        await pilot.press("j")
        assert isinstance(app.screen, ContactsScreen)
        assert [c.id for c in stored(db)] == ["sakerhetssamordnare"]
        assert len(rows(app)) == 1
        await pilot.press("escape")
        assert not isinstance(app.screen, ContactsScreen)


async def test_an_outcome_beneath_shows_a_contact_added_from_it(tmp_path):
    db = str(tmp_path / "cases.db")
    app = make_app(lang="en", comment=Comment(text="Ett hot"), db=db)

    def guidance() -> list[str]:
        return [str(w.render()) for w in app.screen.query("#guidance Static")]

    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.press("y", "y")  # prohibited, owns_channel: remove
        assert isinstance(app.screen, OutcomeScreen)
        assert "none given (Ctrl+O: the contacts)" in guidance()
        await pilot.press("ctrl+o", "n")
        app.screen.query_one("#field-role", Select).value = "sakerhetssamordnare"
        fill(app, GOOD)
        await pilot.press("ctrl+s", "escape")
        assert isinstance(app.screen, OutcomeScreen)
        assert await until(pilot, lambda: f"{HOSTILE}, sara@gullspang.se, 0551-360 10" in (
            guidance()
        ))  # fmt: skip
        assert "none given (Ctrl+O: the contacts)" not in guidance()


async def test_the_palette_finds_the_contacts_and_says_no_match_in_swedish():
    from textual.command import CommandList

    from gk_respond.tui.palette import Palette

    app = make_app(comment=Comment(text="Hej"))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("ctrl+p")
        assert isinstance(app.screen, Palette)

        def prompts() -> list[str]:
            found = app.screen.query_one(CommandList)
            return [str(found.get_option_at_index(i).prompt) for i in range(found.option_count)]

        await pilot.press(*"kontakt")
        assert await until(pilot, lambda: any("Kontakter" in p for p in prompts()))
        await pilot.press("enter")
        assert await until(pilot, lambda: isinstance(app.screen, ContactsScreen))
        await pilot.press("escape", "ctrl+p", *"xyzzy")
        assert await until(pilot, lambda: any("Inga kommandon matchar" in p for p in prompts()))
        assert not any("No matches" in p for p in prompts())


async def test_a_damaged_contact_is_left_out_and_the_warning_shown(tmp_path):
    db = str(tmp_path / "cases.db")
    with Store(db) as store:
        Contacts(store).add(
            Contact(id="info", role="informationsansvarig", name="Ida", email="ida@g.se",
                    phone="0551-1")
        )  # fmt: skip
        with store.transaction() as raw:
            raw.execute("INSERT INTO contacts VALUES ('trasig', 'x', '{not json')")
    notices = Notices()
    app = make_app(comment=Comment(), db=db)
    async with app.run_test(size=(100, 30), message_hook=notices) as pilot:
        await pilot.press("ctrl+o")
        assert [row[1] for row in rows(app)] == ["Ida"]
        (warning,) = app.log_warnings  # the state the notice shows, kept for the run
        assert "contact 'trasig' is damaged; it is left out" in warning
        # shown in the app's language (Swedish): the warning kept is the English Text
        assert notices.any("Varning om ärendeloggen", "kontakten 'trasig' är skadad")
        await pilot.press("escape", "ctrl+o")  # told once a run, not at every look
        assert len(app.log_warnings) == 1
        assert sum("trasig" in notice for notice in notices) == 1
