"""Start-up of the Textual app against a minimal Textual app, and time per answer.

Run from a checkout with the package installed:
  python benchmarks/tui_speed.py [--runs N] [--rounds M]

It measures, side by side and interleaved (so both see the same machine load), the time from
spawning a child process until it exits, having painted its first screen:
  minimal   a Textual app with a Header, a Static and a Footer, until the Static is painted
  ours      gk_respond.cli.main(["--comment", "..."]), the way `gk-respond --comment` starts
            (flowchart cache warm), until the question screen's #question-text is painted
Both children first replace App.run by a headless run at 80x24 with the same auto-pilot: it
polls until the widget is laid out and Textual has rendered lines of text for it, then exits
the app. The child also reports when it saw the paint, so the time to the paint is shown too
(the rest is the app's exit and the interpreter's shutdown), and the CPU time (user +
system) each child used, in all and until the paint, which a loaded machine moves much less
than the wall clock, and the CPU time to the first frame Textual rendered with the text (the
pilot sees the paint only at its next turn of the event loop). The children may write
bytecode (as an installed package has it).

Then, in-process with app.run_test(size=(80, 24)), the time from a key to the next question
painted, along the longest all-"nej" path (prohibited ... high_influence) and "r" back to
the start, M rounds of 7 keys, each key after a random pause (a person's key comes at any
point of Textual's 60 Hz paint cycle). Keys are posted as Key events and the clock stops when
the new question's text has been painted; Pilot.press is not timed, since it sleeps at least
2 × 20 ms for idle after every key whatever the app does.

Then the time from a key to the screen it opens painted, for the channel form (built anew in
every round, as at its first open, then opened again), its Ctrl+S with errors, and the Ctrl+Q
and Ctrl+N dialogs, each as a ratio to a one-line dialog pushed in the same app, round by
round, in wall time and in the process's CPU time (which the machine's load moves less).

Last, the case log screen on logs of 10,000 and 100,000 cases filled through the store's
own API (case_log_backends.fill): Ctrl+R to the first page painted (its table and the line
"1–100 av N ärenden"), and one key typed in the search field to the table repainted with
what the search finds, measured with the screen's debounce (SEARCH_DELAY, what a person
sees) and without it (the read and the paint alone); also the key to its letter painted in
the field. That key ("snöröjnin" to "snöröjning") finds the same cases, so its page is the
one shown; a key that finds a page of other cases ("skolan b" to "skolan bu") is measured
too. Beside each, the CPU time of the app's own thread (the screen's work: the store's
read runs in a worker thread; the pilot's looks, every 0.5 ms, run in it too, and look at
the count line before the table, so that the table's painted text is not read again and
again while the count is read) and how long the store's reads took; for the key that
finds other cases, also the time to its rows painted (with "1–100 av … ärenden") apart from the
time to its count painted, and the rows' read (rows_first) and the count (Store.count)
apart. `--case-log` runs that part only. With `--postgres URL` the same is measured on a
PostgreSQL log too, the logs of `case_log_reads.py --keep` (schemas bench_kept_SIZE on
that server, filled if empty, then only read: every transaction read-only), the backends
in turn round by round, each round in an app of its own after a round in it that is not
counted. Not a test: figures vary by machine.
"""

from __future__ import annotations

import argparse
import asyncio
import importlib
import inspect
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from functools import partial
from pathlib import Path
from types import SimpleNamespace
from typing import Any

from textual.screen import Screen
from textual.widgets import Footer, Header, Static

COMMENT = "Varför har ni inte plogat vår gata? Tredje gången i vinter!"
TARGET_RATIO = 1.2
TARGET_ANSWER_MS = 50
PATH = ["prohibited", "positive", "defamatory", "joking", "factual_error", "dissatisfied"]
PATH += ["high_influence"]  # six "nej" from the start; "r" then goes back to the start


def painted(app, selector: str, text: str = "") -> bool:
    """Whether the widget is laid out and Textual has rendered lines showing text for it.

    Reads Textual's per-widget line cache (private): the compositor fills it when it renders
    the widget for the screen, and a refresh empties it."""
    try:
        widget = app.screen.query_one(selector)
    except Exception:
        return False
    cache = widget._styles_cache
    if not widget.region.area or not cache._cache or cache._dirty_lines:
        return False
    shown = " ".join(" ".join(s.text.split()) for _, s in sorted(cache._cache.items()))
    return bool(shown.strip()) and text in shown


