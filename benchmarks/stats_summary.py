"""`records stats`' own work (``stats.counts_in``: the queries, not the process around them)
from the statistics' summary with its month level (schema 14), from its day level alone
(as schema 11 read it: ``tallies.READ_MONTHS`` off) and from the cases (the SQL aggregates
that answered before schema 11), side by side in one process, interleaved, on the logs that
``case_log_reads.py --keep DIR`` filled (10,000 and 100,000 cases, both backends); the
medians of wall and CPU time (the client's: a PostgreSQL server's own work is in the wall
time only), the 100,000/10,000 ratios, a check that every way gives the same numbers, and the rows
of each level (days / months).

    python benchmarks/case_log_reads.py --keep DIR --postgres URL --commands stats
    python benchmarks/stats_summary.py DIR URL [--runs 15]

Not a test: the figures vary by machine.
"""

from __future__ import annotations

import argparse
import statistics
import time
from datetime import UTC, datetime

from gk_respond.cli.common import open_chart
from gk_respond.records import tallies
from gk_respond.records.stats import counts_in
from gk_respond.records.store import CaseFilter, Store

SIZES = (10000, 100000)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("folder")
    parser.add_argument("postgres")
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    joiner = "&" if "?" in args.postgres else "?"
    logs = {("sqlite", n): f"{args.folder}/{n}.db" for n in SIZES}
    logs |= {
        ("postgresql", n): f"{args.postgres}{joiner}options=-csearch_path%3Dbench_kept_{n}"
        for n in SIZES
    }
    chart, now = open_chart(None), datetime.now(UTC)
    stores = {key: Store(location, readonly=True) for key, location in logs.items()}
    summary = tallies.tallies
    ways = {
        "summary, months and days": (summary, True),
        "summary, days alone": (summary, False),
        "from the cases": (lambda *_: None, True),
    }
    times: dict[tuple[str, str, int], list[tuple[float, float]]] = {}
    found: dict[tuple[str, str, int], dict] = {}
    for _ in range(args.runs):
        for way, (answer, months) in ways.items():
            tallies.tallies, tallies.READ_MONTHS = answer, months
            for (backend, size), store in stores.items():
                wall, cpu = time.perf_counter(), time.process_time()
                found[way, backend, size] = counts_in(store, CaseFilter(), chart, now)
                spent = (time.perf_counter() - wall, time.process_time() - cpu)
                times.setdefault((way, backend, size), []).append(spent)
    tallies.tallies, tallies.READ_MONTHS = summary, True
    first = next(iter(ways))
    print("| way | backend | 10,000 | 100,000 | ratio (CPU) | same numbers | summary rows |")
    print("| --- | --- | --- | --- | --- | --- | --- |")
    for way in ways:
        for backend in ("sqlite", "postgresql"):
            wall = {n: statistics.median(t[0] for t in times[way, backend, n]) for n in SIZES}
            cpu = {n: statistics.median(t[1] for t in times[way, backend, n]) for n in SIZES}
            same = all(found[way, backend, n] == found[first, backend, n] for n in SIZES)
            rows = [
                "{:,} / {:,}".format(*stores[backend, n].query(
                    "SELECT (SELECT COUNT(*) FROM case_tallies), "
                    "(SELECT COUNT(*) FROM case_tallies_months)")[0])
                for n in SIZES
            ]  # fmt: skip
            print(
                f"| {way} | {backend} | {wall[SIZES[0]] * 1000:.1f} ms (CPU "
                f"{cpu[SIZES[0]] * 1000:.1f}) | {wall[SIZES[1]] * 1000:.1f} ms (CPU "
                f"{cpu[SIZES[1]] * 1000:.1f}) | {wall[SIZES[1]] / wall[SIZES[0]]:.2f}× "
                f"({cpu[SIZES[1]] / cpu[SIZES[0]]:.2f}×) | {'yes' if same else 'NO'} | "
                f"{rows[0]}; {rows[1]} |"
            )
    for store in stores.values():
        store.close()


if __name__ == "__main__":
    main()
