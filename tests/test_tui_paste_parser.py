"""The app's terminal input parser: a bracketed paste is pasted text from its start marker to
its end marker, however the terminal's bytes are cut into reads; everything else is read as
Textual reads it. (The pty test, test_tui_pty.py, drives it through a real terminal.)"""

from __future__ import annotations

import itertools

from hypothesis import given, settings
from hypothesis import strategies as st
from textual._xterm_parser import XTermParser
from textual.events import Paste

from gk_respond.tui.paste import PasteSafeParser

START, END = "\x1b[200~", "\x1b[201~"
# what a paste or a stream of keys is made of: escapes, controls and their pieces are likely
PIECES = st.sampled_from(
    ["\x1b", "[", "0", "2", "20", "200~", "201", "~", "m", "A", "\x07", "\x13", "\r", "\x00",
     "\u202e", "ö", " ", "x" * 40, "\x1b[<0;3;4M", "\x1b[A", "\x1b[I", "\x1bO"]
)  # fmt: skip


def events(parser, chunks: list[str]) -> list[str]:
    return [repr(event) for chunk in chunks for event in parser.feed(chunk)]


def cut(text: str, at: list[int]) -> list[str]:
    """``text`` in pieces, cut at the positions ``at``."""
    bounds = sorted({0, len(text), *(i % (len(text) + 1) for i in at)})
    return [text[a:b] for a, b in itertools.pairwise(bounds)]


@settings(max_examples=300, derandomize=True)
@given(st.lists(PIECES, max_size=30).map("".join), st.lists(st.integers(0, 10_000), max_size=6))
def test_a_paste_is_one_paste_of_all_it_holds(content, at):
    content = content.replace(END, "")  # the end marker is the only thing a paste cannot hold
    got = events(PasteSafeParser(), cut(f"a{START}{content}{END}b", at))
    pasted = repr(Paste(content.replace("\x00", "")))  # NUL: dropped, as Textual does
    assert got == [*events(XTermParser(), ["a"]), pasted, *events(XTermParser(), ["b"])]


@settings(max_examples=300, derandomize=True)
@given(st.lists(PIECES, max_size=30).map("".join), st.lists(st.integers(0, 10_000), max_size=6))
def test_without_a_paste_the_keys_are_textuals(keys, at):
    """The same events in the same order (an ESC that may start a paste waits for the next
    character, or the escape delay, as Textual's does for the rest of a sequence)."""
    keys = keys.replace(START, "")
    chunks = [*cut(keys, at), ""]  # "": the end, which sends on what waits for more
    assert events(PasteSafeParser(), chunks) == events(XTermParser(), chunks)


def test_the_upstream_parser_lets_a_paste_out_as_keys():
    """Textual's own parser (the reason for ours): what follows an ESC inside a paste comes
    as key presses, before the paste, and Ctrl+S among them. When this fails, Textual has
    fixed it: gk_respond/tui/paste.py may go."""
    got = events(XTermParser(), [f"{START}A \x1b[2J B \x13 C{END}"])
    assert "Key(key='ctrl+s'" in "".join(got)
    assert got[-1] == "Paste(text='A ')"
    assert events(PasteSafeParser(), [f"{START}A \x1b[2J B \x13 C{END}"]) == [
        "Paste(text='A \\x1b[2J B \\x13 C')"
    ]
