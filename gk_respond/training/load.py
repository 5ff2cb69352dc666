"""Scenario files -> checked scenarios, or every problem with file:line:column.

A file holds one scenario. It is read as a flowchart is (``flowchart/yamlfile.py`` catches
YAML's traps, ``flowchart/validate.py`` words the schema's errors) and then checked against
the flowchart (``check.py``). Never imports Textual.
"""

from __future__ import annotations

import os
from collections.abc import Sequence

from ..flowchart.engine import Chart
from ..flowchart.problems import FlowchartError, Problem
from .schema import Loaded, Scenario

BUNDLED = os.path.join(os.path.dirname(os.path.abspath(__file__)), "scenarios")
SUFFIXES = (".yaml", ".yml")


def files(paths: Sequence[str]) -> list[str]:
    """The scenario files named: a folder stands for its *.yaml and *.yml files (sorted);
    no paths at all for the bundled set. A file named again (by a folder and by its own
    name, or by another spelling of its path) counts once, where it is first named."""
    found: list[str] = []
    for path in paths or [BUNDLED]:
        if os.path.isdir(path):
            names = sorted(n for n in os.listdir(path) if n.endswith(SUFFIXES))
            found += [os.path.join(path, n) for n in names]
        else:
            found.append(path)
    unique: dict[str, str] = {}  # the resolved path -> the path as first named
    for name in found:
        unique.setdefault(os.path.realpath(name), name)
    return list(unique.values())


def read(file: str) -> Loaded:
    """One scenario file, validated against the schema (not yet against the flowchart)."""
    from ..flowchart.load import decode, read_raw, read_validated

    text = decode(read_raw(file, "a scenario"), file)
    scenario, positions, problems = read_validated(text, file, Scenario)
    if problems:
        raise FlowchartError(problems)
    return Loaded(file, scenario, positions)


def load(chart: Chart, paths: Sequence[str] = ()) -> list[Loaded]:
    """Every scenario in ``paths`` (see ``files``), checked; FlowchartError lists every
    problem of every file."""
    from .check import check

    names = files(paths)
    problems: list[Problem] = []
    loaded: list[Loaded] = []
    for name in names:
        try:
            loaded.append(read(name))
        except FlowchartError as error:
            problems += error.problems
    if not names:
        problems.append(Problem(", ".join(paths) or BUNDLED, None, None, "no scenario files"))
    problems += check(chart, loaded)
    order = {name: index for index, name in enumerate(names)}
    problems.sort(key=lambda p: (order.get(p.file, -1), p.line or 0, p.column or 0))
    if problems:
        raise FlowchartError(problems)
    return loaded
