"""One rule for what reaches a terminal: text output (show, update, list, stats, the
Markdown export, messages) shows every character as visible symbols, and JSON escapes what a
terminal could act on while keeping the data exact and å, ä, ö readable. Hostile text goes in
through the CLI and the file, as a comment from the web or a newer version's data would."""

from __future__ import annotations

import json
import os
import re
import sqlite3
import subprocess
import sys

import pytest

# ESC sequences, BEL, a right-to-left override, the one-character CSI (U+009B), the line and
# paragraph separators, DEL, an isolate: none may reach a terminal raw.
HOSTILE = "å\x1b[2J\x07\u202e\x9b\u2028\u2029\x7f\u2066ö"
RAW = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\u200e\u200f\u2028\u2029]")


def log(gk, tmp_path) -> tuple[str, str]:
    """A log with one case full of hostile text; the db and the case number."""
    db = str(tmp_path / "cases.db")
    saved = gk(
        "--answers", "prohibited=ja,owns_channel=ja", "--save", "--db", db,
        "--comment", f"Kommentar {HOSTILE}\nrad två", "--author", HOSTILE,
        "--found", HOSTILE, "--handler", HOSTILE,
    )  # fmt: skip
    assert saved.returncode == 0, saved.stderr
    number = saved.stderr.split()[-1]
    updated = gk(
        "records", "update", number, "--db", db, "--note", HOSTILE, "--copy-kept", HOSTILE,
        "--diarium", HOSTILE, "--forwarded-to", HOSTILE, "--handler", HOSTILE,
    )  # fmt: skip
    assert updated.returncode == 0, updated.stderr
    assert not RAW.search(updated.stdout + updated.stderr), updated.stdout
    # what a newer gk-respond could have written: an outcome, a question and an event this
    # version does not know
    with sqlite3.connect(db) as connection:
        connection.execute(
            "UPDATE cases SET outcome = ?, path_json = ?, history_json = ? WHERE number = ?",
            (
                f"ny{HOSTILE}",
                json.dumps([[f"fråga{HOSTILE}", f"svar{HOSTILE}"]]),
                json.dumps([{"at": "2026-01-01T10:00:00+00:00", "event": f"e{HOSTILE}",
                             "question": f"q{HOSTILE}", "answer": f"a{HOSTILE}",
                             "channel": HOSTILE}]),
                number,
            ),
        )  # fmt: skip
    connection.close()
    return db, number


def test_text_output_shows_every_character(gk, tmp_path):
    db, number = log(gk, tmp_path)
    for args in (
        ("records", "list"),
        ("records", "list", "--search", "rad två"),
        ("records", "show", number),
        ("records", "show", number, "--format", "markdown"),
        ("records", "stats"),
        ("records", "export", "--format", "markdown", "--search", HOSTILE[:3]),
        ("records", "update", number, "--note", "y"),
    ):
        result = gk(*args, "--db", db)
        assert result.returncode == 0, (args, result.stderr)
        assert result.stdout.strip(), args
        found = RAW.search(result.stdout + result.stderr)
        assert found is None, (args, found, result.stdout)
    shown = gk("records", "show", number, "--db", db).stdout
    assert "␛[2J␇<U+202E><U+009B><U+2028><U+2029>␡<U+2066>ö" in shown
    assert "å" in shown and "rad två" in shown


def test_json_output_escapes_what_a_terminal_acts_on_and_keeps_the_data(gk, tmp_path):
    db, number = log(gk, tmp_path)
    for args in (
        ("records", "show", number),
        ("records", "list"),
        ("records", "export"),
        ("records", "update", number, "--note", "z"),
    ):
        result = gk(*args, "--format", "json", "--db", db)
        assert result.returncode == 0, (args, result.stderr)
        assert RAW.search(result.stdout) is None, args
        assert "\\u202e" in result.stdout and "\\u009b" in result.stdout, args
        assert "å" in result.stdout  # letters stay readable
        data = json.loads(result.stdout)
        case = data[0] if isinstance(data, list) else data
        assert case["author"] == HOSTILE and case["outcome"] == f"ny{HOSTILE}"
        assert case["path"] == [[f"fråga{HOSTILE}", f"svar{HOSTILE}"]]
    stats = gk("records", "stats", "--format", "json", "--db", db)
    assert RAW.search(stats.stdout) is None
    assert json.loads(stats.stdout)["per_outcome"] == {f"ny{HOSTILE}": 1}


def test_the_markdown_filter_line_shows_the_search_in_a_code_span(gk, tmp_path):
    db, _ = log(gk, tmp_path)
    search = "`*x* \u202e\x9b"
    out = tmp_path / "ärenden.md"
    result = gk("records", "export", "--format", "markdown", "--search", search,
                "--db", db, "--output", str(out))  # fmt: skip
    assert result.returncode == 0, result.stderr
    text = out.read_text(encoding="utf-8")
    assert RAW.search(text) is None
    assert "_text: `` `*x* <U+202E><U+009B> ``_" in text.splitlines()


def test_messages_show_every_character(gk, tmp_path):
    db, _ = log(gk, tmp_path)
    for args in (
        ("records", "list", "--outcome", HOSTILE),
        ("records", "show", HOSTILE),
        ("records", "update", HOSTILE, "--close"),
        ("channels", "show", HOSTILE),
        ("channels", "update", "x", "--url", HOSTILE),
        ("channels", "add", "--id", HOSTILE, "--url", HOSTILE),
        ("records", "list", "--db", f"{tmp_path}/{HOSTILE}.db"),
    ):
        result = gk(*args, *(("--db", db) if "--db" not in args else ()))
        assert result.returncode != 0, args
        assert result.stderr.startswith("gk-respond: error: "), (args, result.stderr)
        assert RAW.search(result.stderr) is None, (args, result.stderr)


@pytest.mark.skipif(sys.platform == "win32", reason="a pseudo-terminal")
def test_a_csv_export_to_a_terminal_is_made_visible(cli_env, gk, tmp_path):
    """CSV keeps the stored value in files and pipes (remove one leading apostrophe to get
    it back); to a terminal it is shown as any other text."""
    import pty

    db, _ = log(gk, tmp_path)
    piped = gk("records", "export", "--format", "csv", "--db", db)
    assert HOSTILE in piped.stdout
    master, slave = pty.openpty()
    try:
        process = subprocess.run(
            [sys.executable, "-m", "gk_respond", "records", "export", "--format", "csv",
             "--db", db],
            stdout=slave, stderr=subprocess.PIPE, env=cli_env, cwd="/", timeout=120,
        )  # fmt: skip
        os.close(slave)
        slave = -1
        shown = b""
        while True:
            try:
                chunk = os.read(master, 65536)
            except OSError:  # the terminal closed: everything has been read
                break
            if not chunk:
                break
            shown += chunk
    finally:
        os.close(master)
        if slave >= 0:
            os.close(slave)
    assert process.returncode == 0, process.stderr
    text = shown.decode("utf-8")
    assert "␛[2J" in text and RAW.search(text.replace("\r", "")) is None
