"""The product's one CSV convention, for every CSV it writes (`paths --format csv`, `records
export`): semicolons between fields, CRLF line ends and a UTF-8 byte-order mark, so that a
double click opens it in a Swedish Excel with åäö and decimal commas intact."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable

BOM = "\ufeff"


def csv_text(rows: Iterable[Iterable[object]], delimiter: str = ";") -> str:
    """``rows`` as CSV text in the product's convention (another delimiter if asked)."""
    out = io.StringIO()
    out.write(BOM)
    csv.writer(out, delimiter=delimiter, lineterminator="\r\n").writerows(rows)
    return out.getvalue()
