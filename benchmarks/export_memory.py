"""Exports and the integrity check at 10,000 and 100,000 cases: peak memory and time.

Run from a checkout with the package installed:
  python benchmarks/export_memory.py [--cases 10000,100000] [--runs 5] [--backend sqlite]
      [--code DIR]

It fills a log of each size with realistic cases through the store's own API
(``insert_cases``: comments of a few hundred characters with å, ä, ö, a path of answers,
history, notes and a reply on some), then, as whole processes:
  export    `gk-respond records export --format csv|json|markdown --output FILE`: the
            child's peak memory (ru_maxrss of a process of its own) and its wall time
  show      `gk-respond records show 2026-0042`: the median of --runs, interleaved
            between the sizes (both see the same load)
``--code DIR`` runs the command line from another source tree (a `git archive` of the
commit before, say) on the same logs: the "before" figures. ``--backend postgresql`` uses a
fresh schema on the server GK_RESPOND_TEST_POSTGRES names. Not a test: figures vary by
machine.
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
TARGET_MIB = 50
PEAK = """
import resource, subprocess, sys, time
start = time.perf_counter()
subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, check=True)
used = resource.getrusage(resource.RUSAGE_CHILDREN)
print(used.ru_maxrss, time.perf_counter() - start, used.ru_utime + used.ru_stime)
"""
WORDS = (
    "snöröjningen", "skatten", "bussen", "skolan", "förskolan", "vägen", "badhuset",
    "biblioteket", "älgen", "kommunen", "fullmäktige", "gatubelysningen", "återvinningen",
    "hemtjänsten", "bygglovet", "är", "en", "skandal", "varför", "ingen", "svarar", "på",
    "Gullspång", "Hova", "Otterbäcken", "i", "år", "igen", "tack", "för", "bra", "jobb",
)  # fmt: skip
HANDLERS = ("Anna Åberg", "Bo Ek", "Cecilia Öst", "David Lund")


def realistic(n: int, rng: random.Random):
    """Case number ``n`` (from 1) of 2026, as a busy year's log would hold it."""
    from chart_outcomes import outcome_ids

    from gk_respond.records.new import sha256_text
    from gk_respond.records.store import Case

    comment = " ".join(rng.choice(WORDS) for _ in range(rng.randint(15, 90))).capitalize()
    at = f"2026-{1 + n % 12:02d}-{1 + n % 28:02d}T{8 + n % 9:02d}:{n % 60:02d}:00+00:00"
    closed = rng.random() < 0.7
    path = [("prohibited", rng.choice(("ja", "nej"))), ("owns_channel", "ja")]
    path += [("positive", "nej")] * rng.randint(0, 2)
    return Case(
        handler=rng.choice(HANDLERS), lang="sv", flowchart_version="2026.3",
        flowchart_sha256="f" * 64, comment_text=comment, comment_sha256=sha256_text(comment),
        outcome=rng.choice(outcome_ids()), path=path, platform="facebook",
        url=f"https://www.facebook.com/gullspang/posts/{100000 + n}",
        author=f"Skribent {rng.randint(1, 5000)}", found=at[:10],
        history=[{"at": at, "by": "Anna Åberg", "kind": "saved"}]
        + ([{"at": at, "by": "Bo Ek", "kind": "closed"}] if closed else []),
        ticked=[0, 1] if closed else [], notes="Kollat med förvaltningen." if n % 5 == 0 else "",
        removed_at=at if closed else None, closed_at=at if closed else None,
        reply_text="Tack för ditt inlägg, vi återkommer." if n % 3 == 0 else "",
        number=f"2026-{n:04d}", created_at=at,
    )  # fmt: skip


def fill(location: str, cases: int) -> None:
    from gk_respond.records.store import Store, insert_cases

    rng = random.Random(18)
    with Store(location) as store:
        for start in range(1, cases + 1, 1000):
            batch = [realistic(n, rng) for n in range(start, min(cases, start + 999) + 1)]
            with store.transaction() as db:
                insert_cases(db, batch)


