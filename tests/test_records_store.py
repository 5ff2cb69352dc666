"""The case log: cases survive a killed process, two writers at once, and a file that is not
ours is refused and left as it is."""

from __future__ import annotations

import os
import signal
import sqlite3
import stat
import subprocess
import sys

import pytest

from gk_respond.records.store import SCHEMA_VERSION, Case, Store, StoreError

SAVER = """
import sys
from gk_respond.records.store import Case, Store
store = Store(sys.argv[1])
for n in range(int(sys.argv[2])):
    case = store.save(Case(handler=sys.argv[3], lang="sv", flowchart_version="2026.1",
        flowchart_sha256="f" * 64, comment_text=f"kommentar {n} åäö", comment_sha256="c" * 64,
        outcome="remove", path=[("prohibited", "ja"), ("owns_channel", "ja")]))
    print(case.number, flush=True)  # printed only after the commit
"""


def case(**changes) -> Case:
    fields = {
        "handler": "anna",
        "lang": "sv",
        "flowchart_version": "2026.1",
        "flowchart_sha256": "f" * 64,
        "comment_text": "Skatten höjs!\n\x1b[31m",
        "comment_sha256": "c" * 64,
        "outcome": "correct",
        "path": [("prohibited", "nej"), ("positive", "nej")],
    }
    return Case(**{**fields, **changes})


def test_save_numbers_cases_per_year_and_keeps_every_field(tmp_path):
    db = tmp_path / "data" / "cases.db"
    from datetime import UTC, datetime

    with Store(str(db)) as store:
        first = store.save(case(), now=datetime(2026, 3, 1, 12, 0, tzinfo=UTC))
        second = store.save(case(url="https://x.example", ticked=[0, 2]))
        third = store.save(case(), now=datetime(2027, 1, 1, tzinfo=UTC))
        assert (first.number, third.number) == ("2026-0001", "2027-0001")
        assert first.created_at == "2026-03-01T12:00:00+00:00"
        found = store.get(second.number)
        assert found == second
        assert found.comment_text == "Skatten höjs!\n\x1b[31m"  # verbatim
        assert [c.number for c in store.cases()] == ["2027-0001", second.number, "2026-0001"]
    assert stat.S_IMODE(os.stat(db).st_mode) == 0o600


def test_a_file_that_is_not_sqlite_is_refused_and_left_alone(tmp_path):
    path = tmp_path / "cases.db"
    path.write_bytes(b"my notes, not a database\n")
    with pytest.raises(StoreError, match="is not an SQLite database"):
        Store(str(path))
    assert path.read_bytes() == b"my notes, not a database\n"


def test_another_sqlite_database_is_refused(tmp_path):
    path = tmp_path / "other.db"
    with sqlite3.connect(path) as db:
        db.execute("CREATE TABLE mine (x)")
    before = path.read_bytes()
    with pytest.raises(StoreError, match="not a gk-respond case log"):
        Store(str(path))
    assert path.read_bytes() == before


def test_a_corrupt_database_is_refused(tmp_path):
    path = tmp_path / "cases.db"
    Store(str(path)).close()
    data = bytearray(path.read_bytes())
    data[100:4096] = b"\xff" * (4096 - 100)
    path.write_bytes(bytes(data))
    with pytest.raises(StoreError, match="not a usable case log"):
        Store(str(path))
    assert path.read_bytes() == bytes(data)


def test_a_newer_schema_is_refused(tmp_path):
    path = tmp_path / "cases.db"
    Store(str(path)).close()
    with sqlite3.connect(path) as db:
        db.execute(
            "UPDATE gk_respond_meta SET value = ? WHERE key = 'schema'", (str(SCHEMA_VERSION + 1),)
        )
    with pytest.raises(StoreError, match="newer gk-respond"):
        Store(str(path))


def test_two_processes_saving_at_once_both_succeed(tmp_path):
    db = str(tmp_path / "cases.db")
    Store(db).close()
    runs = [
        subprocess.Popen(
            [sys.executable, "-c", SAVER, db, "200", who],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for who in ("anna", "bo")
    ]
    outputs = [run.communicate(timeout=300) for run in runs]
    assert [run.returncode for run in runs] == [0, 0], [err for _, err in outputs]
    numbers = [line for out, _ in outputs for line in out.split()]
    assert len(numbers) == len(set(numbers)) == 400
    with Store(db) as store:
        cases = store.cases()
    assert len(cases) == 400
    assert {c.handler for c in cases} == {"anna", "bo"}


def test_a_killed_saver_loses_no_confirmed_case(tmp_path):
    db = str(tmp_path / "cases.db")
    Store(db).close()
    saver = subprocess.Popen(
        [sys.executable, "-c", SAVER, db, "100000", "anna"], stdout=subprocess.PIPE, text=True
    )
    confirmed = []
    for line in saver.stdout:  # kill it mid-stream, after it has confirmed some cases
        confirmed.append(line.strip())
        if len(confirmed) == 150:
            break
    os.kill(saver.pid, signal.SIGKILL)
    saver.wait()
    with sqlite3.connect(db) as check:
        assert check.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    with Store(db) as store:
        saved = {c.number for c in store.cases()}
    assert set(confirmed) <= saved


def test_date_filters_are_local_calendar_days(tmp_path, monkeypatch):
    import time
    from datetime import UTC, date, datetime

    from gk_respond.records.store import CaseFilter

    monkeypatch.setenv("TZ", "Europe/Stockholm")
    time.tzset()
    try:
        with Store(str(tmp_path / "cases.db")) as store:
            # 22:30 UTC on 31 March is half past midnight on 1 April in Sweden (summer time)
            late = store.save(case(), now=datetime(2026, 3, 31, 22, 30, tzinfo=UTC)).number
            early = store.save(case(), now=datetime(2026, 3, 31, 21, 59, tzinfo=UTC)).number

            def numbers(**where) -> list[str]:
                return [c.number for c in store.cases(CaseFilter(**where))]

            assert numbers(since=date(2026, 4, 1)) == [late]
            assert numbers(until=date(2026, 3, 31)) == [early]
            assert numbers(since=date(2026, 3, 31), until=date(2026, 4, 1)) == [
                early,
                late,
            ]  # by number
    finally:
        monkeypatch.undo()
        time.tzset()


def test_an_update_that_fails_changes_nothing(tmp_path):
    with Store(str(tmp_path / "cases.db")) as store:
        number = store.save(case()).number

        def half_done(found: Case) -> None:
            found.notes = "halvvägs"
            raise RuntimeError("the power went")

        with pytest.raises(RuntimeError):
            store.update(number, half_done)
        assert store.get(number).notes == ""
        assert store.update("2026-9999", lambda found: None) is None
