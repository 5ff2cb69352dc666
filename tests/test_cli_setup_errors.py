"""What a new user's set-up gets wrong is one clear line, never a traceback nor a hang: a
server case log without the postgresql extra, the app's options given to a script's run,
a port that is not one or is taken."""

from __future__ import annotations

import os
import socket
import subprocess
import sys

import pytest
from tui_helpers import Notices, make_app, until

from gk_respond.triage import Comment
from gk_respond.tui.screens.outcome import OutcomeScreen

SERVER = "postgresql://nobody:hemligt@127.0.0.1:1/x"  # never reached: the driver is missing
EXTRA = "pip install 'gk-respond[postgresql]'"


@pytest.fixture
def without_psycopg(cli_env, tmp_path):
    """`gk`'s environment where ``import psycopg`` fails, as without the postgresql extra."""
    shim = tmp_path / "shim"
    shim.mkdir()
    (shim / "psycopg.py").write_text("raise ImportError('no psycopg here')\n", encoding="utf-8")
    path = os.pathsep.join(p for p in (str(shim), cli_env.get("PYTHONPATH", "")) if p)

    def run(*args: str, env: dict[str, str] | None = None, input: str | None = None):
        return subprocess.run(
            [sys.executable, "-m", "gk_respond", *args],
            capture_output=True,
            text=True,
            encoding="utf-8",
            env={**cli_env, "PYTHONPATH": path, "HOME": str(tmp_path), **(env or {})},
            cwd=tmp_path,
            input=input,
            timeout=120,
        )

    return run


@pytest.mark.parametrize(
    "args",
    [
        ["records", "list", "--db", SERVER],
        ["--answers", "prohibited=ja,owns_channel=ja", "--save", "--db", SERVER],
        ["channels", "list"],  # the server from GK_RESPOND_DB
        ["serve", "--db", SERVER],
    ],
)
def test_a_server_case_log_without_the_extra_names_it_in_one_line(without_psycopg, args):
    result = without_psycopg(*args, env={"GK_RESPOND_DB": SERVER})
    assert result.returncode == 4, result.stderr
    assert result.stderr == (
        "gk-respond: error: postgresql://nobody@127.0.0.1:1/x: a case log on a PostgreSQL "
        f"server needs its extra packages: {EXTRA}\n"
    )  # one line, without the password
    assert result.stdout == ""


def test_copying_to_a_server_without_the_extra_names_it_in_swedish(without_psycopg, tmp_path):
    db = str(tmp_path / "cases.db")
    saved = without_psycopg("--answers", "prohibited=ja,owns_channel=ja", "--save", "--db", db)
    assert saved.returncode == 0, saved.stderr
    result = without_psycopg(
        "records", "copy", "--db", db, "--to", SERVER, env={"LANG": "sv_SE.UTF-8"}
    )
    assert result.returncode == 4
    assert result.stderr.splitlines() == [
        "gk-respond: fel: postgresql://nobody@127.0.0.1:1/x: en ärendelogg på en "
        f"PostgreSQL-server behöver tillägget för det: {EXTRA}"
    ]


async def test_the_app_keeps_the_triage_when_the_extra_is_missing(monkeypatch):
    monkeypatch.setitem(sys.modules, "psycopg", None)  # `import psycopg` fails
    comment = Comment(text="hej", url="https://facebook.com/gk/1")
    app, notices = make_app(lang="en", comment=comment, db=SERVER), Notices()
    async with app.run_test(size=(80, 24), message_hook=notices) as pilot:
        await pilot.press("y", "y")  # prohibited, on our channel: remove (its contacts read)
        assert isinstance(app.screen, OutcomeScreen) and app.triage.walk.outcome == "remove"
        await pilot.press("s")
        assert await until(pilot, lambda: notices.any("Could not save", EXTRA))
        assert app.is_running and app.triage.walk.outcome == "remove"
    assert notices.any("channel register could not be read", EXTRA)
    assert not any("hemligt" in notice for notice in notices)


@pytest.mark.parametrize(
    ("args", "refused"),
    [
        (["--format", "json"], ["--format goes with --answers"]),
        (["--format", "text", "--comment", "hej"], ["--format goes with --answers"]),
        (["--save", "--format", "markdown"], ["--save goes", "--format goes"]),
    ],
)
def test_a_scripts_options_without_answers_are_refused_not_an_app_opened(gk, args, refused):
    result = gk(*args, input="")  # no terminal: an app would wait for keys forever
    assert result.returncode == 2 and result.stdout == ""
    lines = result.stderr.splitlines()
    assert len(lines) == len(refused)
    assert all(
        line.startswith("gk-respond: error: " + part)
        for line, part in zip(lines, refused, strict=True)
    )


def test_the_refusal_is_swedish_by_default(gk_sv):
    result = gk_sv("--format", "json")
    assert result.returncode == 2
    assert result.stderr.startswith("gk-respond: fel: --format hör ihop med --answers")


def test_batch_refuses_a_format_it_would_ignore(gk):
    result = gk("--batch", "-", "--format", "text", input='{"answers": "prohibited=ja"}\n')
    assert result.returncode == 2 and "--format cannot be used with --batch" in result.stderr


@pytest.mark.parametrize("port", ["8766999", "65536", "-1", "http"])
def test_serve_refuses_what_is_not_a_port_before_anything(gk, port, tmp_path):
    result = gk("serve", "--port", port, "--db", str(tmp_path / "cases.db"))
    assert result.returncode == 2 and result.stdout == ""
    assert f"argument --port: {port!r} is not a port number (1-65535" in result.stderr
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "cases.db").exists()


def test_serve_on_a_port_in_use_says_so_in_one_line_and_prints_no_address(gk, tmp_path):
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = gk("serve", "--port", str(port), "--db", str(tmp_path / "cases.db"))
    assert result.returncode == 2
    assert result.stdout == ""  # no "serving http://…": it never served
    assert result.stderr == (
        f"gk-respond: error: port {port} on 127.0.0.1 is already in use by another program; "
        "choose another with --port\n"
    )
