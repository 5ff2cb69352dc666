"""The case log: the list with search, filters and pages; one case with its follow-up; the
downloads, made by the same export code as ``gk-respond records export``. Every route is a
plain function, which FastAPI runs in a worker thread: reads and commits never hold up the
event loop (the form is read, and its CSRF token checked, on the loop: auth.CheckedForm)."""

from __future__ import annotations

import dataclasses
from datetime import UTC, date, datetime
from typing import Any
from urllib.parse import quote, urlencode

from fastapi import APIRouter, Request
from fastapi.responses import PlainTextResponse, RedirectResponse, Response
from starlette.exceptions import HTTPException

from ...clock import now
from ...messages import csv_headers
from ...records import attachments, due, export, view
from ...records.evidence_lines import size_text
from ...records.evidence_texts import say
from ...records.followup import TEXT_FIELDS, Changes, apply
from ...records.new import CaseClosed
from ...records.store import STATUSES, Case, CaseFilter, CasePage
from ...triage import utc_now
from ...untrusted import visible
from ..auth import Actor, CheckedForm, Signed, settings_of, store_of
from ..downloads import Download, chunks
from ..pages import lang_of, page
from ..texts import t

router = APIRouter()
PAGE_SIZE = 25


def _day(text: str, problems: dict[str, str], name: str) -> date | None:
    if not text.strip():
        return None
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        problems[name] = text
        return None


# The text that says what is wrong with a filter's value, by the filter's name.
PROBLEM_KEYS = {
    "since": "bad_date", "until": "bad_date", "outcome": "bad_outcome",
    "status": "bad_status", "overdue": "bad_overdue",
}  # fmt: skip


def _filters(request: Request) -> tuple[CaseFilter, str, dict[str, str], dict[str, str]]:
    """The filter the query asks for, the handler asked for, the values as given (for the
    form), and the values that are not valid (by name: PROBLEM_KEYS says what is wrong)."""
    query = request.query_params
    names = ("q", "outcome", "status", "since", "until", "handler", "overdue")
    given = {k: query.get(k, "") for k in names}
    problems: dict[str, str] = {}
    outcomes = request.app.state.settings.chart.flowchart.outcomes
    for name, valid in (("outcome", outcomes), ("status", STATUSES), ("overdue", ("1",))):
        if given[name] and given[name] not in valid:
            problems[name] = given[name]
    where = CaseFilter(
        outcomes=frozenset({given["outcome"]}) if given["outcome"] in outcomes else frozenset(),
        status=given["status"] if given["status"] in STATUSES else None,
        since=_day(given["since"], problems, "since"),
        until=_day(given["until"], problems, "until"),
        text=given["q"].strip(),
    )
    return where, given["handler"], given, problems


def problem_texts(problems: dict[str, str], lang: str) -> list[str]:
    """What is wrong with each filter, as the list page says it by its field."""
    return [t(lang, PROBLEM_KEYS[k]).format(value=" ".join(visible(v).split()))
            for k, v in problems.items()]  # fmt: skip


def _wanted(request: Request) -> tuple[CaseFilter, CaseFilter, dict[str, str], dict[str, str]]:
    """The filter the query asks for, handler and overdue included (decided by the case
    log, in SQL); the same without those two (what an export's head describes); the values
    as given, and those that are not dates."""
    where, handler, given, problems = _filters(request)
    chart = settings_of(request).chart
    overdue = due.overdue_rule(chart, now()) if given["overdue"] == "1" else None
    matching = dataclasses.replace(where, handler=handler or None, overdue=overdue)
    return matching, where, given, problems


def _matching(request: Request) -> tuple[CaseFilter, dict[str, Any]]:
    """The filter the query asks for, handler and overdue included, and what the page shows
    beside the list."""
    matching, where, given, problems = _wanted(request)
    handlers = store_of(request).handlers()
    context = {"where": where, "given": given, "problems": problems, "handlers": handlers}
    return matching, {**context, "problem_keys": PROBLEM_KEYS}


