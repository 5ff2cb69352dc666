"""The product's one CSV convention, for every CSV it writes (`paths --format csv`, `records
export`): semicolons between fields, CRLF line ends and a UTF-8 byte-order mark, so that a
double click opens it in a Swedish Excel with åäö and decimal commas intact."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from typing import IO, Any

BOM = "\ufeff"


def csv_writer(out: IO[str], delimiter: str = ";") -> Any:
    """A CSV writer on ``out`` in the product's convention (another delimiter if asked),
    the byte-order mark already written: rows can follow one at a time."""
    out.write(BOM)
    return csv.writer(out, delimiter=delimiter, lineterminator="\r\n")


def csv_text(rows: Iterable[Iterable[object]], delimiter: str = ";") -> str:
    """``rows`` as CSV text in the product's convention (another delimiter if asked)."""
    out = io.StringIO()
    csv_writer(out, delimiter).writerows(rows)
    return out.getvalue()
