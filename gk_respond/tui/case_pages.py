"""The app's case list a page at a time: which page of which cases to read, reading it (in
a worker thread or not: no widgets here), and the line that says which cases are shown of
how many. Each request has a serial number, so the screen can tell an answer to an older
request (a search typed over since) from the newest and drop it. A search's page comes in
two answers, its rows and then its count (``read_search``), each with the request."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..messages import grouped
from .log_read import read_log

if TYPE_CHECKING:
    from ..records.queries import FirstRows
    from ..records.store import CaseFilter, CasePage, Store
    from .app import GkRespondApp


@dataclass(frozen=True)
class PageRequest:
    where: CaseFilter
    offset: int
    serial: int  # larger for a later request


@dataclass(frozen=True)
class PageAnswer:
    request: PageRequest
    page: CasePage | None  # None when the log could not be read
    problem: str  # what the screen's problem line says; "" for nothing


@dataclass(frozen=True)
class RowsAnswer:
    """A search's page before its count: ``rows.more`` says whether PgDn has a page."""

    request: PageRequest
    rows: FirstRows


@dataclass(frozen=True)
class CountAnswer:
    """The count of the cases that match, after their ``RowsAnswer``; None (and the
    ``problem``) when the log could not be read for it."""

    request: PageRequest
    total: int | None
    problem: str


def read_search(
    app: GkRespondApp, request: PageRequest, limit: int, post: Callable[[RowsAnswer], None]
) -> PageAnswer | CountAnswer:
    """As ``read_page``, the page's rows given to ``post`` as soon as they are read and
    then the count returned (a worker thread runs this; ``post`` must be thread-safe).
    Where the rows are not read apart (``Store.rows_first``), the page holds every match (no
    row follows it), or reading the rows counted them too, the counted page is returned and
    nothing posted."""
    from ..clock import now
    from ..records.due import overdue_rule
    from ..records.store import CasePage

    where, offset, rule = request.where, request.offset, overdue_rule(app.chart, now())

    def read(store: Store) -> PageAnswer | CountAnswer | None:
        rows = store.rows_first(where, offset=offset, limit=limit, overdue_first=rule)
        if rows is None or (not rows.cases and offset):  # none, or a page gone: counted
            return None
        total = rows.total  # counted as they were read (PostgreSQL, many overdue), or
        if total is None and not rows.more:  # every match up to the page's end is on it
            total = offset + len(rows.cases)
        if total is not None:  # the count is known: the page, whole
            page = CasePage(rows.cases, total, offset, limit)
            return PageAnswer(request, page, "" if total else app.t("no_cases"))
        posted.append(RowsAnswer(request, rows))
        post(posted[-1])
        return CountAnswer(request, store.count(where) - rows.dropped, "")

    posted: list[RowsAnswer] = []
    answer, problem = read_log(app, read, "no_log")
    if answer is not None:
        return answer
    if problem:  # the log could not be read: for the rows, or (they are shown) the count
        return CountAnswer(request, None, problem) if posted else PageAnswer(request, None, problem)
    return read_page(app, request, limit)


def read_page(app: GkRespondApp, request: PageRequest, limit: int) -> PageAnswer:
    """The page ``request`` asks for, the overdue cases of the whole log first (as on the
    web), or why there is none (no log yet, an unusable log, no case that matches)."""
    from ..clock import now
    from ..records.due import overdue_rule

    where, offset, rule = request.where, request.offset, overdue_rule(app.chart, now())
    page, problem = read_log(
        app,
        lambda store: store.page(where, offset=offset, limit=limit, overdue_first=rule),
        "no_log",
    )
    if page is not None and not page.total:
        problem = app.t("no_cases")
    return PageAnswer(request, page, problem)


def range_text(offset: int, shown: int, total: int | None, lang: str) -> str:
    """ "1–100 av 100 000 ärenden": which cases a page from ``offset`` of ``shown`` cases
    shows, of how many ("1–100 av … ärenden" while the ``total`` is not known); "" for
    none."""
    from ..strings import t

    if total == 0 or not shown:
        return ""
    if total == 1:
        return t(lang, "case_range_one")
    first, last = grouped(offset + 1, lang), grouped(offset + shown, lang)
    if total is None:
        return t(lang, "case_range_counting").format(first=first, last=last)
    return t(lang, "case_range").format(first=first, last=last, total=grouped(total, lang))
