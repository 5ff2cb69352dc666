"""`records verify`: the whole case log checked, for the nightly job and after a restore.
No UI.

Opening a log checks only what protects a write (SQLite's quick check of every page, when
it is opened for writing): a read never writes, and a damaged page it meets is reported then.
This is the full check, on both backends where it applies:

- SQLite's ``PRAGMA integrity_check`` of every page and index (SQLite only: a PostgreSQL
  server keeps its own pages, with checksums if the cluster has them turned on);
- every case and channel row decodes and is one (the check each read makes of a row);
- case numbers per year: no number missing between 1 and the highest, and the year's
  counter at or past the highest (else the next save would give a number again);
- each case's comment hashes to the SHA-256 stored with it;
- the statistics' summary (``tallies.py``) holds what the cases hold (its triggers keep it
  so; a hand edit of either table, or a dropped trigger, would not);
- the search index (SQLite's ``case_search``, PostgreSQL's ``case_search_text``) holds
  every case as it is, and nothing else (the store, or the server's trigger, writes both
  in one transaction; a hand edit of either table would make them differ, and a search
  would then miss a case or count it wrongly).

Memory does not grow with the log: the rows are read a batch at a time.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field

from ..messages import Text, plural_key
from .channels import Channels
from .search_index import PG_TABLE
from .store import Store
from .tally_check import differences

MAX_PAGE_PROBLEMS = 20  # what integrity_check reports at most
MAX_NAMED = 5  # case numbers named in one problem

# Each gap in a year's numbers: the numbers after ``prev`` and before ``seq`` are missing.
_GAPS = (
    "SELECT year, prev, seq FROM (SELECT year, seq, "
    "LAG(seq, 1, 0) OVER (PARTITION BY year ORDER BY seq) AS prev FROM cases) AS numbered "
    "WHERE seq - prev > 1 ORDER BY year, seq"
)
_HIGHEST = (
    "SELECT cases.year, MAX(cases.seq), MAX(case_counters.last) FROM cases "
    "LEFT JOIN case_counters ON case_counters.year = cases.year GROUP BY cases.year "
    "ORDER BY cases.year"
)


@dataclass
class Verdict:
    """What the check found: how many cases it read, and each problem in a line."""

    cases: int = 0
    problems: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems


def verify(store: Store) -> Verdict:
    """Check everything in ``store`` (opened read-only is enough); what is wrong, each in a
    line (the rows' own warnings included)."""
    verdict = Verdict()
    if store.dialect == "sqlite":
        verdict.problems += _pages(store)
        if verdict.problems:  # rows read from damaged pages say nothing more
            return verdict
    warned = len(store.warnings)
    wrong_hash: list[str] = []
    for case in store.iter_cases():
        verdict.cases += 1
        if hashlib.sha256(case.comment_text.encode("utf-8")).hexdigest() != case.comment_sha256:
            wrong_hash.append(case.number)
    Channels(store).all()  # a damaged channel is named in a warning, as each read does
    verdict.problems += store.warnings[warned:]
    if wrong_hash:
        verdict.problems.append(
            Text(
                plural_key("verify_hash", len(wrong_hash)),
                count=len(wrong_hash),
                numbers=_named(sorted(wrong_hash)),
            )
        )
    verdict.problems += _numbering(store)
    numbers = store.out_of_step_cases()
    if numbers:
        table = "case_search" if store.dialect == "sqlite" else PG_TABLE
        named = _named(numbers, len(numbers))
        verdict.problems.append(
            Text(
                plural_key("verify_search", len(numbers)),
                table=table,
                count=len(numbers),
                numbers=named,
            )
        )
    days = differences(store)
    if days:
        verdict.problems.append(
            Text(plural_key("verify_tallies", len(days)), count=len(days), days=_named(days))
        )
    return verdict


def _pages(store: Store) -> list[str]:
    """SQLite's integrity check of every page and index, each problem it names."""
    try:
        rows = store.query(f"PRAGMA integrity_check({MAX_PAGE_PROBLEMS})")
        found = [str(row[0]) for row in rows]
    except Exception as error:  # damage too bad for the check to go on: it says what
        found = [str(error)]
    return [] if found == ["ok"] else [Text("verify_pages", detail="; ".join(found))]


def _numbering(store: Store) -> list[str]:
    problems: list[str] = []
    gaps: dict[int, tuple[int, list[str]]] = {}
    for year, prev, seq in store.query(_GAPS):
        count, named = gaps.get(year, (0, []))
        first = range(prev + 1, min(seq, prev + 1 + MAX_NAMED))
        gaps[year] = (count + seq - prev - 1, named + [f"{year}-{n:04d}" for n in first])
    for year, (count, named) in gaps.items():
        problems.append(Text("verify_gap", year=year, count=count, numbers=_named(named, count)))
    for year, highest, last in store.query(_HIGHEST):
        if last is None or last < highest:
            problems.append(
                Text("verify_counter", year=year, last=last or 0, number=f"{year}-{highest:04d}")
            )
    return problems


def _named(numbers: list[str], count: int = 0) -> str:
    """The first few of ``numbers`` (of ``count`` in all, if more than those listed)."""
    more = max(count, len(numbers)) - MAX_NAMED
    return ", ".join(numbers[:MAX_NAMED]) + (f" (+{more})" if more > 0 else "")
