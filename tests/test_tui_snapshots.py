"""Snapshots of every screen at 80×24, in Swedish and English (pytest-textual-snapshot).
Update after an intended change with `pytest tests/test_tui_snapshots.py --snapshot-update`
and look at the SVGs in tests/__snapshots__/ before committing them."""

from __future__ import annotations

import pytest
from tui_helpers import make_app

from gk_respond.triage import Comment
from gk_respond.tui.screens.base import Base

LANGS = ["sv", "en"]
COMMENT = Comment(
    text="Kommunen höjer skatten med två kronor nästa år! Typiskt. [bold]Skandal[/bold]",
    url="https://facebook.com/gullspang/posts/123",
    author="Anna A.",
)


def yes(lang: str) -> str:
    return "j" if lang == "sv" else "y"


async def settled(pilot) -> None:
    """Wait until the first screen has its focus where it keeps it (a bounded count of
    pauses, not a time), and nothing is still moving."""
    from tui_helpers import until

    def focused() -> bool:
        screen = pilot.app.screen
        return isinstance(screen, Base) and screen.focused is not None

    assert await until(pilot, focused)
    await pilot.wait_for_scheduled_animations()


@pytest.mark.parametrize("lang", LANGS)
def test_comment_screen(snap_compare, lang):
    assert snap_compare(make_app(lang), terminal_size=(80, 24), run_before=settled)


@pytest.mark.parametrize("lang", LANGS)
def test_help_lists_every_key(snap_compare, lang):
    # the outcome's footer has room for a few keys; ? lists them all
    keys = ["n", "n", "n", "n", yes(lang), "question_mark"]
    app = make_app(lang, COMMENT)
    assert snap_compare(app, press=keys, terminal_size=(80, 24), run_before=settled)


def test_copy_shows_what_happened_and_the_text(snap_compare):
    keys = ["n", "n", "n", "n", "j", "c"]
    app = make_app("sv", COMMENT)
    assert snap_compare(app, press=keys, terminal_size=(80, 24), run_before=settled)


@pytest.mark.parametrize("lang", LANGS)
def test_question_screen(snap_compare, lang):
    # two answers in: the breadcrumb shows them, the comment stays visible above
    assert snap_compare(make_app(lang, COMMENT), press=["n", "n"], terminal_size=(80, 24))


def test_first_question_says_it_is_an_addition(snap_compare):
    # the line under the question comes from the flowchart's addition: (prohibited)
    # (tall enough for the whole question: the fit at 80x24 is issue 16, item 2)
    assert snap_compare(make_app("sv", COMMENT), terminal_size=(80, 32))


@pytest.mark.parametrize("lang", LANGS)
def test_outcome_screen(snap_compare, lang):
    keys = ["n", "n", "n", "n", yes(lang), "enter"]  # factual error: correct; tick step one
    assert snap_compare(make_app(lang, COMMENT), press=keys, terminal_size=(80, 24))


@pytest.mark.parametrize("lang", LANGS)
def test_reply_editor(snap_compare, lang):
    # correct, the editor on its template, the focus on the findings (no blinking cursor)
    keys = ["n", "n", "n", "n", yes(lang), "r", "tab"]
    assert snap_compare(make_app(lang, COMMENT), press=keys, terminal_size=(100, 30))


@pytest.mark.parametrize("lang", LANGS)
def test_flowchart_screen(snap_compare, lang):
    assert snap_compare(make_app(lang, COMMENT), press=["n", "n", "f"], terminal_size=(80, 24))


def test_question_screen_large(snap_compare):
    assert snap_compare(make_app("sv", COMMENT), press=["n"], terminal_size=(200, 60))


@pytest.mark.parametrize("lang", LANGS)
def test_records_screen(snap_compare, lang, tmp_path, monkeypatch):
    import time

    from tui_helpers import seed_cases

    monkeypatch.setenv("TZ", "UTC")  # times are shown in local time
    time.tzset()
    db = str(tmp_path / "cases.db")
    seed_cases(db)
    app = make_app(lang, COMMENT, db=db)
    assert snap_compare(app, press=["ctrl+r"], terminal_size=(80, 24))


def test_records_screen_wide(snap_compare, tmp_path, monkeypatch):
    """At 120 columns every column, the handler's too; at 80 (above) those that fit, with
    the status whole and as much of the comment as is left."""
    import time

    from tui_helpers import seed_cases

    monkeypatch.setenv("TZ", "UTC")
    time.tzset()
    db = str(tmp_path / "cases.db")
    seed_cases(db)
    app = make_app("sv", COMMENT, db=db)
    assert snap_compare(app, press=["ctrl+r"], terminal_size=(120, 24))


def test_records_screen_paged(snap_compare, tmp_path, monkeypatch):
    """The second page of 250 cases: which of how many, PgDn and PgUp both to use."""
    import time

    from tui_helpers import fill_cases

    monkeypatch.setenv("TZ", "UTC")
    time.tzset()
    db = str(tmp_path / "cases.db")
    fill_cases(db, 250)
    app = make_app("sv", COMMENT, db=db)
    assert snap_compare(app, press=["ctrl+r", "pagedown"], terminal_size=(80, 24))


