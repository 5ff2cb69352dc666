"""Cells for a ``DataTable`` that shows many rows of untrusted text: cheap to make, to
measure and to draw, and always the characters they are (never markup).

A ``rich.text.Text`` cell is literal too, but the table measures each cell of each new row
(Rich builds the console's options for every one) and draws it through Rich's text
wrapping: most of the cost of putting a page of cases on the screen. A ``LiteralCell`` is
one segment of visible text, drawn as it is; it has no measure of its own, so the table
measures it for nothing, and the screen sets the columns' widths instead
(``widen_columns``), from the cells' lengths, wider only (as the table's own fitting
does: a column never narrows while the screen is open). A new page of as many rows
replaces only the cells that differ (``put_rows``): no row is removed, added or measured.
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


def widen_columns(table: DataTable, rows: Iterable[Sequence[LiteralCell]]) -> bool:
    """Each column of ``table`` (added with a ``width``) as wide as its widest cell in
    ``rows``, if that is wider than it is; whether any column was widened."""
    widths = [max(cell.width for cell in column) for column in zip(*rows, strict=False)]
    widened = False
    for column, width in zip(table.ordered_columns, widths, strict=False):
        if width > column.width:
            column.width, widened = width, True
    return widened


def put_rows(table: DataTable, rows: list[list[LiteralCell]]) -> None:
    """``rows`` in ``table``, each row keyed by its place ("0", "1", …), the table scrolled
    to its start. When the table has as many rows and no column must widen, only the
    cells that differ are replaced, in place (none differs: nothing to draw again);
    otherwise the table is filled anew."""
    if widen_columns(table, rows) or table.row_count != len(rows):
        table.clear()
        for place, row in enumerate(rows):
            table.add_row(*row, key=str(place))
        return
    keys = [column.key for column in table.ordered_columns]
    for place, row in enumerate(rows):
        for key, shown, cell in zip(keys, table.get_row_at(place), row, strict=True):
            if str(shown) != cell.text:
                table.update_cell(str(place), key, cell)
    table.scroll_to(0, 0, animate=False, immediate=True)  # as a table filled anew is
