"""The statistics' summary (schema 11, records/tallies.py, and its month level, schema 14,
records/month_tallies.py), on both backends: `stats` answers from it with the numbers
Python counts from the cases (per outcome, per local month in time zones whose month
starts split a UTC day, with --since/--until, the overdue), and both levels stay in step
after a save, every kind of update, a delete, a writer killed mid-transaction, a `records
copy` and the migration of a schema 10 or 12 log; `records verify` says when they do not."""

from __future__ import annotations

import hashlib
import json
import time
from datetime import UTC, date, datetime, timedelta

import pytest
from old_logs import old_log_with
from test_case_log_reads import killed_mid_transaction, numbered
from test_records_store import case

from gk_respond.cli.common import open_chart
from gk_respond.records import tallies, tally_check
from gk_respond.records.due import overdue_rule
from gk_respond.records.stats import counts, counts_in
from gk_respond.records.store import SCHEMA_VERSION, CaseFilter, Store, insert_cases

# UTC and zones whose local midnight is 1-2 hours, 5.5 hours, -3.5 hours and 14 hours off
ZONES = ("UTC", "Europe/Stockholm", "Asia/Kolkata", "America/St_Johns", "Pacific/Kiritimati")


def spread(count: int = 60) -> list:
    """``count`` cases over about five months, every outcome and status, due times past
    and to come, some met by their follow-up field: beside ``numbered``'s 40 days."""
    outcomes = ("remove", "correct", "report", "observe", "share")
    start = datetime(2026, 1, 30, 21, 30, tzinfo=UTC)
    made = []
    for n in range(count):
        moment = start + timedelta(hours=61 * n + n % 7)
        closed = moment.isoformat(timespec="seconds") if n % 4 == 0 else None
        made.append(case(
            number=f"2026-{500 + n:04d}", created_at=moment.isoformat(timespec="seconds"),
            outcome=outcomes[n % 5], closed_at=closed,
            removed_at=moment.isoformat(timespec="seconds") if n % 6 == 1 else None,
            due_at=(moment + timedelta(hours=48 + n)).isoformat(timespec="seconds")
            if n % 3 else None,
        ))  # fmt: skip
    return made


@pytest.fixture
def filled(case_log: str) -> str:
    with Store(case_log) as store, store.transaction() as db:
        insert_cases(db, numbered() + spread())
    return case_log


@pytest.fixture
def zone(request, monkeypatch):
    monkeypatch.setenv("TZ", request.param)
    time.tzset()
    yield request.param
    monkeypatch.undo()
    time.tzset()


def filters(chart, moment: datetime) -> list[CaseFilter]:
    days = [date(2025, 12, 31), date(2026, 1, 1), date(2026, 2, 28), date(2026, 3, 1)]
    found = [
        CaseFilter(),
        CaseFilter(status="open"),
        CaseFilter(status="closed"),
        CaseFilter(outcomes=frozenset({"remove", "correct"})),
        CaseFilter(outcomes=frozenset({"remove"}), status="open"),
        *(CaseFilter(since=day) for day in days),
        *(CaseFilter(until=day) for day in days),
        CaseFilter(since=date(2026, 1, 1), until=date(2026, 1, 1)),
        CaseFilter(since=date(2026, 3, 2), until=date(2026, 1, 1)),  # nothing
        CaseFilter(since=date(2026, 2, 14), until=date(2026, 4, 30), status="open"),
    ]
    return found


def expected(store: Store, where: CaseFilter, chart, moment: datetime) -> dict:
    return counts(store.cases(where), chart, moment)


@pytest.mark.parametrize("zone", ZONES, indirect=True)
def test_stats_from_the_summary_are_the_numbers_python_counts(filled, zone):
    chart = open_chart(None)
    with Store(filled, readonly=True) as store:
        # now: before every due time, among them (some due on this very UTC day), after all
        for moment in (
            datetime(2025, 12, 1, tzinfo=UTC),
            datetime(2026, 3, 10, 13, 17, 5, 250000, tzinfo=UTC),
            datetime(2026, 3, 10, 13, 17, 5, tzinfo=UTC),
            datetime(2027, 1, 1, tzinfo=UTC),
        ):
            for where in filters(chart, moment):
                rule = overdue_rule(chart, moment)
                assert tallies.tallies(store, where, rule) is not None, where  # the summary
                assert counts_in(store, where, chart, moment) == expected(
                    store, where, chart, moment
                ), (where, moment)
        data = counts_in(store, CaseFilter(), chart, datetime(2026, 3, 10, 13, tzinfo=UTC))
        assert data["total"] == 100 and len(data["per_month"]) >= 5
        assert data["overdue_per_outcome"]  # the test tests something


