"""Two informationsansvariga changed at the same time never leave none (records/users.py),
on both backends: while one change holds its transaction open, a second one waits for it,
and once the first has committed the second is refused (LastManager). Without the lock,
PostgreSQL's READ COMMITTED let each see the other still one.

The wait is shown without timing: the first change is held open at its last statement
(the account log's row) while the second is tried from another connection that gives up
on a held lock at once (SQLite with no busy timeout, PostgreSQL with a ``lock_timeout`` of
1 ms). It fails because the lock is held, however fast or slow the machine is."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from web_support import PASSWORD

from gk_respond.records import store as store_module
from gk_respond.records import users as users_module
from gk_respond.records.store import Store, StoreError
from gk_respond.records.users import COMMUNICATOR, INFORMATION_OFFICER, LastManager, Users

CHANGES: dict[str, Callable[[Users, str], object]] = {
    "demote": lambda users, name: users.set_role(name, COMMUNICATOR, by="test"),
    "disable": lambda users, name: users.disable(name, by="test"),
    "remove": lambda users, name: users.remove(name, by="test"),
}
# (the first change, held open; the second, tried meanwhile and after)
PAIRS = [("demote", "demote"), ("demote", "disable"), ("demote", "remove"),
         ("disable", "demote"), ("remove", "disable")]  # fmt: skip


def _team(case_log: str) -> None:
    with Store(case_log) as store:
        users = Users(store)
        users.add("anna", INFORMATION_OFFICER, PASSWORD)
        users.add("bo", INFORMATION_OFFICER, PASSWORD)
        users.add("kim", COMMUNICATOR, PASSWORD)


def _impatient(case_log: str, monkeypatch: pytest.MonkeyPatch) -> Store:
    """A second connection to the same log that gives up at once on a lock another holds:
    on PostgreSQL ``lock_timeout`` (1 ms: the smallest that is not "wait for ever"), on
    SQLite no busy timeout."""
    if case_log.startswith("postgresql://"):
        return Store(case_log.replace("options=", "options=-clock_timeout%3D1%20", 1))
    with monkeypatch.context() as patch:
        patch.setattr(store_module, "BUSY_TIMEOUT", 0.0)
        return Store(case_log)


def _managers(case_log: str) -> list[str]:
    with Store(case_log) as store:
        return [u.name for u in Users(store).all() if u.manages and u.active]


@pytest.mark.parametrize(("first", "second"), PAIRS)
def test_a_second_change_waits_for_the_first_then_is_refused(
    case_log, backend, monkeypatch, first, second
):
    _team(case_log)
    meanwhile: list[BaseException | None] = []
    original = users_module.record

    def hold_open(db, *args, **kwargs):  # the first change, its check and write done
        original(db, *args, **kwargs)
        if meanwhile:
            return
        try:
            CHANGES[second](Users(other), "bo")
        except StoreError as error:
            meanwhile.append(error)
        else:
            meanwhile.append(None)

    monkeypatch.setattr(users_module, "record", hold_open)
    with Store(case_log) as one, _impatient(case_log, monkeypatch) as other:
        CHANGES[first](Users(one), "anna")
    monkeypatch.setattr(users_module, "record", original)

    (waited,) = meanwhile
    assert waited is not None, f"the {second} of bo did not wait for the {first} of anna"
    assert not isinstance(waited, LastManager)
    expected = "lock timeout" if backend == "postgresql" else "busy"
    assert expected in str(waited), str(waited)

    with Store(case_log) as two, pytest.raises(LastManager, match="'bo' is the last active"):
        CHANGES[second](Users(two), "bo")
    assert _managers(case_log) == ["bo"]


def test_one_after_the_other_the_second_is_refused(case_log):
    _team(case_log)
    with Store(case_log) as store:
        users = Users(store)
        users.set_role("anna", COMMUNICATOR)
        for change in CHANGES.values():
            with pytest.raises(LastManager):
                change(users, "bo")
        users.set_role("kim", INFORMATION_OFFICER)  # another one first: then it may go
        users.remove("bo")
    assert _managers(case_log) == ["kim"]
