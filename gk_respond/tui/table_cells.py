"""Cells for a ``DataTable`` that shows many rows of untrusted text: cheap to make, to
measure and to draw, and always the characters they are (never markup).

A ``rich.text.Text`` cell is literal too, but the table measures each cell of each new row
(Rich builds the console's options for every one) and draws it through Rich's text
wrapping: most of the cost of putting a page of cases on the screen. A ``LiteralCell`` is
one segment of visible text, drawn as it is; it has no measure of its own, so the table
measures it for nothing, and the screen sets the columns' widths instead
(``widen_columns``), from the cells' lengths, wider only (as the table's own fitting
does: a column never narrows while the screen is open).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from rich.cells import cell_len
from rich.segment import Segment

from ..untrusted import visible

if TYPE_CHECKING:
    from rich.console import Console, ConsoleOptions, RenderResult
    from textual.widgets import DataTable


class LiteralCell:
    """``text`` shown as it is: control characters as visible symbols, tabs as spaces, a
    line break as the end of the line (a table row is one line high)."""

    __slots__ = ("text", "width")

    def __init__(self, text: str) -> None:
        self.text = visible(text).expandtabs(8)
        self.width = max(cell_len(line) for line in self.text.split("\n"))

    def __str__(self) -> str:
        return self.text

    def __repr__(self) -> str:
        return f"LiteralCell({self.text!r})"

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        yield Segment(self.text)


def widen_columns(table: DataTable, rows: Iterable[Sequence[LiteralCell]]) -> None:
    """Each column of ``table`` (added with a ``width``) as wide as its widest cell in
    ``rows``, if that is wider than it is."""
    widths = [max(cell.width for cell in column) for column in zip(*rows, strict=False)]
    for column, width in zip(table.ordered_columns, widths, strict=False):
        column.width = max(column.width, width)
