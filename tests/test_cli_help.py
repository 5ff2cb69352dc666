"""Every command's --help is pinned byte for byte (tests/data/help/), so a change of how the
command line is built cannot change what it says. Run at a fixed width: argparse wraps to
$COLUMNS."""

from __future__ import annotations

import subprocess
import sys

import pytest
from conftest import DATA

HELP = DATA / "help"
COMMANDS = [
    "",
    "check",
    "paths",
    "diagram",
    "records",
    "records list",
    "records show",
    "records update",
    "records export",
    "records stats",
    "records attach",
    "records attachments",
    "records attachment",
    "records withdraw",
    "records copy",
    "records verify",
    "channels",
    "channels add",
    "channels list",
    "channels show",
    "channels update",
    "channels remove",
    "channels export",
    "channels import",
    "contacts",
    "contacts add",
    "contacts list",
    "contacts show",
    "contacts update",
    "contacts remove",
    "train",
    "reply",
    "reply check",
    "reply template",
    "serve",
    "users",
    "users add",
    "users list",
    "users passwd",
    "users disable",
    "users enable",
    "users remove",
]


def pinned(command: str) -> str:
    return "-".join(["gk-respond", *command.split()]) + ".txt"


def test_every_pinned_help_is_a_command_here():
    assert sorted(p.name for p in HELP.iterdir()) == sorted(map(pinned, COMMANDS))


@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: c or "gk-respond")
def test_help_is_unchanged(command, cli_env):
    env = {**cli_env, "COLUMNS": "100", "NO_COLOR": "1", "PYTHON_COLORS": "0"}
    result = subprocess.run(
        [sys.executable, "-m", "gk_respond", *command.split(), "--help"],
        capture_output=True,
        env=env,
        check=False,
    )
    assert (result.returncode, result.stderr) == (0, b"")
    assert result.stdout == (HELP / pinned(command)).read_bytes()
