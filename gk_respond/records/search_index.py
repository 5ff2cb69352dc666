"""The case log's search index (schema 10): what lets ``records list --search`` answer
without reading every case. No UI.

**SQLite**: an FTS5 table, ``case_search``, with the ``trigram`` tokenizer (substring
matching, 3 characters and up), one column per searched field holding the field's text as
``str.casefold`` has it, so that the index decides a search exactly as the store's Python
check does (å, ä, ö distinct; Å/å, Ö/ö the same). Its rowid is the case's key,
``year * 2**32 + seq``, so that its order is the list's (newest first) and it survives a
``VACUUM``. The store writes it in the same transaction as the case (``insert_cases``,
``update_with``), so it is always in step with what was committed; migration 10 builds it
for the cases already there. A NUL ends the text FTS5 indexes, so it is kept as U+FFFF;
a search for either of those two characters is decided the slow way.

**PostgreSQL**: a ``pg_trgm`` GIN index on the lowercased searched fields, which the
server keeps in step by itself: from schema 15 on the text in a table of its own,
``case_search_text`` (``search_table.py``), which a trigger writes with every row and
which a search reads as SQLite's index is read (``s``, its ``rowid`` the case's key);
schemas 12 to 14 had it on a stored generated column of ``cases``, ``search_text``, and
schema 10 on the expression.
``pg_trgm`` is an extension: migration 10 creates it when the role may; if not, searches
scan the table (correct, slower) until IT creates it (docs/team-case-log.md); the index is
then made at the next open for writing.

**Searches of one or two characters** (schema 13) have an index of their own on both
backends: ``search_pairs.py``.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from . import search_pairs

if TYPE_CHECKING:
    from .store import Case

# The fields a text search looks in (store._SEARCHED), in the index's column order.
SEARCHED = (
    "number", "comment_text", "author", "url", "platform", "handler", "notes", "found",
    "diarium_number", "forwarded_to", "copy_kept", "reply_text",
)  # fmt: skip
_COLUMNS = tuple(f"{name}_folded" for name in SEARCHED)
KEY = "(year * 4294967296 + seq)"  # the index's rowid for a case
SHORTEST = 3  # characters: a trigram index finds nothing shorter
_NUL_KEPT_AS = "\uffff"  # FTS5 stops reading a text at a NUL


def key(number: str) -> int:
    year, seq = (int(part) for part in number.split("-"))
    return year * 4294967296 + seq


def folded(value: str | None) -> str:
    """A field as the index keeps it."""
    return (value or "").casefold().replace("\x00", _NUL_KEPT_AS)


def exact(text: str) -> bool:
    """Whether the index can decide a search for ``text`` by itself."""
    return "\x00" not in text and _NUL_KEPT_AS not in text


_FOLDS = [f"replace(gk_fold(CAST({name} AS BLOB)), char(0), char(65535))" for name in SEARCHED]
_FOLDED = ", ".join(_FOLDS)
SQLITE_MIGRATION = [
    f"CREATE VIRTUAL TABLE case_search USING fts5({', '.join(_COLUMNS)}, "
    "tokenize = 'trigram case_sensitive 1')",
    # gk_fold is str.casefold (store._fold), and the NUL is kept as folded() keeps it
    f"INSERT INTO case_search (rowid, {', '.join(_COLUMNS)}) SELECT {KEY}, {_FOLDED} FROM cases",
]


# Every searched field in one text, lowercased: the expression PostgreSQL's index is on
# (a query uses the index only when it says exactly this).
def pg_haystack(row: str = "") -> str:
    """The searched fields of a case in one text, lowercased (``row``: how the case's
    columns are named, e.g. ``NEW.`` in a trigger)."""
    return "lower(" + " || chr(10) || ".join(f"COALESCE({row}{n}, '')" for n in SEARCHED) + ")"


PG_HAYSTACK = pg_haystack()


def _pg_index(indexed: str, table: str = "cases") -> str:
    """The statement that makes the trigram index ``cases_search`` on ``indexed`` (of
    ``table``) when ``pg_trgm`` is there and the index is not."""
    return (
        "DO $$ DECLARE home text; BEGIN "
        "SELECT extnamespace::regnamespace::text INTO home FROM pg_extension "
        "WHERE extname = 'pg_trgm'; "
        "IF home IS NOT NULL AND to_regclass('cases_search') IS NULL THEN "
        "BEGIN EXECUTE format("
        f"'CREATE INDEX cases_search ON {table} USING gin ((%s) %I.gin_trgm_ops)', "
        f"'{indexed.replace(chr(39), chr(39) * 2)}', home); "
        # a role that may use the tables but not change them: it searches without the index
        "EXCEPTION WHEN insufficient_privilege THEN RAISE NOTICE 'cases_search: %', SQLERRM; END; "
        "END IF; END $$"
    )


_PG_INDEX = _pg_index(PG_HAYSTACK)  # schema 10's, on the expression

PG_MIGRATION = [
    # a role that may not create extensions still gets a working (unindexed) search
    "DO $$ BEGIN CREATE EXTENSION IF NOT EXISTS pg_trgm; "
    "EXCEPTION WHEN OTHERS THEN RAISE NOTICE 'pg_trgm: %', SQLERRM; END $$",
    _PG_INDEX,
]


# Schema 12: the same text stored as a column the server writes with every row (a generated
# column), and the index on it instead of the expression, so that the server's recheck of
# each candidate and a scan read the text instead of computing it again.
PG_TEXT = "search_text"
_PG_INDEX_ON_TEXT = _pg_index(PG_TEXT)
PG_STORED_MIGRATION = [
    f"ALTER TABLE cases ADD COLUMN {PG_TEXT} TEXT GENERATED ALWAYS AS ({PG_HAYSTACK}) STORED",
    "DROP INDEX IF EXISTS cases_search",
    _PG_INDEX_ON_TEXT,
]


# Schema 13: the index of the searches of one or two characters (search_pairs.py)
_FOLDED_COLUMNS = [f"c{n}" for n in range(len(_COLUMNS))]  # case_search_content's
_PG_PAIRS = search_pairs.pg_index(PG_TEXT)
PAIRS_MIGRATION = list(
    zip(search_pairs.sqlite_migration(_FOLDED_COLUMNS), [_PG_PAIRS, ""], strict=True)
)


# Schema 15: the text in a table of its own (search_table.py), both indexes on it.
PG_TABLE = "case_search_text"
PG_TABLE_INDEXES = [_pg_index(PG_TEXT, PG_TABLE), search_pairs.pg_index(PG_TEXT, PG_TABLE)]


def ensure_pg_index(db: Any) -> None:
    """On PostgreSQL, opened for writing: the search index, if ``pg_trgm`` has been created
    since the migration (by IT) and the index is not there yet; the same for the index of
    short searches, if the role that migrated could not make it."""
    for statement in PG_TABLE_INDEXES:
        db.execute(statement)


def index_cases(db: sqlite3.Connection, cases: Sequence[Case]) -> None:
    """Within the saving transaction: the cases' rows of the index (SQLite)."""
    if not isinstance(db, sqlite3.Connection):
        return  # PostgreSQL keeps its expression index itself
    rows = [(key(c.number), [folded(getattr(c, name)) for name in SEARCHED]) for c in cases]
    db.executemany(
        f"INSERT INTO case_search (rowid, {', '.join(_COLUMNS)}) "
        f"VALUES ({', '.join('?' * (len(_COLUMNS) + 1))})",
        [(rowid, *fields) for rowid, fields in rows],
    )
    search_pairs.insert(db, rows)


