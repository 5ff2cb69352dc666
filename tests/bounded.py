"""Run gk-respond in a subprocess whose memory and CPU time are capped (``setrlimit``), so
that a test of a hostile input fails, instead of filling the machine, when the work is not
bounded. The caps are far above what the work needs (a generous CPU-time guard, never a
wall-clock deadline: a loaded machine does not make CPU time grow)."""

from __future__ import annotations

import resource
import subprocess
import sys

MEMORY = 1024 * 1024 * 1024  # bytes of address space
CPU_SECONDS = 120


def limits(memory: int = MEMORY, cpu: int = CPU_SECONDS):
    def apply() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (memory, memory))
        resource.setrlimit(resource.RLIMIT_CPU, (cpu, cpu))

    return apply


def run(env: dict[str, str], *args: str, input: bytes | str | None = None):
    """``gk-respond ARGS`` under the caps; stdout and stderr as text (UTF-8, strict)."""
    data = input.encode("utf-8") if isinstance(input, str) else input
    result = subprocess.run(
        [sys.executable, "-m", "gk_respond", *args],
        input=data,
        capture_output=True,
        env=env,
        preexec_fn=limits(),
    )
    out = result.stdout.decode("utf-8")
    err = result.stderr.decode("utf-8")
    assert result.returncode >= 0, f"killed by signal {-result.returncode}: {err[-2000:]}"
    assert "Traceback" not in err and "MemoryError" not in err, err[-2000:]
    return subprocess.CompletedProcess(result.args, result.returncode, out, err)
