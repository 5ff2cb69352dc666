"""The case log's reads at 10,000 and 100,000 cases, on SQLite and on PostgreSQL, side by
side in one run (issue 18 item 1):

  list            `gk-respond records list`
  search hit      `gk-respond records list --search snöröjning` (in about a tenth)
  search no hit   `gk-respond records list --search Strängnäs`
  search short    `gk-respond records list --search äl` (2 characters: no trigram)
  show            `gk-respond records show 2026-0042`
  stats           `gk-respond records stats` (from the statistics' summary, schema 11)
  stats, from the cases   the same with the summary left out (the SQL aggregates over
                  the cases' indexes that answered before schema 11), on the same logs

Each is the whole process, measured with wall time and with its CPU time (user + sys of
the child; the PostgreSQL server's own work is not in it), and the command's own work in
a process that has imported everything (the command run twice, the second one timed:
``in-process``, which leaves out Python's start-up and the imports), as the median of
interleaved runs (every command on every log once a round, so all see the same load), and
the 100,000/10,000 ratio. A floor, `gk-respond records --help`, is the start-up alone.
The logs are filled through the store's own API (``insert_cases``), with cases spread
over two years, four handlers, every outcome of the shipped flowchart (chart_outcomes.py;
a due time where the outcome has one), most closed.

Run from a checkout with the package installed (with the `postgresql` extra):
    python benchmarks/case_log_reads.py [--sizes 10000,100000] [--runs 5] [--postgres URL]
        [--commands stats,...] [--keep DIR]
--keep DIR reuses the logs filled by an earlier run with it (SQLite files in DIR; on
PostgreSQL the schemas bench_kept_SIZE, which need --postgres) and leaves them there.
The PostgreSQL server is --postgres, else GK_RESPOND_TEST_POSTGRES, else one started for
the run with .ci/postgres (and stopped after it). Not a test: the figures vary by machine.
The code measured is the package Python imports (PYTHONPATH may point at another checkout,
to measure code before a change the same way).
"""

from __future__ import annotations

import argparse
import os
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# where the commands run: not a checkout, whose gk_respond/ `python -m` would take before
# the code PYTHONPATH names
NEUTRAL = tempfile.gettempdir()
WORDS = [
    *("skatten", "bussen", "skolan", "förskolan", "vägen", "badhuset", "biblioteket"),
    *("älgen", "kommunen", "fullmäktige", "gatubelysning", "återvinning", "hemtjänsten"),
    *("bygglov", "och", "att", "det", "är", "inte", "som", "på", "för", "med", "varför"),
    *("Gullspång", "Hova", "Otterbäcken", "Skagersvik", "politikerna", "pengarna"),
]
HANDLERS = ["anna", "bo", "cecilia", "david"]
COMMANDS = {
    "floor (records --help)": ["records", "--help"],
    "list": ["records", "list"],
    "search hit": ["records", "list", "--search", "snöröjning"],
    "search no hit": ["records", "list", "--search", "Strängnäs"],
    "search short": ["records", "list", "--search", "äl"],
    "show": ["records", "show", "2026-0042"],
    "stats": ["records", "stats"],
    "stats, from the cases": ["records", "stats"],  # WITHOUT_SUMMARY: as before schema 11
}
WITHOUT_SUMMARY = "from the cases"
# the command run with the statistics' summary left out (queries.tallies then counts from
# the cases, as it did before schema 11)
NO_SUMMARY = "from gk_respond.records import tallies; tallies.tallies = lambda *a: None\n"
WHOLE = "import runpy; runpy.run_module('gk_respond', run_name='__main__')"


def fresh_postgres(server: str) -> str:
    import psycopg

    schema = f"bench_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(server, autocommit=True) as admin:  # pg_trgm where IT would put it
        admin.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm SCHEMA public")
        admin.execute(f"CREATE SCHEMA {schema}")
    return f"{server}{'&' if '?' in server else '?'}options=-csearch_path%3D{schema}"


def drop_postgres(location: str) -> None:
    import psycopg

    server, _, options = location.partition("?options=-csearch_path%3D")
    with psycopg.connect(server, autocommit=True) as admin:
        admin.execute(f"DROP SCHEMA IF EXISTS {options} CASCADE")


