"""The case log's reads (issue 18 item 1), on both backends: a page of a list with its
total, a count, the filters decided by the database, the text search through the index
(schema 10) with the same semantics as Python's casefold, and the index in step after a
save, an update, a writer killed mid-transaction, and the migration of an older log
(schema 9, 10, 11 and the one before this release's; schema 12 stores PostgreSQL's search
text as a column and indexes the open cases' due times; schema 13 indexes the searches
of one or two characters, whose own tests are in test_search_pairs.py)."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from datetime import UTC, date, datetime, timedelta

import pytest
from old_logs import old_log_with
from test_records_store import case
from test_store_backends import raw

from gk_respond.cli.common import open_chart
from gk_respond.records import search_index
from gk_respond.records.due import is_overdue, overdue_rule
from gk_respond.records.stats import counts, counts_in
from gk_respond.records.store import (
    SCHEMA_VERSION,
    Case,
    CaseFilter,
    Store,
    insert_cases,
)

START = datetime(2025, 12, 30, 9, 0, tzinfo=UTC)
HANDLERS = ("anna", "Bo", "cecilia")
OUTCOMES = ("remove", "correct", "report", "observe")
TEXTS = (
    "Snöröjningen på Storgatan är usel", "Förra ÅRET var det bättre", "Öberg skriver igen",
    "oberg och aret utan prickar", "100% säkert att_de ljuger", "it's a 'quote'; -- DROP",
    "back\\slash och ål", "ÄLGEN på vägen", "kort",
)  # fmt: skip


def numbered(count: int = 40) -> list[Case]:
    """``count`` cases over two years (2025 and 2026), stored out of order."""
    made, seqs = [], {}
    for n in range(count):
        moment = START + timedelta(hours=7 * n)
        year = moment.astimezone().year
        seqs[year] = seqs.get(year, 0) + 1
        closed = moment.isoformat(timespec="seconds") if n % 3 == 0 else None
        made.append(case(
            number=f"{year}-{seqs[year]:04d}", created_at=moment.isoformat(timespec="seconds"),
            handler=HANDLERS[n % 3], outcome=OUTCOMES[n % 4], comment_text=TEXTS[n % 9],
            notes="" if n % 5 else "Ring Åsa", closed_at=closed,
            removed_at=closed if n % 8 == 1 else None,
            due_at=(moment + timedelta(hours=48)).isoformat(timespec="seconds") if n % 2 else None,
        ))  # fmt: skip
    return made[::2] + made[1::2]  # the order they are stored in is not the list's


@pytest.fixture
def filled(case_log: str) -> tuple[str, list[Case]]:
    made = numbered()
    with Store(case_log) as store, store.transaction() as db:
        insert_cases(db, made)
    return case_log, sorted(made, key=lambda c: (int(c.number[:4]), int(c.number[5:])))[::-1]


def local_day(c: Case) -> date:
    return datetime.fromisoformat(c.created_at).astimezone().date()


def every_page(store: Store, where: CaseFilter, limit: int) -> list[str]:
    """The numbers of every page in turn; each page's total checked against the count."""
    total, numbers, offset = store.count(where), [], 0
    while True:
        page = store.page(where, offset=offset, limit=limit)
        assert page.total == total and (page.offset, page.limit) == (offset, limit)
        numbers += [c.number for c in page.cases]
        if not page.cases:
            return numbers
        offset += limit


def test_the_list_is_newest_first_and_the_pages_add_up_to_the_count(filled):
    location, newest_first = filled
    with Store(location, readonly=True) as store:
        expected = [c.number for c in newest_first]
        assert [c.number for c in store.cases()] == expected
        assert [c.number for c in store.iter_cases()] == expected
        for limit in (1, 7, 40, 100):
            assert every_page(store, CaseFilter(), limit) == expected
        assert store.count() == len(expected) == 40
        assert store.page(offset=100, limit=5).cases == []
        assert store.handlers() == ["anna", "Bo", "cecilia"]  # ignoring case


