"""A sound SQLite file with damaged content (which SQLite's quick check cannot see): a case or
channel row that is not one is named and left out with one warning (list, export; stats,
SQL aggregates, count it),
or refused in one line (show, update), and the rest of the log stays readable. The files are
real case logs written by the CLI and damaged with SQL, as a hand edit or a bad tool would."""

from __future__ import annotations

import json
import sqlite3

import pytest
from test_channels_cli import ADD

SAVE = ("--answers", "prohibited=ja,owns_channel=ja", "--save")

# (column, SQL value, what the message says is wrong)
DAMAGE = [
    ("path_json", '\'[["prohibited", "ja"\'', "path_json is not JSON"),
    ("path_json", '\'{"prohibited": "ja"}\'', "path_json is not a list of question-answer pairs"),
    ("ticked_json", "'[1, \"two\"]'", "ticked_json is not a list of step numbers"),
    ("history_json", '\'[{"at": "x"}]\'', "history_json is not a list of answers with their times"),
    ("created_at", "'igår vid lunch'", "created_at 'igår vid lunch' is not a time"),
    ("closed_at", "'2026-13-45'", "closed_at '2026-13-45' is not a time"),
    ("comment_text", "CAST(X'ff00' AS TEXT)", "comment_text is not UTF-8 text"),
    ("author", "X'00ff'", "author is bytes, not text"),
    ("notes", "NULL", "notes is NoneType, not text"),
]


def log_with_three_cases(gk, tmp_path) -> tuple[str, list[str]]:
    db = str(tmp_path / "cases.db")
    numbers = []
    for n in range(3):
        saved = gk(*SAVE, "--comment", f"kommentar {n}", "--db", db)
        assert saved.returncode == 0, saved.stderr
        numbers.append(saved.stderr.split()[-1])
    return db, numbers


def damage(db: str, sql: str, *params: object) -> bytes:
    """Run ``sql`` on the file as a hand edit would (no constraints checked); its bytes."""
    connection = sqlite3.connect(db, isolation_level=None)
    try:
        connection.execute("PRAGMA ignore_check_constraints = ON")
        if "notes = NULL" in sql:  # NOT NULL holds even then: rebuild the table without it
            connection.execute("PRAGMA writable_schema = ON")
            connection.execute(
                "UPDATE sqlite_master SET sql = replace(sql, 'notes TEXT NOT NULL', "
                "'notes TEXT') WHERE name = 'cases'"
            )
            connection.execute("PRAGMA writable_schema = OFF")
            connection.close()
            connection = sqlite3.connect(db, isolation_level=None)
        if params:
            connection.execute(sql, params)
        else:
            connection.executescript(sql)
    finally:
        connection.close()
    with open(db, "rb") as handle:
        return handle.read()


def one_line(result, code: int, stream: str = "stderr") -> str:
    assert result.returncode == code, (result.stdout, result.stderr)
    lines = getattr(result, stream).splitlines()
    assert len(lines) == 1, result.stderr
    return lines[0]


@pytest.mark.parametrize(("column", "value", "what"), DAMAGE)
def test_a_damaged_case_is_named_and_left_out_and_the_rest_is_readable(
    gk, tmp_path, column, value, what
):
    db, numbers = log_with_three_cases(gk, tmp_path)
    bad = numbers[1]
    before = damage(db, f"UPDATE cases SET {column} = {value} WHERE number = ?", bad)
    warning = (
        f"gk-respond: warning: {db}: case {bad} is damaged ({what}); it is left out — "
        "restore it from a backup"
    )
    listed = gk("records", "list", "--db", db)
    assert one_line(listed, 0) == warning
    header, *rows = listed.stdout.splitlines()
    assert header.split()[0] == "Case"
    assert [line.split()[0] for line in rows] == [numbers[2], numbers[0]]
    exported = gk("records", "export", "--format", "json", "--db", db)
    assert one_line(exported, 0) == warning
    assert [c["number"] for c in json.loads(exported.stdout)] == [numbers[2], numbers[0]]
    for form in ("csv", "markdown"):
        assert one_line(gk("records", "export", "--format", form, "--db", db), 0) == warning
    # stats are SQL aggregates over the stored rows (issue 18): they read no case, so the
    # damaged one is counted, and named by list, export, show and update
    stats = gk("records", "stats", "--format", "json", "--db", db)
    assert (stats.returncode, stats.stderr) == (0, "")
    assert json.loads(stats.stdout)["total"] == 3
    refused = (
        f"gk-respond: error: {db}: case {bad} is damaged ({what}); it is left as it is — "
        "restore it from a backup"
    )
    assert one_line(gk("records", "show", bad, "--db", db), 4) == refused
    assert one_line(gk("records", "update", bad, "--note", "x", "--db", db), 4) == refused
    shown = gk("records", "show", numbers[0], "--db", db)
    assert shown.returncode == 0 and shown.stderr == ""
    with open(db, "rb") as handle:
        assert handle.read() == before  # reading and the refused update wrote nothing
    # the others can still be changed, and a new case saved
    assert gk("records", "update", numbers[0], "--close", "--db", db).returncode == 0
    saved = gk(*SAVE, "--db", db)
    assert saved.returncode == 0, saved.stderr


