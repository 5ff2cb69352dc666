"""Which columns the app's case log shows, and how wide, decided by the width there is.

Wide enough, every column: number, created, outcome, status, due, comment, handler. Less
wide, the handler goes, then the due column and the time of day (the date stays), and an
overdue case says so in its status cell instead ("öppet FÖRSENAD": in words, as the due
column does). The comment always gets what is left, at least ``COMMENT_MIN`` cells, cut
with "…" (the whole text is on the case screen). Columns other than the comment's never
narrow while a layout stands (``widths``: the ones shown before). No Textual here: the
screen makes the table from what ``fit`` decides.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from rich.cells import cell_len, chop_cells

from ..untrusted import visible

COMMENT = "comment_key"
COMMENT_MIN = 16  # cells of the comment shown at least
PADDING = 2  # a column's cell padding, both sides
SCROLLBAR = 2  # the table's vertical scrollbar, kept free

# Each layout: (the column's label id and key, the row text it shows), widest first.
LAYOUTS: tuple[tuple[tuple[str, str], ...], ...] = (
    (
        ("case", "case"), ("created_at", "created_at"), ("outcome", "outcome"),
        ("status", "status"), ("due_column", "due_column"), (COMMENT, "comment"),
        ("handler", "handler"),
    ),
    (
        ("case", "case"), ("created_at", "created_at"), ("outcome", "outcome"),
        ("status", "status"), ("due_column", "due_column"), (COMMENT, "comment"),
    ),
    (
        ("case", "case"), ("created_at", "date"), ("outcome", "outcome"),
        ("status", "status_late"), (COMMENT, "comment"),
    ),
)  # fmt: skip


@dataclass(frozen=True)
class Fit:
    """The columns to show (label ids, in order), their widths and the rows' texts."""

    columns: tuple[str, ...]
    widths: tuple[int, ...]
    rows: list[tuple[str, ...]]


def shown_width(text: str) -> int:
    """The cells ``text`` takes in a table cell (as ``table_cells.LiteralCell`` draws it)."""
    return max(cell_len(line) for line in visible(text).expandtabs(8).split("\n"))


def cut(text: str, width: int) -> str:
    """``text`` in at most ``width`` cells, ending in "…" where some was left out."""
    if shown_width(text) <= width:
        return text
    return chop_cells(visible(text).expandtabs(8), max(width - 1, 1))[0] + "…"


def fit(
    width: int,
    labels: Mapping[str, str],
    rows: Sequence[Mapping[str, str]],
    before: tuple[tuple[str, ...], tuple[int, ...]] | None = None,
) -> Fit:
    """The widest layout whose columns and ``COMMENT_MIN`` cells of comment fit in
    ``width`` (the last one if none does), for ``rows`` (each a text for every row key of
    every layout) with column ``labels``; ``before``: the columns and widths shown so far."""
    room = width - SCROLLBAR
    for layout in LAYOUTS:
        columns = tuple(label for label, _ in layout)
        widths = []
        for (label, source), old in zip(layout, _old(columns, before), strict=True):
            cells = [shown_width(row[source]) for row in rows]
            widths.append(max([cell_len(labels[label]), old, *cells]))
        comment = columns.index(COMMENT)
        others = sum(w + PADDING for i, w in enumerate(widths) if i != comment)
        left = room - others - PADDING
        if left >= COMMENT_MIN or layout is LAYOUTS[-1]:
            longest = widths[comment]
            widths[comment] = max(min(longest, left), COMMENT_MIN, cell_len(labels[COMMENT]))
            texts = [
                tuple(
                    cut(row[source], widths[comment]) if label == COMMENT else row[source]
                    for label, source in layout
                )
                for row in rows
            ]
            return Fit(columns, tuple(widths), texts)
    raise AssertionError("unreachable: the last layout always fits")


def _old(
    columns: tuple[str, ...], before: tuple[tuple[str, ...], tuple[int, ...]] | None
) -> list[int]:
    """The widths shown before, for the same columns (the comment's starts afresh)."""
    if before is None or before[0] != columns:
        return [0] * len(columns)
    return [0 if c == COMMENT else w for c, w in zip(columns, before[1], strict=True)]
