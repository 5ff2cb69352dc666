"""Searches of one or two characters (schema 13, records/search_pairs.py) on both backends:
exactly what Python's check decides (case as casefold has it, å, ä, ö distinct, a needle at
a field's start and end, never across two fields, the index's filler and a newline in the
needle), served by the index, in step after an update and a writer killed mid-save, and a
row of the index broken by hand named by `records verify`."""

from __future__ import annotations

import sqlite3

import pytest
from test_case_log_reads import KILLED, every_page, killed_mid_transaction
from test_records_store import case
from test_records_verify import saved
from test_store_backends import raw

from gk_respond.records import search_index, search_pairs
from gk_respond.records.search_pairs import FILLER, interleaved
from gk_respond.records.store import CaseFilter, Store, insert_cases

FIELDS = [  # comment, author, notes: the needles below start, end and straddle them
    ("Älgen på vägen", "Öberg", "ring Åsa"),
    ("alg och vag", "oberg", "Kort\nrad"),
    ("x", "y", ""),
    (f"filler{FILLER}här", "Ärla", "100% _säkert_"),
    ('citat "så"', "ÅSA", "ÖL"),
]
NEEDLES = (
    "ä", "Ä", "a", "å", "Å", "ö", "o", "äl", "ÄL", "al", "Äl", "ål", "ÖB", "öl", "ÖL",
    "Ä", "n", "en", "Ö", "g", "sa", "xy", "x", "y", "gÖ", "nÖ", "do", "t\n", "\n", "\nr",
    FILLER, f"r{FILLER}", f"{FILLER}h", "%", "_", "%_", '"', '"s', "ß", "İ", "1",
)  # fmt: skip


@pytest.fixture
def short_log(case_log: str) -> tuple[str, list]:
    made = [
        case(number=f"2026-{n + 1:04d}", created_at=f"2026-03-{n + 1:02d}T10:00:00+00:00",
             comment_text=comment, author=author, notes=notes, handler="h", platform="p")
        for n, (comment, author, notes) in enumerate(FIELDS)
    ]  # fmt: skip
    with Store(case_log) as store, store.transaction() as db:
        insert_cases(db, made)
    return case_log, made[::-1]


def test_short_searches_find_what_python_finds(short_log):
    location, newest_first = short_log
    with Store(location, readonly=True) as store:
        for text in NEEDLES:
            where = CaseFilter(text=text)
            expected = [c.number for c in newest_first if where.matches_text(c)]
            assert every_page(store, where, 2) == expected, repr(text)
            assert store.count(where) == len(expected), repr(text)
        # across two fields: the comment "x" and the author "y" make no "xy"
        assert store.count(CaseFilter(text="xy")) == 0
        assert store.count(CaseFilter(text="x")) == 1
        assert {c.author for c in store.cases(CaseFilter(text="äl"))} == {"Öberg"}
        assert {c.author for c in store.cases(CaseFilter(text="ÖL"))} == {"ÅSA"}


def test_sqlite_decides_them_by_the_index(short_log, backend):
    """With the index's rows taken out, a short search finds nothing: it is what decides
    (a search holding the filler is still decided by the folded text)."""
    if backend != "sqlite":
        pytest.skip("SQLite's index")
    location, _ = short_log
    with sqlite3.connect(location) as db:
        db.execute("INSERT INTO case_search_pairs (case_search_pairs) VALUES ('delete-all')")
    with Store(location, readonly=True) as store:
        assert store.count(CaseFilter(text="äl")) == 0
        assert store.count(CaseFilter(text="ö")) == 0
        assert store.count(CaseFilter(text=f"r{FILLER}")) == 1
        assert store.count(CaseFilter(text="äls")) == 0  # three: the trigram index's
        assert store.count(CaseFilter(text="älg")) == 1


