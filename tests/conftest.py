from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from textual.widgets import Input, TextArea

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(__file__).resolve().parent / "data"

# No cursor blinks in a test: a snapshot must not depend on where in the half-second blink
# cycle it is taken, which is a matter of the machine's speed.
Input.cursor_blink = TextArea.cursor_blink = False  # type: ignore[assignment]


@pytest.fixture(scope="session")
def cli_env(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """The environment for CLI subprocesses: a private flowchart cache, UTF-8 output."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("GK_RESPOND_")}
    env["GK_RESPOND_CACHE_DIR"] = str(tmp_path_factory.mktemp("cache"))
    env["PYTHONIOENCODING"] = "utf-8"
    return env


@pytest.fixture(scope="session")
def gk(cli_env: dict[str, str]) -> Callable[..., subprocess.CompletedProcess[str]]:
    """Run ``gk-respond ARGS`` as a subprocess (``python -m gk_respond``) from a temp dir."""

    def run(*args: str, input: str | None = None, cwd: Path | None = None):
        return subprocess.run(
            [sys.executable, "-m", "gk_respond", *args],
            input=input,
            capture_output=True,
            text=True,
            encoding="utf-8",
            env=cli_env,
            cwd=cwd or Path("/"),
            timeout=120,
        )

    return run