@pytest.mark.parametrize("dense", [False, True], ids=["through-indexes", "newest-first"])
def test_each_filter_is_what_python_decides(filled, dense, monkeypatch):
    """Both ways a filtered page is read (SQLite reads many matches newest first)."""
    from gk_respond.records import queries

    monkeypatch.setattr(queries, "DENSE", 1 if dense else 10**9)
    location, newest_first = filled
    chart = open_chart(None)
    moment = START + timedelta(days=6)
    rule = overdue_rule(chart, moment)
    checks = {
        CaseFilter(outcomes=frozenset({"remove", "report"})): lambda c: (
            c.outcome in ("remove", "report")
        ),
        CaseFilter(status="open"): lambda c: c.status == "open",
        CaseFilter(status="closed"): lambda c: c.status == "closed",
        CaseFilter(since=date(2026, 1, 2)): lambda c: local_day(c) >= date(2026, 1, 2),
        CaseFilter(until=date(2025, 12, 31)): lambda c: local_day(c) <= date(2025, 12, 31),
        CaseFilter(handler="Bo"): lambda c: c.handler == "Bo",
        CaseFilter(handler="bo"): lambda c: False,  # as saved
        CaseFilter(overdue=rule): lambda c: is_overdue(c, chart, moment),
        CaseFilter(due_before=date(2026, 1, 3)): lambda c: (
            bool(c.due_at) and c.due_at < "2026-01-02T23:00:00+00:00"
        ),  # the Swedish day
        CaseFilter(status="open", handler="anna", text="ö"): lambda c: (
            c.status == "open"
            and c.handler == "anna"
            and any("ö" in (getattr(c, f) or "").casefold() for f in ("comment_text", "notes"))
        ),
    }
    with Store(location, readonly=True) as store:
        for where, holds in checks.items():
            expected = [c.number for c in newest_first if holds(c)]
            assert every_page(store, where, 4) == expected, where
            assert [c.number for c in store.iter_cases(where)] == expected, where
        assert store.count(CaseFilter(overdue=rule)) > 0  # the test tests something
        # the overdue first (the web's and the app's order), each group newest first
        late = [c.number for c in newest_first if is_overdue(c, chart, moment)]
        rest = [c.number for c in newest_first if not is_overdue(c, chart, moment)]
        shown, offset = [], 0
        while offset < 40:
            page = store.page(offset=offset, limit=6, overdue_first=rule)
            assert page.total == 40
            shown += [c.number for c in page.cases]
            offset += 6
        assert shown == late + rest


def test_stats_are_the_numbers_python_counted(filled):
    location, _ = filled
    chart = open_chart(None)
    moment = START + timedelta(days=6)
    with Store(location, readonly=True) as store:
        for where in (
            CaseFilter(),
            CaseFilter(status="open"),
            CaseFilter(text="snöröjning"),
            CaseFilter(text="ö", outcomes=frozenset({"remove"})),
            CaseFilter(overdue=overdue_rule(chart, moment)),
            CaseFilter(text="ingenting sådant"),
        ):
            counted = counts(store.cases(where), chart, moment)
            assert counts_in(store, where, chart, moment) == counted, where
        assert counts_in(store, CaseFilter(), chart, moment)["overdue_per_outcome"]