# Run first in both children: App.run becomes a headless run whose auto-pilot waits until
# SELECTOR is painted, then exits the app. It is patched when textual.app is imported (an
# import hook), not by importing it first: each child imports Textual when it would, ours
# after its command line has started, as `gk-respond --comment` does.
WAIT = (
    "import sys, time\n\n"
    + inspect.getsource(painted)
    + """
def _run(self, *args, **kwargs):
    async def wait(pilot):
        import asyncio

        deadline = time.monotonic() + 10
        while not painted(pilot.app, SELECTOR):
            if time.monotonic() > deadline:
                raise TimeoutError(SELECTOR + " never painted")
            await asyncio.sleep(0.0005)
        PAINTED.append(f'{SELECTOR} {time.monotonic()} {time.process_time()}')
        pilot.app.exit()
    return _original(self, headless=True, size=(80, 24), auto_pilot=wait)

class _PatchRun:
    def find_spec(self, name, path=None, target=None):
        if name != "textual.app":
            return None
        sys.meta_path.remove(self)
        import importlib.util

        spec = importlib.util.find_spec(name)
        load = spec.loader.exec_module

        def exec_module(module):
            global _original
            load(module)
            _original, module.App.run = module.App.run, _run
            display = module.App._display

            def _display(self, screen, renderable):
                # the frame the driver is given (a terminal's, written; headless, dropped)
                display(self, screen, renderable)
                if not FRAME and renderable is not None and painted(self, SELECTOR):
                    FRAME.append(f'frame {time.monotonic()} {time.process_time()}')

            module.App._display = _display

        spec.loader.exec_module = exec_module
        return spec

PAINTED = []
FRAME = []
sys.meta_path.insert(0, _PatchRun())
"""
)
MINIMAL = (
    "SELECTOR = '#text'\n"
    + WAIT
    + """
from textual.app import App
from textual.widgets import Footer, Header, Static

class Minimal(App):
    def compose(self):
        yield Header()
        yield Static("Innehåller kommentaren något som inte får ligga kvar?", id="text")
        yield Footer()

Minimal().run()
print(*PAINTED, *FRAME)
"""
)
OURS = (
    "SELECTOR = '#question-text'\n"
    + WAIT
    + f"""
from gk_respond.cli import main

code = main(["--comment", {COMMENT!r}])
print(*PAINTED, *FRAME)
sys.exit(code)
"""
)
CHILDREN = {
    "minimal": [sys.executable, "-c", MINIMAL],
    "ours": [sys.executable, "-c", OURS],
}


def timed(command: list[str], env: dict[str, str]) -> tuple[float, ...]:
    """Seconds from spawning the child to its exit, and to its first screen painted (the
    child reads the same system-wide monotonic clock when it sees the paint), and the CPU
    time the child used (user + system), which the machine's load moves much less: in all,
    and until the paint (the child's own count when it sees it); then the wall and CPU
    seconds to the first frame Textual rendered with the text (``App._display``): the
    auto-pilot sees the paint only when the event loop next runs it, after whatever Textual
    had queued behind the frame (the footer's keys, composed once the bindings are known)."""
    start = time.monotonic()
    child = subprocess.Popen(command, env=env, stdout=subprocess.PIPE, text=True)
    assert child.stdout is not None
    out = child.stdout.read()
    _, status, usage = os.wait4(child.pid, 0)
    elapsed = time.monotonic() - start
    if status != 0 or not out.startswith("#") or "frame" not in out:
        raise SystemExit(f"the child never painted its first screen: {out!r}")
    _, seen, cpu_seen, _, frame, cpu_frame = out.split()[:6]
    cpu = usage.ru_utime + usage.ru_stime
    frame_at = float(frame) - start
    return elapsed, float(seen) - start, cpu, float(cpu_seen), frame_at, float(cpu_frame)


