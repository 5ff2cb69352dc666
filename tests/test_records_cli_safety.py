"""The case log through the CLI when something is wrong with it: damaged, missing or
read-only. One line and exit 4, and the file is left as it is."""

from __future__ import annotations

import os

import pytest
from test_records_store import another_user, big_log, damage, shared_folder

READING = [
    ("records", "list"),
    ("records", "show", "2026-0001"),
    ("records", "export", "--format", "json"),
    ("records", "stats"),
    ("records", "attachments", "2026-0001"),
]
WRITING = [
    ("--answers", "prohibited=ja,owns_channel=ja", "--save"),
    ("records", "update", "2026-0001", "--note", "x"),
    ("records", "attach", "2026-0001", "/etc/hostname"),
    ("records", "withdraw", "2026-0001", "1", "--reason", "x"),
]


def one_error_line(result) -> str:
    assert result.returncode == 4, (result.stdout, result.stderr)
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("gk-respond: error: "), result.stderr
    return lines[0]


# Every command that reads the newest cases (list, export) meets the damaged page (theirs);
# one case (show, attachments) on a sound page is read as it is, and `stats` counts from the
# indexes (schema 10): a read-only open does not check every page (it would grow with the
# log), `records verify` and every write open do.
EVERY_CASE = [args for args in READING if args[1] in ("list", "export")]


@pytest.mark.parametrize("args", EVERY_CASE + WRITING)
def test_a_damaged_log_is_refused_in_one_line_and_left_as_it_is(gk, tmp_path, args):
    path = big_log(tmp_path / "big.db")
    before = damage(path)
    line = one_error_line(gk(*args, "--db", path))
    assert f"{path}: is damaged (" in line and "restore it from a backup" in line
    with open(path, "rb") as handle:
        assert handle.read() == before


@pytest.mark.parametrize("args", [a for a in READING if a not in EVERY_CASE])
def test_a_read_off_the_damaged_page_is_answered_or_refused_in_one_line(gk, tmp_path, args):
    path = big_log(tmp_path / "big.db")
    before = damage(path)
    done = gk(*args, "--db", path)
    if done.returncode:
        line = one_error_line(done)
        assert f"{path}: is damaged (" in line and "restore it from a backup" in line
    else:
        assert done.stderr == "" and done.stdout
    with open(path, "rb") as handle:
        assert handle.read() == before
    verified = gk("records", "verify", "--db", path)
    assert verified.returncode == 4 and verified.stdout.startswith("the file's pages: ")


@pytest.mark.parametrize("args", [*READING, WRITING[1]])
def test_reading_or_updating_never_creates_a_log(gk, tmp_path, args):
    path = tmp_path / "typo.db"
    line = one_error_line(gk(*args, "--db", str(path)))
    assert line == (
        f"gk-respond: error: no case log at {path} (nothing has been saved there yet; "
        "--db or GK_RESPOND_DB say where)"
    )
    assert not path.exists()


def test_a_url_with_no_log_yet_creates_none(gk, tmp_path):
    path = tmp_path / "typo.db"
    result = gk("--answers", "prohibited=ja,owns_channel=ja", "--url", "https://x.example/1",
                "--db", str(path))  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert not path.exists()


def test_a_schema_that_is_not_a_number_is_one_line(gk, tmp_path):
    import sqlite3

    db = tmp_path / "cases.db"
    saved = gk("--answers", "prohibited=ja,owns_channel=ja", "--save", "--db", str(db))
    assert saved.returncode == 0, saved.stderr
    with sqlite3.connect(db) as connection:
        connection.execute("UPDATE gk_respond_meta SET value = 'two' WHERE key = 'schema'")
    line = one_error_line(gk("records", "list", "--db", str(db)))
    assert line.endswith("is not a gk-respond case log we can read (schema 'two')")


def test_a_log_someone_else_owns_can_be_read_but_not_written(gk, cli_env):
    """As another user: a file and folder they may only read."""
    import shutil
    import subprocess
    import sys

    prefix = another_user()
    top = shared_folder()
    folder, cache = os.path.join(top, "shared"), os.path.join(top, "cache")
    os.mkdir(folder)
    os.mkdir(cache, 0o777)
    os.chmod(cache, 0o777)  # the flowchart cache, for the other user
    env = {**cli_env, "GK_RESPOND_CACHE_DIR": cache}
    try:
        db = os.path.join(folder, "cases.db")
        saved = gk("--answers", "prohibited=ja,owns_channel=ja", "--save", "--db", db)
        assert saved.returncode == 0, saved.stderr
        os.chmod(db, 0o644)  # readable by all, writable by its owner only
        os.chmod(folder, 0o555)
        with open(db, "rb") as handle:
            before = handle.read()

        def run(*args: str) -> subprocess.CompletedProcess[str]:
            return subprocess.run(
                [*prefix, sys.executable, "-m", "gk_respond", *args, "--db", db],
                capture_output=True, text=True, encoding="utf-8", env=env, cwd="/",
            )  # fmt: skip

        for args in READING:
            result = run(*args)
            assert result.returncode == 0, (args, result.stderr)
        for args in WRITING:
            line = one_error_line(run(*args))
            assert f"{db}: is read-only for you; " in line
        with open(db, "rb") as handle:
            assert handle.read() == before
    finally:
        os.chmod(folder, 0o755)
        shutil.rmtree(top)
