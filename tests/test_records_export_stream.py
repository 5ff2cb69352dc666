"""`records export` streams: read and written a case at a time, byte for byte what the
release before it wrote (CSV and JSON pinned by digest on a fixed log of 1,203 cases, more
than two of the store's read batches; Markdown against the cases' own sections), to standard
output or to a new private file that is whole or not at all; a damaged case in a later
batch is named and left out; and the memory an export takes does not grow with the log."""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from export_log import NOW, fill, fixed_cases

from gk_respond.records.queries import BATCH

PINNED = json.loads(
    (Path(__file__).parent / "data" / "pinned" / "sha256.json").read_text(encoding="utf-8")
)
OPTIONS = {
    "all": [],
    "open": ["--status", "open", "--search", "snö"],
    "none": ["--search", "Strängnäs"],
    "tab": ["--delimiter", "tab"],
    "remove": ["--outcome", "remove", "--since", "2026-11-01"],
}
PINS = [
    (name, fmt) for fmt in ("csv", "json") for name in OPTIONS if f"export-{name}.{fmt}" in PINNED
]


@pytest.fixture(scope="module")
def fixed_log(tmp_path_factory) -> str:
    db = str(tmp_path_factory.mktemp("export") / "cases.db")
    fill(db, fixed_cases(1203))
    assert 2 * BATCH < 1203
    return db


@pytest.fixture(scope="module")
def export(cli_env):
    env = {**cli_env, "GK_RESPOND_NOW": NOW, "TZ": "Europe/Stockholm"}

    def run(db: str, *args: str, raw: bool = False) -> subprocess.CompletedProcess:
        """The export's run; its output as bytes if ``raw`` (else text, lines as \\n)."""
        text = {} if raw else {"text": True, "encoding": "utf-8"}
        return subprocess.run(
            [sys.executable, "-m", "gk_respond", "records", "export", "--db", db, *args],
            capture_output=True, env=env, cwd="/", timeout=300, **text,
        )  # fmt: skip

    return run


def digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


@pytest.mark.parametrize(("name", "fmt"), PINS)
def test_the_export_is_byte_identical_to_the_release_before(export, fixed_log, name, fmt):
    done = export(fixed_log, "--format", fmt, *OPTIONS[name])
    assert done.returncode == 0, done.stderr
    assert done.stderr == ""
    assert digest(done.stdout) == PINNED[f"export-{name}.{fmt}"]


def test_the_markdown_export_is_each_case_section_under_the_heading(export, fixed_log, monkeypatch):
    import time

    from gk_respond import default_flowchart
    from gk_respond.flowchart.engine import Chart
    from gk_respond.flowchart.load import load
    from gk_respond.records.store import Store
    from gk_respond.records.view import case_markdown

    done = export(fixed_log, "--format", "markdown", "--lang", "en")
    assert done.returncode == 0, done.stderr
    chart = Chart(load(default_flowchart()))
    monkeypatch.setenv("GK_RESPOND_NOW", NOW)  # as the export had it
    monkeypatch.setenv("TZ", "Europe/Stockholm")
    time.tzset()
    try:
        with Store(fixed_log, readonly=True) as store:
            sections = [case_markdown(case, chart, "en") for case in store.cases()]
    finally:
        monkeypatch.undo()
        time.tzset()
    assert len(sections) == 1203
    assert done.stdout == "# Cases\n" + "\n\n".join(sections) + "\n"
    none = export(fixed_log, "--format", "markdown", "--search", "Strängnäs", "--lang", "en")
    assert none.stdout == "# Cases\n\n_text: ` Strängnäs `_\n\nNo cases\n"


@pytest.mark.parametrize("fmt", ["csv", "json", "markdown"])
def test_an_export_to_a_file_is_what_standard_output_gets_private_and_whole(
    export, fixed_log, tmp_path, fmt
):
    out = tmp_path / f"ärenden.{fmt}"
    written = export(fixed_log, "--format", fmt, "--output", str(out))
    assert written.returncode == 0, written.stderr
    assert written.stderr == f"gk-respond: 1,203 cases written to {out}\n"
    printed = export(fixed_log, "--format", fmt, raw=True)
    assert out.read_bytes() == printed.stdout
    assert out.stat().st_mode & 0o777 == 0o600
    assert os.listdir(tmp_path) == [out.name]  # no temporary file left beside it
    again = export(fixed_log, "--format", fmt, "--output", str(out))
    assert again.returncode == 2 and out.read_bytes() == printed.stdout


def test_a_damaged_case_in_a_later_batch_is_named_and_the_rest_exported(export, tmp_path):
    db = str(tmp_path / "cases.db")
    fill(db, fixed_cases(1203))
    bad = "2026-0100"  # newest first: in the third batch, after 1,103 sound cases
    with sqlite3.connect(db) as connection:
        connection.execute(
            "UPDATE cases SET comment_text = CAST(X'ff00' AS TEXT) WHERE number = ?", (bad,)
        )
    connection.close()
    out = tmp_path / "export.json"
    done = export(db, "--format", "json", "--output", str(out))
    assert done.returncode == 0, done.stderr
    warning = done.stderr.splitlines()[0]
    assert warning == (
        f"gk-respond: warning: {db}: case {bad} is damaged (comment_text is not UTF-8 text); "
        "it is left out — restore it from a backup"
    )
    numbers = [case["number"] for case in json.loads(out.read_text(encoding="utf-8"))]
    assert len(numbers) == 1202 and bad not in numbers
    assert numbers == sorted(numbers, reverse=True)  # newest first, across the batches


def test_an_export_to_a_file_stopped_by_a_damaged_file_leaves_no_file(export, tmp_path):
    from test_records_store import big_log, damage

    db = big_log(tmp_path / "big.db")
    damage(db)
    out = tmp_path / "export.csv"
    done = export(db, "--format", "csv", "--output", str(out))
    assert done.returncode == 4, done.stderr
    assert f"{db}: is damaged (" in done.stderr
    assert [n for n in os.listdir(tmp_path) if not n.startswith("big.db")] == []  # no export


PEAK = """
import resource, subprocess, sys
subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, check=True)
print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
"""


def test_an_export_of_a_large_log_takes_no_more_memory_than_a_small_one(cli_env, tmp_path):
    """Peak memory of the whole process (ru_maxrss of a child of its own), for a log of
    200 cases and one of 20,000: streamed, both hold one batch at a time."""
    peaks = {}
    for count in (200, 20_000):
        db = str(tmp_path / f"{count}.db")
        fill(db, fixed_cases(count))
        command = [sys.executable, "-m", "gk_respond", "records", "export", "--db", db,
                   "--format", "json"]  # fmt: skip
        done = subprocess.run([sys.executable, "-c", PEAK, *command], capture_output=True,
                              text=True, env=cli_env, check=True)  # fmt: skip
        peaks[count] = int(done.stdout) / 1024  # KiB on Linux
    # the whole log in memory would take well over 100 MiB more at 20,000 cases
    assert peaks[20_000] < peaks[200] + 25, peaks
