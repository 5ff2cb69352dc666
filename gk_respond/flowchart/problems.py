"""What is wrong with a flowchart file, said so that its author can fix it."""

from __future__ import annotations

import difflib
from collections.abc import Iterable

from .lazy_dataclass import frozen

# A place in the parsed file: the keys and list indexes leading to a value.
Path = tuple[str | int, ...]
# Where each place starts in the file: path -> (line, column), both counted from 1.
Positions = dict[Path, tuple[int, int]]

MAX_PROBLEMS = 100  # listed for one file; the rest are counted in one last line
MAX_QUOTED = 60  # characters of a value a message quotes


def quote(value: object, limit: int = MAX_QUOTED) -> str:
    """``repr(value)``, cut to ``limit`` characters with "…" (a message never embeds a huge
    value: a 500,000-character id is quoted by its start)."""
    if isinstance(value, str) and len(value) > limit:
        return repr(value[:limit]) + f"… ({len(value):,} characters)"
    return cut(repr(value), limit)


def listing(items: Iterable[str], limit: int = 30) -> str:
    """``items`` joined by ", ", at most ``limit`` of them, then how many there are."""
    items = list(items)
    if len(items) <= limit:
        return ", ".join(items)
    return ", ".join(items[:limit]) + f", … ({len(items):,} in all)"


def cut(text: str, limit: int = MAX_QUOTED) -> str:
    """``text``, or its first ``limit`` characters and "…"."""
    return text if len(text) <= limit else text[:limit] + "…"


@frozen
class Problem:
    file: str
    line: int | None
    column: int | None
    message: str

    def __str__(self) -> str:
        where = self.file
        if self.line is not None:
            where += f":{self.line}"
            if self.column is not None:
                where += f":{self.column}"
        return f"{where}: {self.message}"


class FlowchartError(Exception):
    """A flowchart file that cannot be used; ``problems`` lists everything wrong with it."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__("\n".join(map(str, problems)))
        self.problems = problems


def capped(problems: list[Problem]) -> list[Problem]:
    """The first MAX_PROBLEMS problems, and a last line counting the rest (a file with
    50,000 mistakes is not printed in full)."""
    if len(problems) <= MAX_PROBLEMS:
        return problems
    rest = len(problems) - MAX_PROBLEMS
    more = f"… and {rest:,} more problem(s); only the first {MAX_PROBLEMS} are listed"
    return [*problems[:MAX_PROBLEMS], Problem(problems[0].file, None, None, more)]


def locate(positions: Positions, path: Path) -> tuple[int | None, int | None]:
    """The position of ``path``, or of the nearest enclosing place the file has."""
    for end in range(len(path), -1, -1):
        found = positions.get(path[:end])
        if found:
            return found
    return None, None


MAX_SUGGEST_AMONG = 5_000  # a "did you mean" is looked for among at most this many ids


def suggest(word: str, known) -> str:
    """``; did you mean 'x'?`` for the closest of ``known`` to ``word``, or "" (also when
    there are more than MAX_SUGGEST_AMONG to choose from)."""
    known = list(known)
    if len(known) > MAX_SUGGEST_AMONG:
        return ""
    close = difflib.get_close_matches(word, known, n=1)
    return f"; did you mean {close[0]!r}?" if close else ""
