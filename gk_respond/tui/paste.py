"""Bracketed paste that stays a paste: everything between ``ESC[200~`` and ``ESC[201~`` is
pasted text, whatever it holds.

Textual's input parser (``textual._xterm_parser.XTermParser``, checked up to 8.2.8) keeps a
paste's characters in its paste buffer only until an ESC: it then reads the characters after
the ESC as an escape sequence, outside the buffer, and when that sequence is not one it knows
(more than 32 characters, or cut short by the next ESC, such as the paste's own end marker)
it sends it on as key presses. A pasted ``A ESC[2J B`` thus arrives as the keys ``^ [ 2 J
space B`` and then a paste of ``A ``: pasted text can press Ctrl+S or Enter, answer
questions and save a case, BEL and U+202E are dropped (not printable keys), ESC becomes
``^``, and the order is lost.

``PasteSafeParser`` puts its own step in front of Textual's parser: it looks for the paste's
start marker itself, and from there to the end marker nothing reaches Textual's parser; the
text goes out as one ``Paste`` event, in order, every character kept (but NUL, which Textual
drops too: Windows Terminal puts one in a paste for each character typed with a modifier).
Everything else (keys, mouse, focus, the terminal's replies) goes to Textual's parser as it
came, with the same escape delay.

A paste keeps at most ``MAX_PASTE`` characters: the first ``MAX_PASTE`` go out as the paste
as soon as they are in, with a ``PasteCut`` event (the app says so), and the rest, up to the
end marker, is read and dropped, so a paste whose end marker never comes cannot fill the
memory, nor does its rest ever become key presses.

Textual builds its parser inside the input thread by its name in the driver's module, with no
hook to give it another: ``install()`` puts ``PasteSafeParser`` under that name.
"""

from __future__ import annotations

import contextlib
import importlib
import sys
from collections.abc import Generator

from textual import constants, events
from textual._parser import ParseEOF, ParseTimeout, Peek1, Read1, TokenCallback
from textual._xterm_parser import BRACKETED_PASTE_END as END
from textual._xterm_parser import BRACKETED_PASTE_START as START
from textual._xterm_parser import XTermParser

ESC = "\x1b"
# characters kept of one paste: a comment on social media has a few thousand at most
MAX_PASTE = 100_000
# the driver modules that build an XTermParser for a real terminal
DRIVER_MODULES = (
    ("textual.drivers.win32",)
    if sys.platform == "win32"
    else ("textual.drivers.linux_driver", "textual.drivers.linux_inline_driver")
)


class PasteCut(events.Event):
    """A paste longer than MAX_PASTE characters: the first MAX_PASTE were pasted, the rest
    of it is left out."""

    def __init__(self, kept: int) -> None:
        super().__init__()
        self.kept = kept


class PasteSafeParser(XTermParser):
    """Textual's parser, but a bracketed paste is pasted text from its start to its end."""

    def parse(self, token_callback: TokenCallback) -> Generator[Read1 | Peek1, str, None]:
        inner = super().parse(token_callback)  # Textual's own, for everything but pastes
        awaiting = next(inner)
        pending = ""  # what may be the start of START, not yet given to Textual's parser

        def give(characters: str) -> None:
            nonlocal awaiting
            for character in characters:
                awaiting = inner.send(character)

        def expire() -> None:
            """Textual's parser waited long enough for the rest of an escape sequence."""
            nonlocal awaiting
            if awaiting.timeout is not None:
                awaiting = inner.throw(ParseTimeout())

        while True:
            try:
                character = yield self.read1(
                    constants.ESCAPE_DELAY if pending else awaiting.timeout
                )
                if START.startswith(pending + character):
                    pending += character
                    if pending == START:
                        pending = ""
                        expire()  # a sequence cut short by the paste ends as Textual ends it
                        yield from self._pasted(token_callback)
                elif character == ESC:
                    give(pending)
                    pending = ESC
                else:
                    give(pending + character)
                    pending = ""
            except ParseTimeout:
                expire()
                give(pending)  # an ESC alone, or a sequence that is not a paste
                pending = ""
                expire()
            except ParseEOF:
                give(pending)
                with contextlib.suppress(StopIteration):
                    inner.throw(ParseEOF())
                return

    def _pasted(self, token_callback: TokenCallback) -> Generator[Read1, str, None]:
        """The text up to the end marker (which is left out) as a Paste; a paste longer
        than MAX_PASTE as its first MAX_PASTE characters and a PasteCut, the rest dropped."""
        text: list[str] = []
        while len(text) < MAX_PASTE + len(END):
            text.append((yield self.read1()))
            if text[-1] == "~" and "".join(text[-len(END) :]) == END:
                token_callback(events.Paste(_kept(text[: -len(END)])))
                return
        token_callback(events.Paste(_kept(text[:MAX_PASTE])))
        token_callback(PasteCut(MAX_PASTE))
        tail = "".join(text[-len(END) :])
        while tail != END:  # the rest is read, never kept, never keys
            tail = (tail + (yield self.read1()))[-len(END) :]


def _kept(text: list[str]) -> str:
    return "".join(text).replace("\x00", "")  # NUL: dropped, as Textual does


def install() -> None:
    """Have Textual's terminal drivers read input with ``PasteSafeParser``."""
    for name in DRIVER_MODULES:
        module = importlib.import_module(name)
        if getattr(module, "XTermParser", None) is XTermParser:
            module.XTermParser = PasteSafeParser  # type: ignore[attr-defined]
