"""Every export reads one snapshot of the case log (records/snapshot.py), on both backends:
saves and updates made while it runs neither wait for it nor show in it, and the snapshot
ends with the iteration however it ends."""

from __future__ import annotations

import dataclasses
from itertools import islice

import pytest
from export_log import fill, fixed_cases
from snapshot_support import a_case, snapshot_held

from gk_respond.records.queries import BATCH
from gk_respond.records.store import CaseFilter, Store, insert_cases

CASES = 2 * BATCH + 3  # three read batches


def _as_dicts(cases) -> list[dict]:
    return [dataclasses.asdict(case) for case in cases]


@pytest.mark.parametrize("where", [CaseFilter(), CaseFilter(status="open")], ids=["all", "open"])
def test_an_export_gives_the_log_as_it_was_when_it_began(case_log, where):
    fill(case_log, fixed_cases(CASES))
    with Store(case_log) as reader, Store(case_log) as writer:
        before = reader.cases(where)
        oldest = before[-1].number  # in the last batch: not read yet when the writes come
        cases = reader.iter_cases(where)
        first = list(islice(cases, min(BATCH, len(before) - 1)))
        # meanwhile, through another store (they do not wait for the export):
        writer.update(oldest, lambda case: setattr(case, "notes", "ändrad under exporten"))
        writer.update("2026-0003", lambda case: setattr(case, "closed_at", "2026-11-05T10:00Z"))
        with writer.transaction() as db:  # an older number (a copy), among the unread
            at = "2025-01-02T10:00:00+00:00"
            older = dataclasses.replace(a_case(), number="2025-0001", created_at=at)
            insert_cases(db, [older])
        writer.save(a_case())
        rest = list(cases)
        after = reader.cases(where)
    assert _as_dicts(first + rest) == _as_dicts(before)
    assert len(after) == len(before) + (1 if where.status else 2)  # the writes were made
    assert next(c for c in after if c.number == oldest).notes == "ändrad under exporten"


def test_the_snapshot_ends_however_the_export_ends(case_log):
    fill(case_log, fixed_cases(CASES))
    with Store(case_log) as store:
        assert not snapshot_held(case_log)
        cases = store.iter_cases()
        next(cases)
        assert snapshot_held(case_log)  # read to the middle: held (and the save went on)
        cases.close()  # given up on (a consumer that stops)
        assert not snapshot_held(case_log)

        assert len(list(store.iter_cases())) >= CASES  # read to its end
        assert not snapshot_held(case_log)

        def failing() -> None:
            for _ in store.iter_cases():
                raise OSError("disk full")  # the writing side fails

        with pytest.raises(OSError):
            failing()
        assert not snapshot_held(case_log)


def test_two_exports_at_once_each_see_their_own_snapshot(case_log):
    fill(case_log, fixed_cases(CASES))
    with Store(case_log) as store:
        early = store.iter_cases()
        next(early)
        store.save(a_case())  # through the same store: its own connection is not held
        late = store.iter_cases()
        assert next(late).comment_text == "sparad under exporten"
        assert len(list(late)) + 1 == len(list(early)) + 2
