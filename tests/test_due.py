"""Deadlines: due times from the flowchart's `due:` in Swedish working days and clock hours,
set when a case is saved, and `records list --overdue` / `--due-before` / `stats` at a
frozen clock (GK_RESPOND_NOW, for tests)."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from gk_respond import default_flowchart
from gk_respond.flowchart.engine import Chart
from gk_respond.flowchart.load import load
from gk_respond.records.due import SWEDEN, Span, due_at, due_from, parse, working_day

STOCKHOLM = ZoneInfo("Europe/Stockholm")
REMOVE = "prohibited=ja,owns_channel=ja"  # due 48h, met by removed_at
CORRECT = "prohibited=nej,positive=nej,defamatory=nej,joking=nej,factual_error=ja"  # 2 days
SHARE = "prohibited=nej,positive=ja,positive_action=share"  # no due time


def local(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=STOCKHOLM)


def due(start: str, span: str) -> str:
    found = parse(span)
    assert found is not None
    return due_from(local(start), found).astimezone(SWEDEN).strftime("%Y-%m-%d %H:%M")


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("48h", Span(48, False)),
        ("2 arbetsdagar", Span(2, True)),
        ("1 arbetsdag", Span(1, True)),
        ("24 hours", Span(24, False)),
        ("3 Working Days", Span(3, True)),
    ],
)
def test_due_times_are_hours_or_working_days(text, span):
    assert parse(text) == span


@pytest.mark.parametrize("text", ["", "48", "two days", "0h", "2 veckor", "-1h", "48h; rm"])
def test_anything_else_is_not_a_due_time(text):
    assert parse(text) is None


def test_working_days_skip_a_weekend():
    assert due("2026-06-12 10:00", "2 arbetsdagar") == "2026-06-16 10:00"  # Fri -> Tue
    assert due("2026-06-13 09:30", "1 arbetsdag") == "2026-06-15 09:30"  # Sat -> Mon


def test_working_days_skip_midsommarafton_and_midsommardagen():
    assert not working_day(local("2026-06-19 12:00").date())  # Midsommarafton, a Friday
    # Thursday before: Friday is Midsommarafton, then a weekend (with Midsommardagen)
    assert due("2026-06-18 14:00", "2 arbetsdagar") == "2026-06-23 14:00"
    assert due("2026-06-18 14:00", "1 arbetsdag") == "2026-06-22 14:00"


def test_working_days_skip_the_years_end():
    # New Year's Eve (Thursday) and New Year's Day (Friday), then a weekend
    assert due("2026-12-30 09:00", "1 arbetsdag") == "2027-01-04 09:00"
    assert due("2026-12-29 09:00", "2 arbetsdagar") == "2027-01-04 09:00"
    # Christmas: julafton (Thursday), juldagen, annandag jul, weekend
    assert due("2026-12-23 16:00", "1 arbetsdag") == "2026-12-28 16:00"


def test_hours_are_clock_hours_across_a_weekend_and_a_change_of_time():
    assert due("2026-06-12 16:00", "48h") == "2026-06-14 16:00"  # Fri -> Sun
    assert due("2026-03-28 12:00", "24h") == "2026-03-29 13:00"  # summer time begins


def test_a_channel_promise_overrides_the_outcome():
    chart = Chart(load(default_flowchart()))
    start = local("2026-06-12 10:00")
    assert due_at(chart, "remove", start) == "2026-06-14T08:00:00+00:00"  # 48h
    assert due_at(chart, "remove", start, "1 arbetsdag") == "2026-06-15T08:00:00+00:00"
    assert due_at(chart, "share", start) is None


# -- the command line at a frozen clock ----------------------------------------------------


def run(cli_env, db: Path, now: str, *args: str) -> subprocess.CompletedProcess[str]:
    env = cli_env | {"GK_RESPOND_NOW": now, "TZ": "Europe/Stockholm", "GK_RESPOND_DB": str(db)}
    return subprocess.run(
        [sys.executable, "-m", "gk_respond", *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
        timeout=120,
    )


def saved(cli_env, db: Path, now: str, answers: str) -> dict:
    done = run(cli_env, db, now, "--answers", answers, "--save", "--format", "json")
    assert done.returncode == 0, done.stderr
    shown = run(
        cli_env, db, now, "records", "show", json.loads(done.stdout)["case"], "--format", "json"
    )
    return json.loads(shown.stdout)


def numbers(cli_env, db: Path, now: str, *args: str) -> list[str]:
    done = run(cli_env, db, now, "records", "list", "--format", "json", *args)
    assert done.returncode == 0, done.stderr
    return [case["number"] for case in json.loads(done.stdout)]


def test_overdue_at_a_frozen_clock(cli_env, tmp_path):
    db = tmp_path / "cases.db"
    thursday = "2026-06-18T14:00:00+02:00"  # before Midsommarafton
    removal = saved(cli_env, db, thursday, REMOVE)
    correction = saved(cli_env, db, thursday, CORRECT)
    share = saved(cli_env, db, thursday, SHARE)
    assert removal["due_at"] == "2026-06-20T12:00:00+00:00"  # 48 clock hours
    assert correction["due_at"] == "2026-06-23T12:00:00+00:00"  # Tuesday after midsummer
    assert share["due_at"] is None

    assert numbers(cli_env, db, thursday, "--overdue") == []
    sunday = "2026-06-21T10:00:00+02:00"
    assert numbers(cli_env, db, sunday, "--overdue") == [removal["number"]]
    wednesday = "2026-06-24T09:00:00+02:00"
    late = [correction["number"], removal["number"]]
    assert numbers(cli_env, db, wednesday, "--overdue") == late
    assert numbers(cli_env, db, wednesday, "--due-before", "2026-06-21") == [removal["number"]]
    assert numbers(cli_env, db, wednesday, "--due-before", "2026-06-24") == late

    listed = run(cli_env, db, wednesday, "records", "list", "--lang", "sv").stdout
    row = next(line for line in listed.splitlines() if line.startswith(correction["number"]))
    assert "2026-06-23 14:00 FÖRSENAD" in row  # in words, not only in colour
    assert "OVERDUE" in run(cli_env, db, wednesday, "records", "list", "--lang", "en").stdout
    stats = json.loads(run(cli_env, db, wednesday, "records", "stats", "--format", "json").stdout)
    assert stats["overdue_per_outcome"] == {"remove": 1, "correct": 1}
    assert "Försenade" in run(cli_env, db, wednesday, "records", "stats", "--lang", "sv").stdout

    # the removal's due time is met by removed_at; the correction's by closing the case
    updated = run(
        cli_env, db, wednesday, "records", "update", removal["number"], "--removed-at", "now"
    )
    assert updated.returncode == 0, updated.stderr
    run(cli_env, db, wednesday, "records", "update", correction["number"], "--close")
    assert numbers(cli_env, db, wednesday, "--overdue") == []
    assert "klar" in run(cli_env, db, wednesday, "records", "list", "--lang", "sv").stdout


def test_a_due_time_that_is_not_one_is_a_flowchart_error_with_its_line(gk, tmp_path):
    text = (Path(__file__).parent.parent / "flowchart.yaml").read_text(encoding="utf-8")
    broken = text.replace("within: 48h", "within: snart", 1)
    line = broken[: broken.index("within: snart")].count("\n") + 1
    path = tmp_path / "flowchart.yaml"
    path.write_text(broken, encoding="utf-8")
    done = gk("check", str(path))
    assert done.returncode == 1
    assert f"{path}:{line}:" in done.stderr
    assert "'snart' is not a due time" in done.stderr and "2 arbetsdagar" in done.stderr


def test_a_registered_channels_promise_sets_the_due_time_of_its_cases(cli_env, tmp_path):
    from test_channels import data as channel_data

    from gk_respond.records.channels import Channel, Channels
    from gk_respond.records.store import Store

    db = tmp_path / "cases.db"
    channel = channel_data(id="bibliotek", url="https://www.facebook.com/gkbibliotek/")
    with Store(str(db)) as store:
        Channels(store).add(Channel.model_validate(channel | {"response_due": "1 arbetsdag"}))
    friday = "2026-06-12T10:00:00+02:00"
    done = run(
        cli_env, db, friday, "--answers", "prohibited=ja", "--save", "--format", "json",
        "--url", "https://facebook.com/gkbibliotek/posts/1",
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    number = json.loads(done.stdout)["case"]
    shown = json.loads(
        run(cli_env, db, friday, "records", "show", number, "--format", "json").stdout
    )
    assert shown["outcome"] == "remove"
    assert shown["due_at"] == "2026-06-15T08:00:00+00:00"  # Monday, not the outcome's 48h
    other = saved(cli_env, db, friday, REMOVE)  # not on the channel: the outcome's 48h
    assert other["due_at"] == "2026-06-14T08:00:00+00:00"


@pytest.mark.parametrize("promise", ["snart", "0h", "2 veckor"])
def test_a_channel_promise_that_is_not_a_time_is_refused(cli_env, tmp_path, promise):
    from test_channels import data as channel_data

    db = tmp_path / "cases.db"
    channel = channel_data(id="bibliotek")
    args = ["channels", "add", "--id", "bibliotek", "--response-due", promise]
    for name in ("name", "medium", "url", "unit", "purpose", "audience", "monitoring",
                 "approved_by", "approved_on"):  # fmt: skip
        args += [f"--{name.replace('_', '-')}", str(channel[name])]
    args += ["--hours-per-week", str(channel["hours_per_week"])]
    for admin in channel["administrators"]:
        args += ["--admin", f"{admin['name']};{admin['email']};{admin['phone']}"]
    for who in channel["daily"]:
        args += ["--daily", who]
    done = run(cli_env, db, "2026-06-12T10:00:00+02:00", *args)
    assert done.returncode == 2
    assert "response_due" in done.stderr or "--response-due" in done.stderr
    assert f"{promise!r} is not a time" in done.stderr or "är ingen tid" in done.stderr
