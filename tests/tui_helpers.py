"""Building the app for pilot and snapshot tests, as the CLI does."""

from __future__ import annotations

import os
import tempfile

os.environ.setdefault("GK_RESPOND_CACHE_DIR", tempfile.mkdtemp(prefix="gk-test-cache-"))
# a safety net: no test saves into the user's own case log
os.environ["GK_RESPOND_DB"] = os.path.join(tempfile.mkdtemp(prefix="gk-test-db-"), "cases.db")

import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from textual.message import Message
from textual.notifications import Notify
from textual.pilot import Pilot

from gk_respond import default_flowchart
from gk_respond.flowchart.engine import Chart
from gk_respond.flowchart.load import load
from gk_respond.triage import Comment
from gk_respond.tui.app import GkRespondApp

CHART = Chart(load(default_flowchart()))


class Notices(list[str]):
    """Every notification the app raised, by its message, as it arrives: pass it as
    ``run_test(message_hook=...)``. A toast's lifetime is a matter of time; this list is not."""

    def __call__(self, message: Message) -> None:
        if isinstance(message, Notify):
            self.append(message.notification.message)

    def any(self, *parts: str) -> bool:
        """Whether one notification says every one of ``parts``."""
        return any(all(part in notice for part in parts) for notice in self)


async def until(pilot: Pilot, condition: Callable[[], object], tries: int = 200) -> bool:
    """Whether ``condition`` holds, letting the app work between looks: a bounded count of
    pauses, not a time limit, so a busy machine only makes it slower."""
    for _ in range(tries):
        if condition():
            return True
        await pilot.pause()
    return bool(condition())


async def until_read(pilot: Pilot, condition: Callable[[], object], tries: int = 200) -> bool:
    """As ``until``, waiting between looks for the app's workers (a search of the case log
    runs in one) to be done too."""
    for _ in range(tries):
        if condition():
            return True
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
    return bool(condition())


def range_line(app) -> str:
    """The line under the case log's table (which of how many), "" when it is hidden."""
    from textual.widgets import Static

    line = app.screen.query_one("#range", Static)
    return str(line.render()) if line.display else ""


def page_reads(monkeypatch) -> list:
    """Every filter a page is read for, in order, from now on: ``Store.page``, or a
    search's rows before their count (``Store.rows_first``)."""
    from gk_respond.records.store import Store

    reads, page, first = [], Store.page, Store.rows_first

    def rows(store, where, **k):
        found = first(store, where, **k)
        if found is not None:  # None: Store.page reads the page
            reads.append(where)
        return found

    monkeypatch.setattr(
        Store, "page", lambda self, where, **k: reads.append(where) or page(self, where, **k)
    )
    monkeypatch.setattr(Store, "rows_first", rows)
    return reads


@contextmanager
def count_held(monkeypatch, text: str) -> Iterator[threading.Event]:
    """``Store.count`` for a search of ``text`` waits until the Event yielded is set; set
    on the way out whatever happens, so no worker thread is left waiting."""
    from gk_respond.records.store import Store

    may_count, count = threading.Event(), Store.count

    def held(self, where=None):
        if where is not None and where.text == text:
            may_count.wait()
        return count(self, where)

    monkeypatch.setattr(Store, "count", held)
    try:
        yield may_count
    finally:
        may_count.set()


def make_app(
    lang: str = "sv",
    comment: Comment | None = None,
    db: str | None = None,
    handler: str | None = None,
) -> GkRespondApp:
    return GkRespondApp(CHART, lang, comment, db, handler=handler)


def seed_cases(db: str) -> list[str]:
    """Three cases in the log, as --save keeps them, saved at fixed times (UTC)."""
    from datetime import UTC, datetime

    from gk_respond.flowchart.answers import evaluate, split
    from gk_respond.records.new import new_case
    from gk_respond.records.store import Store

    numbers = []
    with Store(db) as store:
        for day, answers, text in (
            (3, "prohibited=ja,owns_channel=ja", "Jag vet var du bor [@click=app.quit]x[/]"),
            (4, "prohibited=nej,positive=ja,positive_action=share", "Tack för biblioteket!"),
            (
                5,
                "prohibited=nej,positive=nej,defamatory=nej,joking=nej,factual_error=ja",
                "Skatten höjs med 5 kronor\x1b[31m",
            ),
        ):
            result = evaluate(CHART, split(answers))
            case = new_case(
                CHART, default_flowchart(), result.path, result.outcome, Comment(text=text),
                "sv", "Anna", [],
            )  # fmt: skip
            saved = store.save(case, now=datetime(2026, 11, day, 9, 30, tzinfo=UTC))
            numbers.append(saved.number)
    return numbers


def fill_cases(db: str, count: int) -> None:
    """``count`` cases in one transaction, through the store's ``insert_cases``: case n
    (2026-0001 …) saved n minutes after 08:00 UTC on 1 November 2026; every fifth is about
    snow clearing ("Snöröjningen …", the others about the tax), every fourth is closed,
    the even ones are to share and the odd ones to correct."""
    from datetime import UTC, datetime, timedelta

    from gk_respond.records.store import Case, Store, insert_cases

    start = datetime(2026, 11, 1, 8, 0, tzinfo=UTC)
    cases = [
        Case(
            handler="Anna", lang="sv", flowchart_version="2026.1", flowchart_sha256="f" * 64,
            comment_text=f"Snöröjningen på gata {n} är sen" if n % 5 == 0 else f"Skatten {n}",
            comment_sha256="c" * 64, outcome="share" if n % 2 == 0 else "correct",
            path=[("prohibited", "nej"), ("positive", "nej")],
            closed_at="2026-11-20T10:00:00+00:00" if n % 4 == 0 else None,
            number=f"2026-{n:04d}",
            created_at=(start + timedelta(minutes=n)).isoformat(timespec="seconds"),
        )
        for n in range(1, count + 1)
    ]  # fmt: skip
    with Store(db) as store, store.transaction() as connection:
        insert_cases(connection, cases)
