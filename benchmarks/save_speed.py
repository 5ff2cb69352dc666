"""`--save` with and without `--url`: looking the address up in the channel register.

Run from a checkout with the package installed:  python benchmarks/save_speed.py [--runs N]

It measures, side by side and interleaved (so both see the same machine load), whole
processes that save a case to the same case log, which holds a channel register of 20
channels (flowchart cache warm):
  save      gk-respond --answers ... --save --comment ...
  save+url  the same with --url on a registered channel (the register answers owns_channel)
  save+miss the same with --url on no registered channel
and prints the medians and their ratios to `save`. Not a test: figures vary by machine.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time

TARGET_RATIO = 1.2
ANSWERS = "prohibited=ja"  # owns_channel follows: given, or by the register
COMMENT = "Ni är värdelösa [b]alla[/b]"
OURS = "https://facebook.com/gk-kanal-7/posts/42"
THEIRS = "https://facebook.com/someone-else/posts/42"


def register(db: str) -> None:
    """A case log with 20 channels, made through the register's own API."""
    code = f"""
from gk_respond.records.channels import Channel, Channels
from gk_respond.records.store import Store
admins = [
    {{"name": "Anna Andersson", "email": "anna@gullspang.se", "phone": "0551-360 00"}},
    {{"name": "Bo Berg", "email": "bo@gullspang.se", "phone": "+46 551 360 01"}},
]
with Store({db!r}) as store:
    Channels(store).replace_all([
        Channel.model_validate({{
            "id": f"gk-kanal-{{n}}", "name": f"Kanal {{n}}", "medium": "facebook",
            "url": f"https://www.facebook.com/gk-kanal-{{n}}", "unit": "Kommunledningen",
            "purpose": "Nyheter", "audience": "Invånare", "administrators": admins,
            "daily": ["Anna Andersson"], "monitoring": "dagligen", "hours_per_week": 4,
            "approved_by": "Cecilia Chef", "approved_on": "2026-01-15",
        }})
        for n in range(20)
    ])
"""
    subprocess.run([sys.executable, "-c", code], check=True)


def timed(command: list[str], env: dict[str, str]) -> tuple[float, float]:
    """Wall seconds of the whole process, and the CPU time it used (user + system)."""
    start = time.perf_counter()
    child = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(child.pid, 0)
    if status != 0:
        raise SystemExit(f"{command} failed")
    return time.perf_counter() - start, usage.ru_utime + usage.ru_stime


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=21)
    args = parser.parse_args()
    folder = tempfile.mkdtemp(prefix="gk-bench-save-")
    db = os.path.join(folder, "cases.db")
    register(db)
    env = {**os.environ, "GK_RESPOND_CACHE_DIR": os.path.join(folder, "cache")}
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # the warm-up writes the bytecode, as installed
    base = [sys.executable, "-m", "gk_respond", "--save", "--db", db, "--comment", COMMENT]
    base += ["--handler", "Bench", "--answers"]
    commands = {  # the same outcome each time: remove
        "save": [*base, f"{ANSWERS},owns_channel=ja"],
        "save+url": [*base, ANSWERS, "--url", OURS],
        "save+miss": [*base, f"{ANSWERS},owns_channel=ja", "--url", THEIRS],
    }
    for command in commands.values():  # fill the flowchart cache and the bytecode caches
        timed(command, env)
    times: dict[str, list[tuple[float, float]]] = {name: [] for name in commands}
    for _ in range(args.runs):
        for name, command in commands.items():
            times[name].append(timed(command, env))
    medians = {
        name: (statistics.median(w for w, _ in values), statistics.median(c for _, c in values))
        for name, values in times.items()
    }
    save, save_cpu = medians["save"]
    print(f"--save, median of {args.runs} interleaved runs ({os.cpu_count()} cores), wall and")
    print("CPU time (user + system):")
    for name, label in (
        ("save", "--save"),
        ("save+url", "--save --url (registered)"),
        ("save+miss", "--save --url (not registered)"),
    ):
        wall, cpu = medians[name]
        print(
            f"  {label:30s} {wall * 1000:6.1f} ms  {wall / save:4.2f}× --save   "
            f"CPU {cpu * 1000:6.1f} ms  {cpu / save_cpu:4.2f}×"
        )
    worst = max(medians["save+url"][0], medians["save+miss"][0]) / save
    verdict = "meets" if worst <= TARGET_RATIO else "MISSES"
    print(f"  target: --url at most {TARGET_RATIO}× --save (wall): {verdict}")


if __name__ == "__main__":
    main()
