"""PostgreSQL's search text in a table of its own (schema 15): what lets a search that
many cases match be counted without reading the cases' rows. No UI.

Before schema 15 the text (every searched field, lowercased, joined by newlines) was a
generated column of ``cases``, and the trigram index a ``LIKE`` asks was on it. A count
of a search that a tenth of the cases match then read a tenth of the cases' rows (their
whole width) to recheck each candidate, or the whole table: 135-250 ms at 100,000 cases.
``case_search_text`` holds only the case's key and its text, about a third of the width,
so the same count reads a third of the pages, most of them already in the server's
memory (17-31 ms). It is SQLite's search index in shape: its ``rowid`` is the case's key,
``year * 2**32 + seq``, so the list's order is its order, and a count of a search alone
reads it alone (``queries._Plan.alone``).

The server keeps it in step by itself: a trigger on ``cases`` writes a case's row in the
same statement, so in the same transaction, as the case (a save, an update; a killed
writer leaves neither), and a foreign key takes it away with its case. The function runs
as its owner (``SECURITY DEFINER``, in the schema it was made in, then ``pg_temp``, as the
statistics' summary's does, ``tallies.py``), so a staff role needs only ``SELECT`` on the
table. ``records verify`` compares it with the cases (``out_of_step``). The trigram index
and the index of one- and two-character searches (``search_pairs.py``) are on its text;
the migration moves the text there and drops the column and its two indexes from
``cases``.
"""

from __future__ import annotations

from typing import Any

from .search_index import PG_TABLE as TABLE
from .search_index import PG_TABLE_INDEXES
from .search_index import pg_haystack as haystack
from .tallies import PG_SEARCH_PATH


def key(row: str = "") -> str:
    """A case's key (``search_index.KEY``, SQLite's rowid), of the row named ``row``."""
    return f"({row}year * 4294967296 + {row}seq)"


# The case's year and number, as the cases', with a foreign key to them: a case deleted
# takes its row along, and the planner knows a search's matches join one case each (it
# would otherwise take a join on the key for rare and read every match's case to sort
# them); ``rowid``, the key, as SQLite's index has it, is the list's order.
_CREATE = (
    f"CREATE TABLE {TABLE} (year INTEGER NOT NULL, seq INTEGER NOT NULL, "
    f"rowid BIGINT GENERATED ALWAYS AS {key()} STORED PRIMARY KEY, "
    "search_text TEXT NOT NULL, FOREIGN KEY (year, seq) REFERENCES cases (year, seq) "
    "ON DELETE CASCADE ON UPDATE CASCADE)"
)


def _function() -> str:
    # (a case's row goes with it, and follows a new key, by the foreign key's own triggers,
    # which the server runs before this one: their names sort first)
    return (
        f"CREATE FUNCTION {TABLE}_kept() RETURNS trigger LANGUAGE plpgsql "
        "SECURITY DEFINER SET search_path FROM CURRENT AS $$ BEGIN "
        f"INSERT INTO {TABLE} (year, seq, search_text) "
        f"VALUES (NEW.year, NEW.seq, {haystack('NEW.')}) "
        "ON CONFLICT (rowid) DO UPDATE SET search_text = EXCLUDED.search_text "
        f"WHERE {TABLE}.search_text IS DISTINCT FROM EXCLUDED.search_text; "
        "RETURN NULL; END $$"
    )


# Schema 15 on PostgreSQL: the table, filled from the cases' stored text (schema 12's
# column); its function and trigger, made with the statistics' summary's search path; the
# column and its two indexes dropped from ``cases``; both indexes made on the table (each
# when the role may, as before); the planner's figures.
MIGRATION = [
    _CREATE,
    f"INSERT INTO {TABLE} (year, seq, search_text) SELECT year, seq, search_text FROM cases",
    PG_SEARCH_PATH,
    _function(),
    f"CREATE TRIGGER {TABLE}_kept AFTER INSERT OR UPDATE ON cases "
    f"FOR EACH ROW EXECUTE FUNCTION {TABLE}_kept()",
    "DROP INDEX IF EXISTS cases_search_pairs",
    "DROP INDEX IF EXISTS cases_search",
    "ALTER TABLE cases DROP COLUMN search_text",
    *PG_TABLE_INDEXES,
    f"ANALYZE {TABLE}",
]


# The cases whose row is missing or holds other text than the case's fields, and the
# rows with no case: what `records verify` names. A hand edit of the table would make
# them differ; the trigger never does.
_OUT_OF_STEP = (
    f"SELECT c.year, c.seq FROM cases c LEFT JOIN {TABLE} s ON s.year = c.year AND s.seq = c.seq "
    f"WHERE s.search_text IS DISTINCT FROM {haystack('c.')} "
    f"UNION SELECT s.year, s.seq FROM {TABLE} s "
    "WHERE NOT EXISTS (SELECT 1 FROM cases c WHERE c.year = s.year AND c.seq = s.seq) "
    "ORDER BY 1, 2"
)


def out_of_step(db: Any) -> list[str]:
    """The numbers of the cases the table does not hold as they are: none in a log only
    the server's trigger has written."""
    return [f"{year}-{seq:04d}" for year, seq in db.execute(_OUT_OF_STEP).fetchall()]
