"""The case log as CSV, JSON or Markdown: every field of every case given. No UI.

CSV is made for spreadsheets: UTF-8 with a byte-order mark (so Excel reads å, ä, ö right),
semicolons between cells by default (what Swedish Excel expects), lists as JSON text, and a
leading apostrophe on any cell that starts with ``= + - @``, a tab, a carriage return or an
apostrophe, so that no spreadsheet runs a comment from the web as a formula. Remove one
leading apostrophe from a cell to get the stored value back.
"""

from __future__ import annotations

import json
from dataclasses import asdict, fields

from ..csvfile import csv_text as excel_csv
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


def csv_text(cases: list[Case], delimiter: str = ";", headers: list[str] | None = None) -> str:
    """The cases as CSV in the product's convention (`csvfile`), under ``headers`` (the
    column ids by default)."""
    rows = [[_cell(getattr(case, name)) for name in COLUMNS] for case in cases]
    return excel_csv([headers or COLUMNS, *rows], delimiter)


def json_text(cases: list[Case]) -> str:
    """Every field of every case; what a terminal could act on escaped (``json_text``)."""
    return safe_json([asdict(case) for case in cases])


def markdown_text(cases: list[Case], chart: Chart, lang: str, where: CaseFilter) -> str:
    lines = [f"# {t(lang, 'cases')}", ""]
    conditions = describe(where)
    if conditions:
        lines += [f"_{conditions}_", ""]
    if not cases:
        lines.append(t(lang, "no_cases"))
    body = "\n\n".join(case_markdown(case, chart, lang) for case in cases)
    return "\n".join(lines) + body + "\n"


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
