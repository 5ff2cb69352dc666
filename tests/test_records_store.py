"""The case log: cases survive a killed process, two writers at once, and a file that is not
ours is refused and left as it is."""

from __future__ import annotations

import os
import signal
import sqlite3
import stat
import subprocess
import sys
from contextlib import closing

import pytest
from old_logs import downgrade

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


def test_save_numbers_cases_per_year_and_keeps_every_field(tmp_path, case_log, backend):
    db = tmp_path / "data" / "cases.db" if backend == "sqlite" else case_log
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
    if backend == "sqlite":
        assert stat.S_IMODE(os.stat(db).st_mode) == 0o600


def test_cases_stored_under_their_own_numbers_raise_the_counters(case_log):
    """``insert_cases`` (a copy, a fill): the next save in each year follows the highest
    number stored, never one already given."""
    from datetime import UTC, datetime

    from gk_respond.records.store import insert_cases

    with Store(case_log) as store:
        with store.transaction() as db:
            insert_cases(db, [case(number=n, created_at="2026-02-01T09:00:00+00:00")
                              for n in ("2026-0007", "2026-0003", "2025-0040")])  # fmt: skip
        made = [store.save(case(), now=datetime(y, 6, 1, 12, tzinfo=UTC)) for y in (2026, 2025)]
    assert [c.number for c in made] == ["2026-0008", "2025-0041"]


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
    with pytest.raises(StoreError, match="is damaged"):
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


