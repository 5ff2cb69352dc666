"""The app's case list a page at a time: which page of which cases to read, reading it (in
a worker thread or not: no widgets here), and the line that says which cases are shown of
how many. Each request has a serial number, so the screen can tell an answer to an older
request (a search typed over since) from the newest and drop it."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from .log_read import read_log

if TYPE_CHECKING:
    from ..records.store import CaseFilter, CasePage
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


def grouped(number: int, lang: str) -> str:
    """A count as a reader of ``lang`` writes it: ``100 000`` (a no-break space) in
    Swedish, ``100,000`` in English."""
    return f"{number:,}".replace(",", "\u00a0" if lang == "sv" else ",")


def range_text(page: CasePage, lang: str) -> str:
    """ "1–100 av 100 000 ärenden": which cases the page shows, of how many; "" for none."""
    from ..strings import t

    if not page.total or not page.cases:
        return ""
    if page.total == 1:
        return t(lang, "case_range_one")
    first, last = page.offset + 1, page.offset + len(page.cases)
    return t(lang, "case_range").format(
        first=grouped(first, lang), last=grouped(last, lang), total=grouped(page.total, lang)
    )
