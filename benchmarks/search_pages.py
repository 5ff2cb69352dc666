"""A search's first page with the overdue cases first, as the web app and the app read it,
on logs that `case_log_reads.py --keep DIR` filled (10,000 and 100,000 cases):

  web   Store.page(..., overdue_first=rule): the counted page (the web's list)
  rows  Store.rows_first alone: the app's page before its count, painted with "1–100 av …"
  app   Store.rows_first, then Store.count unless the page came with its count (FirstRows
        .total, since session 7) or holds every match: the app's reads for one search key

each on one connection kept open for every round, as the web app keeps one per thread and
the app (since session 7) on PostgreSQL; the searches in turn, round by round; medians.

    python benchmarks/search_pages.py --keep DIR [--sizes 10000,100000] [--rounds 9]
        [--postgres URL] [--words snöröjning,äl,...]

The SQLite logs are DIR/SIZE.db; the PostgreSQL ones the schemas bench_kept_SIZE on URL.
The code measured is the package Python imports (PYTHONPATH may name another checkout):
run it once per checkout, on logs at that checkout's schema. Not a test: the figures vary
by machine.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

WORDS = "snöröjning,snöröjnin,skolan bu,skolan,äl,e,ö"


def measured(location: str, words: list[str], rounds: int) -> dict[str, dict[str, list[float]]]:
    from gk_respond import default_flowchart
    from gk_respond.flowchart.engine import Chart
    from gk_respond.flowchart.load import load
    from gk_respond.records.due import overdue_rule
    from gk_respond.records.store import CaseFilter, Store

    rule = overdue_rule(Chart(load(default_flowchart())), datetime.now(UTC))
    times = {word: {"web": [], "rows": [], "app": []} for word in words}
    with Store(location, readonly=True) as store:
        for _ in range(rounds):
            for word in words:
                where = CaseFilter(text=word)
                start = time.perf_counter()
                store.page(where, offset=0, limit=100, overdue_first=rule)
                times[word]["web"].append(time.perf_counter() - start)
                start = time.perf_counter()
                rows = store.rows_first(where, offset=0, limit=100, overdue_first=rule)
                times[word]["rows"].append(time.perf_counter() - start)
                if rows is None or (rows.more and getattr(rows, "total", None) is None):
                    store.count(where)
                times[word]["app"].append(time.perf_counter() - start)
    return times


def main() -> None:
    from case_log_reads import kept_log

    import gk_respond

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--keep", required=True, help="the folder case_log_reads.py --keep used")
    parser.add_argument("--sizes", default="10000,100000")
    parser.add_argument("--rounds", type=int, default=9)
    parser.add_argument("--postgres", default="", metavar="URL")
    parser.add_argument("--words", default=WORDS, help="searches, separated by ','")
    args = parser.parse_args()
    words = args.words.split(",")
    print(
        f"code: {os.path.dirname(gk_respond.__file__)}; {os.cpu_count()} cores; load average "
        f"{os.getloadavg()[0]:.1f}; medians of {args.rounds} rounds, first page of 100"
    )
    print(
        "| search | backend | size | web: the counted page | app: rows "
        "| app: rows, then the count |"
    )
    print("| --- | --- | --- | --- | --- | --- |")
    backends = ["sqlite", *(["postgresql"] if args.postgres else [])]
    for size in (int(s) for s in args.sizes.split(",")):
        for backend in backends:
            location = kept_log(Path(args.keep), args.postgres, backend, size)
            for word, kinds in measured(location, words, args.rounds).items():
                web, rows, app = (statistics.median(kinds[k]) * 1000 for k in kinds)
                print(
                    f"| `{word}` | {backend} | {size:,} | {web:.1f} ms | {rows:.1f} ms "
                    f"| {app:.1f} ms |"
                )


if __name__ == "__main__":
    main()
