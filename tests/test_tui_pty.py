"""The app on a real pseudo-terminal: the bytes a terminal sends for a bracketed paste go
through Textual's input parser (which the pilot bypasses), and what is saved is read back
from the case log."""

from __future__ import annotations

import fcntl
import json
import os
import select
import struct
import subprocess
import sys
import termios
import time
from pathlib import Path

import pytest

PASTE_START, PASTE_END = b"\x1b[200~", b"\x1b[201~"
SAFETY_SECONDS = 120  # a last guard against a hang, never a pace: every wait is for a marker
MAX_OUTPUT = 50_000_000  # bytes read while waiting for one marker


class Terminal:
    """``gk-respond ARGS`` on a pseudo-terminal of 80x24, as xterm-256color."""

    def __init__(self, args: list[str], env: dict[str, str], cwd: Path) -> None:
        self.master, slave = os.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
        env = {**env, "TERM": "xterm-256color", "COLUMNS": "80", "LINES": "24"}
        self.process = subprocess.Popen(
            [sys.executable, "-m", "gk_respond", *args],
            stdin=slave,
            stdout=slave,
            stderr=slave,
            env=env,
            cwd=cwd,
            start_new_session=True,
        )
        os.close(slave)
        self.output = b""
        self.start = time.monotonic()

    def write(self, data: bytes) -> None:
        os.write(self.master, data)

    def read(self) -> bytes:
        """What the app wrote next (b"" once it has ended); fails if that takes too long."""
        while True:
            if time.monotonic() - self.start > SAFETY_SECONDS:
                pytest.fail(f"the app hung; it drew last: {self.output[-2000:]!r}")
            if select.select([self.master], [], [], 1)[0]:
                try:
                    return os.read(self.master, 65536)
                except OSError:  # EIO: the app has closed the terminal
                    return b""
            if self.process.poll() is not None:
                return b""

    def wait_for(self, marker: str) -> None:
        """Read what the app draws until ``marker`` is in it (the output is kept from the
        end of the marker on, for the next wait)."""
        wanted, read = marker.encode(), 0
        while wanted not in self.output:
            chunk = self.read()
            read += len(chunk)
            if not chunk or read > MAX_OUTPUT:
                pytest.fail(f"no {marker!r}; the app drew last: {self.output[-2000:]!r}")
            self.output += chunk
        self.output = self.output[self.output.index(wanted) + len(wanted) :]

    def kill(self) -> None:
        self.process.kill()
        self.process.wait()
        os.close(self.master)

    def close(self) -> int:
        """Wait for the app to end (reading what it still writes), and its exit status."""
        while self.read():
            pass
        os.close(self.master)
        return self.process.wait()


def gk_json(env: dict[str, str], *args: str) -> object:
    result = subprocess.run(
        [sys.executable, "-m", "gk_respond", *args, "--format", "json"],
        capture_output=True, text=True, env=env, check=True,
    )  # fmt: skip
    return json.loads(result.stdout)


def walk_save_and_quit(terminal: Terminal) -> None:
    """From the comment screen: on to the questions (Ctrl+S), to an outcome, save the case
    and quit."""
    terminal.write(b"\x13")  # Ctrl+S: on to the questions
    terminal.wait_for("Must not stay up?")
    terminal.write(b"y")
    terminal.wait_for("Municipality's channel?")
    terminal.write(b"y")
    terminal.wait_for("Not saved in the case log")
    terminal.write(b"s")
    terminal.wait_for("Saved as case")
    terminal.write(b"\x11")  # Ctrl+Q


def triage_by_paste(tmp_path: Path, env: dict[str, str], paste: bytes) -> str:
    """Paste ``paste`` as a terminal does into the comment field of a new triage, walk to an
    outcome, save the case and quit; the comment as the case log keeps it."""
    db = tmp_path / "cases.db"
    terminal = Terminal(["--db", str(db), "--lang", "en"], env, tmp_path)
    try:
        terminal.wait_for("The comment's text")
        terminal.write(PASTE_START + paste + PASTE_END)
        terminal.wait_for("PASTE-END")  # shown in the field: the paste is in
        walk_save_and_quit(terminal)
    except BaseException:
        terminal.kill()
        raise
    assert terminal.close() == 0
    (case,) = gk_json(env, "records", "list", "--db", str(db))
    return gk_json(env, "records", "show", case["number"], "--db", str(db))["comment_text"]


def test_a_paste_with_escapes_is_kept_whole_and_presses_no_key(tmp_path, cli_env):
    # ESC sequences (one of them the paste's own end marker's first half), BEL, a bidi
    # override, Ctrl+S, Enter and the answer keys inside the paste: none may act
    paste = (
        "Hej! Bra jobbat \x1b[0m A \x1b[2J B \x07 \u202eC \x13 y y s \r"
        "\x1b]0;titel\x07 \x1b[20 \x1b\x1b[A "
        "and a long run after an escape that no terminal sequence is: \x1b" + "x" * 40 + " "
        "PASTE-END"
    )
    stored = triage_by_paste(tmp_path, cli_env, paste.encode())
    assert stored == (
        "Hej! Bra jobbat ␛[0m A ␛[2J B ␇ <U+202E>C ␓ y y s \n"
        "␛]0;titel␇ ␛[20 ␛␛[A "
        "and a long run after an escape that no terminal sequence is: ␛" + "x" * 40 + " "
        "PASTE-END"
    )


def test_a_start_marker_inside_a_paste_is_text(tmp_path, cli_env):
    stored = triage_by_paste(tmp_path, cli_env, b"a \x1b[200~ b \x1b[201 c PASTE-END")
    assert stored == "a ␛[200~ b ␛[201 c PASTE-END"


def test_a_paste_over_the_limit_is_cut_said_and_its_rest_presses_no_key(tmp_path, cli_env):
    from gk_respond.tui.paste import MAX_PASTE

    db = tmp_path / "cases.db"
    terminal = Terminal(["--db", str(db), "--lang", "en"], cli_env, tmp_path)
    try:
        terminal.wait_for("The comment's text")
        rest = b" \x13 y y s \x11 " * 10  # Ctrl+S, answers, save, Ctrl+Q: beyond the limit
        terminal.write(PASTE_START + b"x" * (MAX_PASTE - 4) + b"CUT!" + rest + PASTE_END)
        terminal.wait_for("The paste was longer than 100,000")
        walk_save_and_quit(terminal)  # the rest pressed nothing: the walk starts as ever
    except BaseException:
        terminal.kill()
        raise
    assert terminal.close() == 0
    (case,) = gk_json(cli_env, "records", "list", "--db", str(db))
    stored = gk_json(cli_env, "records", "show", case["number"], "--db", str(db))
    assert stored["comment_text"] == "x" * (MAX_PASTE - 4) + "CUT!"