def test_postgresql_decides_them_by_the_index_and_scans_without_it(short_log, backend):
    if backend != "postgresql":
        pytest.skip("PostgreSQL's index")
    location, newest_first = short_log
    import psycopg

    condition = search_pairs.pg_condition("search_text").replace("?", "%s")
    with psycopg.connect(location, autocommit=True) as db:  # five rows: a scan is cheaper
        db.execute("SET enable_seqscan = off")
        sql = f"EXPLAIN SELECT COUNT(*) FROM {search_index.PG_TABLE} WHERE {condition}"
        plan = db.execute(sql, ["äl"])
        assert "cases_search_pairs" in str(plan.fetchall())
    # the pairs most cases hold are then searched the old way
    raw(location, f"ANALYZE {search_index.PG_TABLE}")
    with Store(location, readonly=True) as store:
        for text in NEEDLES:
            where = CaseFilter(text=text)
            expected = [c.number for c in newest_first if where.matches_text(c)]
            assert every_page(store, where, 2) == expected, repr(text)
    raw(location, "DROP INDEX cases_search_pairs; DROP FUNCTION gk_pairs(text)")  # as a
    with Store(location, readonly=True) as store:  # role that may not create them has
        for text in ("äl", "Ö", "xy", "\n", "%"):
            where = CaseFilter(text=text)
            expected = [c.number for c in newest_first if where.matches_text(c)]
            assert every_page(store, where, 2) == expected, repr(text)
    with Store(location) as store:  # opened for writing: made again
        assert store.query("SELECT to_regclass('cases_search_pairs') IS NOT NULL")[0][0]
        assert store.count(CaseFilter(text="ÄL")) == 1


def test_the_index_follows_an_update(gk, case_log):
    with Store(case_log) as store:
        number = store.save(case(comment_text="Hej", notes="qz")).number
        assert [c.number for c in store.cases(CaseFilter(text="QZ"))] == [number]
        store.update(number, lambda c: setattr(c, "notes", "wæ"))
        assert store.count(CaseFilter(text="qz")) == 0
        assert store.count(CaseFilter(text="q")) == 0
        assert [c.number for c in store.cases(CaseFilter(text="Wæ"))] == [number]
        assert store.count(CaseFilter(text="æ")) == 1
    assert_in_step(gk, case_log)


def assert_in_step(gk, location: str) -> None:
    """`records verify` finds the search index in step (SQLite; the server keeps its own;
    the test cases' comments have no true SHA-256, which verify names too)."""
    done = gk("records", "verify", "--db", location)
    assert "case_search" not in done.stdout and done.stdout, done.stderr


@pytest.mark.parametrize("writing", ["save", "update"])
def test_a_writer_killed_mid_save_leaves_the_index_as_committed(gk, case_log, writing):
    with Store(case_log) as store:
        number = store.save(case(comment_text="Bussen till Hova", notes="Första")).number
    killed_mid_transaction(KILLED, case_log, writing, number)
    with Store(case_log) as store:
        cases = list(store.iter_cases())
        for text in ("äc", "kv", "sv", "rs", "ö", "Ö"):  # Skagersvik, Otterbäcken, Första
            where = CaseFilter(text=text)
            expected = [c.number for c in cases if where.matches_text(c)]
            assert [c.number for c in store.cases(where)] == expected, text
            assert store.count(where) == len(expected), text
        assert store.count(CaseFilter(text="äc")) == 0
    assert_in_step(gk, case_log)


def test_a_row_of_the_index_broken_by_hand_is_named(gk, tmp_path):
    db = str(tmp_path / "cases.db")
    numbers = saved(db, 4)
    keys = [search_index.key(number) for number in numbers]
    with sqlite3.connect(db) as raw_db:
        folded = raw_db.execute(
            "SELECT " + ", ".join(f"c{n}" for n in range(12)) + " FROM case_search_content "
            "WHERE id = ?", (keys[1],)
        ).fetchone()  # fmt: skip
        raw_db.execute(  # a case's row taken out, one shortened, and one for no case
            "INSERT INTO case_search_pairs (case_search_pairs, rowid, text) "
            "VALUES ('delete', ?, ?)", (keys[1], interleaved(*folded))
        )  # fmt: skip
        raw_db.execute("UPDATE case_search_pairs_docsize SET sz = X'05' WHERE id = ?", (keys[3],))
        raw_db.execute("INSERT INTO case_search_pairs (rowid, text) VALUES (?, 'x')",
                       (search_index.key("2026-0099"),))  # fmt: skip
    raw_db.close()
    assert_named(gk, db, [numbers[1], numbers[3], "2026-0099"])
    assert gk("records", "update", numbers[1], "--note", "Kontrollerad", "--db", db).returncode == 0
    assert_named(gk, db, [numbers[3], "2026-0099"])  # the store's own write mends its row


def assert_named(gk, db: str, numbers: list[str]) -> None:
    done = gk("records", "verify", "--db", db)
    assert done.returncode == 4, done.stderr
    cases = "1 case" if len(numbers) == 1 else f"{len(numbers)} cases"
    line = f"the search index (the case_search table) does not match {cases}: "
    assert done.stdout.splitlines() == [line + ", ".join(numbers)]
