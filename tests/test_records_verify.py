"""`records verify`: the whole case log checked, read-only, on both backends where it
applies: a sound log is said to be intact (exit 0); a damaged page (SQLite), a damaged row, a
comment that no longer gives its SHA-256, a missing case number and a counter behind the
cases are each one line, and the exit is 4; nothing is ever written."""

from __future__ import annotations

import hashlib
import os
from datetime import UTC, datetime

from test_records_store import big_log, case, damage

from gk_respond.records.store import Store


def saved(location: str, count: int = 3) -> list[str]:
    """``count`` cases saved through the store, each comment with its real SHA-256."""
    numbers = []
    with Store(location) as store:
        for n in range(count):
            text = f"Snöröjningen, igen ({n})"
            digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
            made = store.save(case(comment_text=text, comment_sha256=digest),
                              now=datetime(2026, 3, 1 + n, tzinfo=UTC))  # fmt: skip
            numbers.append(made.number)
    return numbers


def edit(location: str, *statements: tuple[str, tuple]) -> None:
    """Change the log behind the store's back, as a hand edit or a bad tool would."""
    with Store(location) as store, store.transaction() as db:
        for sql, params in statements:
            db.execute(sql, params)


def test_a_sound_log_is_intact(gk, case_log, backend):
    saved(case_log)
    done = gk("records", "verify", "--db", case_log)
    assert done.returncode == 0, done.stderr
    assert done.stderr == ""
    with Store(case_log, readonly=True) as store:
        shown = store.path
    if backend == "sqlite":
        assert done.stdout == (
            f"{shown}: intact — 3 cases checked (pages, rows, case numbers and the comments' "
            "SHA-256)\n"
        )
    else:
        assert done.stdout == (
            f"{shown}: intact — 3 cases checked (rows, case numbers and the comments' SHA-256; "
            "the server keeps its own pages)\n"
        )


def test_the_result_is_in_swedish_for_a_swedish_user(gk_sv, tmp_path):
    db = str(tmp_path / "cases.db")
    saved(db)
    done = gk_sv("records", "verify", "--db", db)
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith(f"{db}: hel — 3 ärenden har kontrollerats (sidor, rader")


def test_a_changed_comment_a_missing_number_and_a_counter_behind_are_each_a_line(
    gk, case_log, backend
):
    numbers = saved(case_log, 4)
    edit(
        case_log,
        ("UPDATE cases SET comment_text = ? WHERE number = ?", ("Något annat", numbers[1])),
        ("DELETE FROM cases WHERE number = ?", (numbers[2],)),
        ("UPDATE case_counters SET last = ?", (2,)),
    )
    done = gk("records", "verify", "--db", case_log)
    assert done.returncode == 4, done.stderr
    # on SQLite the search index still holds the old comment, and the removed case
    search = [f"the search index (the case_search table) does not match 2 cases: "
              f"{numbers[1]}, {numbers[2]}"] if backend == "sqlite" else []  # fmt: skip
    assert done.stdout.splitlines() == [
        "1 case whose comment does not give the SHA-256 saved with it (changed since?): "
        f"{numbers[1]}",
        f"case numbers of 2026: 1 missing: {numbers[2]}",
        f"the counter of 2026 is at 2, but case {numbers[3]} exists: the next case would be "
        "given a number already given",
        *search,
    ]
    [line] = done.stderr.splitlines()
    assert line.startswith("gk-respond: error: ") and line.endswith(
        f": {3 + len(search)} problems found; restore the log from a backup (see docs/case-log.md)"
    )