@router.get("/cases")
def cases_list(request: Request, actor: Signed) -> Response:
    """The matching cases, the overdue ones first and marked in words (as in the app), a
    page at a time (read a page at a time)."""
    where, context = _matching(request)
    chart, moment, lang = settings_of(request).chart, now(), lang_of(request)
    store = store_of(request)
    asked = request.query_params.get("page", "1")
    number = max(1, int(asked) if asked.isdigit() else 1)
    rule = due.overdue_rule(chart, moment)

    def read(number: int) -> CasePage:
        return store.page(
            where, offset=(number - 1) * PAGE_SIZE, limit=PAGE_SIZE, overdue_first=rule
        )

    found = read(number)  # its total says how many pages there are (no count beforehand)
    pages = max(1, -(-found.total // PAGE_SIZE))
    if number > pages:  # past the end: the last page
        number = pages
        found = read(number)
    shown = found.cases
    late = {c.number for c in shown if due.is_overdue(c, chart, moment)}
    labels = {c.number: due.due_label(c, chart, moment, lang) for c in shown}
    query = urlencode({k: v for k, v in context["given"].items() if v})
    return page(
        request,
        "cases.html",
        cases=shown,
        count=found.total,
        page_number=number,
        pages=pages,
        query=query,
        statuses=STATUSES,
        due_labels=labels,
        late=late,
        **context,
    )


# The downloads: the format in the address, the CLI's name for it, the media type.
_FORMATS = {
    "csv": ("csv", "text/csv; charset=utf-8"),
    "json": ("json", "application/json; charset=utf-8"),
    "md": ("markdown", "text/markdown; charset=utf-8"),
}


@router.get("/cases/export.{fmt}")
def cases_export(request: Request, fmt: str, actor: Signed) -> Response:
    """The matching cases as ``gk-respond records export --format …`` writes them (the same
    bytes, the header row in the page's language), read from one snapshot of the log and
    sent as they are read (downloads.py): memory does not grow with the log."""
    if fmt not in _FORMATS:
        raise HTTPException(404)
    name, media = _FORMATS[fmt]
    matching, where, _, problems = _wanted(request)
    lang, chart = lang_of(request), settings_of(request).chart
    if problems:  # as `records export` refuses them (exit 2): never all cases instead
        said = "; ".join(problem_texts(problems, lang))
        return page(request, "error.html", 400, message=t(lang, "export_refused").format(
            problems=said))  # fmt: skip
    cases = store_of(request).iter_cases(matching)
    pieces = export.document(
        name, cases, chart=chart, lang=lang, where=where, headers=csv_headers(export.COLUMNS, lang)
    )
    stamp = datetime.now(UTC).astimezone().strftime("%Y-%m-%d")
    return Download(
        chunks(pieces), close=cases.close, filename=f"cases-{stamp}.{fmt}", media_type=media
    )


def _case(request: Request, number: str) -> Case:
    case = store_of(request).get(number)
    if case is None:
        raise HTTPException(404)
    return case


def _case_page(
    request: Request, case: Case, status: int = 200, problems: dict[str, str] | None = None,
    notice: str = "", values: dict[str, str] | None = None,
) -> Response:  # fmt: skip
    chart, lang = settings_of(request).chart, lang_of(request)
    steps = [s.text(lang) for s in view.case_steps(chart, case) or []]  # those its path got
    shown = {
        name: (view.local_time(getattr(case, name)) if name in view.TIMES else getattr(case, name))
        if getattr(case, name)
        else ""
        for name in TEXT_FIELDS
    }
    return page(
        request,
        "case.html",
        status=status,
        case=case,
        fields=view.fields(case, chart, lang),
        path_lines=view.path_lines(chart, case, lang),
        history=view.history_lines(case, chart, lang),
        attachments=_attachment_rows(request, case, lang),
        steps=steps,
        followup=TEXT_FIELDS,
        values=values or shown,
        problems=problems or {},
        notice=notice or _notice(request.query_params.get("done", "")),
    )


def _attachment_rows(request: Request, case: Case, lang: str) -> list[dict[str, Any]]:
    """The case's attachments as the page shows them (read-only; withdrawn ones too)."""
    rows = []
    for a in attachments.attachments(store_of(request), case.number):
        withdrawn = ""
        if a.withdrawn:
            withdrawn = say(
                lang, "withdrawn_note", at=view.local_time(a.withdrawn_at or ""),
                by=visible(a.withdrawn_by or ""), reason=visible(a.withdrawn_reason or ""),
            )  # fmt: skip
        rows.append(
            {"number": a.number, "name": a.name, "media_type": a.media_type,
             "size": size_text(a.size, lang), "sha256": a.sha256, "withdrawn": withdrawn,
             "attached": say(lang, "attached_by", at=view.local_time(a.attached_at),
                             by=visible(a.attached_by))}
        )  # fmt: skip
    return rows


@router.get("/cases/{number}/attachments/{k}")
def attachment_download(request: Request, number: str, k: int, actor: Signed) -> Response:
    """An attachment's bytes, checked against its SHA-256, always as a download: the stored
    type is never trusted (application/octet-stream; nosniff is set for every response)."""
    try:
        found, data = attachments.content(store_of(request), _case(request, number).number, k)
    except attachments.AttachmentError as problem:
        status = 404 if problem.key == "no_attachment" else 409
        return PlainTextResponse(problem.text(lang_of(request)), status_code=status)
    name = " ".join(visible(found.name).split()) or f"bilaga-{k}"
    return Response(
        data,
        media_type="application/octet-stream",
        headers={
            "Content-Disposition": f'attachment; filename="{number}-{k}.bin"; '
            f"filename*=UTF-8''{quote(name, safe='')}"
        },
    )


@router.get("/cases/{number}")
def case_page(request: Request, number: str, actor: Signed) -> Response:
    return _case_page(request, _case(request, number))


@router.get("/cases/{number}/export.md")
def case_markdown(request: Request, number: str, actor: Signed):
    case = _case(request, number)
    return PlainTextResponse(
        view.case_markdown(case, settings_of(request).chart, lang_of(request)) + "\n",
        media_type="text/markdown; charset=utf-8",
        headers={"Content-Disposition": f'attachment; filename="case-{case.number}.md"'},
    )


def change_case(request: Request, number: str, actor: Actor, **given: Any) -> Case:
    """Make the changes; a closed case is changed only by reopening it (as ``records
    update`` without ``--reopen``): CaseClosed, checked in the same transaction."""
    changes = Changes(at=utc_now(), who=actor.name, **given)

    def change(case: Case) -> None:
        if case.closed_at and changes.close is None:
            raise CaseClosed(case.number)
        apply(case, changes)

    case = store_of(request).update(number, change)
    if case is None:
        raise HTTPException(404)
    return case


def _closed_page(request: Request, number: str) -> Response:
    """The case page saying that nothing was changed, with the offer to reopen it."""
    return _case_page(request, _case(request, number), 409, {"closed": "case_closed_web"})


def _follow_up(request: Request, number: str, actor: Actor, notice: str, **given: Any) -> Response:
    """Make a follow-up change and go back to the case with ``notice``; on a closed case,
    the page that says nothing was changed."""
    try:
        change_case(request, number, actor, **given)
    except CaseClosed:
        return _closed_page(request, number)
    return _done(number, notice)


NOTICES = frozenset(
    {"note_added", "ticks_kept", "followup_saved", "case_now_open", "case_now_closed"}
)


def _notice(given: str) -> str:
    return given if given in NOTICES else ""


def _done(number: str, what: str) -> RedirectResponse:
    return RedirectResponse(f"/cases/{number}?done={what}", status_code=303)


@router.post("/cases/{number}/note")
def add_note(request: Request, number: str, actor: Signed, form: CheckedForm):
    text = form.get("note", "").replace("\r\n", "\n")
    if not text.strip():
        return _case_page(request, _case(request, number), 422, {"note": "note_empty"})
    return _follow_up(request, number, actor, "note_added", note=text)


@router.post("/cases/{number}/ticks")
def set_ticks(request: Request, number: str, actor: Signed, form: CheckedForm):
    case = _case(request, number)
    count = len(view.case_steps(settings_of(request).chart, case) or [])
    given = form.get("tick[]", [form["tick"]] if "tick" in form else [])
    ticked = {int(v) for v in given if v.isdigit() and int(v) < count}
    untick = set(range(count)) - ticked
    return _follow_up(request, number, actor, "ticks_kept", tick=ticked, untick=untick)


def moment(text: str) -> tuple[str, str]:
    """A time typed into the form (now, a date, or a local date and time) as stored (UTC),
    or "" and the key of what is wrong with it."""
    text = text.strip()
    if not text:
        return "", ""
    if text.casefold() in ("now", "nu"):
        return utc_now(), ""
    try:
        when = datetime.fromisoformat(text).astimezone(UTC)
    except ValueError:
        return "", "bad_time"
    if when > datetime.now(UTC):
        return "", "future_time"
    return when.isoformat(timespec="seconds"), ""


@router.post("/cases/{number}/followup")
def followup(request: Request, number: str, actor: Signed, form: CheckedForm):
    case = _case(request, number)
    typed = {name: form.get(name, "").strip() for name in TEXT_FIELDS}
    values = dict(typed)
    problems: dict[str, str] = {}
    for name in view.TIMES & set(TEXT_FIELDS):
        shown = view.local_time(getattr(case, name)) if getattr(case, name) else ""
        if typed[name] == shown:  # unchanged: keep the stored time to the second
            values[name] = getattr(case, name) or ""
            continue
        values[name], problem = moment(typed[name])
        if problem:
            problems[name] = problem
    if problems:
        return _case_page(request, case, 422, problems, values=typed)
    changed = {k: v for k, v in values.items() if (getattr(case, k) or "") != v}
    if not changed:
        return _done(number, "followup_saved")
    return _follow_up(request, number, actor, "followup_saved", values=changed)


@router.post("/cases/{number}/status")
def close_or_reopen(request: Request, number: str, actor: Signed, form: CheckedForm):
    wanted = form.get("close", "")
    if wanted not in ("1", "0"):
        raise HTTPException(400, "bad_close")
    case = change_case(request, number, actor, close=wanted == "1")
    return _done(number, f"case_now_{case.status}")
