"""The index of the searches of one or two characters (schema 13), which a trigram index
cannot serve: what lets ``records list --search äl`` answer without reading every case.
No UI.

**SQLite**: a second FTS5 table, ``case_search_pairs``, with the ``trigram`` tokenizer and
``detail=none`` (it keeps which cases hold a trigram, not where: small). Its text is the
searched fields as the search index folds them (``search_index.folded``), every character
between two fillers (U+E000, of the Private Use Area): ``äl`` is kept as ``⁂ä⁂l⁂``
(⁂ the filler), so the one trigram ``ä⁂l`` says a case holds ``äl``, and ``⁂ä⁂`` that it
holds ``ä``. The fields follow each other, so a trigram that reaches across two of them
has two fillers side by side and is never asked for: a search holding the filler is
decided the old way (the folded text read in C). The table is contentless (``content=''``:
the text is not kept twice); the store takes a case's old row out with FTS5's ``delete``
command and the old text, which it computes from the search index's folded copy
(``case_search_content``) before it writes the new one, in the same transaction.

**PostgreSQL**: an expression GIN index, ``cases_search_pairs``, on ``gk_pairs(search_text)``
(of ``cases`` at schema 13 and 14; of ``case_search_text`` from schema 15, ``search_table.py``),
every substring of one and two characters of the stored search text (an IMMUTABLE SQL
function), queried with ``@> ARRAY[needle]``, which the index decides exactly (no recheck
of the rows). A role that may not create the function or the index
searches by reading the table, as before; the index is made at the next open for writing
by a role that may. A pair that more than a hundredth of the cases hold is searched
the old way (``COMMON``, by the server's statistics of the index).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from typing import Any
from weakref import WeakKeyDictionary

FILLER = "\ue000"
TABLE = "case_search_pairs"
LONGEST = 2  # characters: longer searches are the trigram index's


def interleaved(*fields: str | None) -> str:
    """The fields as the pairs' table keeps them: each character between two fillers."""
    return "".join(FILLER + FILLER.join(field) + FILLER for field in fields if field)


def decides(needle: str) -> bool:
    """Whether the pairs' index decides a search for the folded ``needle`` by itself."""
    return 0 < len(needle) <= LONGEST and FILLER not in needle


def _token(needle: str) -> str:
    """The one trigram of the pairs' text that holds ``needle`` (one or two characters)."""
    token = FILLER + needle + FILLER if len(needle) == 1 else FILLER.join(needle)
    return '"' + token.replace('"', '""') + '"'


def sqlite_condition(needle: str) -> tuple[str, str, list[object]]:
    """The table to read as ``s`` and its condition for the folded ``needle``."""
    return TABLE, f"{TABLE} MATCH ?", [_token(needle)]


def _old_text(folded_columns: Iterable[str]) -> str:
    return f"gk_pairs({', '.join(folded_columns)})"


def sqlite_migration(folded_columns: Iterable[str]) -> list[str]:
    """Schema 13 on SQLite: the table, filled from the search index's folded copy."""
    return [
        f"CREATE VIRTUAL TABLE {TABLE} USING fts5(text, content = '', detail = none, "
        "tokenize = 'trigram case_sensitive 1')",
        f"INSERT INTO {TABLE} (rowid, text) "
        f"SELECT id, {_old_text(folded_columns)} FROM case_search_content",
    ]


def insert(db: sqlite3.Connection, rows: list[tuple[int, list[str]]]) -> None:
    """Within the saving transaction: the cases' rows (their keys and folded fields)."""
    db.executemany(
        f"INSERT INTO {TABLE} (rowid, text) VALUES (?, ?)",
        [(rowid, interleaved(*fields)) for rowid, fields in rows],
    )


def delete(db: sqlite3.Connection, rowid: int, folded_columns: Iterable[str]) -> None:
    """Within the updating transaction, before the search index's row is written again:
    the case's row out of the pairs' table, by the text it was written with."""
    db.execute(
        f"INSERT INTO {TABLE} ({TABLE}, rowid, text) "
        f"SELECT 'delete', id, {_old_text(folded_columns)} FROM case_search_content "
        "WHERE id = ?",
        (rowid,),
    )


def out_of_step(db: sqlite3.Connection, folded_columns: Iterable[str]) -> list[tuple[int, int]]:
    """The cases (year, seq) whose row of the pairs' table is missing, or has another
    number of trigrams than their folded text makes, and the rows with no case: what a
    hand edit of the table leaves (the store's writes never do)."""
    columns = list(folded_columns)
    length = " + ".join(f"(CASE WHEN length({c}) > 0 THEN 2 * length({c}) + 1 ELSE 0 END)"
                        for c in columns)  # fmt: skip
    expected = {
        rowid: max(int(total) - 2, 0)
        for rowid, total in db.execute(f"SELECT id, {length} FROM case_search_content")
    }
    kept = {
        rowid: _varint(size) for rowid, size in db.execute(f"SELECT id, sz FROM {TABLE}_docsize")
    }
    cases = {row[0] for row in db.execute("SELECT year * 4294967296 + seq FROM cases")}
    wrong = {k for k in cases if k not in kept or kept[k] != expected.get(k)}
    wrong |= set(kept) - cases
    return sorted(divmod(k, 4294967296) for k in wrong)