def kept_log(folder: Path, server: str, backend: str, size: int) -> str:
    """The log of ``size`` cases kept from an earlier run (``--keep``), made if need be."""
    if backend == "sqlite":
        return str(folder / f"{size}.db")
    import psycopg

    if not server:
        raise SystemExit("--keep on PostgreSQL needs --postgres URL (a server that stays)")
    schema = f"bench_kept_{size}"
    with psycopg.connect(server, autocommit=True) as admin:
        admin.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm SCHEMA public")
        admin.execute(f"CREATE SCHEMA IF NOT EXISTS {schema}")
    return f"{server}{'&' if '?' in server else '?'}options=-csearch_path%3D{schema}"


def count_of(location: str) -> int:
    """How many cases the log at ``location`` holds (0: none, or no log yet)."""
    from gk_respond.records.store import Store, StoreError

    try:
        with Store(location, create=False) as store:
            return store.count()
    except StoreError:
        return 0


def cases(count: int) -> list:
    """``count`` realistic cases, oldest first, numbered per year (2025, then 2026)."""
    from chart_outcomes import due_outcome_ids, outcome_ids

    from gk_respond.records.store import Case

    outcomes, due = outcome_ids(), due_outcome_ids()  # the shipped flowchart's
    rng = random.Random(12)
    made, numbers = [], {}
    start = time.mktime((2025, 1, 1, 8, 0, 0, 0, 0, -1))
    span = 700 * 86400
    for n in range(count):
        moment = start + span * n / count
        when = time.strftime("%Y-%m-%dT%H:%M:%S+00:00", time.gmtime(moment))
        year = when[:4]
        numbers[year] = numbers.get(year, 0) + 1
        words = [rng.choice(WORDS) for _ in range(rng.randint(8, 40))]
        if rng.random() < 0.1:
            words.insert(rng.randrange(len(words)), "snöröjningen")
        closed = rng.random() < 0.8
        outcome = rng.choice(outcomes)
        made.append(Case(
            handler=rng.choice(HANDLERS), lang="sv", flowchart_version="2026.3",
            flowchart_sha256="f" * 64, comment_text=" ".join(words).capitalize() + "!",
            comment_sha256="c" * 64, outcome=outcome,
            path=[("prohibited", "nej"), ("positive", "nej")],
            platform="facebook", url=f"https://www.facebook.com/gullspang/posts/{n}",
            author=f"Invånare {rng.randint(1, 5000)}", found=when,
            notes="Besvarad i tråden." if closed else "",
            closed_at=when if closed else None,
            due_at=when if outcome in due else None,
            number=f"{year}-{numbers[year]:04d}", created_at=when,
        ))  # fmt: skip
    return made


def fill(location: str, count: int) -> float:
    """The log at ``location`` with ``count`` cases, a thousand per transaction; seconds."""
    from gk_respond.records.store import Store, insert_cases

    made = cases(count)
    began = time.perf_counter()
    with Store(location) as store:
        for start in range(0, count, 1000):
            with store.transaction() as db:
                insert_cases(db, made[start : start + 1000])
    return time.perf_counter() - began


IN_PROCESS = """
import contextlib, os, sys, time
from gk_respond.cli import records
from gk_respond.records import store
if sys.argv[1] == "unchecked":  # without the integrity check an SQLite open runs
    store._check_intact = lambda db, path, **_: None
def once():
    with open(os.devnull, "w") as out, contextlib.redirect_stdout(out):
        with contextlib.redirect_stderr(out), contextlib.suppress(SystemExit):
            records.main(sys.argv[3:])
once()
start, cpu = time.perf_counter(), time.process_time()
once()
print(time.perf_counter() - start, time.process_time() - cpu)
"""


def in_process(
    location: str, command: list[str], checked: bool = True, summary: bool = True
) -> tuple[float, float]:
    """Wall and CPU seconds of the command's own work, in a process that has run it once
    already; ``checked=False``: with SQLite's ``PRAGMA quick_check`` on open left out;
    ``summary=False``: with the statistics' summary left out."""
    env = {**os.environ, "GK_RESPOND_DB": location, "LANG": "en_US.UTF-8"}
    how = "checked" if checked else "unchecked"
    code = IN_PROCESS if summary else NO_SUMMARY + IN_PROCESS
    done = subprocess.run(
        [sys.executable, "-c", code, how, "-", *command[1:]],
        env=env, capture_output=True, text=True, check=True, cwd=NEUTRAL,
    )  # fmt: skip
    wall, cpu = done.stdout.split()[-2:]
    return float(wall), float(cpu)


