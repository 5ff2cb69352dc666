"""One input-decoding rule (issue 17 item 6): bytes that are not UTF-8 in an option, an
environment variable or standard input are refused with one line naming where they were,
never a traceback."""

from __future__ import annotations

import subprocess
import sys

import pytest

BAD = "\udcff"  # the byte 0xff as Python hands over a command line that is not UTF-8


def message(where: str) -> str:
    return (
        f"gk-respond: error: {where}: is not UTF-8 text (byte 0xff cannot be read); "
        "write the text in UTF-8\n"
    )


@pytest.fixture
def db(gk, tmp_path):
    path = tmp_path / "cases.db"
    saved = gk("--answers", "prohibited=ja,owns_channel=ja", "--save", "--db", str(path))
    assert saved.returncode == 0, saved.stderr
    return str(path)


@pytest.mark.parametrize(
    ("args", "where"),
    [
        (["--answers", "prohibited=ja", "--handler", BAD], "--handler"),
        (["--answers", f"prohibited={BAD}"], "--answers"),
        ([f"--answers=prohibited={BAD}"], "--answers"),
        (["records", "update", "2026-0001", "--note", BAD], "--note"),
        (["records", "update", "2026-0001", "--diarium", BAD], "--diarium"),
        (["records", "update", "2026-0001", "--copy-kept", BAD], "--copy-kept"),
        (["records", "update", "2026-0001", "--forwarded-to", BAD], "--forwarded-to"),
        (["records", "show", BAD], "argument 3"),
        (["records", "export", "--search", BAD], "--search"),
        (["train", "--trainee", BAD], "--trainee"),
    ],
)
def test_an_option_that_is_not_utf8_is_named(gk, db, args, where):
    result = gk(*args, "--db", db) if args[0] == "records" else gk(*args)
    assert (result.returncode, result.stderr, result.stdout) == (2, message(where), "")


def test_an_environment_variable_that_is_not_utf8_is_named(cli_env, db):
    env = {**cli_env, "GK_RESPOND_HANDLER": BAD}
    result = subprocess.run(
        [sys.executable, "-m", "gk_respond", "--answers", "prohibited=ja,owns_channel=ja"],
        capture_output=True,
        env=env,
        check=False,
    )
    assert (result.returncode, result.stderr.decode()) == (2, message("$GK_RESPOND_HANDLER"))


@pytest.mark.parametrize("data", [b"\xff", b"prohibited=ja,\xffowns_channel=ja"])
def test_standard_input_that_is_not_utf8_is_refused(cli_env, data):
    result = subprocess.run(
        [sys.executable, "-m", "gk_respond", "--answers", "-"],
        input=data,
        capture_output=True,
        env=cli_env,
        check=False,
    )
    assert (result.returncode, result.stderr.decode()) == (2, message("standard input"))


def test_the_swedish_message_says_the_same(gk_sv):
    result = gk_sv("--answers", "prohibited=ja", "--handler", BAD)
    assert result.stderr == (
        "gk-respond: fel: --handler: är inte UTF-8-text (byten 0xff kan inte läsas); "
        "skriv texten i UTF-8\n"
    )