@pytest.mark.parametrize("few", [500, 0], ids=["overdue-by-key", "overdue-on-each-row"])
def test_the_overdue_first_order_holds_across_every_page_boundary(
    filled, backend, few, monkeypatch
):
    """The web's and the app's order (overdue first, each group newest first) with a
    search through the index, a short one, one Python decides and a filter: every page
    size, so that a page ends inside the overdue cases, at their end and after it, and the
    pages add up to the matches, each page with the same total. Both ways SQLite finds a
    search's overdue matches (a few overdue looked for by key, many decided on each row).
    The app's read of a search's page before its count (``rows_first``, which lists the
    overdue matches only up to the page's end) gives the same pages; on PostgreSQL, with
    many overdue, a ``LIKE`` search's are walked newest first (no count, ``_walked``) and
    the pairs' index's are found in one pass that counts the matches too, their count."""
    from gk_respond.records import queries

    monkeypatch.setattr(queries, "FEW", few)
    location, newest_first = filled
    chart = open_chart(None)
    moment = START + timedelta(days=9)
    rule = overdue_rule(chart, moment)
    split = 0  # searches whose overdue and other cases a page boundary falls between
    counted = 0  # pages read before their count that came with it
    walked: set[str] = set()  # searches whose pages came without their count
    with Store(location, readonly=True) as store:
        for where in (
            CaseFilter(text="ret"),
            CaseFilter(text="e"),
            CaseFilter(text="berg", status="open"),
            CaseFilter(text="ö"),
            CaseFilter(text="\uffff"),
            CaseFilter(status="open"),
            CaseFilter(text="ingenting sådant"),
        ):
            matches = [c for c in newest_first if where.matches_text(c) and where.status in
                       (None, c.status)]  # fmt: skip
            late = [c.number for c in matches if is_overdue(c, chart, moment)]
            rest = [c.number for c in matches if not is_overdue(c, chart, moment)]
            split += len(late) >= 2 and len(rest) >= 1
            for limit in (1, 2, 3, 5, 40):
                shown, offset = [], 0
                while True:
                    page = store.page(where, offset=offset, limit=limit, overdue_first=rule)
                    assert page.total == len(matches), (where, limit, offset)
                    assert len(page.cases) <= limit
                    # the same page before its count (the app's), and whether one follows
                    first = store.rows_first(where, offset=offset, limit=limit,
                                             overdue_first=rule)  # fmt: skip
                    if first is not None:
                        assert first.cases == page.cases, (where, limit, offset)
                        assert first.more == (offset + limit < len(matches))
                        assert first.total in (None, page.total), (where, limit, offset)
                        counted += first.total is not None
                        if first.total is None:
                            walked.add(where.text)
                    if not page.cases:
                        break
                    shown += [c.number for c in page.cases]
                    offset += limit
                assert shown == late + rest, (where, limit)
    assert split >= 3  # the test tests something
    assert bool(counted) == (backend == "postgresql" and not few)
    assert {"ret", "berg"} <= walked  # (SQLite: never counted; PostgreSQL: walked)


SEARCHES = [
    "snöröjning", "SNÖRÖJNINGEN", "året", "ÅRET", "aret", "Öberg", "oberg", "ål", "äl",
    "ö", "Ö", "å", "a", "%", "_", "100%", "att_de", "it's", "'", "\\", "back\\slash",
    ";--", "; -- DROP", "åsa", "Ring åsa", "kort", "ort", "or", "prickar utan", "\n",
    "ingenting sådant", "x\x00", "\uffff",
]  # fmt: skip


def test_the_search_has_python_s_semantics_exactly(filled, backend):
    """Case ignored as str.casefold ignores it (Å/å, Ö/ö), å, ä, ö distinct letters, short
    queries, and hostile text found as the characters it is, with exact counts."""
    location, newest_first = filled
    with Store(location, readonly=True) as store:
        for text in SEARCHES:
            where = CaseFilter(text=text)
            expected = [c.number for c in newest_first if where.matches_text(c)]
            if backend == "postgresql" and "\x00" in text:
                expected = []  # PostgreSQL keeps no NUL
            assert every_page(store, where, 3) == expected, text
    assert_found(location, "året", {"Förra ÅRET var det bättre"})
    assert_found(location, "aret", {"oberg och aret utan prickar"})  # å is not a
    assert_found(location, "ÖBERG", {"Öberg skriver igen"})  # nor ö o
    assert_found(location, "%", {"100% säkert att_de ljuger"})
    assert_found(location, "'", {"it's a 'quote'; -- DROP"})


def assert_found(location: str, text: str, comments: set[str]) -> None:
    with Store(location, readonly=True) as store:
        found = {c.comment_text for c in store.iter_cases(CaseFilter(text=text))}
    assert found == comments, text