def start_up(runs: int) -> dict[str, tuple[float, ...]]:
    """The medians of ``timed``, by child."""
    warm = tempfile.mkdtemp(prefix="gk-bench-cache-")
    env = {**os.environ, "GK_RESPOND_CACHE_DIR": warm}
    # An installed package has its bytecode (a wheel install compiles it; docs/performance.md
    # says what an editable install needs): the first runs below write it, which
    # PYTHONDONTWRITEBYTECODE would forbid, and every run would compile gk-respond again.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    for command in CHILDREN.values():  # fill the flowchart cache and the bytecode caches
        timed(command, env)
    times: dict[str, list[tuple[float, ...]]] = {name: [] for name in CHILDREN}
    for _ in range(runs):
        for name, command in CHILDREN.items():
            times[name].append(timed(command, env))
    return {
        name: tuple(statistics.median(t[i] for t in values) for i in range(6))
        for name, values in times.items()
    }


async def answers(rounds: int) -> tuple[list[float], list[float]]:
    """Wall and CPU seconds from each key posted to the next question painted."""
    from textual import events

    from gk_respond import default_flowchart
    from gk_respond.flowchart.engine import Chart
    from gk_respond.flowchart.load import load
    from gk_respond.triage import Comment
    from gk_respond.tui.app import GkRespondApp
    from gk_respond.tui.screens.question import QuestionScreen

    chart = Chart(load(default_flowchart()))
    first_words = {q: chart.question(q).text("sv")[:40].rsplit(" ", 1)[0] for q in PATH}
    app = GkRespondApp(chart, "sv", Comment(text=COMMENT))
    rng = random.Random(1)
    wall: list[float] = []
    cpu: list[float] = []
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        if app.triage.walk.question != PATH[0]:
            raise SystemExit(f"the app starts at {app.triage.walk.question}, not {PATH[0]}")
        for _ in range(rounds):
            for index, key in enumerate(["n"] * (len(PATH) - 1) + ["r"]):
                expected = PATH[(index + 1) % len(PATH)]
                await asyncio.sleep(rng.uniform(0, 0.02))  # a key comes at any point of a frame
                start, start_cpu = time.perf_counter(), time.process_time()
                app.post_message(events.Key(key, key))
                deadline = start + 5
                while not (
                    app.triage.walk.question == expected
                    and isinstance(app.screen, QuestionScreen)
                    and painted(app, "#question-text", first_words[expected])
                ):
                    if time.perf_counter() > deadline:
                        raise SystemExit(f"{key!r} did not show {expected} within 5 s")
                    await asyncio.sleep(0.0005)
                wall.append(time.perf_counter() - start)
                cpu.append(time.process_time() - start_cpu)
    return wall, cpu


async def screens(rounds: int) -> tuple[dict[str, list[float]], dict[str, list[float]]]:
    """Wall and CPU seconds from a key posted to the screen it opens painted, interleaved
    round by round with a reference: a one-line dialog (a ModalScreen with a Static) pushed
    in the same app, so each ratio is measured on the same load. The channel form is built
    anew in every round (as at its first open: the one built is uninstalled and removed
    first), then opened again."""
    from textual import events
    from textual.screen import ModalScreen
    from textual.widgets import Static

    from gk_respond import default_flowchart
    from gk_respond.flowchart.engine import Chart
    from gk_respond.flowchart.load import load
    from gk_respond.triage import Comment
    from gk_respond.tui.app import GkRespondApp

    class Reference(ModalScreen):
        def compose(self):
            yield Static("Innehåller kommentaren något som inte får ligga kvar?", id="ref")

    times: dict[str, list[float]] = {}
    cpu: dict[str, list[float]] = {}

    async def until(app, name: str, selector: str) -> None:
        deadline = time.perf_counter() + 30
        while not (type(app.screen).__name__ == name and painted(app, selector)):
            if time.perf_counter() > deadline:
                raise SystemExit(f"{name} {selector} was not painted within 30 s")
            await asyncio.sleep(0.0005)

    async def key(label: str, app, name: str, selector: str, *keys: str) -> None:
        start, start_cpu = time.perf_counter(), time.process_time()
        for pressed in keys:
            app.post_message(events.Key(pressed, None))
        await until(app, name, selector)
        times.setdefault(label, []).append(time.perf_counter() - start)
        cpu.setdefault(label, []).append(time.process_time() - start_cpu)

    async def reference(app) -> None:
        start, start_cpu = time.perf_counter(), time.process_time()
        app.push_screen(Reference())
        await until(app, "Reference", "#ref")
        times.setdefault("reference dialog", []).append(time.perf_counter() - start)
        cpu.setdefault("reference dialog", []).append(time.process_time() - start_cpu)
        app.pop_screen()

    chart = Chart(load(default_flowchart()))
    db = os.path.join(tempfile.mkdtemp(prefix="gk-bench-db-"), "cases.db")
    app = GkRespondApp(chart, "sv", Comment(text=COMMENT), db)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("j", "j")  # an outcome not saved: Ctrl+Q and Ctrl+N ask first
        for _ in range(rounds):
            await reference(app)
            await pilot.press("ctrl+k")
            if app.is_screen_installed("channel-form"):  # built again, as at its first open
                built = app.get_screen("channel-form")
                app.uninstall_screen("channel-form")
                await built.remove()
            await key("channel form built (n, first open)", app, "ChannelForm", "#field-id", "n")
            app.pop_screen()
            await key("channel form (n), opened again", app, "ChannelForm", "#field-id", "n")
            app.screen.query_one("#field-id").value = "Inte ett id"
            await key(
                "channel form, Ctrl+S with errors", app, "ChannelForm", "#error-id.-shown", "ctrl+s"
            )
            app.pop_screen()
            app.pop_screen()
            await pilot.pause()
            await key("Ctrl+Q dialog", app, "ConfirmDialog", "#question", "ctrl+q")
            app.pop_screen()
            await key("Ctrl+N dialog", app, "ConfirmDialog", "#question", "ctrl+n")
            app.pop_screen()
            await pilot.pause()
    return times, cpu


