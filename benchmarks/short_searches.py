"""Searches of one or two characters (schema 13): the index of pairs against the scan it
replaced, side by side in one process, on logs ``case_log_reads.py --keep DIR`` filled.

For each log and search, in interleaved rounds, it times ``Store.page(…, limit=100)`` (the
count and the first page: what ``records list --search`` asks) twice: through the pairs'
index, and the old way (the folded text read on SQLite, ``LIKE`` on the stored text on
PostgreSQL), which the same code still does for a search holding the index's filler, and
checks that both give the same total and the same page. On SQLite the CPU time, on
PostgreSQL the wall time (the work is the server's).

    python benchmarks/short_searches.py --keep DIR [--sizes 10000,100000] [--rounds 5]
        [--postgres URL] [--searches 'äl;ö;qx']

The PostgreSQL logs are DIR's (schemas bench_kept_SIZE on --postgres, else
GK_RESPOND_TEST_POSTGRES); without a server only SQLite is measured. Not a test.
"""

from __future__ import annotations

import argparse
import os
import statistics
import time
from contextlib import contextmanager
from pathlib import Path
from unittest import mock

from gk_respond.records import search_pairs
from gk_respond.records.store import CaseFilter, Store


@contextmanager
def without_pairs():
    """The search decided as before schema 13 (the same code, the index not asked)."""
    with (
        mock.patch.object(search_pairs, "decides", lambda needle: False),
        mock.patch.object(search_pairs, "pg_indexed", lambda db, needle: False),
    ):
        yield


def timed(store: Store, text: str, pg: bool) -> tuple[float, tuple]:
    clock = time.perf_counter if pg else time.process_time
    start = clock()
    page = store.page(CaseFilter(text=text), offset=0, limit=100)
    return clock() - start, (page.total, [c.number for c in page.cases])


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--keep", required=True)
    parser.add_argument("--sizes", default="10000,100000")
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--postgres", default=os.environ.get("GK_RESPOND_TEST_POSTGRES", ""))
    parser.add_argument("--searches", default="äl;ö;qx")
    args = parser.parse_args()
    sizes = [int(size) for size in args.sizes.split(",")]
    logs = {("sqlite", size): str(Path(args.keep) / f"{size}.db") for size in sizes}
    if args.postgres:
        glue = "&" if "?" in args.postgres else "?"
        for size in sizes:
            where = f"{args.postgres}{glue}options=-csearch_path%3Dbench_kept_{size}"
            logs["postgresql", size] = where
    searches = args.searches.split(";")
    stores = {key: Store(location, readonly=True) for key, location in logs.items()}
    times: dict[tuple, list[float]] = {}
    try:
        for store in stores.values():  # warm: the first read pays for the file's pages
            for text in searches:
                store.page(CaseFilter(text=text), offset=0, limit=100)
        for _ in range(args.rounds):
            for (backend, size), store in stores.items():
                for text in searches:
                    pg = backend == "postgresql"
                    new, found = timed(store, text, pg)
                    with without_pairs():
                        old, before = timed(store, text, pg)
                    if found != before:
                        raise SystemExit(f"{backend} {size} {text!r}: {found[0]} ≠ {before[0]}")
                    times.setdefault((backend, size, text, "old"), []).append(old)
                    times.setdefault((backend, size, text, "new"), []).append(new)
        print(f"{os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f}; medians of "
              f"{args.rounds} rounds; every total and page the same both ways")  # fmt: skip
        print("| search | backend | size | matches | scan (before) | pairs' index | ratio |")
        print("| --- | --- | --- | --- | --- | --- | --- |")
        for backend, size in stores:
            for text in searches:
                old = statistics.median(times[backend, size, text, "old"])
                new = statistics.median(times[backend, size, text, "new"])
                total = stores[backend, size].count(CaseFilter(text=text))
                print(f"| `{text}` | {backend} | {size:,} | {total:,} | {old * 1000:,.1f} ms "
                      f"| {new * 1000:,.1f} ms | {new / old:.2f}× |")  # fmt: skip
    finally:
        for store in stores.values():
            store.close()


if __name__ == "__main__":
    main()
