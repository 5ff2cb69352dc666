"""The channel register answers owns_channel: a comment whose address is on a registered
channel has "ja" preselected, in the CLI (--url with --answers) and in the app; answers
given by the user always win."""

from __future__ import annotations

import json

import pytest
from test_channels import data as channel_data
from textual.widgets import Button, Static
from tui_helpers import CHART, make_app

from gk_respond.flowchart.answers import AnswersError, evaluate, split
from gk_respond.records.channels import Channel, Channels
from gk_respond.records.store import Store
from gk_respond.triage import Comment, Triage, channel_preset
from gk_respond.tui.screens.outcome import OutcomeScreen

PRESET = {"owns_channel": "ja"}
CHANNEL = channel_data(  # a complete channel, as the register's own tests make it
    id="naringsliv",
    name="Näringsliv i Gullspång [b]x[/b]",
    url="https://www.facebook.com/gknaringsliv/",
)
OURS = "https://Facebook.com/gknaringsliv/posts/42"  # host case and www. differ: still ours
THEIRS = "https://facebook.com/gknaringslivet/posts/42"  # another page on the same host


def registered_log(path: str) -> str:
    """A case log at ``path`` whose register holds CHANNEL."""
    with Store(path) as store:
        Channels(store).add(Channel.model_validate(CHANNEL))
    return path


@pytest.fixture
def db(tmp_path) -> str:
    return registered_log(str(tmp_path / "cases.db"))


def test_the_preset_answers_owns_channel_where_the_path_asks_it():
    result = evaluate(CHART, split("prohibited=ja"), PRESET)
    assert result.outcome == "remove" and result.preset == ("owns_channel",)


def test_an_answer_given_wins_over_the_preset():
    result = evaluate(CHART, split("prohibited=ja,owns_channel=nej"), PRESET)
    assert result.outcome != "remove" and result.preset == ()
    assert [(s.question, s.answer) for s in result.path][-1] == ("owns_channel", "nej")


def test_a_preset_the_path_never_asks_is_not_an_error_but_a_given_one_is():
    result = evaluate(CHART, split("prohibited=nej,positive=ja,positive_action=share"), PRESET)
    assert result.outcome == "share" and result.preset == ()
    with pytest.raises(AnswersError, match="'owns_channel' is never asked"):
        evaluate(CHART, split("prohibited=nej,positive=ja,positive_action=share,owns_channel=ja"))


def test_a_triage_offers_the_preset_only_for_a_registered_channel():
    triage = Triage(CHART, Comment(url="https://facebook.com/gk/1"))
    assert triage.preset == {}
    triage.channel = "Gullspångs kommun på Facebook"
    assert triage.preset == PRESET == channel_preset(CHART)
    triage.new()
    assert triage.preset == {} and triage.channel == ""


# -- the command line ------------------------------------------------------------------------
def test_cli_url_on_a_registered_channel_answers_owns_channel(gk, db):
    done = gk("--answers", "prohibited=ja", "--url", OURS, "--db", db, "--format", "json")
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    assert data["outcome"] == "remove"
    assert data["channel"] == {
        "id": "naringsliv",
        "name": CHANNEL["name"],
        "url": CHANNEL["url"],
    }
    assert data["preset"] == ["owns_channel"]
    assert data["path"][-1] == {"question": "owns_channel", "answer": "ja"}
    assert "is on the registered channel" in done.stderr and "owns_channel=ja" in done.stderr


def test_cli_answer_given_wins_and_another_page_is_not_ours(gk_sv, db):
    done = gk_sv("--answers", "prohibited=ja,owns_channel=nej", "--url", OURS, "--db", db)
    assert done.returncode == 0 and done.stdout.startswith("Anmäl och dokumentera")  # report
    assert "from the register" not in done.stderr
    done = gk_sv("--answers", "prohibited=ja", "--url", THEIRS, "--db", db, "--format", "json")
    assert done.returncode == 3  # owns_channel is still to be answered
    data = json.loads(done.stdout)
    assert data["next"]["question"] == "owns_channel" and "channel" not in data


def test_cli_saved_case_records_the_register_answer(gk_sv, db):
    done = gk_sv("--answers", "prohibited=ja", "--url", OURS, "--db", db, "--save")
    assert done.returncode == 0, done.stderr
    with Store(db) as store:
        (case,) = store.cases()
    assert case.url == OURS and case.outcome == "remove"
    assert [e["event"] for e in case.history] == ["answer", "register"]
    assert case.history[1]["channel"] == "naringsliv" and "channel" not in case.history[0]
    shown = gk_sv("records", "show", case.number, "--db", db)
    shown_text = " ".join(shown.stdout.split())  # as wrapped for the terminal
    assert "förvalt från kanalregistret: Kommunens kanal? Ja (Kanal naringsliv)" in shown_text


