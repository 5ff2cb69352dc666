"""Every command's --help is pinned byte for byte, in English (tests/data/help/, under an
English locale) and in Swedish (tests/data/help/sv/, under a Swedish one), so a change of how
the command line is built cannot change what it says. Run at a fixed width: argparse wraps to
$COLUMNS. After a deliberate change of a parser, write the pins again with
``python tests/test_cli_help.py`` and read the diff."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest
from conftest import DATA

HELP = DATA / "help"
LOCALES = {HELP: "en_US.UTF-8", HELP / "sv": "sv_SE.UTF-8"}
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
    "users role",
]


def pinned(command: str) -> str:
    return "-".join(["gk-respond", *command.split()]) + ".txt"


@pytest.mark.parametrize("folder", LOCALES, ids=lambda f: f.name)
def test_every_pinned_help_is_a_command_here(folder):
    pins = sorted(p.name for p in folder.iterdir() if p.is_file())
    assert pins == sorted(map(pinned, COMMANDS))


def help_of(command: str, env: dict[str, str], locale: str) -> subprocess.CompletedProcess:
    env = {**env, "COLUMNS": "100", "NO_COLOR": "1", "PYTHON_COLORS": "0", "LANG": locale}
    return subprocess.run(
        [sys.executable, "-m", "gk_respond", *command.split(), "--help"],
        capture_output=True,
        env=env,
        check=False,
    )


@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: c or "gk-respond")
def test_help_is_unchanged(command, cli_env):
    result = help_of(command, cli_env, LOCALES[HELP])
    assert (result.returncode, result.stderr) == (0, b"")
    assert result.stdout == (HELP / pinned(command)).read_bytes()


@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: c or "gk-respond")
def test_swedish_help_is_unchanged(command, cli_env):
    result = help_of(command, cli_env, LOCALES[HELP / "sv"])
    assert (result.returncode, result.stderr) == (0, b"")
    assert result.stdout == (HELP / "sv" / pinned(command)).read_bytes()


# The sections of a help that list arguments, in both languages (argparse's own headings).
ARGUMENT_SECTIONS = ("positional arguments:", "options:", "positionsargument:", "flaggor:")
# An argument's line: indented 2 (4 for a command's subcommands); its help's further lines
# are indented to the help's column, further than that.
ENTRY = re.compile(r"^(?P<indent> {2}| {4})(?P<argument>\S.*?)(?P<help> {2,}\S.*)?$")


def without_help(text: str) -> list[str]:
    """The arguments a help lists with no text after them: argparse writes an argument's help
    on its line, or from the next line on, indented further than the argument."""
    lines = text.splitlines()
    bare, section = [], ""
    for number, line in enumerate(lines):
        if line and not line.startswith(" "):
            section = line
            continue
        entry = ENTRY.match(line)
        if section not in ARGUMENT_SECTIONS or not entry or entry["help"]:
            continue
        after = lines[number + 1] if number + 1 < len(lines) else ""
        indent = len(after) - len(after.lstrip())
        if not after.strip() or indent <= len(entry["indent"]) or after.lstrip()[0] == "-":
            bare.append(entry["argument"])
    return bare


def test_without_help_finds_an_argument_with_no_help():
    text = "options:\n  -h, --help  show this\n  --tick N\n  --long-option-name WHAT\n"
    text += "                 its help, on the next line\n  --last N\n\nexamples:\n  --tick 1\n"
    assert without_help(text) == ["--tick N", "--last N"]


@pytest.mark.parametrize("folder", LOCALES, ids=lambda f: f.name)
def test_every_argument_has_a_help_text(folder):
    """Every option and positional argument of every command says what it is for, in both
    languages (the pins are each command's --help, checked above)."""
    bare = {
        pin.name: without_help(pin.read_text("utf-8"))
        for pin in sorted(folder.iterdir())
        if pin.is_file()
    }
    assert {name: arguments for name, arguments in bare.items() if arguments} == {}


if __name__ == "__main__":  # write every pin again, in both languages
    import os

    base = {k: v for k, v in os.environ.items() if k not in ("LC_ALL", "LC_MESSAGES")}
    for folder, locale in LOCALES.items():
        folder.mkdir(exist_ok=True)
        for command in COMMANDS:
            (folder / pinned(command)).write_bytes(help_of(command, base, locale).stdout)
