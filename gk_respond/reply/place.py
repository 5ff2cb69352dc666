"""Where in a reply a finding is, as people count: line and column, both from 1. The one
place the app's reply editor, ``gk-respond reply check`` and ``records show`` (with the
case screen, the case sheet and the Markdown export) take it from, so all say the same."""

from __future__ import annotations


def line_column(text: str, offset: int) -> tuple[int, int]:
    """The line and the column (both counted from 1) of the character at ``offset`` (a
    finding's ``start``, counted from 0 in ``text``), clamped to the text."""
    offset = max(0, min(offset, len(text)))
    line_start = text.rfind("\n", 0, offset) + 1
    return text.count("\n", 0, offset) + 1, offset - line_start + 1


def place(text: str, offset: int) -> str:
    """``line:column`` of ``offset`` in ``text`` ("1:13": the 13th character of the first
    line), as the app, the CLI and the case log show a finding's place."""
    line, column = line_column(text, offset)
    return f"{line}:{column}"