def test_eight_processes_saving_at_once_all_succeed_with_gapless_numbers(case_log):
    db = case_log
    Store(db).close()
    savers = [f"saver{n}" for n in range(8)]
    runs = [
        subprocess.Popen(
            [sys.executable, "-c", SAVER, db, "100", who],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for who in savers
    ]
    outputs = [run.communicate(timeout=600) for run in runs]
    assert [run.returncode for run in runs] == [0] * 8, [err for _, err in outputs]
    numbers = [line for out, _ in outputs for line in out.split()]
    assert len(numbers) == len(set(numbers)) == 800
    year = numbers[0][:4]
    assert sorted(numbers) == [f"{year}-{n:04d}" for n in range(1, 801)]  # no gaps
    with Store(db) as store:
        cases = store.cases()
    assert sorted(c.number for c in cases) == sorted(numbers)  # every case present
    assert {c.handler for c in cases} == set(savers)


def test_a_killed_saver_loses_no_confirmed_case(case_log, backend):
    db = case_log
    Store(db).close()
    saver = subprocess.Popen(
        [sys.executable, "-c", SAVER, db, "100000", "anna"], stdout=subprocess.PIPE, text=True
    )
    confirmed = []
    for line in saver.stdout:  # kill it mid-stream, after it has confirmed some cases
        confirmed.append(line.strip())
        if len(confirmed) == 150:
            break
    os.kill(saver.pid, signal.SIGKILL)  # most likely mid-transaction: it does nothing else
    saver.wait()
    if backend == "sqlite":
        with sqlite3.connect(db) as check:
            assert check.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    with Store(db) as store:
        cases = store.cases()
        assert not store.warnings  # every row a whole case
        saved = sorted(c.number for c in cases)
        year = confirmed[0][:4]
        assert saved == [f"{year}-{n:04d}" for n in range(1, len(saved) + 1)]  # no gap
        assert set(confirmed) <= set(saved)
        # the number the killed transaction took was given back: the next save goes on
        assert store.save(case()).number == f"{year}-{len(saved) + 1:04d}"


def test_date_filters_are_local_calendar_days(case_log, monkeypatch):
    import time
    from datetime import UTC, date, datetime

    from gk_respond.records.store import CaseFilter

    monkeypatch.setenv("TZ", "Europe/Stockholm")
    time.tzset()
    try:
        with Store(case_log) as store:
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


def test_an_update_that_fails_changes_nothing(case_log):
    with Store(case_log) as store:
        number = store.save(case()).number

        def half_done(found: Case) -> None:
            found.notes = "halvvägs"
            raise RuntimeError("the power went")

        with pytest.raises(RuntimeError):
            store.update(number, half_done)
        assert store.get(number).notes == ""
        assert store.update("2026-9999", lambda found: None) is None


def big_log(path) -> str:
    """400 cases with long comments: a file of many pages."""
    with Store(str(path)) as store:
        for n in range(400):
            store.save(case(comment_text=f"Skatten höjs, säger {n}! " * 60))
    return str(path)


def damage(path: str, page: int | None = None) -> bytes:
    """One 4096-byte page overwritten with 0xff: page number ``page``, else the last page of
    the cases table (the newest cases: every list reads it; the search index comes after it
    in the file); the file's bytes."""
    if page is None:
        with closing(sqlite3.connect(path)) as plain:
            ((page,),) = plain.execute("SELECT max(pageno) FROM dbstat WHERE name = 'cases'")
    with open(path, "r+b") as handle:
        handle.seek((page - 1) * 4096)
        handle.write(b"\xff" * 4096)
    with open(path, "rb") as handle:
        return handle.read()


@pytest.mark.parametrize("readonly", [False, True])
def test_a_log_damaged_beyond_its_first_page_is_refused_and_never_written(tmp_path, readonly):
    """Opening to write checks every page; opening to read does not (a read does not grow
    with the log), and the read that meets the damaged page says the same."""
    path = big_log(tmp_path / "big.db")
    before = damage(path)
    with pytest.raises(StoreError, match=r"big.db: is damaged \(.*\); it is left as it is — "):
        if not readonly:
            Store(path)
        with Store(path, readonly=True) as store:
            store.cases()
    with open(path, "rb") as handle:
        assert handle.read() == before
    wal = path + "-wal"
    assert not os.path.exists(wal) or os.path.getsize(wal) == 0  # nothing written


def test_damage_found_after_opening_is_a_store_error(tmp_path):
    path = big_log(tmp_path / "big.db")
    with Store(path) as store:
        store._db.execute("PRAGMA cache_size = 1")  # read every page from the file again
        store._db.execute("PRAGMA cache_spill = 1")
        store.get("2026-0001")
        damage(path)  # the newest cases' page
        with pytest.raises(StoreError, match=r"is damaged .*restore it from a backup"):
            store.cases()


def test_a_busy_log_is_a_store_error_that_says_try_again(tmp_path, monkeypatch):
    from gk_respond.records import store as module

    monkeypatch.setattr(module, "BUSY_TIMEOUT", 0)  # give up at once: no waiting in a test
    path = str(tmp_path / "cases.db")
    with Store(path) as store:
        number = store.save(case()).number
        writer = sqlite3.connect(path, isolation_level=None)
        writer.execute("BEGIN IMMEDIATE")  # another gk-respond, in the middle of a save
        try:
            busy = r"cases.db: is busy \(another gk-respond is writing\); try again"
            with pytest.raises(StoreError, match=busy):
                store.save(case())
            with pytest.raises(StoreError, match=busy):
                store.update(number, lambda found: None)
            with pytest.raises(StoreError, match=busy):
                Store(path)
            with Store(path, readonly=True) as reader:  # readers never wait for the writer
                assert [c.number for c in reader.cases()] == [number]
            assert [c.number for c in store.cases()] == [number]
        finally:
            writer.execute("ROLLBACK")
            writer.close()
        assert store.save(case()).number != number


def test_a_full_disk_is_a_store_error_and_the_save_is_undone(tmp_path):
    path = str(tmp_path / "cases.db")
    with Store(path) as store:
        store.save(case())
        (pages,) = store._db.execute("PRAGMA page_count").fetchone()
        store._db.execute(f"PRAGMA max_page_count = {pages}")  # as if the disk were full
        with pytest.raises(StoreError, match=r"cases\.db: the disk is full"):
            store.save(case(comment_text="x" * 100_000))
        assert len(store.cases()) == 1


def test_a_log_opened_read_only_can_be_read_and_writes_are_refused(tmp_path):
    folder = tmp_path / "shared"
    path = str(folder / "cases.db")
    with Store(path) as store:
        number = store.save(case()).number
    before = (folder / "cases.db").read_bytes()
    os.chmod(path, 0o444)
    os.chmod(folder, 0o555)
    try:
        with Store(path, readonly=True) as store:
            assert [c.number for c in store.cases()] == [number]
            assert store.get(number).number == number
            with pytest.raises(StoreError, match=r"cases\.db: is read-only for you; "):
                store.save(case())
            with pytest.raises(StoreError, match="is read-only for you"):
                store.update(number, lambda found: None)
            with (
                pytest.raises(StoreError, match="is read-only for you"),
                store.transaction() as db,
            ):
                db.execute("DELETE FROM channels")
    finally:
        os.chmod(folder, 0o755)
    assert (folder / "cases.db").read_bytes() == before


def test_a_log_that_is_not_ours_or_newer_is_refused_read_only_too(tmp_path):
    other = tmp_path / "other.db"
    with sqlite3.connect(other) as db:
        db.execute("CREATE TABLE mine (x)")
    with pytest.raises(StoreError, match="not a gk-respond case log"):
        Store(str(other), readonly=True)
    path = tmp_path / "cases.db"
    Store(str(path)).close()
    with sqlite3.connect(path) as db:
        db.execute("UPDATE gk_respond_meta SET value = '99' WHERE key = 'schema'")
    with pytest.raises(StoreError, match="newer gk-respond"):
        Store(str(path), readonly=True)


def test_reading_an_older_log_migrates_it_when_the_user_may_write_it(tmp_path):
    path = tmp_path / "cases.db"
    with Store(str(path)) as store:
        number = store.save(case()).number
    downgrade(path, 1)  # back to schema 1: no register, no reply, no contacts
    with Store(str(path), readonly=True) as store:
        kept = store.get(number)
        assert kept.number == number
        assert (kept.reply_text, kept.reply_findings) == ("", [])
        assert store.query("SELECT COUNT(*) FROM channels")[0][0] == 0


def another_user() -> list[str]:
    """The command prefix that runs a Python subprocess as a user who does not own the test's
    files: none when the tests do not run as root; as root (which ignores permissions),
    setpriv and the user nobody, or the test is skipped."""
    import shutil

    if not hasattr(os, "geteuid") or os.geteuid() != 0:
        return []
    if not shutil.which("setpriv"):
        pytest.skip("running as root without setpriv: permissions cannot be tested")
    prefix = ["setpriv", "--reuid=nobody", "--regid=nogroup", "--clear-groups"]
    probe = [*prefix, sys.executable, "-m", "gk_respond", "--version"]  # as the tests run it
    if subprocess.run(probe, cwd="/", capture_output=True).returncode != 0:
        pytest.skip(f"{sys.executable} or gk_respond cannot be used by the user nobody")
    return prefix


def shared_folder() -> str:
    """A folder in the system's temporary directory that any user can reach."""
    import tempfile

    folder = tempfile.mkdtemp(prefix="gk-readonly-")
    os.chmod(folder, 0o755)
    return folder


def test_a_log_someone_else_owns_can_be_read_but_not_written():
    import shutil

    prefix = another_user()
    folder = shared_folder()
    holder = None
    try:
        path, older = os.path.join(folder, "cases.db"), os.path.join(folder, "older.db")
        with Store(path) as store:
            number = store.save(case()).number
        shutil.copy(path, older)
        for name in (path, older):
            os.chmod(name, 0o444)
        # an older gk-respond at work on it (its -wal and -shm files readable by all)
        holder = sqlite3.connect(older, isolation_level=None)
        holder.execute("DROP TABLE channels")
        holder.execute("UPDATE gk_respond_meta SET value = '1' WHERE key = 'schema'")
        os.chmod(folder, 0o555)
        check = f"""
from gk_respond.records.store import Store, StoreError
with Store({path!r}, readonly=True) as store:
    print([c.number for c in store.cases()])
    found = store.get({number!r})
for opened in (lambda: Store({path!r}, readonly=True).save(found),
               lambda: Store({path!r}, create=False),
               lambda: Store({older!r}, readonly=True)):
    try:
        opened()
    except StoreError as error:
        print(error)
"""
        result = subprocess.run(
            [*prefix, sys.executable, "-c", check], capture_output=True, text=True
        )
        assert result.returncode == 0, result.stderr
        lines = result.stdout.splitlines()
        assert lines[0] == repr([number])
        assert len(lines) == 4, lines
        assert all("is read-only for you" in line for line in lines[1:3]), lines
        assert lines[3] == (
            f"{older}: was written by an older gk-respond (schema 1) and must be opened once "
            "by someone who may write to it; it is left as it is"
        )
    finally:
        if holder is not None:
            holder.close()
        os.chmod(folder, 0o755)
        shutil.rmtree(folder)


def test_reading_never_creates_a_log(tmp_path):
    from gk_respond.records.store import NoCaseLog

    path = tmp_path / "typo.db"
    for options in ({"readonly": True}, {"create": False}):
        with pytest.raises(NoCaseLog, match=f"no case log at {path} .nothing has been saved"):
            Store(str(path), **options)
    assert not path.exists()
    path.write_bytes(b"")
    with pytest.raises(NoCaseLog, match="no case log"):
        Store(str(path), readonly=True)
    assert path.read_bytes() == b""


def test_an_existing_empty_file_is_made_private_before_it_is_filled(tmp_path):
    path = tmp_path / "cases.db"
    path.write_bytes(b"")
    os.chmod(path, 0o644)
    Store(str(path)).close()
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o600


@pytest.mark.parametrize("readonly", [False, True])
def test_a_schema_that_is_not_a_number_is_refused(tmp_path, readonly):
    path = tmp_path / "cases.db"
    Store(str(path)).close()
    with sqlite3.connect(path) as db:
        db.execute("UPDATE gk_respond_meta SET value = 'two' WHERE key = 'schema'")
    before = path.read_bytes()
    not_ours = r"is not a gk-respond case log we can read \(schema 'two'\)"
    with pytest.raises(StoreError, match=not_ours):
        Store(str(path), readonly=readonly)
    assert path.read_bytes() == before


def test_case_numbers_follow_the_local_calendar_year(case_log, monkeypatch):
    import time
    from datetime import UTC, datetime

    monkeypatch.setenv("TZ", "Europe/Stockholm")
    time.tzset()
    try:
        with Store(case_log) as store:
            # 23:30 UTC on 31 December is half past midnight on New Year's Day in Sweden
            new_year = store.save(case(), now=datetime(2026, 12, 31, 23, 30, tzinfo=UTC))
            old_year = store.save(case(), now=datetime(2026, 12, 31, 22, 59, tzinfo=UTC))
        assert (new_year.number, old_year.number) == ("2027-0001", "2026-0001")
        assert new_year.created_at == "2026-12-31T23:30:00+00:00"  # the time stays UTC
    finally:
        monkeypatch.undo()
        time.tzset()