def test_cli_names_a_hostile_address_and_channel_literally(gk, db):
    hostile = OURS + "\x1b]0;PWNED\x07\x1b[2J"
    done = gk("--answers", "prohibited=ja", "--url", hostile, "--db", db)
    assert done.returncode == 0 and "\x1b" not in done.stderr
    assert "posts/42␛]0;PWNED␇␛[2J is on the registered channel" in done.stderr  # made visible
    assert f"“{CHANNEL['name']}” (naringsliv)" in done.stderr


def test_cli_url_without_a_case_log_creates_none(gk, tmp_path):
    db = tmp_path / "none.db"
    done = gk("--answers", "prohibited=ja", "--url", OURS, "--db", str(db))
    assert done.returncode == 3 and not db.exists()


def test_cli_unreadable_register_is_reported_and_not_touched(gk, tmp_path):
    db = tmp_path / "cases.db"
    db.write_bytes(b"not a database")
    done = gk("--answers", "prohibited=ja,owns_channel=ja", "--url", OURS, "--db", str(db))
    assert done.returncode == 0 and "warning: the channel register is not used" in done.stderr
    assert db.read_bytes() == b"not a database"


# -- the app ----------------------------------------------------------------------------------
def earlier(app) -> str:
    return str(app.screen.query_one("#earlier", Static).render())


async def test_app_preselects_ja_and_names_the_channel(db):
    app = make_app(comment=Comment(text="Jag vet var du bor.", url=OURS), db=db)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("j")  # prohibited=ja: next is owns_channel
        assert app.triage.walk.question == "owns_channel"
        assert earlier(app) == (
            f"Förvalt: Ja, adressen hör till kanalen ”{CHANNEL['name']}” i kanalregistret "
            "(välj något annat om det inte stämmer)"
        )
        focused = app.focused
        assert isinstance(focused, Button) and "Ja" in str(focused.label)
        assert focused.has_class("-remembered")
        await pilot.press("enter")  # accept it
        assert isinstance(app.screen, OutcomeScreen) and app.triage.walk.outcome == "remove"
        await pilot.press("s")
    with Store(db) as store:
        (case,) = store.cases()
    assert [e["event"] for e in case.history] == ["answer", "register"]  # as the CLI marks it
    assert case.history[1]["channel"] == "naringsliv"  # which channel, kept with the case


async def test_app_user_can_change_the_preselected_answer(db):
    app = make_app(lang="en", comment=Comment(url=OURS), db=db)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("y")
        assert "Preselected: Yes" in earlier(app)
        await pilot.press("n")  # not ours after all
        assert app.triage.walk.outcome == "report"
        assert [e.kind for e in app.triage.walk.history] == ["answer", "answer"]
        await pilot.press("escape", "backspace")  # back to the question: the user's answer wins
        assert app.triage.walk.question == "owns_channel"
        assert earlier(app) == "Your earlier answer: No"


async def test_app_another_page_on_the_same_host_is_not_preselected(db):
    app = make_app(comment=Comment(url=THEIRS), db=db)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("j")
        assert app.triage.walk.question == "owns_channel" and earlier(app) == ""


async def test_app_register_looked_up_from_the_comment_screen(db):
    app = make_app(db=db)
    async with app.run_test(size=(100, 30)) as pilot:
        app.screen.query_one("#url").value = OURS
        await pilot.press("ctrl+s", "j")
        assert app.triage.channel == CHANNEL["name"]
        assert "Förvalt: Ja" in earlier(app)


async def test_app_looks_the_address_up_again_after_the_register_changes(db):
    app = make_app(comment=Comment(url=OURS), db=db)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("j")
        assert "Förvalt: Ja" in earlier(app)
        await pilot.press("ctrl+k", "d", "j", "escape")  # the channel leaves the register
        assert app.triage.walk.question == "owns_channel"
        assert earlier(app) == "" and app.triage.preset == {}
        with Store(db) as store:  # registered again, as another communicator might
            Channels(store).add(Channel.model_validate(CHANNEL))
        await pilot.press("ctrl+k", "escape")
        assert "Förvalt: Ja" in earlier(app)


def test_the_lookup_without_models_knows_the_fields_the_register_writes():
    """`--url` and the app read stored channels without the register's pydantic models
    (records/channel_match.py): its idea of a channel's fields is the models' own."""
    from gk_respond.records import channel_match, channels

    assert frozenset(channels.FIELDS) == channel_match.FIELDS
    assert frozenset(channels.ADMINISTRATOR_FIELDS) == channel_match.ADMINISTRATOR_FIELDS
    assert set(channel_match.TEXT_FIELDS) == set(channels.TEXT_FIELDS)
    assert channel_match.MIN_ADMINISTRATORS == channels.MIN_ADMINISTRATORS
