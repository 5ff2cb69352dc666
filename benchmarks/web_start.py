"""The web server's start: from spawning ``gk-respond serve`` to its first 200 on ``/``.

    .venv/bin/python benchmarks/web_start.py [--runs 9]

Starts the server RUNS times on a free loopback port with an empty case log, each time
polling ``GET /`` every 10 ms from the moment the process is spawned until a 200 comes back,
and reports the medians of the wall time and of the server's own CPU time (user + system,
from /proc) at that moment. Interleaved with each run, the same for a reference: Python
itself, started and exiting (``python -c pass``), so the load the machine was under shows
beside the figure. Not a test: figures depend on the machine. Target (issue 13): answering
within 1.5 s of being started.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time

from web_load import cpu_seconds, start_server

TARGET_SECONDS = 1.5


def serve_once(db: str) -> tuple[float, float]:
    """Wall and CPU seconds from spawning the server to its first 200 on /."""
    server, _, wall = start_server(db)
    try:
        return wall, cpu_seconds(server.pid)
    finally:
        server.terminate()
        server.wait()


def python_once() -> tuple[float, float]:
    started = time.perf_counter()
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    _, _, usage = os.wait4(child.pid, 0)
    return time.perf_counter() - started, usage.ru_utime + usage.ru_stime


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=9)
    args = parser.parse_args()
    # An installed package has its bytecode: the warm-up run below writes it for the
    # children, which PYTHONDONTWRITEBYTECODE would forbid (every start would compile again).
    os.environ.pop("PYTHONDONTWRITEBYTECODE", None)
    db = os.path.join(tempfile.mkdtemp(prefix="gk-bench-web-"), "cases.db")
    serve_once(db)  # fill the bytecode caches and the flowchart cache
    runs: dict[str, list[tuple[float, float]]] = {"serve": [], "python": []}
    for _ in range(args.runs):
        runs["serve"].append(serve_once(db))
        runs["python"].append(python_once())
    print(f"median of {args.runs} interleaved runs ({os.cpu_count()} cores), wall and CPU:")
    for name, label in (("serve", "gk-respond serve to its first 200"),
                        ("python", "python -c pass (the machine's load)")):  # fmt: skip
        wall = statistics.median(w for w, _ in runs[name])
        cpu = statistics.median(c for _, c in runs[name])
        print(f"  {label:38s} {wall * 1000:7.0f} ms wall  {cpu * 1000:6.0f} ms CPU")
    wall = statistics.median(w for w, _ in runs["serve"])
    verdict = "meets" if wall <= TARGET_SECONDS else "MISSES"
    print(f"  target: answering within {TARGET_SECONDS:g} s: {verdict}")


if __name__ == "__main__":
    main()