def test_the_index_follows_every_save_and_update(case_log):
    with Store(case_log) as store:
        number = store.save(case(comment_text="Vattnet i Hova", notes="Gammalt ord")).number
        assert [c.number for c in store.cases(CaseFilter(text="hova"))] == [number]
        assert store.count(CaseFilter(text="gammalt")) == 1
        store.update(number, lambda c: setattr(c, "notes", "Nytt besked från Åmål"))
        assert store.count(CaseFilter(text="gammalt")) == 0  # the old word is gone
        assert [c.number for c in store.cases(CaseFilter(text="ÅMÅL"))] == [number]
        assert store.count(CaseFilter(text="amal")) == 0
        with pytest.raises(ZeroDivisionError):  # a change that fails changes nothing
            store.update(number, lambda c: (setattr(c, "notes", "borta"), 1 / 0))
        assert store.count(CaseFilter(text="borta")) == 0
        assert store.count(CaseFilter(text="åmål")) == 1


KILLED = """
import sys
from gk_respond.records import search_index
from gk_respond.records.store import Store, insert_cases
from test_records_store import case
store = Store(sys.argv[1])
with store.transaction() as db:
    if sys.argv[2] == "save":
        insert_cases(db, [case(number="2026-0500", created_at="2026-05-01T10:00:00+00:00",
                               comment_text="Halvskrivet om Skagersvik")])
    else:
        old = store.get(sys.argv[3])
        old.notes = "Halvskriven anteckning om Otterbäcken"
        db.execute("UPDATE cases SET notes = ? WHERE number = ?", (old.notes, old.number))
        search_index.reindex_case(db, old)
    print("written", flush=True)
    sys.stdin.readline()  # killed here, before the commit
"""


def killed_mid_transaction(script: str, *args: str) -> None:
    """Run ``script`` with ``args``; SIGKILL it once it says it has written (not committed)."""
    tests = os.path.dirname(__file__)
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([tests, os.environ.get("PYTHONPATH", "")])}
    writer = subprocess.Popen(
        [sys.executable, "-c", script, *args],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, env=env, text=True,
    )  # fmt: skip
    try:
        assert writer.stdout.readline().strip() == "written"  # the rows written, no commit
    finally:
        os.kill(writer.pid, signal.SIGKILL)
        writer.communicate()


@pytest.mark.parametrize("writing", ["save", "update"])
def test_a_writer_killed_mid_transaction_leaves_the_index_as_committed(case_log, writing):
    with Store(case_log) as store:
        number = store.save(case(comment_text="Bussen till Hova", notes="Första")).number
    killed_mid_transaction(KILLED, case_log, writing, number)
    with Store(case_log) as store:
        for word in ("skagersvik", "otterbäcken"):
            assert store.count(CaseFilter(text=word)) == 0, word
            assert store.cases(CaseFilter(text=word)) == []
        assert [c.number for c in store.cases(CaseFilter(text="första"))] == [number]
        assert store.count() == 1
        later = store.save(case(comment_text="Skagersvik igen")).number
        assert [c.number for c in store.cases(CaseFilter(text="skagersvik"))] == [later]