def print_screens(times: dict[str, list[float]], cpu: dict[str, list[float]]) -> None:
    """Each screen's median wall and CPU time, and both as ratios to the reference's."""
    wall_ref = statistics.median(times["reference dialog"])
    cpu_ref = statistics.median(cpu["reference dialog"])
    rounds = len(times["reference dialog"])
    print(f"screens opening, key to painted, median of {rounds} ({os.cpu_count()} cores):")
    print(f"  {'':34s} {'wall':>9s} {'ratio':>6s}  {'CPU':>9s} {'ratio':>6s}")
    for name, values in times.items():
        wall, used = statistics.median(values), statistics.median(cpu[name])
        print(
            f"  {name:34s} {wall * 1000:6.1f} ms {wall / wall_ref:5.2f}×"
            f"  {used * 1000:6.1f} ms {used / cpu_ref:5.2f}×"
        )
    first = times["channel form built (n, first open)"][0]
    print(f"  {'the first of those, process cold':34s} {first * 1000:6.1f} ms (once)")


def sqlite_log(cases: int, logs: str) -> str:
    """The SQLite log of ``cases`` cases: kept from an earlier run (``--logs``) and brought
    to the current schema before it is measured (a read-only open of an older file would
    migrate it in the first round), or filled now."""
    from case_log_backends import fill

    from gk_respond.records.store import Store

    db = os.path.join(logs or tempfile.mkdtemp(prefix="gk-bench-db-"), f"cases-{cases}.db")
    if os.path.exists(db):
        Store(db).close()
        return db
    start = time.perf_counter()
    fill(db, cases)
    print(f"  filled {cases:,} cases through the store in {time.perf_counter() - start:.1f} s")
    return db


def postgres_log(server: str, cases: int) -> str:
    """The PostgreSQL log of ``cases`` cases in the schema bench_kept_CASES on ``server``
    (``case_log_reads.py --keep`` fills the same), filled now if it is empty, and its URL
    with every transaction read-only: a kept log is read, never written."""
    from case_log_backends import fill
    from case_log_reads import kept_log

    from gk_respond.records.store import Store, StoreError

    location = kept_log(Path(), server, "postgresql", cases)
    readonly = f"{location}%20-cdefault_transaction_read_only%3Don"
    try:
        with Store(readonly, readonly=True) as store:
            held = store.count()
    except StoreError:  # no log in the schema yet
        held = 0
    if not held:
        start = time.perf_counter()
        fill(location, cases)
        print(f"  filled {cases:,} cases on PostgreSQL in {time.perf_counter() - start:.1f} s")
    elif held != cases:
        raise SystemExit(f"bench_kept_{cases} on PostgreSQL holds {held:,} cases, not {cases:,}")
    return readonly