def test_a_search_index_out_of_step_with_its_cases_is_named(gk, gk_sv, tmp_path):
    """A case's row of the index changed, one removed, and a row for no case: a search
    would miss or miscount them, and verify names each (SQLite's index; PostgreSQL's
    table below)."""
    db = str(tmp_path / "cases.db")
    numbers = saved(db, 4)
    edit(
        db,
        ("UPDATE case_search SET comment_text_folded = 'annat' WHERE rowid = ?",
         (2026 * 2**32 + int(numbers[0][-4:]),)),
        ("DELETE FROM case_search WHERE rowid = ?", (2026 * 2**32 + int(numbers[2][-4:]),)),
        ("INSERT INTO case_search (rowid, number_folded) VALUES (?, '2026-0099')",
         (2026 * 2**32 + 99,)),
    )  # fmt: skip
    done = gk("records", "verify", "--db", db)
    assert done.returncode == 4, done.stderr
    assert done.stdout.splitlines() == [
        "the search index (the case_search table) does not match 3 cases: "
        f"{numbers[0]}, {numbers[2]}, 2026-0099"
    ]
    done = gk_sv("records", "verify", "--db", db)
    assert done.stdout.splitlines() == [
        "sökindexet (tabellen case_search) stämmer inte med 3 ärenden: "
        f"{numbers[0]}, {numbers[2]}, 2026-0099"
    ]
    assert gk("records", "update", numbers[0], "--note", "Kontrollerad", "--db", db).returncode == 0
    done = gk("records", "verify", "--db", db)  # the store's own write mends its row
    assert done.stdout.splitlines() == [
        f"the search index (the case_search table) does not match 2 cases: {numbers[2]}, 2026-0099"
    ]


def test_postgresql_s_search_table_out_of_step_with_its_cases_is_named(gk, postgres_log):
    """PostgreSQL's search table (schema 15) after a hand edit: a case's row changed, one
    removed, one for no case; verify names each, and the trigger mends the row of a case
    the store updates."""
    numbers = saved(postgres_log, 4)
    key = {n: 2026 * 2**32 + int(n[-4:]) for n in numbers}
    edit(
        postgres_log,
        ("UPDATE case_search_text SET search_text = 'annat' WHERE rowid = ?", (key[numbers[0]],)),
        ("DELETE FROM case_search_text WHERE rowid = ?", (key[numbers[2]],)),
        ("DELETE FROM cases WHERE number = ?", (numbers[3],)),  # (its row goes with it)
        ("ALTER TABLE case_search_text DROP CONSTRAINT case_search_text_year_seq_fkey", ()),
        ("INSERT INTO case_search_text (year, seq, search_text) VALUES (2026, 99, 'x')", ()),
    )
    done = gk("records", "verify", "--db", postgres_log)
    assert done.returncode == 4, done.stderr
    assert done.stdout.splitlines() == [
        "the search index (the case_search_text table) does not match 3 cases: "
        f"{numbers[0]}, {numbers[2]}, 2026-0099"
    ]
    update = gk("records", "update", numbers[0], "--note", "Kontrollerad", "--db", postgres_log)
    assert update.returncode == 0, update.stderr
    done = gk("records", "verify", "--db", postgres_log)
    assert done.stdout.splitlines() == [
        "the search index (the case_search_text table) does not match 2 cases: "
        f"{numbers[2]}, 2026-0099"
    ]


def test_a_damaged_row_is_named(gk, tmp_path):
    db = str(tmp_path / "cases.db")
    numbers = saved(db)
    edit(db, ("UPDATE cases SET ticked_json = '[1, \"two\"]' WHERE number = ?", (numbers[0],)))
    done = gk("records", "verify", "--db", db)
    assert done.returncode == 4, done.stderr
    assert done.stdout.splitlines() == [
        f"{db}: case {numbers[0]} is damaged (ticked_json is not a list of step numbers); it is "
        "left out — restore it from a backup"
    ]


def test_a_damaged_page_is_found_and_the_file_left_as_it_is(gk, tmp_path):
    db = big_log(tmp_path / "big.db")
    before = damage(db)
    done = gk("records", "verify", "--db", db)
    assert done.returncode == 4, done.stderr
    [problem] = done.stdout.splitlines()
    assert problem.startswith("the file's pages: ") and len(problem) > 30
    assert done.stderr == (
        f"gk-respond: error: {db}: 1 problem found; restore the log from a backup (see "
        "docs/case-log.md)\n"
    )
    with open(db, "rb") as handle:
        assert handle.read() == before
    wal = db + "-wal"
    assert not os.path.exists(wal) or os.path.getsize(wal) == 0


def test_a_file_damaged_on_its_first_page_is_refused_in_one_line(gk, tmp_path):
    db = tmp_path / "cases.db"
    saved(str(db))
    data = bytearray(db.read_bytes())
    data[100:4096] = b"\xff" * (4096 - 100)
    db.write_bytes(bytes(data))
    done = gk("records", "verify", "--db", db)
    assert done.returncode == 4, done.stderr
    [line] = done.stderr.splitlines()
    assert line.startswith(f"gk-respond: error: {db}: is damaged (") and "restore it" in line