# schema 9: before the search index; 10 and 11: before the stored search text
# (PostgreSQL) and the index on the open cases' due times; 12: before the index of the
# searches of one or two characters; 13 and 14: with it, and PostgreSQL's search text
# still a column of the cases (before its table, schema 15); 15: PostgreSQL's index on the
# open cases' due times without the overdue condition's columns (schema 16)
@pytest.mark.parametrize("old", sorted({9, 10, 11, 12, 13, 14, SCHEMA_VERSION - 1}))
def test_an_older_log_migrates_and_its_search_finds_the_cases(case_log, backend, old):
    made = numbered(12)
    old_log_with(case_log, old, made)
    if backend == "sqlite":
        names = {r[0] for r in raw_rows(case_log, "SELECT name FROM sqlite_master")}
        assert ("cases_open_due" in names) == (old >= 12)
        assert ("case_search" in names) == (old >= 10)
        assert ("case_search_pairs" in names) == (old >= 13)
    with Store(case_log) as store:  # migrated here
        assert store.query("SELECT value FROM gk_respond_meta WHERE key = 'schema'")[0][0] == str(
            SCHEMA_VERSION
        )
        if backend == "postgresql":  # the search table, for every case there was
            assert store.query(f"SELECT COUNT(*) FROM {search_index.PG_TABLE}")[0][0] == len(made)
            assert store.out_of_step_cases() == []
            assert store.query(INDEXED + f" AND tablename = '{search_index.PG_TABLE}'")
            assert "search_text" not in table_columns(store, "cases")
            ((version,),) = store.query("SELECT current_setting('server_version_num')::int")
            statistics = store.query(  # the planner's figures for the overdue condition
                "SELECT 1 FROM pg_statistic_ext WHERE stxname = 'cases_open' "
                "AND stxnamespace = current_schema()::regnamespace"
            )
            assert bool(statistics) == (version >= 140000)
            ((made_as,),) = store.query(OPEN_DUE[backend].replace("SELECT 1", "SELECT indexdef"))
            assert "INCLUDE (year, seq, outcome, removed_at, copy_kept, diarium_number, " in made_as
        assert store.query(OPEN_DUE[backend])
        assert store.query(PAIRS[backend])
        for text in ("snöröjning", "ÅRET", "ö", "%", "äl", "Å", "_d", "\ue000"):
            where = CaseFilter(text=text)
            expected = sorted(c.number for c in made if where.matches_text(c))
            assert sorted(c.number for c in store.cases(where)) == expected, text
            assert store.count(where) == len(expected)
        assert store.count(CaseFilter(text="snöröjning")) > 0


def raw_rows(location: str, sql: str) -> list[tuple]:
    import sqlite3

    with sqlite3.connect(location) as db:
        return db.execute(sql).fetchall()


def test_postgresql_without_the_index_searches_the_same_and_makes_it_when_it_can(postgres_log):
    made = numbered(12)
    with Store(postgres_log) as store, store.transaction() as db:
        insert_cases(db, made)
    raw(postgres_log, "DROP INDEX cases_search")  # as a role that may not create pg_trgm has
    with Store(postgres_log, readonly=True) as store:
        for text in ("snöröjning", "ÅRET", "ö", "100%"):
            where = CaseFilter(text=text)
            expected = sorted(c.number for c in made if where.matches_text(c))
            assert sorted(c.number for c in store.cases(where)) == expected, text
        assert not store.query(INDEXED)
    with Store(postgres_log) as store:  # opened for writing: the index is made
        assert store.query(INDEXED)


INDEXED = (
    "SELECT 1 FROM pg_indexes WHERE indexname = 'cases_search' AND schemaname = current_schema()"
)


def table_columns(store: Store, table: str) -> set[str]:
    rows = store.query(
        "SELECT column_name FROM information_schema.columns WHERE table_name = ? "
        "AND table_schema = current_schema()",
        (table,),
    )
    return {row[0] for row in rows}


def search_text(store: Store, number: str) -> str:
    """The case's row of PostgreSQL's search table (schema 15)."""
    ((text,),) = store.query(
        f"SELECT s.search_text FROM {search_index.PG_TABLE} s JOIN cases c "
        "ON s.year = c.year AND s.seq = c.seq WHERE c.number = ?",
        (number,),
    )
    return str(text)


PAIRS = {  # the index of the searches of one or two characters (schema 13)
    "postgresql": "SELECT 1 FROM pg_indexes WHERE indexname = 'cases_search_pairs' "
    "AND schemaname = current_schema()",
    "sqlite": "SELECT 1 FROM sqlite_master WHERE name = 'case_search_pairs'",
}
OPEN_DUE = {
    "postgresql": "SELECT 1 FROM pg_indexes WHERE indexname = 'cases_open_due' "
    "AND schemaname = current_schema()",
    "sqlite": "SELECT 1 FROM sqlite_master WHERE name = 'cases_open_due'",
}


