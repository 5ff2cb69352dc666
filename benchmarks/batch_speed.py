"""Batch mode against its floor, and `paths` on a large chart: time and peak memory.

Run from a checkout with the package installed:
  python benchmarks/batch_speed.py [--rounds N] [--cases M] [--comb K]

Batch: `gk_respond.batch.run` (what `gk-respond --batch` runs, process start-up excluded)
against the floor, a plain dict walk of the same decision table written for this benchmark:
one `json.loads` a line, the answers text split into a dict, the chart's nodes walked as
dicts, the outcome's texts looked up by the path. Both get the same M lines (cases drawn
from the decision table, one in ten stopping before its outcome) and must write byte-
identical output (checked first); then N rounds, interleaved, each timing both on CPU time;
the median of the per-round ratios is printed.

Paths: `gk-respond paths` in each format on a comb of K questions (each "nej" ends the walk:
K + 1 paths, about K²/2 answers, the most `paths` prints is 10^6) and on a comb of 100, as
child processes whose peak memory (VmHWM) is compared: streamed output keeps it flat
whatever the output's size. Not a test: figures vary by machine.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterable
from typing import IO

TARGET_RATIO = 1.3
TARGET_EXTRA_MIB = 50
SMALL_COMB = 100
HERE = os.path.dirname(os.path.abspath(__file__))


def floor_of(chart, lang: str) -> Callable[[Iterable[bytes], IO[str]], None]:
    """The plain dict walk: everything that does not depend on the line is prepared here."""
    from gk_respond.render import outcome_data, question_data

    fc = chart.flowchart
    moves = {nid: dict(node.next) for nid, node in fc.nodes.items()}
    asks = {nid: fc.question_at(nid) for nid in fc.nodes}
    dumps = json.JSONEncoder(ensure_ascii=False).encode
    version = dumps(fc.version)
    texts = {}
    for steps, outcome in chart.paths():
        key = tuple((s.question, s.answer) for s in steps)
        texts[key] = dumps(outcome_data(chart, outcome, lang, steps))[1:-1]
    nexts = {qid: dumps(question_data(chart, qid, lang)) for qid in fc.questions}
    start, loads = fc.start, json.loads

    def walk(lines: Iterable[bytes], out: IO[str]) -> None:
        write = out.write
        for number, raw in enumerate(lines, 1):
            case = loads(raw)
            answers = dict(part.split("=") for part in case["answers"].split(","))
            node, path = start, []
            while node in moves:
                answer = answers.get(asks[node])
                if answer is None:
                    break
                path.append((asks[node], answer))
                node = moves[node][answer]
            steps = dumps([{"question": q, "answer": a} for q, a in path])
            common = (
                f'"id":{dumps(case["id"])},"path":{steps},"lang":"{lang}",'
                f'"flowchart_version":{version}'
            )
            if node in moves:
                nxt = nexts[asks[node]]
                write(f'{{"line":{number},"status":"incomplete",{common},"next":{nxt}}}\n')
            else:
                write(f'{{"line":{number},"status":"outcome",{common},{texts[tuple(path)]}}}\n')
        out.flush()

    return walk


def batch(rounds: int, cases: int) -> tuple[float, float, float]:
    from gk_respond import default_flowchart
    from gk_respond.batch import run
    from gk_respond.flowchart.engine import Chart
    from gk_respond.flowchart.load import load

    chart = Chart(load(default_flowchart()))
    table = [[f"{s.question}={s.answer}" for s in steps] for steps, _ in chart.paths()]
    rng = random.Random(1)
    lines = []
    for i in range(cases):
        answers = rng.choice(table)
        if i % 10 == 9 and len(answers) > 1:  # stops before its outcome
            answers = answers[: rng.randrange(1, len(answers))]
        line = json.dumps({"id": f"c{i}", "answers": ",".join(answers)}, ensure_ascii=False)
        lines.append(line.encode() + b"\n")
    floor = floor_of(chart, "sv")
    ours_out, floor_out = io.StringIO(), io.StringIO()
    run(chart, lines, ours_out, "sv")
    floor(lines, floor_out)
    if ours_out.getvalue() != floor_out.getvalue():
        raise SystemExit("the floor's output differs from batch mode's: fix the floor")
    ratios, ours_times, floor_times = [], [], []
    with open(os.devnull, "w") as sink:
        for _ in range(rounds):
            start = time.process_time()
            run(chart, lines, sink, "sv")
            ours = time.process_time() - start
            start = time.process_time()
            floor(lines, sink)
            bare = time.process_time() - start
            ours_times.append(ours)
            floor_times.append(bare)
            ratios.append(ours / bare)
    median = statistics.median
    return median(ours_times), median(floor_times), median(ratios)


# The child's own peak (VmHWM: reset at exec, unlike ru_maxrss, which keeps the parent's).
MEASURE = """
import sys
from gk_respond.cli import main
sys.stdout = open("/dev/null", "w")
code = main({args!r})
sys.stdout.flush()
with open("/proc/self/status") as status:
    print(next(line for line in status if line.startswith("VmHWM")).split()[1], file=sys.stderr)