def run(location: str, command: list[str], summary: bool = True) -> tuple[float, float]:
    """Wall and CPU seconds of one whole ``gk-respond`` process."""
    env = {**os.environ, "GK_RESPOND_DB": location, "LANG": "en_US.UTF-8"}
    how = ["-m", "gk_respond"] if summary else ["-c", NO_SUMMARY + WHOLE]
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    done = subprocess.run(
        [sys.executable, *how, *command],
        env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, check=False, cwd=NEUTRAL,
    )  # fmt: skip
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode != 0:
        raise SystemExit(f"{command} on {location}: {done.stderr.decode()}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", default="10000,100000")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--postgres", default=os.environ.get("GK_RESPOND_TEST_POSTGRES", ""))
    parser.add_argument("--only", choices=["sqlite", "postgresql"], help="one backend")
    parser.add_argument("--whole-only", action="store_true", help="no in-process figures")
    parser.add_argument("--commands", help="only these (names as above, separated by ';')")
    parser.add_argument("--keep", help="a folder whose filled logs are reused and kept")
    args = parser.parse_args()
    sizes = [int(size) for size in args.sizes.split(",")]
    commands = {
        name: command
        for name, command in COMMANDS.items()
        if not args.commands or name in args.commands.split(";")
    }
    folder = Path(args.keep or tempfile.mkdtemp(prefix="gk-bench-reads-"))
    folder.mkdir(parents=True, exist_ok=True)
    server, started = args.postgres, False
    backends = [b for b in ("sqlite", "postgresql") if args.only in (None, b)]
    if "postgresql" in backends and not server:
        out = subprocess.run([ROOT / ".ci/postgres", "start", folder / "pg"], check=True,
                             capture_output=True, text=True).stdout  # fmt: skip
        server, started = out.strip().partition("=")[2], True
    logs: dict[tuple[str, int], str] = {}
    try:
        import gk_respond

        print(f"{os.cpu_count()} cores; code: {Path(gk_respond.__file__).parent}")
        for backend in backends:
            for size in sizes:
                if args.keep or backend == "sqlite":
                    new = kept_log(folder, server, backend, size)
                else:
                    new = fresh_postgres(server)
                logs[backend, size] = new
                if count_of(new) == size:
                    print(f"reused {backend} with {size} cases", flush=True)
                    continue
                print(f"filled {backend} with {size} cases in {fill(new, size):.1f} s", flush=True)
        times: dict[tuple[str, int, str], list[tuple[float, ...]]] = {}
        for _ in range(args.runs):  # interleaved: every log and command once a round
            for name, command in commands.items():
                summary = WITHOUT_SUMMARY not in name
                for (backend, size), location in logs.items():
                    wall, cpu = run(location, command, summary)
                    own: tuple[float, ...] = (0.0, 0.0, 0.0, 0.0)
                    if not (args.whole_only or "--help" in command):
                        unchecked = (0.0, 0.0)
                        if backend == "sqlite":
                            unchecked = in_process(location, command, False, summary)
                        own = (*in_process(location, command, True, summary), *unchecked)
                    times.setdefault((backend, size, name), []).append((wall, cpu, *own))
        columns = ["whole", "in-process", "in-process without quick_check"]
        print("| command | backend | size | " + " | ".join(columns) + " |")
        print("| --- | --- | --- |" + " --- |" * len(columns))
        for name in commands:
            for backend in backends:
                medians = {
                    s: [statistics.median(t[k] for t in times[backend, s, name]) for k in range(6)]
                    for s in sizes
                }
                for size in [*sizes, "ratio"]:
                    if size == "ratio":
                        low, high = medians[sizes[0]], medians[sizes[-1]]
                        m = [h / lo if lo else 0.0 for h, lo in zip(high, low, strict=True)]
                        cells = [f"{m[k]:.2f}× (CPU {m[k + 1]:.2f}×)" for k in (0, 2, 4)]
                        label = f"{sizes[-1]:,}/{sizes[0]:,}"
                    else:
                        m = medians[size]
                        cells = [
                            f"{m[k] * 1000:,.0f} ms (CPU {m[k + 1] * 1000:,.0f})" for k in (0, 2, 4)
                        ]
                        label = f"{size:,}"
                    print(f"| {name} | {backend} | {label} | " + " | ".join(cells) + " |")
    finally:
        for (backend, _), location in logs.items():
            if backend == "postgresql" and not args.keep:
                drop_postgres(location)
        if started:
            subprocess.run([ROOT / ".ci/postgres", "stop", folder / "pg"], check=False)


if __name__ == "__main__":
    main()