def test_postgresql_keeps_the_search_table_in_step_with_every_save_and_update(postgres_log):
    """The server's trigger writes a case's row of the search table in the case's own
    transaction (schema 15): after a save, after an update, and a rolled-back save leaves
    none."""
    with Store(postgres_log) as store:
        number = store.save(case(comment_text="Vattnet i HOVA", notes="Gammalt ord")).number
        text = search_text(store, number)
        assert "vattnet i hova" in text and "gammalt ord" in text
        store.update(number, lambda c: setattr(c, "notes", "Nytt besked från ÅMÅL"))
        text = search_text(store, number)
        assert "nytt besked från åmål" in text and "gammalt" not in text
        assert store.out_of_step_cases() == []
        assert [c.number for c in store.cases(CaseFilter(text="från åmål"))] == [number]
        with pytest.raises(RuntimeError), store.transaction() as db:
            insert_cases(db, numbered(3))
            raise RuntimeError("rolled back")
        assert store.query(f"SELECT COUNT(*) FROM {search_index.PG_TABLE}")[0][0] == 1
        assert "search_text" not in table_columns(store, "cases")


def test_the_reads_take_the_case_s_own_columns_and_no_other(postgres_log):
    """A list, a search, a page, every case (an export) and one case (show) read the
    columns of the case's fields (``Store.case_columns``), not the row's every column:
    one that the client cannot even load (a date psycopg has no Python value for) is
    never fetched, nor the stored search text."""
    assert "search_text" not in Store.case_columns
    made = numbered(8)
    with Store(postgres_log) as store, store.transaction() as db:
        insert_cases(db, made)
    raw(postgres_log, "ALTER TABLE cases ADD COLUMN unloadable date DEFAULT 'infinity'")
    expected = sorted(c.number for c in made)
    with Store(postgres_log, readonly=True) as store:
        assert sorted(c.number for c in store.cases()) == expected
        assert sorted(c.number for c in store.iter_cases(CaseFilter())) == expected
        assert store.page(CaseFilter(), offset=0, limit=3).total == len(made)
        hits = store.cases(CaseFilter(text="snöröjning"))
        assert hits and all(c.number in expected for c in hits)
        assert store.get(made[0].number) == next(c for c in store.cases() if c == made[0])
        with pytest.raises(Exception, match="infinity"):  # (what SELECT * would meet)
            store.query("SELECT * FROM cases")


def test_records_list_shows_a_page_and_says_how_to_see_the_rest(gk, case_log):
    made = [
        case(number=f"2026-{n:04d}", created_at=f"2026-03-01T{n // 60:02d}:{n % 60:02d}:00+00:00")
        for n in range(1, 106)
    ]
    with Store(case_log) as store, store.transaction() as db:
        insert_cases(db, made)
    listed = gk("records", "list", "--db", case_log)
    assert listed.returncode == 0, listed.stderr
    rows = listed.stdout.splitlines()[1:]
    assert [r.split()[0] for r in rows] == [f"2026-{n:04d}" for n in range(105, 5, -1)]
    assert listed.stderr == (
        "gk-respond: 100 of 105 cases shown, newest first; more with --offset 100, "
        "--limit N or --all\n"
    )
    rest = gk("records", "list", "--offset", "100", "--db", case_log)
    assert [r.split()[0] for r in rest.stdout.splitlines()[1:]] == [
        f"2026-{n:04d}" for n in range(5, 0, -1)
    ]
    assert rest.stderr == ""
    every = gk("records", "list", "--all", "--format", "json", "--db", case_log)
    assert (every.returncode, every.stderr) == (0, "")
    assert len(json.loads(every.stdout)) == 105
    few = gk("records", "list", "--limit", "2", "--search", "SKATTEN", "--format", "json",
             "--db", case_log)  # fmt: skip
    assert [c["number"] for c in json.loads(few.stdout)] == ["2026-0105", "2026-0104"]
    assert "2 of 105 cases shown" in few.stderr
    bad = gk("records", "list", "--limit", "-1", "--db", case_log)
    assert bad.returncode == 2 and "'-1' is not a number" in bad.stderr