def test_a_case_number_that_is_not_text_is_named_by_year_and_sequence(gk, tmp_path):
    db, numbers = log_with_three_cases(gk, tmp_path)
    damage(db, "UPDATE cases SET number = X'01', path_json = 'x' WHERE number = ?", numbers[0])
    listed = gk("records", "list", "--db", db)
    assert f"case {numbers[0]} is damaged (" in one_line(listed, 0)
    assert len(listed.stdout.splitlines()) == 3  # the header and two cases


@pytest.mark.parametrize("column", ["notes", "closed_at", "outcome"])
def test_a_dropped_column_is_refused_in_one_line(gk, tmp_path, column):
    db, numbers = log_with_three_cases(gk, tmp_path)
    triggers = "; ".join(  # the statistics' triggers (schema 11) name the columns they count
        f"DROP TRIGGER case_tallies_{change}" for change in ("insert", "delete", "update")
    )
    indexes = f"DROP INDEX IF EXISTS cases_{column}; DROP INDEX IF EXISTS cases_open_due"
    drop = f"{triggers}; {indexes}; ALTER TABLE cases DROP COLUMN {column}"
    before = damage(db, drop)
    for args in (
        ("records", "list"),
        ("records", "show", numbers[0]),
        ("records", "stats"),
        ("records", "export", "--format", "csv"),
        ("records", "update", numbers[0], "--close"),
        SAVE,
    ):
        line = one_line(gk(*args, "--db", db), 4)
        assert line == (
            f"gk-respond: error: {db}: is damaged (the cases table has no column {column}); "
            "it is left as it is — restore it from a backup"
        )
    with open(db, "rb") as handle:
        assert handle.read() == before


def registered(gk, tmp_path) -> str:
    db = str(tmp_path / "cases.db")
    for n in range(2):
        args = [a.replace("gullspangskommun", "abc"[n]) for a in ADD]
        args = [a.replace("kommunen-facebook", f"kanal-{n}") for a in args]
        added = gk("channels", "add", *args, "--db", db)
        assert added.returncode == 0, added.stderr
    return db


@pytest.mark.parametrize(
    ("value", "what"),
    [
        ('\'{"id": "kanal-0", \'', "Invalid JSON"),
        ('\'{"id": "kanal-0"}\'', "missing"),
        ("'[1, 2]'", "must be fields with names and values"),
        ("X'ff'", "channel_json is not text"),
    ],
)
def test_a_damaged_channel_is_named_and_left_out(gk, tmp_path, value, what):
    db = registered(gk, tmp_path)
    before = damage(db, f"UPDATE channels SET channel_json = {value} WHERE id = 'kanal-0'")
    start = f"gk-respond: warning: {db}: channel kanal-0 is damaged ("
    end = "; it is left out — restore the register from a backup (channels import FILE)"
    listed = gk("channels", "list", "--db", db)
    line = one_line(listed, 0)
    assert line.startswith(start) and line.endswith(end) and what in line, line
    assert "kanal-1" in listed.stdout and "kanal-0" not in listed.stdout
    exported = gk("channels", "export", "--format", "json", "--db", db)
    assert one_line(exported, 0) == line
    assert [c["id"] for c in json.loads(exported.stdout)["channels"]] == ["kanal-1"]
    shown = gk("channels", "show", "kanal-0", "--db", db)
    refused = one_line(shown, 4)
    assert refused.startswith(f"gk-respond: error: {db}: channel kanal-0 is damaged (")
    assert refused.endswith("; it is left as it is — restore the register from a backup "
                            "(channels import FILE)")  # fmt: skip
    for change in (("update", "kanal-1", "--hours-per-week", "2"), ("remove", "kanal-1")):
        assert one_line(gk("channels", *change, "--db", db), 4) == refused
    with open(db, "rb") as handle:
        assert handle.read() == before
    # a comment on the healthy channel is still matched when saved, with the warning
    saved = gk(*SAVE, "--url", "https://www.facebook.com/b/posts/1", "--format", "json",
               "--db", db)  # fmt: skip
    assert saved.returncode == 0, saved.stderr
    assert line in saved.stderr.splitlines()
    # and an import (the repair) replaces the register
    backup = exported.stdout
    imported = gk("channels", "import", "-", "--db", db, input=backup)
    assert imported.returncode == 0, imported.stderr
    assert gk("channels", "list", "--db", db).stderr == ""
