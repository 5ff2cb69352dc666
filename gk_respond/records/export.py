"""The case log as CSV, JSON or Markdown: every field of every case given. No UI.

CSV is made for spreadsheets: UTF-8 with a byte-order mark (so Excel reads å, ä, ö right),
semicolons between cells by default (what Swedish Excel expects), lists as JSON text, and a
leading apostrophe on any cell that starts with ``= + - @``, a tab, a carriage return or an
apostrophe, so that no spreadsheet runs a comment from the web as a formula. Remove one
leading apostrophe from a cell to get the stored value back.
"""

from __future__ import annotations

import io
import json
from collections.abc import Iterable, Iterator
from dataclasses import asdict, fields

from ..csvfile import csv_writer
from ..flowchart.engine import Chart
from ..render import ticks
from ..strings import t
from ..untrusted import json_text as safe_json
from ..untrusted import visible
from .store import Case, CaseFilter
from .view import case_markdown

COLUMNS = ["number", "created_at", "status"] + [
    f.name for f in fields(Case) if f.name not in ("number", "created_at")
]
_FORMULA = tuple("=+-@\t\r'")


def _cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        return json.dumps(value, ensure_ascii=False)
    text = str(value)
    return "'" + text if text.startswith(_FORMULA) else text


def csv_pieces(
    cases: Iterable[Case], delimiter: str = ";", headers: list[str] | None = None
) -> Iterator[str]:
    """The cases as CSV in the product's convention (`csvfile`), under ``headers`` (the
    column ids by default), a row at a time."""
    buffer = io.StringIO()
    writer = csv_writer(buffer, delimiter)
    writer.writerow(headers or COLUMNS)
    yield _drained(buffer)
    for case in cases:
        writer.writerow([_cell(getattr(case, name)) for name in COLUMNS])
        yield _drained(buffer)


def json_pieces(cases: Iterable[Case]) -> Iterator[str]:
    """Every field of every case, as one JSON array a case at a time: the same text as
    ``json_text`` of them all (each element indented as in the array); what a terminal
    could act on escaped."""
    count = 0
    for count, case in enumerate(cases, 1):
        element = safe_json(asdict(case)).replace("\n", "\n  ")  # JSON strings hold no \n
        yield ("[\n  " if count == 1 else ",\n  ") + element
    yield "\n]" if count else "[]"


def markdown_pieces(
    cases: Iterable[Case], chart: Chart, lang: str, where: CaseFilter
) -> Iterator[str]:
    """The cases as one Markdown document, a case at a time."""
    lines = [f"# {t(lang, 'cases')}", ""]
    conditions = describe(where)
    if conditions:
        lines += [f"_{conditions}_", ""]
    yield "\n".join(lines)
    count = 0
    for count, case in enumerate(cases, 1):
        yield ("" if count == 1 else "\n\n") + case_markdown(case, chart, lang)
    yield ("" if count else "\n" + t(lang, "no_cases")) + "\n"


def document(
    fmt: str,
    cases: Iterable[Case],
    *,
    chart: Chart,
    lang: str,
    where: CaseFilter,
    delimiter: str = ";",
    headers: list[str] | None = None,
) -> Iterator[str]:
    """The export of ``cases`` in ``fmt`` (csv, json or markdown) a piece at a time, as
    ``gk-respond records export`` writes it and the web app's downloads send it: the same
    text from the same code (JSON ends in a line break, as printed)."""
    if fmt == "csv":
        yield from csv_pieces(cases, delimiter, headers)
    elif fmt == "json":
        yield from json_pieces(cases)
        yield "\n"
    else:
        yield from markdown_pieces(cases, chart, lang, where)


def _drained(buffer: io.StringIO) -> str:
    text = buffer.getvalue()
    buffer.seek(0)
    buffer.truncate()
    return text


def json_text(cases: Iterable[Case]) -> str:
    """``json_pieces`` as one text."""
    return "".join(json_pieces(cases))


def describe(where: CaseFilter) -> str:
    """The filter in a line, for the head of an export (ids and dates, not translated; the
    search text visible, in a code span)."""
    parts = []
    if where.outcomes:
        parts.append("outcome: " + ", ".join(sorted(where.outcomes)))
    if where.status:
        parts.append(f"status: {where.status}")
    if where.since or where.until:
        parts.append(f"created: {where.since or '…'} – {where.until or '…'}")
    if where.text:  # typed by the user: visible, and in a code span (never Markdown)
        shown = visible(where.text).replace("\n", "␤")
        tick = ticks(shown, 1)
        parts.append(f"text: {tick} {shown} {tick}")
    return "; ".join(parts)
