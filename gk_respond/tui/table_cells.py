"""Cells for a ``DataTable`` that shows many rows of untrusted text: cheap to make, to
measure and to draw, and always the characters they are (never markup).

A ``rich.text.Text`` cell is literal too, but the table measures each cell of each new row
(Rich builds the console's options for every one) and draws it through Rich's text
wrapping: most of the cost of putting a page of cases on the screen. A ``LiteralCell`` is
one segment of visible text, drawn as it is; it has no measure of its own, so the table
measures it for nothing, and the columns' widths are set instead (``widen_columns``),
from the cells' lengths, wider only (as the table's own fitting does: a column never
narrows while the screen is open). A ``LiteralTable`` is given its rows as the texts they
show (``put_rows``) and keeps them: a new page of as many rows is compared with those
texts, row by row, and only the cells whose text differs are made and put in place (none
does, as when a search finds the same cases: nothing is made or drawn again); no row is
removed, added or measured.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Self

from rich.cells import cell_len
from rich.segment import Segment
from textual.widgets import DataTable

from ..untrusted import visible

if TYPE_CHECKING:
    from rich.console import Console, ConsoleOptions, RenderResult


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


class LiteralTable(DataTable):
    """A table of ``LiteralCell`` rows, put in by ``put_rows``, which keeps the texts they
    were made from (forgotten when the table is cleared)."""

    texts: tuple[tuple[str, ...], ...] = ()  # each row's texts, as given to put_rows

    def clear(self, columns: bool = False) -> Self:
        self.texts = ()
        return super().clear(columns)

    def put_rows(self, rows: Sequence[tuple[str, ...]]) -> None:
        """A row of cells for each tuple of texts in ``rows``, keyed by its place ("0",
        "1", …), the table scrolled to its start. When the table has as many rows, only
        the cells whose text is not the one put there before are made and replaced, in
        place (none: nothing to draw again), unless a column must widen for one;
        otherwise the table is filled anew."""
        if self.row_count == len(rows) == len(self.texts):
            columns = self.ordered_columns
            changed = [
                (str(place), column, LiteralCell(text))
                for place, (row, before) in enumerate(zip(rows, self.texts, strict=True))
                if row != before
                for column, text, was in zip(columns, row, before, strict=True)
                if text != was
            ]
            if all(cell.width <= column.width for _, column, cell in changed):
                for place, column, cell in changed:
                    self.update_cell(place, column.key, cell)
                self.texts = tuple(rows)
                self.scroll_to(0, 0, animate=False, immediate=True)  # as a table filled anew is
                return
        made = [[LiteralCell(text) for text in row] for row in rows]
        widen_columns(self, made)
        self.clear()
        for place, row in enumerate(made):
            self.add_row(*row, key=str(place))
        self.texts = tuple(rows)
