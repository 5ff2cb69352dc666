"""Snapshots of every screen at 80×24, in Swedish and English (pytest-textual-snapshot).
Update after an intended change with `pytest tests/test_tui_snapshots.py --snapshot-update`
and look at the SVGs in tests/__snapshots__/ before committing them."""

from __future__ import annotations

import pytest
from tui_helpers import make_app

from gk_respond.triage import Comment

LANGS = ["sv", "en"]
COMMENT = Comment(
    text="Kommunen höjer skatten med två kronor nästa år! Typiskt. [bold]Skandal[/bold]",
    url="https://facebook.com/gullspang/posts/123",
    author="Anna A.",
)


def yes(lang: str) -> str:
    return "j" if lang == "sv" else "y"


@pytest.mark.parametrize("lang", LANGS)
def test_comment_screen(snap_compare, lang):
    assert snap_compare(make_app(lang), terminal_size=(80, 24))


@pytest.mark.parametrize("lang", LANGS)
def test_question_screen(snap_compare, lang):
    # two answers in: the breadcrumb shows them, the comment stays visible above
    assert snap_compare(make_app(lang, COMMENT), press=["n", "n"], terminal_size=(80, 24))


@pytest.mark.parametrize("lang", LANGS)
def test_outcome_screen(snap_compare, lang):
    keys = ["n", "n", "n", "n", yes(lang), "enter"]  # factual error: correct; tick step one
    assert snap_compare(make_app(lang, COMMENT), press=keys, terminal_size=(80, 24))


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
