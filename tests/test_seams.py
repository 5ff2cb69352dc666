"""The package's seams, read from its source (ast): what one part uses of another is public,
and no modules import each other in a circle. A part is a direct child of gk_respond (a
subpackage such as `flowchart` or `tui`, or a module such as `batch`)."""

from __future__ import annotations

import ast
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from conftest import ROOT

PACKAGE = ROOT / "gk_respond"


@dataclass(frozen=True)
class Import:
    importer: str  # the importing module
    line: int
    module: str  # the module imported from (a module of the package)
    name: str  # the name imported from it ("" for `import module`)
    at_import_time: bool  # False: inside a function, run only when it is called


def modules() -> dict[str, Path]:
    found = {}
    for file in sorted(PACKAGE.rglob("*.py")):
        parts = list(file.relative_to(ROOT).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        found[".".join(parts)] = file
    return found


def _statements(body: list[ast.stmt], top: bool) -> Iterator[tuple[ast.stmt, bool]]:
    """Every statement with whether it runs at import time; `if TYPE_CHECKING:` left out."""
    for node in body:
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            yield from _statements(node.orelse, top)
            continue
        yield node, top
        inner = isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda)
        for field in ("body", "orelse", "finalbody", "handlers", "cases"):
            for child in getattr(node, field, []):
                block = (
                    child.body if isinstance(child, ast.ExceptHandler | ast.match_case) else [child]
                )
                yield from _statements(block, top and not inner)


def imports() -> list[Import]:
    known = modules()
    found = []
    for name, file in known.items():
        package = name.split(".") if file.name == "__init__.py" else name.split(".")[:-1]
        for node, top in _statements(ast.parse(file.read_text(encoding="utf-8")).body, True):
            if isinstance(node, ast.Import):
                for alias in node.names:
                    if alias.name in known:
                        found.append(Import(name, node.lineno, alias.name, "", top))
            elif isinstance(node, ast.ImportFrom):
                base = package[: len(package) - node.level + 1] if node.level else []
                source = ".".join([*base, *([node.module] if node.module else [])])
                for alias in node.names:
                    submodule = f"{source}.{alias.name}"
                    if submodule in known:  # `from . import render`: the module itself
                        found.append(Import(name, node.lineno, submodule, "", top))
                    elif source in known:
                        found.append(Import(name, node.lineno, source, alias.name, top))
    return found


def part(module: str) -> str:
    return ".".join(module.split(".")[:2])


def test_the_walk_sees_the_imports_it_judges():
    """A check on the walker: it finds known imports of each kind."""
    found = {(i.importer, i.module, i.name, i.at_import_time) for i in imports()}
    assert ("gk_respond.batch", "gk_respond.render", "outcome_data", True) in found
    assert ("gk_respond.cli.launch", "gk_respond.tui.app", "GkRespondApp", False) in found
    assert ("gk_respond.cli.triage", "gk_respond.overview", "", False) in found
    # tui/app.py imports Store under `if TYPE_CHECKING:` (left out) and in a method (lazy)
    assert ("gk_respond.tui.app", "gk_respond.records.store", "Store", False) in found
    assert ("gk_respond.tui.app", "gk_respond.records.store", "Store", True) not in found


def test_no_private_name_is_imported_from_another_part():
    private = [
        f"{i.importer}:{i.line} imports {i.name} from {i.module}"
        for i in imports()
        if i.name.startswith("_")
        and not i.name.startswith("__")
        and part(i.importer) != part(i.module)
    ]
    assert private == []


def cycles(edges: set[tuple[str, str]]) -> list[list[str]]:
    """The strongly connected groups of more than one module (Tarjan's algorithm)."""
    graph: dict[str, set[str]] = {}
    for importer, imported in edges:
        graph.setdefault(importer, set()).add(imported)
        graph.setdefault(imported, set())
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    groups: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        for other in sorted(graph[node]):
            if other not in index:
                visit(other)
                low[node] = min(low[node], low[other])
            elif other in stack:
                low[node] = min(low[node], index[other])
        if low[node] == index[node]:
            group = []
            while True:
                member = stack.pop()
                group.append(member)
                if member == node:
                    break
            if len(group) > 1:
                groups.append(sorted(group))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return groups


def edges(at_import_time_only: bool) -> set[tuple[str, str]]:
    return {
        (i.importer, i.module)
        for i in imports()
        if (i.at_import_time or not at_import_time_only)
        and i.importer != i.module
        and not i.importer.startswith(i.module + ".")  # a module imports its own package first
    }


def test_cycles_finds_a_circle():
    assert cycles({("a", "b"), ("b", "c"), ("c", "a"), ("c", "d")}) == [["a", "b", "c"]]


def test_no_modules_import_each_other_at_import_time():
    assert cycles(edges(at_import_time_only=True)) == []


def test_no_circles_through_lazy_imports_outside_the_screens():
    """Lazy imports count too. The one exception: screens open each other (a question opens
    its outcome, an outcome a dialog, a dialog the comment screen, ...), each importing the
    next only when it is shown, so that navigation graph may be circular."""
    screens = "gk_respond.tui.screens."
    assert [
        g
        for g in cycles(edges(at_import_time_only=False))
        if not all(m.startswith(screens) for m in g)
    ] == []