def reindex_case(db: sqlite3.Connection, case: Case) -> None:
    """Within the updating transaction: the case's row of the index, as the case is now."""
    if not isinstance(db, sqlite3.Connection):
        return
    search_pairs.delete(db, key(case.number), _FOLDED_COLUMNS)  # by the text it has now
    db.execute("DELETE FROM case_search WHERE rowid = ?", (key(case.number),))
    index_cases(db, [case])


# The cases whose row of the index (SQLite) is missing or holds other text than the case,
# and the index's rows with no case: what `records verify` names. A hand edit of either
# table would make them differ; the store's own writes never do.
_SQLITE_OUT_OF_STEP = (
    "SELECT cases.year, cases.seq FROM cases LEFT JOIN case_search_content AS s "
    f"ON s.id = {KEY} WHERE s.id IS NULL OR NOT ("
    + " AND ".join(f"s.c{n} IS {fold}" for n, fold in enumerate(_FOLDS))
    + ") UNION SELECT id / 4294967296, id % 4294967296 FROM case_search_content "
    f"WHERE id NOT IN (SELECT {KEY} FROM cases) ORDER BY 1, 2"
)


def out_of_step(db: Any) -> list[str]:
    """The numbers of the cases SQLite's search index does not hold as they are: none in a
    log only the store has written (PostgreSQL's table: ``search_table.out_of_step``)."""
    wrong = {(row[0], row[1]) for row in db.execute(_SQLITE_OUT_OF_STEP)}
    wrong.update(search_pairs.out_of_step(db, _FOLDED_COLUMNS))
    return [f"{year}-{seq:04d}" for year, seq in sorted(wrong)]


def sqlite_condition(text: str) -> tuple[str, str, list[object]]:
    """The table to read as ``s`` and the condition on it true exactly for the cases whose
    searched fields hold ``text`` ignoring case, for a ``text`` the index can decide
    (``exact``)."""
    needle = folded(text)
    if len(needle) >= SHORTEST:
        return "case_search", "case_search MATCH ?", ['"' + needle.replace('"', '""') + '"']
    if search_pairs.decides(needle):  # one or two characters (schema 13)
        return search_pairs.sqlite_condition(needle)
    # holding the pairs' filler: a scan of the folded copy itself (FTS5 keeps it as a
    # table of its own, its columns c0, c1, …), exact, and in C
    found = " OR ".join(f"instr(s.c{n}, ?) > 0" for n in range(len(_COLUMNS)))
    return "case_search_content", f"({found})", [needle] * len(_COLUMNS)


def pg_condition(text: str, db: Any) -> tuple[str, list[object], bool, bool]:
    """The condition true exactly for the cases whose searched fields hold ``text`` as the
    server's lower() has it, on the search table read as ``s`` (``PG_TABLE``): its
    ``LIKE`` on the fields joined by newlines (or, for one or two characters, the pairs'
    index on them), which decides it for a text without a newline (it cannot reach across
    two fields); with one, each field of the case (``c``) decides. The flags: whether the
    condition is on ``s`` alone, and whether it is a ``LIKE`` (cheap to test on one row,
    where the pairs' condition computes every pair of the text)."""
    needle = text.lower()
    pattern = "%" + needle.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
    text_of = f"s.{PG_TEXT}"
    found = f"{text_of} LIKE ? ESCAPE '\\'"
    like = not (search_pairs.pg_decides(needle) and search_pairs.pg_indexed(db, needle))
    if not like:
        found, pattern = search_pairs.pg_condition(text_of), needle
    if "\n" not in needle:
        return found, [pattern], True, like
    fields = " OR ".join(f"strpos(lower(COALESCE(c.{n}, '')), ?) > 0" for n in SEARCHED)
    return f"{found} AND ({fields})", [pattern, *[needle] * len(SEARCHED)], False, like
