"""Text pasted from the web, made safe to show: every character visible, none in control.

One rule for all output: text printed to a terminal goes through ``visible`` (terminal
escapes and other control characters become visible symbols; bidirectional overrides, which
can make text read differently from what it is, and the line and paragraph separators
U+2028/U+2029 are shown as their code points), and JSON goes through ``json_text``, which
escapes the same characters as ``\\uXXXX`` (so the data stays exact) and keeps å, ä and ö
readable. Markup (``[bold]``, ``[@click=...]``) is a front end's concern (show text with
markup off).
"""

from __future__ import annotations

import re
from typing import Any

# C0 controls but tab and newline, DEL, and C1 controls (ESC starts terminal escapes).
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
# Bidirectional embeddings, overrides and isolates (the "Trojan Source" characters), and the
# line and paragraph separators (a line break to some terminals and editors, none to others).
_BIDI_CHARS = "\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c\u2028\u2029"
# Shown as their code points, with the lone surrogates (not characters: undecodable input).
_BIDI = re.compile(f"[{_BIDI_CHARS}\ud800-\udfff]")
# What JSON (even with ensure_ascii=False) leaves raw and a terminal could act on: DEL, the
# C1 controls (U+009B is a one-character escape), bidi controls and the separators; and lone
# surrogates, which cannot be written as UTF-8 at all.
_JSON_RAW = re.compile(f"[\x7f-\x9f{_BIDI_CHARS}\ud800-\udfff]")


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


def json_text(data: Any, indent: int | None = 2) -> str:
    """``data`` as JSON that is safe to print: letters as they are (å, ä, ö), and every
    character a terminal could act on escaped (C0 controls as JSON always does them; DEL,
    C1, bidi controls, U+2028/U+2029 and lone surrogates as ``\\uXXXX``). These occur only
    inside strings, where the escape means the same character: ``json.loads`` gives ``data``
    back."""
    import json  # here: the app and most commands never write JSON

    text = json.dumps(data, ensure_ascii=False, indent=indent)
    return _JSON_RAW.sub(lambda m: f"\\u{ord(m.group()):04x}", text)
