"""The case log on SQLite and on PostgreSQL, side by side in one run:

  saves/s   Store.save from 1 process, and from 8 processes at once (each save its own
            transaction, committed before the next)
  search    `gk-respond records list --search WORD` (the whole process) on a log of
            100,000 cases filled through the store's own API, and a search that finds none

Run from a checkout with the package installed (with the `postgresql` extra):
    python benchmarks/case_log_backends.py [--cases 100000] [--saves 200] [--runs 3]
The PostgreSQL server is the one GK_RESPOND_TEST_POSTGRES names, else one started for the
run with .ci/postgres (and stopped after it). Not a test: the figures vary by machine.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAVER = """
import sys, time
from gk_respond.records.store import Case, Store
store = Store(sys.argv[1])
start = time.time()
for n in range(int(sys.argv[2])):
    store.save(Case(handler="bench", lang="sv", flowchart_version="2026.3",
        flowchart_sha256="f" * 64, comment_text=f"kommentar {n} om snöröjningen",
        comment_sha256="c" * 64, outcome="correct", path=[("prohibited", "nej")]))
print(start, time.time())
"""
WORDS = [
    *("skatten", "snöröjning", "bussen", "skolan", "förskolan", "vägen", "badhuset"),
    *("biblioteket", "älgen", "kommunen", "fullmäktige", "gatubelysning", "återvinning"),
    *("hemtjänsten", "bygglov"),
]


def fresh_postgres(server: str) -> str:
    import psycopg

    schema = f"bench_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(server, autocommit=True) as admin:
        admin.execute(f"CREATE SCHEMA {schema}")
    return f"{server}{'&' if '?' in server else '?'}options=-csearch_path%3D{schema}"


def saves_per_second(location: str, processes: int, saves: int) -> float:
    from gk_respond.records.store import Store

    Store(location).close()
    runs = [
        subprocess.Popen(
            [sys.executable, "-c", SAVER, location, str(saves)], stdout=subprocess.PIPE
        )
        for _ in range(processes)
    ]
    spans = []
    for run in runs:
        out, _ = run.communicate()
        assert run.returncode == 0
        spans.append([float(t) for t in out.split()])
    # from the first save to the last commit: process start-up is not a save
    return processes * saves / (max(end for _, end in spans) - min(start for start, _ in spans))


def fill(location: str, cases: int) -> None:
    """``cases`` realistic cases through the store's API, a thousand per transaction."""
    from chart_outcomes import outcome_ids

    from gk_respond.records.store import Case, Store, insert_cases

    outcomes = outcome_ids()  # the shipped flowchart's, so the app can name each
    rng = random.Random(12)
    with Store(location) as store:
        for start in range(0, cases, 1000):
            batch = []
            for n in range(start, min(cases, start + 1000)):
                text = " ".join(rng.choice(WORDS) for _ in range(12)).capitalize()
                batch.append(Case(
                    handler=rng.choice(["anna", "bo", "cecilia"]), lang="sv",
                    flowchart_version="2026.3", flowchart_sha256="f" * 64,
                    comment_text=text, comment_sha256="c" * 64,
                    outcome=rng.choice(outcomes),
                    path=[("prohibited", "nej"), ("positive", "nej")],
                    number=f"2026-{n + 1:04d}", created_at="2026-11-01T10:00:00+00:00",
                ))  # fmt: skip
            with store.transaction() as db:
                insert_cases(db, batch)


def timed_search(location: str, word: str) -> float:
    env = {**os.environ, "GK_RESPOND_DB": location}
    start = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "gk_respond", "records", "list", "--search", word],
        env=env, check=True, stdout=subprocess.DEVNULL,
    )  # fmt: skip
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--cases", type=int, default=100_000)
    parser.add_argument("--saves", type=int, default=200, help="saves per process")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="gk-bench-"))
    server, started = os.environ.get("GK_RESPOND_TEST_POSTGRES", ""), False
    if not server:
        out = subprocess.run([ROOT / ".ci/postgres", "start", folder / "pg"], check=True,
                             capture_output=True, text=True).stdout  # fmt: skip
        server, started = out.strip().partition("=")[2], True
    try:
        backends = {"sqlite": lambda name: str(folder / f"{name}.db"),
                    "postgresql": lambda name: fresh_postgres(server)}  # fmt: skip
        print(f"{os.cpu_count()} cores; {args.saves} saves per process")
        for processes in (1, 8):
            rates = {b: saves_per_second(new(f"saves{processes}"), processes, args.saves)
                     for b, new in backends.items()}  # fmt: skip
            print(f"saves/s, {processes} process(es): "
                  + ", ".join(f"{b} {rate:.0f}" for b, rate in rates.items()))  # fmt: skip
        logs = {b: new("search") for b, new in backends.items()}
        for backend, location in logs.items():
            start = time.perf_counter()
            fill(location, args.cases)
            print(
                f"filled {backend} with {args.cases} cases in {time.perf_counter() - start:.1f} s"
            )
        for word, label in (("snöröjning", "many hits"), ("Strängnäs", "no hit")):
            times = {b: [] for b in logs}
            for _ in range(args.runs):  # interleaved: both see the same load
                for backend, location in logs.items():
                    times[backend].append(timed_search(location, word))
            medians = {b: statistics.median(t) for b, t in times.items()}
            ratio = medians["postgresql"] / medians["sqlite"]
            print(f"records list --search {word} ({label}) at {args.cases} cases: "
                  + ", ".join(f"{b} {m:.2f} s" for b, m in medians.items())
                  + f"; PostgreSQL/SQLite {ratio:.2f}")  # fmt: skip
    finally:
        if started:
            subprocess.run([ROOT / ".ci/postgres", "stop", folder / "pg"], check=False)


if __name__ == "__main__":
    main()