sys.exit(code)
"""


def peak(args: list[str], env: dict[str, str]) -> tuple[float, float]:
    """Seconds and peak KiB of a child running ``gk-respond ARGS``, output to /dev/null."""
    start = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-c", MEASURE.format(args=args)],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    return time.perf_counter() - start, float(done.stderr.split()[-1])


def paths(size: int) -> None:
    sys.path.insert(0, os.path.join(os.path.dirname(HERE), "tests"))
    from hostile_charts import comb

    folder = tempfile.mkdtemp(prefix="gk-bench-paths-")
    env = {**os.environ, "GK_RESPOND_CACHE_DIR": os.path.join(folder, "cache")}
    charts = {}
    for questions in (SMALL_COMB, size):
        charts[questions] = os.path.join(folder, f"comb{questions}.yaml")
        with open(charts[questions], "w", encoding="utf-8") as out:
            out.write(comb(questions))
        peak(["check", charts[questions]], env)  # fills the flowchart cache
    print(f"paths on a comb of {size} questions ({size + 1} paths) against one of {SMALL_COMB},")
    print("output to /dev/null, peak memory of the process:")
    worst = 0.0
    for fmt in ("text", "json", "csv"):
        _, small = peak(["paths", "--flowchart", charts[SMALL_COMB], "--format", fmt], env)
        seconds, large = peak(["paths", "--flowchart", charts[size], "--format", fmt], env)
        extra = (large - small) / 1024
        worst = max(worst, extra)
        print(f"  --format {fmt:5s} {small / 1024:7.1f} MiB -> {large / 1024:7.1f} MiB"
              f"  (+{extra:6.1f} MiB)  {seconds:6.2f} s")  # fmt: skip
    verdict = "meets" if worst <= TARGET_EXTRA_MIB else "MISSES"
    print(f"  target: at most {TARGET_EXTRA_MIB} MiB more than for {SMALL_COMB}: {verdict}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=15)
    parser.add_argument("--cases", type=int, default=20_000)
    parser.add_argument("--comb", type=int, default=1400)
    args = parser.parse_args()
    ours, floor, ratio = batch(args.rounds, args.cases)
    print(f"batch, {args.cases:,} cases, median of {args.rounds} interleaved rounds, CPU time")
    print(f"({os.cpu_count()} cores), byte-identical output:")
    print(
        f"  floor (plain dict walk)      {floor * 1000:7.1f} ms  {args.cases / floor:9,.0f} cases/s"
    )
    print(f"  gk_respond.batch.run         {ours * 1000:7.1f} ms  {args.cases / ours:9,.0f} cases/s"
          f"  {ratio:4.2f}× the floor")  # fmt: skip
    verdict = "meets" if ratio <= TARGET_RATIO else "MISSES"
    print(f"  target: at most {TARGET_RATIO}× the floor: {verdict}")
    paths(args.comb)


if __name__ == "__main__":
    main()