def parsed(
    parser: argparse.ArgumentParser, what: str
) -> tuple[argparse.Namespace, list[int], str, dict[str, str]]:
    """The options both export benchmarks take, parsed; the sizes, a new folder for the
    run, and the environment of the processes measured (``what`` runs from --code)."""
    parser.add_argument("--cases", default="10000,100000")
    parser.add_argument("--backend", choices=["sqlite", "postgresql"], default="sqlite")
    parser.add_argument("--code", help=f"run {what} from this source tree")
    parser.add_argument("--logs", help="keep the SQLite logs in DIR, and use those there")
    args = parser.parse_args()
    folder = tempfile.mkdtemp(prefix="gk-export-")
    env = {**os.environ, "GK_RESPOND_CACHE_DIR": os.path.join(folder, "cache")}
    if args.code:
        env["PYTHONPATH"] = os.path.abspath(args.code)
    return args, [int(n) for n in args.cases.split(",")], folder, env


def filled_logs(sizes: list[int], backend: str, folder: str) -> dict[int, str]:
    """A log of each size, filled (an SQLite one already in ``folder`` is used as it is)."""
    logs = {}
    for size in sizes:
        if backend == "sqlite":
            logs[size] = os.path.join(folder, f"{size}.db")
            if os.path.exists(logs[size]):
                continue
        else:
            sys.path.insert(0, HERE)
            from case_log_backends import fresh_postgres

            logs[size] = fresh_postgres(os.environ["GK_RESPOND_TEST_POSTGRES"])
        start = time.perf_counter()
        fill(logs[size], size)
        print(f"filled {backend} with {size} cases in {time.perf_counter() - start:.1f} s")
    return logs


def command(location: str, *args: str) -> list[str]:
    return [sys.executable, "-m", "gk_respond", "records", *args, "--db", location]


def peak(env: dict[str, str], argv: list[str]) -> tuple[float, float, float]:
    """The peak memory (MiB), wall time and CPU time (s) of ``argv`` as a process of its
    own."""
    done = subprocess.run([sys.executable, "-c", PEAK, *argv], env=env, capture_output=True,
                          text=True)  # fmt: skip
    if done.returncode:
        raise SystemExit(f"{' '.join(argv)}: {done.stderr}")
    kib, seconds, cpu = done.stdout.split()
    return int(kib) / 1024, float(seconds), float(cpu)


def timed(env: dict[str, str], argv: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(argv, env=env, check=True, stdout=subprocess.DEVNULL)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--formats", default="csv,json,markdown")
    args, sizes, folder, env = parsed(parser, "the command line")
    try:
        logs = filled_logs(sizes, args.backend, args.logs or folder)
        print(f"{os.cpu_count()} cores; code: {args.code or 'this checkout'}")
        for location in logs.values():  # the flowchart's cache built first, not measured
            timed(env, command(location, "show", "2026-0001"))
        for fmt in args.formats.split(","):
            for size, location in logs.items():
                out = os.path.join(folder, f"export-{size}.{fmt}")
                mib, seconds, cpu = peak(env, command(location, "export", "--format", fmt,
                                                 "--output", out))  # fmt: skip
                megabytes = os.path.getsize(out) / 1e6
                os.unlink(out)
                flag = "" if mib < TARGET_MIB else f"  (over {TARGET_MIB} MiB)"
                print(f"export {fmt:8} {size:>7} cases: {mib:7.1f} MiB peak, {seconds:6.2f} s "
                      f"({cpu:.2f} s CPU), "
                      f"{megabytes:.1f} MB written{flag}")  # fmt: skip
        times: dict[int, list[float]] = {size: [] for size in logs}
        for _ in range(args.runs):  # interleaved
            for size, location in logs.items():
                times[size].append(timed(env, command(location, "show", "2026-0042")))
        medians = {size: statistics.median(t) for size, t in times.items()}
        shown = ", ".join(f"{s} cases {m * 1000:.0f} ms" for s, m in medians.items())
        print(f"show 2026-0042: {shown}")
        if len(sizes) > 1:
            ratio = medians[sizes[-1]] / medians[sizes[0]]
            print(f"  {sizes[-1]} against {sizes[0]}: {ratio:.2f}×")
    finally:
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