def in_step(store: Store, chart, moment: datetime) -> dict:
    """The summary holds what the cases hold, and stats says what Python counts."""
    assert tally_check.differences(store) == []
    for where in (CaseFilter(status="open"), CaseFilter(status="closed")):
        assert counts_in(store, where, chart, moment) == expected(store, where, chart, moment)
    data = counts_in(store, CaseFilter(), chart, moment)
    assert data == expected(store, CaseFilter(), chart, moment)
    return data


def held(store: Store) -> list[tuple]:
    return sorted(
        map(tuple, store.query("SELECT day, outcome, closed, due, met, n FROM case_tallies"))
    )


def held_months(store: Store) -> list[tuple]:
    return sorted(
        map(
            tuple,
            store.query("SELECT month, outcome, closed, due, met, n FROM case_tallies_months"),
        )
    )


def test_the_summary_follows_every_save_update_and_delete(case_log, backend):
    chart = open_chart(None)
    moment = datetime(2026, 3, 20, tzinfo=UTC)
    with Store(case_log) as store:
        first = store.save(case(outcome="remove"), now=datetime(2026, 3, 1, 10, tzinfo=UTC))
        store.update(first.number, lambda c: setattr(c, "due_at", "2026-03-03T10:00:00+00:00"))
        second = store.save(case(outcome="correct"), now=datetime(2026, 3, 2, tzinfo=UTC))
        assert in_step(store, chart, moment)["overdue_per_outcome"] == {"remove": 1}
        changes = [
            ("outcome", "report"),
            ("closed_at", "2026-03-04T09:00:00+00:00"),  # closed
            ("closed_at", None),  # reopened
            ("removed_at", "2026-03-05T09:00:00+00:00"),  # a follow-up field
            ("due_at", "2026-03-25T10:00:00+00:00"),  # a later due time
            ("due_at", None),
            ("handler", "bo"),  # not counted: nothing changes
            ("outcome", "remove"),
        ]
        for name, value in changes:
            before = held(store)
            store.update(first.number, lambda c, n=name, v=value: setattr(c, n, v))
            in_step(store, chart, moment)
            assert (held(store) != before) == (name != "handler"), name
        with pytest.raises(ZeroDivisionError):  # a change that fails changes nothing
            store.update(second.number, lambda c: (setattr(c, "outcome", "remove"), 1 / 0))
        assert in_step(store, chart, moment)["per_outcome"] == {"remove": 1, "correct": 1}
        with store.transaction() as db:  # as a hand edit would (the triggers see it too)
            db.execute("DELETE FROM cases WHERE number = ?", (second.number,))
        assert in_step(store, chart, moment)["total"] == 1
        assert store.query("SELECT COUNT(*) FROM case_tallies")[0][0] == 1  # none left at 0
        assert held_months(store) == [("2026-03", "remove", 0, "", 1, 1)]  # (removed_at: met)


def test_a_temporary_table_of_the_writer_s_own_does_not_take_the_counts(postgres_log):
    """The trigger function runs as its owner; it finds the log's own ``case_tallies``,
    never a temporary one a writer made in its session (pg_temp is searched last)."""
    chart = open_chart(None)
    moment = datetime(2026, 3, 20, tzinfo=UTC)
    with Store(postgres_log) as store:
        [config] = store.query(  # (this log's: other schemas may have theirs)
            "SELECT proconfig FROM pg_proc WHERE proname = 'case_tallies_kept' "
            "AND pronamespace = current_schema()::regnamespace"
        )
        assert str(config[0][0]).endswith(", pg_temp"), config
        tables = ("case_tallies", "case_tallies_months")
        with store.transaction() as db:
            for table in tables:
                db.execute(f"CREATE TEMP TABLE {table} AS SELECT * FROM {table} WITH NO DATA")
        store.save(case(outcome="remove"), now=datetime(2026, 3, 1, 10, tzinfo=UTC))
        for table in tables:
            assert store.query(f"SELECT COUNT(*) FROM pg_temp.{table}")[0][0] == 0
        with store.transaction() as db:  # (the reads below would find them first too)
            for table in tables:
                db.execute(f"DROP TABLE pg_temp.{table}")
        assert in_step(store, chart, moment)["per_outcome"] == {"remove": 1}


KILLED = """
import sys
from gk_respond.records.store import Store, insert_cases
from test_records_store import case
store = Store(sys.argv[1])
with store.transaction() as db:
    if sys.argv[2] == "save":
        insert_cases(db, [case(number="2026-0500", created_at="2026-05-01T10:00:00+00:00",
                               outcome="remove", due_at="2026-05-03T10:00:00+00:00")])
    else:
        db.execute("UPDATE cases SET outcome = 'report', closed_at = '2026-05-02T10:00:00+00:00'"
                   " WHERE number = ?", (sys.argv[3],))
    print("written", flush=True)
    sys.stdin.readline()  # killed here, before the commit
"""


