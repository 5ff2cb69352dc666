"""What is wrong with a flowchart file, said so that its author can fix it."""

from __future__ import annotations

from dataclasses import dataclass

# A place in the parsed file: the keys and list indexes leading to a value.
Path = tuple[str | int, ...]
# Where each place starts in the file: path -> (line, column), both counted from 1.
Positions = dict[Path, tuple[int, int]]


@dataclass(frozen=True)
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


def locate(positions: Positions, path: Path) -> tuple[int | None, int | None]:
    """The position of ``path``, or of the nearest enclosing place the file has."""
    for end in range(len(path), -1, -1):
        found = positions.get(path[:end])
        if found:
            return found
    return None, None