def case_log_measures() -> list[str]:
    """What ``case_log`` measures, in the order it prints them."""
    from gk_respond.tui.screens.records import RecordsScreen

    delay = RecordsScreen.SEARCH_DELAY
    return [
        "reference: a screen of a Header, a Static, a Footer",
        "Ctrl+R to the first page painted",
        "search key to its letter painted",
        f"search key to the table repainted (debounce {delay * 1000:.0f} ms)",
        "search key to the table repainted (no debounce)",
        "  of which Store.page, Ctrl+R",
        "  of which the store's reads, search (no debounce)",
        "  the app's own thread, CPU time, search (no debounce)",
        "search key to another page repainted (no debounce)",
        "  of which the store's reads, another page",
        "  the app's own thread, CPU time, another page",
        "search key to another page's rows painted (no debounce)",
        "  of which the rows' read (rows_first), another page",
        "  of which the count (Store.count), another page",
    ]


async def case_log(
    cases: int, rounds: int, logs: str = "", postgres: str = ""
) -> dict[str, dict[str, list[float]]]:
    """Seconds from Ctrl+R to the case log's first page painted, and from a key in its
    search field to its letter painted and to the table repainted with the search's page,
    on a log of ``cases`` cases; and how much of each the store's ``page()`` took. By
    backend: SQLite, and PostgreSQL at ``postgres`` if given, in turn round by round, each
    round in an app of its own (Textual runs one app's test at a time) after a round in it
    that is not counted (the screen composed, as in a run that has opened it before)."""
    from gk_respond import default_flowchart
    from gk_respond.flowchart.engine import Chart
    from gk_respond.flowchart.load import load
    from gk_respond.records.store import Store
    from gk_respond.triage import Comment
    from gk_respond.tui.app import GkRespondApp
    from gk_respond.tui.screens.records import RecordsScreen

    # a search's rows read before its count: Store.rows_first (since session 6), the
    # module records/rows_first.py (session 5), or neither (before: Store.page alone)
    rows_first: Any = Store
    if not hasattr(Store, "rows_first"):
        try:
            rows_first = importlib.import_module("gk_respond.records.rows_first")
        except ImportError:
            rows_first = SimpleNamespace(rows_first=None)
    reads: list[tuple[str, float]] = []  # each read's name and seconds
    page, count, first = Store.page, Store.count, rows_first.rows_first

    def timed(name: str, read):
        def run(*args, **kwargs):
            began = time.perf_counter()
            try:
                return read(*args, **kwargs)
            finally:
                reads.append((name, time.perf_counter() - began))

        return run

    locations = {"SQLite": sqlite_log(cases, logs)}
    if postgres:
        locations["PostgreSQL"] = postgres_log(postgres, cases)
    chart = Chart(load(default_flowchart()))
    keys = case_log_measures()
    times = {backend: {key: [] for key in keys} for backend in locations}

    async def until(condition, what: str) -> None:
        deadline = time.perf_counter() + 600
        while not condition():
            if time.perf_counter() > deadline:
                raise SystemExit(f"{what} was not painted within 600 s")
            await asyncio.sleep(0.0005)

    def paints(app) -> tuple:
        def rows_painted(text: str | None) -> bool:
            screen = app.screen
            return (
                isinstance(screen, RecordsScreen)
                and screen.shown is not None
                and (text is None or screen.shown.where.text == text)
                and screen.wanted is screen.shown
                and painted(app, "#cases")
            )

        def page_painted(text: str | None) -> bool:  # the rows and the count ("…" before it)
            # the count line looked at first: while the count is read it says "…", and the
            # table's painted text (the dearer look, in the app's thread) is not read then
            screen = app.screen
            if not isinstance(screen, RecordsScreen):
                return False
            lines = screen.query("#range")  # (none before the screen is composed)
            if not lines:
                return False
            line = lines.first()
            if "…" in str(line.render()) or not painted(app, "#range"):
                return False
            return rows_painted(text)

        return rows_painted, page_painted

    Store.page = timed("page", page)  # type: ignore[method-assign]
    Store.count = timed("count", count)  # type: ignore[method-assign]
    rows_first.rows_first = first and timed("rows", first)
    try:
        for _ in range(rounds):  # two apps cannot run_test at once: one app a round each
            for backend, where in locations.items():
                app = GkRespondApp(chart, "sv", Comment(text=COMMENT), where)
                async with app.run_test(size=(80, 24)) as pilot:
                    for kept in ({key: [] for key in keys}, times[backend]):  # warm, then kept
                        await measure_case_log(app, pilot, keys, kept, reads, until, paints(app))
    finally:
        Store.page, Store.count, rows_first.rows_first = page, count, first  # type: ignore[method-assign]
    return times