@pytest.mark.parametrize("writing", ["save", "update"])
def test_a_writer_killed_mid_transaction_leaves_the_summary_as_committed(case_log, writing):
    chart = open_chart(None)
    moment = datetime(2026, 6, 1, tzinfo=UTC)
    with Store(case_log) as store:
        number = store.save(case(outcome="correct"), now=datetime(2026, 4, 1, tzinfo=UTC)).number
        before = in_step(store, chart, moment)
    killed_mid_transaction(KILLED, case_log, writing, number)
    with Store(case_log) as store:
        assert in_step(store, chart, moment) == before
        store.save(case(outcome="remove"), now=datetime(2026, 5, 1, tzinfo=UTC))
        assert in_step(store, chart, moment)["per_outcome"] == {"remove": 1, "correct": 1}


@pytest.mark.parametrize("version", [10, 12])
def test_an_older_log_migrates_and_its_summary_holds_its_cases(case_log, version):
    made = numbered(24) + spread(20)
    old_log_with(case_log, version, made)
    chart = open_chart(None)
    moment = datetime(2026, 3, 10, 12, tzinfo=UTC)
    with Store(case_log) as store:  # migrated here
        schema = store.query("SELECT value FROM gk_respond_meta WHERE key = 'schema'")[0][0]
        assert schema == str(SCHEMA_VERSION)
        assert in_step(store, chart, moment)["total"] == 44  # both levels (and stats from them)
        assert sum(row[-1] for row in held_months(store)) == 44
        store.save(case(outcome="share"), now=datetime(2027, 1, 5, tzinfo=UTC))  # kept in step
        assert in_step(store, chart, moment)["per_outcome"]["share"] > 0


def stats(gk, location: str, *args: str) -> dict:
    done = gk("records", "stats", "--format", "json", "--db", location, *args)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def test_a_copy_tallies_its_cases_anew_and_checks_the_summary(gk, tmp_path, case_log):
    source = str(tmp_path / "source.db")
    with Store(source) as store, store.transaction() as db:
        insert_cases(db, numbered(20) + spread(30))
    copied = gk("records", "copy", "--db", source, "--to", case_log)
    assert copied.returncode == 0, copied.stderr
    for args in ((), ("--status", "open"), ("--since", "2026-02-01"), ("--outcome", "remove")):
        assert stats(gk, case_log, *args) == stats(gk, source, *args), args
    with Store(case_log, readonly=True) as store:
        assert tally_check.differences(store) == []
        copied = held(store)
        copied_months = held_months(store)
    with Store(source, readonly=True) as store:
        assert copied == held(store)
        assert copied_months == held_months(store) != []


def test_verify_says_when_the_summary_does_not_hold_the_cases(gk, case_log):
    text = "Bussen till Hova"
    digest = hashlib.sha256(text.encode()).hexdigest()
    with Store(case_log) as store:
        store.save(
            case(comment_text=text, comment_sha256=digest), now=datetime(2026, 3, 1, 10, tzinfo=UTC)
        )
    assert gk("records", "verify", "--db", case_log).returncode == 0
    with Store(case_log) as store, store.transaction() as db:
        db.execute("UPDATE case_tallies SET n = n + 1")  # a hand edit of the summary
    done = gk("records", "verify", "--db", case_log, "--lang", "en")
    assert done.returncode != 0
    assert (
        "the statistics' summary (the case_tallies table) does not match the cases on "
        "1 day or month: 2026-03-01" in done.stdout + done.stderr
    )


def test_a_time_not_in_the_store_s_form_is_counted_from_the_cases(case_log):
    chart = open_chart(None)
    moment = datetime(2026, 3, 10, tzinfo=UTC)
    with Store(case_log) as store, store.transaction() as db:
        insert_cases(db, spread(12))
        db.execute(
            "UPDATE cases SET created_at = '2026-02-03T10:00:00.5+00:00' WHERE number = ?",
            ("2026-0503",),
        )
    with Store(case_log, readonly=True) as store:
        rule = overdue_rule(chart, moment)
        assert tallies.tallies(store, CaseFilter(), rule) is None  # the cases decide
        assert counts_in(store, CaseFilter(), chart, moment) == expected(
            store, CaseFilter(), chart, moment
        )
        assert tally_check.differences(store) == []


def test_stats_read_the_month_level_and_verify_says_when_it_does_not_hold_the_cases(gk, case_log):
    with Store(case_log) as store, store.transaction() as db:
        insert_cases(db, spread())
    before = stats(gk, case_log)
    done = gk("records", "verify", "--db", case_log, "--lang", "en")
    assert "case_tallies" not in done.stdout + done.stderr  # (spread's other faults aside)
    with Store(case_log) as store, store.transaction() as db:
        db.execute("UPDATE case_tallies_months SET n = n + 1000 WHERE month = '2026-03'")
    assert stats(gk, case_log)["total"] > before["total"]  # March's counts came from it
    done = gk("records", "verify", "--db", case_log, "--lang", "en")
    assert done.returncode != 0
    assert "does not match the cases on 1 day or month: 2026-03" in done.stdout + done.stderr