def _varint(blob: bytes) -> int:
    """The first of FTS5's docsize varints: the row's number of tokens."""
    value = 0
    for byte in blob[:9]:
        value = (value << 7) | (byte & 0x7F)
        if not byte & 0x80:
            break
    return value


# PostgreSQL: every substring of one and two characters of the stored text (the
# characters, the pairs from the first character on, and those from the second, each cut
# out by regexp_replace marking every second character's end with a U+0001 and
# string_to_array cutting there, all in C: about a tenth of the time a generate_series over
# the positions takes). A pair holding a U+0001 is cut apart, so a search holding one is
# decided the old way (``pg_decides``); every piece is a substring of the text, so the
# array never holds one the text does not. Duplicates are left in (the index keeps each
# key once).
_CUT = "string_to_array(regexp_replace({}, '(..)', '\\1' || chr(1), 'g'), chr(1))"
PG_FUNCTION = (
    "CREATE OR REPLACE FUNCTION gk_pairs(t text) RETURNS text[] LANGUAGE sql IMMUTABLE "
    "STRICT PARALLEL SAFE AS $f$ SELECT array_remove(string_to_array(t, NULL) || "
    f"{_CUT.format('t')} || {_CUT.format('substr(t, 2)')}, '') $f$"
)
_CUT_AT = "\x01"


def pg_decides(needle: str) -> bool:
    """Whether the server's pairs' index decides a search for the lowered ``needle``."""
    return 0 < len(needle) <= LONGEST and _CUT_AT not in needle


def pg_index(text_column: str, table: str = "cases") -> str:
    """The statement that makes the function and the index on ``table`` when the index is
    not there; a role that may not leaves the search as it was (a scan)."""
    return (
        "DO $$ BEGIN IF to_regclass('cases_search_pairs') IS NULL THEN BEGIN "
        f"EXECUTE '{PG_FUNCTION.replace(chr(39), chr(39) * 2)}'; "
        f"EXECUTE 'CREATE INDEX cases_search_pairs ON {table} USING gin "
        f"(gk_pairs({text_column}))'; "
        # the planner's figures for the new index's keys (how many cases hold a pair):
        # without them it takes every pair for rare and sorts half the log for a page
        f"EXECUTE 'ANALYZE {table}'; "
        "EXCEPTION WHEN insufficient_privilege THEN "
        "RAISE NOTICE 'cases_search_pairs: %', SQLERRM; END; END IF; END $$"
    )


# The share of the cases above which a pair is searched the old way on PostgreSQL. The
# planner takes the function for cheap (a row's pairs cost it about 0.1-0.2 ms): for a
# pair most cases hold it reads the table and computes them for every row (8 s for `e` at
# 100,000 cases, where the old scan takes 0.2 s), and for a page of a common pair it
# computes them for each row it passes; below a hundredth it reads the index.
COMMON = 0.01
_FREQUENCIES: WeakKeyDictionary[Any, dict[str, float] | None] = WeakKeyDictionary()


def _frequencies(db: Any) -> dict[str, float] | None:
    """The share of the cases holding each of the commonest pairs, by the server's
    statistics of the index (empty: none gathered yet); None: no index (asked once a
    connection)."""
    if db not in _FREQUENCIES:
        (found,) = db.execute("SELECT to_regclass('cases_search_pairs') IS NOT NULL").fetchone()
        shares: dict[str, float] | None = None
        if found:
            rows = db.execute(
                "SELECT most_common_elems::text::text[], most_common_elem_freqs FROM pg_stats "
                "WHERE schemaname = current_schema() AND tablename = 'cases_search_pairs'"
            ).fetchall()
            elems, freqs = (rows[0][0], rows[0][1]) if rows else (None, None)
            shares = dict(zip(elems or [], freqs or [], strict=False))
        _FREQUENCIES[db] = shares
    return _FREQUENCIES[db]


def pg_indexed(db: Any, needle: str) -> bool:
    """Whether the server's pairs' index is there and ``needle`` rare enough for it."""
    shares = _frequencies(db)
    return shares is not None and shares.get(needle, 0.0) <= COMMON


def pg_condition(text_column: str) -> str:
    """The condition on a case's row true exactly when its text holds the needle given
    (one or two characters, as the server's lower() has it)."""
    return f"gk_pairs({text_column}) @> ARRAY[?]::text[]"
