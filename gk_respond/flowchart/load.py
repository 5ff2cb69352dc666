"""flowchart.yaml -> a validated, checked ``Flowchart``, or every problem with file:line:column.

Start-up cost matters here (the scripting CLI loads a flowchart on every run), so a sound
flowchart comes from the cache when it can, and the parser, validator and checker are only
imported when it cannot.
"""

from __future__ import annotations

import os
from typing import TypeVar

from . import cache
from .problems import FlowchartError, Positions, Problem
from .schema import Flowchart

T = TypeVar("T")

MAX_BYTES = 1024 * 1024


def load(file: str | os.PathLike[str]) -> Flowchart:
    """Read, validate and check a flowchart file; raise FlowchartError listing every problem."""
    name = os.fspath(file)
    raw = read_raw(name)
    entry = cache.key(name, raw)
    chart = cache.get(entry)
    if chart is not None:
        return chart

    from .check import check

    chart, positions, problems = read_validated(decode(raw, name), name, Flowchart)
    problems = sorted(problems + check(chart, positions, name), key=_place)
    if problems:
        raise FlowchartError(problems)
    cache.put(entry, chart)
    return chart


def read_validated(text: str, name: str, model: type[T]) -> tuple[T, Positions, list[Problem]]:
    """``model``'s instance read from YAML ``text``, where each value stands, and the YAML
    traps found on the way; FlowchartError lists the traps and every schema error together
    (a trap does not hide the other mistakes of the file)."""
    from .validate import validate
    from .yamlfile import parse_all

    data, positions, literals, problems = parse_all(text, name)
    try:
        value = validate(data, positions, name, literals, model)
    except FlowchartError as error:
        raise FlowchartError(sorted(problems + error.problems, key=_place)) from None
    return value, positions, problems


def _place(problem: Problem) -> tuple[int, int]:
    return problem.line or 0, problem.column or 0


def read_raw(name: str, what: str = "a flowchart") -> bytes:
    """A file's bytes (at most MAX_BYTES), or FlowchartError saying why they cannot be read."""

    def fail(message: str, line: int | None = None) -> FlowchartError:
        return FlowchartError([Problem(name, line, None, message)])

    try:
        with open(name, "rb") as handle:
            raw = handle.read(MAX_BYTES + 1)
    except FileNotFoundError:
        raise fail("no such file") from None
    except IsADirectoryError:
        raise fail("is a folder, not a file") from None
    except OSError as error:
        raise fail(error.strerror or str(error)) from None
    if len(raw) > MAX_BYTES:
        raise fail(f"the file is larger than {MAX_BYTES:,} bytes, the most {what} may be")
    return raw


def decode(raw: bytes, name: str) -> str:
    """UTF-8 text (a byte-order mark is dropped), or FlowchartError naming the line."""
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        message = f"the file is not UTF-8 text (byte {error.start + 1} cannot be read)"
        raise FlowchartError([Problem(name, line, None, message)]) from None
