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


def test_a_paste_longer_than_the_limit_is_cut_and_its_rest_never_becomes_keys():
    from gk_respond.tui.paste import MAX_PASTE, PasteCut

    rest = "\x13 j j \x1b[A" * 3  # Ctrl+S, answers, an arrow: beyond the limit, dropped
    got = list(PasteSafeParser().feed(f"{START}{'x' * MAX_PASTE}{rest}{END}b"))
    assert isinstance(got[0], Paste) and got[0].text == "x" * MAX_PASTE
    assert isinstance(got[1], PasteCut) and got[1].kept == MAX_PASTE
    assert [repr(e) for e in got[2:]] == events(XTermParser(), ["b"])  # keys again after it


def test_a_paste_of_just_the_limit_is_whole_and_not_cut():
    from gk_respond.tui.paste import MAX_PASTE

    text = "ö" * (MAX_PASTE - 3) + "\x1b[2"  # the end marker right after, in pieces
    got = events(PasteSafeParser(), cut(f"{START}{text}{END}", [MAX_PASTE, MAX_PASTE + 8]))
    assert got == [repr(Paste(text))]


def test_a_paste_whose_end_never_comes_stops_growing():
    from gk_respond.tui.paste import MAX_PASTE, PasteCut

    parser = PasteSafeParser()
    got = list(parser.feed(f"{START}{'y' * (MAX_PASTE + 10)}"))
    assert [type(e) for e in got] == [Paste, PasteCut]  # said at once, not at the end
    for _ in range(50):  # the rest: read, dropped, never kept, never keys
        assert list(parser.feed("z" * 10_000 + "\x13")) == []
    assert [type(e) for e in parser.feed(f"{END}j")][-1].__name__ == "Key"


async def test_the_app_says_a_paste_was_cut():
    from tui_helpers import Notices, make_app, until

    from gk_respond.tui.paste import MAX_PASTE, PasteCut

    notices = Notices()
    app = make_app()
    async with app.run_test(size=(80, 24), message_hook=notices) as pilot:
        app.post_message(PasteCut(MAX_PASTE))  # as the terminal driver posts the parser's
        assert await until(pilot, lambda: app.pastes_cut == 1)
        assert notices.any("längre än 100\u00a0000 tecken", "resten togs inte med")