class TestTraining:
    """The training question screen and the presenter view (bundled scenarios)."""

    @staticmethod
    def app(ids: list[str], lang: str = "sv", present: bool = False):
        from tui_helpers import CHART

        from gk_respond.training.load import load
        from gk_respond.tui.training import TrainingApp

        by_id = {item.scenario.id: item.scenario for item in load(CHART)}
        return TrainingApp(CHART, [by_id[i] for i in ids], lang, "Kim", present=present)

    @pytest.mark.parametrize("lang", LANGS)
    def test_training_question_screen(self, snap_compare, lang):
        app = self.app(["snow_clearing", "threat_official"], lang)
        assert snap_compare(app, press=["enter", "n", "n"], terminal_size=(80, 24))

    def test_training_feedback_screen(self, snap_compare):
        app = self.app(["snow_clearing", "threat_official"])
        keys = ["enter", "n", "j", "3"]  # called positive: wrong
        assert snap_compare(app, press=keys, terminal_size=(80, 24))

    def test_presenter_view_revealed(self, snap_compare):
        app = self.app(["threat_official", "snow_clearing"], present=True)
        assert snap_compare(app, press=["space"], terminal_size=(100, 34))


@pytest.mark.parametrize("lang", LANGS)
def test_channels_screen(snap_compare, lang, tmp_path):
    from test_channels import channel

    from gk_respond.records.channels import Channels
    from gk_respond.records.store import Store

    db = str(tmp_path / "cases.db")
    with Store(db) as store:
        Channels(store).add(channel(name="Gullspångs kommun [b]x[/b]"))
        Channels(store).add(channel(id="naringsliv", url="facebook.com/gknaringsliv"))
    app = make_app(lang, COMMENT, db=db)
    assert snap_compare(app, press=["ctrl+k"], terminal_size=(80, 24))


@pytest.mark.parametrize("lang", LANGS)
def test_contacts_screen(snap_compare, lang, tmp_path):
    from gk_respond.records.contacts import Contact, Contacts
    from gk_respond.records.store import Store

    db = str(tmp_path / "cases.db")
    with Store(db) as store:
        for role, name in (("sakerhetssamordnare", "Sara [b]S[/b]"), ("narmaste_chef", "Bo")):
            Contacts(store).add(
                Contact(id=role.replace("_", "-"), role=role, name=name,
                        email=f"{role.replace('_', '.')}@gullspang.se", phone="0551-360 00")
            )  # fmt: skip
    app = make_app(lang, COMMENT, db=db)
    assert snap_compare(app, press=["ctrl+o"], terminal_size=(80, 24))


async def press_then_settle(pilot, *keys: str) -> None:
    """Press ``keys`` and clear the notifications they raised: a toast's lifetime is time,
    and a snapshot must not depend on it."""
    await pilot.press(*keys)
    await pilot.pause()
    pilot.app.clear_notifications()
    await pilot.wait_for_scheduled_animations()


def test_contact_form_refusal(snap_compare, tmp_path):
    # nothing given: each field's refusal in the command line's words, under the field
    async def refused(pilot) -> None:
        await press_then_settle(pilot, "ctrl+o", "n", "ctrl+s")

    app = make_app("sv", COMMENT, db=str(tmp_path / "cases.db"))
    assert snap_compare(app, terminal_size=(80, 24), run_before=refused)


def test_channel_form_checklist(snap_compare, tmp_path):
    from test_channels import channel

    from gk_respond.records.channels import Channels
    from gk_respond.records.store import Store

    db = str(tmp_path / "cases.db")
    with Store(db) as store:
        Channels(store).add(channel(checklist=["logo_and_name", "update_frequency"]))

    async def to_the_checklist(pilot) -> None:
        from tui_helpers import until

        await pilot.press("ctrl+k", "enter")
        assert await until(pilot, lambda: type(pilot.app.screen).__name__ == "ChannelForm")
        pilot.app.screen.query_one("#check-purpose_official").focus()
        await pilot.pause()
        pilot.app.screen.query_one("#label-checklist").scroll_visible(top=True, animate=False)
        await press_then_settle(pilot)

    app = make_app("sv", COMMENT, db=db)
    assert snap_compare(app, terminal_size=(80, 24), run_before=to_the_checklist)


def test_every_snapshot_on_disk_belongs_to_a_test(cli_env):
    """A snapshot left behind by a renamed or removed test fails the run: syrupy does so for
    one process but not under pytest-xdist (README's test command runs on every core), so
    the SVGs are matched here against this file's tests, as pytest collects them."""
    import subprocess
    import sys
    from pathlib import Path

    here = Path(__file__)
    env = {k: v for k, v in cli_env.items() if not k.startswith("PYTEST_")}  # not a worker
    collected = subprocess.run(
        [sys.executable, "-m", "pytest", "--collect-only", "-q", "-p", "no:cacheprovider",
         here.name],
        capture_output=True, text=True, cwd=here.parent, env=env,
    )  # fmt: skip
    assert collected.returncode == 0, collected.stdout + collected.stderr
    tests = {
        ".".join(line.split("::")[1:]) for line in collected.stdout.splitlines() if "::" in line
    }
    assert (
        "test_comment_screen[sv]" in tests and "TestTraining.test_presenter_view_revealed" in tests
    )
    saved = sorted((here.parent / "__snapshots__" / here.stem).glob("*.svg"))
    assert saved
    # a test's second snapshot is saved as NAME.1.svg
    orphans = [svg.name for svg in saved if svg.stem.rsplit(".", 1)[0] not in tests
               and svg.stem not in tests]  # fmt: skip
    assert orphans == [], f"snapshots no test makes (remove them): {orphans}"
