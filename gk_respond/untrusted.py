"""Text pasted from the web, made safe to show: every character visible, none in control.

Markup (``[bold]``, ``[@click=...]``) is a front end's concern (show text with markup off);
this module deals with the characters themselves: terminal escapes and other control
characters become visible symbols, and bidirectional overrides, which can make text read
differently from what it is, are shown as their code points.
"""

from __future__ import annotations

import re

# C0 controls but tab and newline, DEL, and C1 controls (ESC starts terminal escapes).
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
# Bidirectional embeddings, overrides and isolates (the "Trojan Source" characters).
_BIDI = re.compile("[\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]")


def _control(match: re.Match[str]) -> str:
    code = ord(match.group())
    if code < 0x20:
        return chr(0x2400 + code)  # ␛ for ESC, ␀ for NUL, ...
    return "␡" if code == 0x7F else f"<U+{code:04X}>"


def visible(text: str) -> str:
    """``text`` with control and bidi-override characters replaced by visible stand-ins."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")  # a lone CR: a pasted line break
    text = _CONTROL.sub(_control, text)
    return _BIDI.sub(lambda m: f"<U+{ord(m.group()):04X}>", text)


def preview(text: str, lines: int, chars: int) -> tuple[str, bool]:
    """At most ``lines`` lines and ``chars`` characters of visible text, and whether any of
    the text was left out."""
    full = visible(text).rstrip("\n")
    shown = "\n".join(full.split("\n", lines)[:lines])
    if len(shown) > chars:
        shown = shown[:chars]
    return shown, len(shown) < len(full)
