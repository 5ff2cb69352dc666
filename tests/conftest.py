from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from textual._animator import Animator
from textual.widgets import Input, TextArea

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(__file__).resolve().parent / "data"

# Under pytest-xdist (`-n auto`, as README's test command runs the suite) each worker keeps
# the flowchart and template caches the in-process tests use in a folder of its own.
_WORKER = os.environ.get("PYTEST_XDIST_WORKER")
if _WORKER and os.environ.get("GK_RESPOND_CACHE_DIR"):
    os.environ["GK_RESPOND_CACHE_DIR"] = os.path.join(os.environ["GK_RESPOND_CACHE_DIR"], _WORKER)

# No cursor blinks in a test: a snapshot must not depend on where in the half-second blink
# cycle it is taken, which is a matter of the machine's speed.
Input.cursor_blink = TextArea.cursor_blink = False  # type: ignore[assignment]


# Textual 8.2's pilot waits for the animator after each key. When a key ends the app, a
# focus scroll the app had already scheduled may start an animation after the animator has
# stopped: its "complete" event is then never set and `pilot.press` waits forever. Whether
# that happens depends on how busy the machine is, so the tests do not wait for the
# animations of an app that is no longer running.
_wait_until_complete = Animator.wait_until_complete


async def _wait_while_running(self: Animator) -> None:
    if self.app.is_running:
        await _wait_until_complete(self)


Animator.wait_until_complete = _wait_while_running  # type: ignore[method-assign]


@pytest.fixture(scope="session")
def cli_env(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """The environment for CLI subprocesses: a private flowchart cache, UTF-8 output, and an
    English locale (en_US.UTF-8: messages in English, as most tests pin them), whatever the
    locale of the machine running the tests; `gk_sv` runs under a Swedish one."""
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith("GK_RESPOND_") and k not in ("LC_ALL", "LC_MESSAGES", "LANGUAGE")
    }
    env["GK_RESPOND_CACHE_DIR"] = str(tmp_path_factory.mktemp("cache"))
    env["PYTHONIOENCODING"] = "utf-8"
    env["LANG"] = "en_US.UTF-8"
    return env


@pytest.fixture(scope="session")
def gk(cli_env: dict[str, str]) -> Callable[..., subprocess.CompletedProcess[str]]:
    """Run ``gk-respond ARGS`` as a subprocess (``python -m gk_respond``) from a temp dir."""

    return _runner(cli_env)


@pytest.fixture(scope="session")
def gk_sv(cli_env: dict[str, str]) -> Callable[..., subprocess.CompletedProcess[str]]:
    """`gk` under a Swedish locale (sv_SE.UTF-8): the language Swedish users get."""
    return _runner({**cli_env, "LANG": "sv_SE.UTF-8"})


def _runner(env: dict[str, str]) -> Callable[..., subprocess.CompletedProcess[str]]:
    def run(*args: str, input: str | None = None, cwd: Path | None = None):
        return subprocess.run(
            [sys.executable, "-m", "gk_respond", *args],
            input=input,
            capture_output=True,
            text=True,
            encoding="utf-8",
            env=env,
            cwd=cwd or Path("/"),
            timeout=120,
        )

    return run


# The case log on both backends (tests/backends.py): `case_log`, `postgres_log`, `backend`,
# and `paged` (250 cases in it, for the app's case log).
from backends import backend, case_log, paged, postgres_log  # noqa: E402, F401
