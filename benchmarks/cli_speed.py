"""Cold start of the scripting CLI against a bare import line, and batch throughput.

Run from a checkout with the package installed:  python benchmarks/cli_speed.py [--runs N]

It measures, side by side and interleaved (so both see the same machine load):
  bare      python -c "import yaml, transitions; from pydantic import BaseModel"
  answers   gk-respond --answers ... --format json   (flowchart cache warm: the usual case)
  first     the same with an empty cache (the first run after install or an edit)
and then batch mode's cases per second on one core. Not a test: figures vary by machine.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time

ANSWERS = "prohibited=nej,positive=nej,defamatory=nej,joking=nej,factual_error=ja"
BARE = [sys.executable, "-c", "import yaml, transitions; from pydantic import BaseModel"]
CLI = [sys.executable, "-m", "gk_respond", "--answers", ANSWERS, "--format", "json"]
TARGET_RATIO = 1.6
TARGET_CASES = 20_000


def timed(command: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    subprocess.run(command, env=env, check=True, stdout=subprocess.DEVNULL)
    return time.perf_counter() - start


def cold_start(runs: int) -> dict[str, float]:
    warm = tempfile.mkdtemp(prefix="gk-bench-cache-")
    env = {**os.environ, "GK_RESPOND_CACHE_DIR": warm}
    subprocess.run(CLI, env=env, check=True, stdout=subprocess.DEVNULL)  # fill the cache
    times: dict[str, list[float]] = {"bare": [], "answers": [], "first": []}
    for _ in range(runs):
        empty = {**os.environ, "GK_RESPOND_CACHE_DIR": tempfile.mkdtemp(prefix="gk-bench-")}
        times["bare"].append(timed(BARE, env))
        times["answers"].append(timed(CLI, env))
        times["first"].append(timed(CLI, empty))
    return {name: statistics.median(values) for name, values in times.items()}


def batch_rate(cases: int) -> float:
    """Cases per second through `gk-respond --batch`, process start-up excluded."""
    from gk_respond import default_flowchart
    from gk_respond.batch import run
    from gk_respond.flowchart.engine import Chart
    from gk_respond.flowchart.load import load

    chart = Chart(load(default_flowchart()))
    table = [",".join(f"{s.question}={s.answer}" for s in steps) for steps, _ in chart.paths()]
    rng = random.Random(1)
    lines = [json.dumps({"id": f"c{i}", "answers": rng.choice(table)}) + "\n" for i in range(cases)]
    with open(os.devnull, "w") as sink:
        start = time.process_time()
        run(chart, iter(lines), sink, "sv")
        return cases / (time.process_time() - start)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=21)
    parser.add_argument("--cases", type=int, default=100_000)
    args = parser.parse_args()
    medians = cold_start(args.runs)
    bare = medians["bare"]
    print(f"cold start, median of {args.runs} interleaved runs:")
    print(f"  bare import line             {bare * 1000:6.1f} ms")
    for name, label in (
        ("answers", "--answers (cache warm)"),
        ("first", "--answers (cache empty)"),
    ):
        value = medians[name]
        print(f"  {label:28s} {value * 1000:6.1f} ms  {value / bare:4.2f}× bare")
    ratio = medians["answers"] / bare
    verdict = "meets" if ratio <= TARGET_RATIO else "MISSES"
    print(f"  target: at most {TARGET_RATIO}× bare with a warm cache: {verdict}")
    rate = batch_rate(args.cases)
    verdict = "meets" if rate >= TARGET_CASES else "MISSES"
    print(f"batch mode: {rate:,.0f} cases/s on one core (target {TARGET_CASES:,}: {verdict})")
    check = subprocess.run(
        [
            sys.executable,
            "-c",
            "import sys, gk_respond.cli as c; c.main(['--answers', "
            f"{ANSWERS!r}, '--format', 'json']); print('textual' in sys.modules, file=sys.stderr)",
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    print(f"textual imported by --answers: {check.stderr.strip()}")


if __name__ == "__main__":
    main()