class Reference(Screen):
    """A screen as small as a screen is: what any screen costs to open here."""

    def compose(self):
        yield Header()
        yield Static("Innehåller kommentaren något som inte får ligga kvar?", id="ref")
        yield Footer()


async def measure_case_log(app, pilot, keys, times, reads, until, paints) -> None:
    """One round of ``case_log``: the reference screen, then the case log."""
    from textual import events

    from gk_respond.tui.screens.records import RecordsScreen

    rows_painted, page_painted = paints

    def took(name: str) -> float:
        return sum(seconds for read, seconds in reads if read == name)

    start = time.perf_counter()
    app.push_screen(Reference())
    await until(lambda: isinstance(app.screen, Reference) and painted(app, "#ref"), "reference")
    times[keys[0]].append(time.perf_counter() - start)
    app.pop_screen()
    await pilot.pause()
    delay = RecordsScreen.SEARCH_DELAY
    reads.clear()
    start = time.perf_counter()
    app.post_message(events.Key("ctrl+r", None))
    await until(lambda: page_painted(""), "the first page")
    times[keys[1]].append(time.perf_counter() - start)
    times[keys[5]].append(took("page"))
    search = app.screen.query_one("#search")
    search.focus()
    await pilot.pause()  # focused (which selects what the field holds) before it is set
    # "snöröjnin" and "snöröjning" find the same cases (the same page, drawn again in
    # place); "skolan b" and "skolan bu" pages of other cases (34,145 and 9,397 matches)
    for debounce, key, typed, letter, read, cpu in (
        (delay, keys[3], "snöröjnin", "g", None, None),
        (0, keys[4], "snöröjnin", "g", keys[6], keys[7]),
        (0, keys[8], "skolan b", "u", keys[9], keys[10]),
    ):
        RecordsScreen.SEARCH_DELAY = debounce
        search.value = typed  # then the last letter, typed
        search.action_end()  # the cursor after it, nothing selected
        await until(partial(page_painted, typed), "the search's page")
        await asyncio.sleep(random.uniform(0, 0.02))
        reads.clear()
        start, start_cpu = time.perf_counter(), time.thread_time()  # the app's thread
        app.post_message(events.Key(letter, letter))
        if read is None:
            await until(partial(painted, app, "#search", typed + letter), "the letter")
            times[keys[2]].append(time.perf_counter() - start)
        if key == keys[8]:  # another page: its rows may be painted before its count
            await until(partial(rows_painted, typed + letter), "the search's rows")
            times[keys[11]].append(time.perf_counter() - start)
        await until(partial(page_painted, typed + letter), "the search's page")
        times[key].append(time.perf_counter() - start)
        if read is not None and cpu is not None:
            times[cpu].append(time.thread_time() - start_cpu)
            times[read].append(took("page") + took("rows") + took("count"))
        if key == keys[8]:
            times[keys[12]].append(took("rows"))
            times[keys[13]].append(took("count"))
    RecordsScreen.SEARCH_DELAY = delay
    search.value = ""
    await until(lambda: page_painted(""), "the whole log")
    app.pop_screen()
    await pilot.pause()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--rounds", type=int, default=60)
    parser.add_argument("--start-only", action="store_true", help="measure start-up only")
    parser.add_argument("--case-log", action="store_true", help="measure the case log only")
    parser.add_argument("--cases", default="10000,100000", help="case log sizes, comma-separated")
    parser.add_argument("--log-rounds", type=int, default=5)
    parser.add_argument("--logs", default="", help="a folder to keep the filled logs in, reused")
    parser.add_argument(
        "--postgres",
        default="",
        metavar="URL",
        help="also the case log on PostgreSQL (schemas bench_kept_SIZE, read-only), interleaved",
    )
    args = parser.parse_args()
    if args.case_log:
        return print_case_log(args)
    medians = start_up(args.runs)
    minimal, minimal_paint, minimal_cpu, minimal_cpu_paint, _, minimal_frame = medians["minimal"]
    ours, ours_paint, ours_cpu, ours_cpu_paint, _, ours_cpu_frame = medians["ours"]
    print(f"start-up, median of {args.runs} interleaved runs ({os.cpu_count()} cores; process")
    print("start to exit after the first screen is painted; in brackets: to the paint, exit")
    print("left out):")
    print(
        f"  minimal Textual app          {minimal * 1000:6.1f} ms  ({minimal_paint * 1000:5.1f} ms)"
    )
    label = "gk-respond --comment (warm)"
    print(
        f"  {label:28s} {ours * 1000:6.1f} ms  ({ours_paint * 1000:5.1f} ms)  "
        f"{ours / minimal:4.2f}× minimal ({ours_paint / minimal_paint:4.2f}×)"
    )
    print(
        f"  CPU time (user + system): minimal {minimal_cpu * 1000:6.1f} ms, ours "
        f"{ours_cpu * 1000:6.1f} ms: {ours_cpu / minimal_cpu:4.2f}× minimal"
    )
    print(
        f"  CPU time to the paint:    minimal {minimal_cpu_paint * 1000:6.1f} ms, ours "
        f"{ours_cpu_paint * 1000:6.1f} ms: {ours_cpu_paint / minimal_cpu_paint:4.2f}× minimal"
    )
    print(
        f"  CPU time to the frame:    minimal {minimal_frame * 1000:6.1f} ms, ours "
        f"{ours_cpu_frame * 1000:6.1f} ms: {ours_cpu_frame / minimal_frame:4.2f}× minimal"
    )
    # the target is the start to the first question: the CPU time to the paint, which the
    # load moves least (the exit is no part of it)
    verdict = "meets" if ours_cpu_paint / minimal_cpu_paint <= TARGET_RATIO else "MISSES"
    print(f"  target: at most {TARGET_RATIO}× the minimal app (CPU time to the paint): {verdict}")
    if args.start_only:
        return
    wall, cpu = asyncio.run(answers(args.rounds))
    median = statistics.median(wall) * 1000
    p95 = statistics.quantiles(wall, n=20)[18] * 1000
    print(f"per answer, key to next question painted, {len(wall)} keys:")
    print(
        f"  median {median:5.1f} ms, 95th percentile {p95:5.1f} ms, max {max(wall) * 1000:5.1f} ms"
    )
    print(f"  CPU per answer: median {statistics.median(cpu) * 1000:5.1f} ms")
    verdict = "meets" if p95 < TARGET_ANSWER_MS else "MISSES"
    print(f"  target: under {TARGET_ANSWER_MS} ms (95th percentile): {verdict}")
    print_screens(*asyncio.run(screens(max(3, args.rounds // 6))))
    print_case_log(args)


def print_case_log(args: argparse.Namespace) -> None:
    backends = "SQLite and PostgreSQL, interleaved" if args.postgres else "SQLite"
    print(
        f"the case log screen, median of {args.log_rounds} rounds ({backends}; "
        f"{os.cpu_count()} cores; load average {os.getloadavg()[0]:.1f} at the start):"
    )
    for cases in (int(size) for size in args.cases.split(",")):
        by_backend = asyncio.run(case_log(cases, args.log_rounds, args.logs, args.postgres))
        for backend, times in by_backend.items():
            for name, values in times.items():
                print(
                    f"  {cases:>7,} cases  {backend:10s} {name:58s}"
                    f" {statistics.median(values) * 1000:8.1f} ms"
                )


def screens_only() -> None:
    """``--screens-only [ROUNDS]``: only the screens' opening (`screens`), with the core
    count, for docs/performance.md's "Screens and dialogs"."""
    at = sys.argv.index("--screens-only")
    rounds = int(sys.argv[at + 1]) if len(sys.argv) > at + 1 else 10
    print_screens(*asyncio.run(screens(rounds)))


if __name__ == "__main__":
    screens_only() if "--screens-only" in sys.argv else main()
