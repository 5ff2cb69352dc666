"""The import contracts in pyproject.toml bite: `lint-imports` keeps them for the package as it
is, and breaks them once an upward import, an import between front ends or an import of
Textual outside the TUI is added (to a copy of the package in a temporary folder)."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from conftest import ROOT

LINT_IMPORTS = Path(sys.executable).with_name("lint-imports")


def lint_imports(where: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(LINT_IMPORTS), "--no-cache", "--no-logo", str(where / "pyproject.toml")],
        cwd=where,
        env={"PATH": "/usr/bin:/bin", "PYTHONPATH": str(where)},
        capture_output=True,
        text=True,
        check=False,
    )


def add_line(file: Path, line: str) -> None:
    file.write_text(file.read_text(encoding="utf-8") + line + "\n", encoding="utf-8")


def test_lint_imports_fails_on_imports_the_contracts_forbid(tmp_path):
    shutil.copytree(
        ROOT / "gk_respond", tmp_path / "gk_respond", ignore=shutil.ignore_patterns("__pycache__")
    )
    shutil.copy(ROOT / "pyproject.toml", tmp_path)

    kept = lint_imports(tmp_path)
    assert kept.returncode == 0, kept.stdout + kept.stderr
    assert "0 broken" in kept.stdout

    package = tmp_path / "gk_respond"
    add_line(package / "flowchart" / "engine.py", "from ..render import ticks  # upward")
    add_line(package / "tui" / "keys.py", "from ..cli.common import OK  # another front end")
    add_line(package / "records" / "stats.py", "import textual  # the non-interactive path")
    broken = lint_imports(tmp_path)
    assert broken.returncode == 1, broken.stdout + broken.stderr
    report = broken.stdout
    assert "Contracts: 0 kept, 2 broken." in report
    assert "gk_respond.flowchart.engine -> gk_respond.render" in report
    assert "gk_respond.tui.keys -> gk_respond.cli.common" in report
    assert "gk_respond.records.stats -> textual" in report
