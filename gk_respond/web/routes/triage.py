"""A triage in the browser: the comment, one question a page, the outcome. The walk is the
engine's (gk_respond.flowchart.engine.Walk inside a Triage), driven as the TUI drives it;
see drafts.py for where it is kept and why every page's address names its step."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import PlainTextResponse, RedirectResponse, Response
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException

from ... import render
from ...records.new import CaseClosed, save_triage
from ...triage import PLATFORMS, Comment
from ..auth import Actor, Signed, settings_of, store_of
from ..drafts import Draft
from ..pages import lang_of, page
from ..security import checked_form
from .cases import change_case

router = APIRouter()


def _draft(request: Request, draft_id: str, actor: Actor) -> Draft:
    draft = request.app.state.drafts.get(draft_id, actor.name)
    if draft is None:
        raise HTTPException(404, "walk_gone")
    return draft


def _to(draft: Draft, step: int | None = None, **flags: str) -> RedirectResponse:
    step = len(draft.triage.walk.path) if step is None else step
    extra = "".join(f"&{k}={v}" for k, v in flags.items())
    return RedirectResponse(f"/triage/{draft.id}?step={step}{extra}", status_code=303)


@router.get("/")
async def comment_form(request: Request, actor: Signed) -> Response:
    return page(request, "comment.html", platforms=PLATFORMS)


@router.post("/triage")
async def start(request: Request, actor: Signed) -> Response:
    form = await checked_form(request)
    draft = request.app.state.drafts.new(actor.name)
    if "skip" not in form:
        platform = form.get("platform", "")
        draft.triage.comment = Comment(
            text=form.get("text", "").replace("\r\n", "\n"),
            platform=platform if platform in PLATFORMS else "",
            url=form.get("url", "").strip(),
            author=form.get("author", "").strip(),
            found=form.get("found", "").strip(),
        )
        _find_channel(request, draft)
    return _to(draft, 0)


def _find_channel(request: Request, draft: Draft) -> None:
    """As the TUI does: a comment on a registered channel preselects owns_channel."""
    triage = draft.triage
    triage.channel = triage.channel_id = ""
    if triage.comment.url:
        from ...records.channel_lookup import registered_channel

        channel = registered_channel(store_of(request), triage.comment.url)
        if channel is not None:
            triage.channel, triage.channel_id = channel.name, channel.id


@router.get("/triage/{draft_id}")
async def show(request: Request, draft_id: str, actor: Signed, step: int = -1) -> Response:
    draft = _draft(request, draft_id, actor)
    walk = draft.triage.walk
    if step < 0 or step > len(walk.path):
        return _to(draft)
    flags = request.query_params
    if step == len(walk.path) and walk.finished:
        return _outcome(request, draft, flags)
    return _question(request, draft, step, stale="stale" in flags)


def _answers_so_far(request: Request, draft: Draft, upto: int) -> list[dict[str, Any]]:
    chart, lang = draft.triage.chart, lang_of(request)
    return [
        {
            "step": n,
            "title": chart.question(s.question).title(lang),
            "answer": render.answer_label(chart, s.question, s.answer, lang),
        }
        for n, s in enumerate(draft.triage.walk.path[:upto])
    ]


def _question(request: Request, draft: Draft, step: int, stale: bool) -> Response:
    triage, lang = draft.triage, lang_of(request)
    walk, chart = triage.walk, triage.chart
    if step < len(walk.path):  # an earlier question, looked at again (back, or a link)
        qid, marked, preset = walk.path[step].question, walk.path[step].answer, None
    else:
        qid = walk.question
        assert qid is not None
        remembered = walk.remembered.get(qid)
        preset = None if remembered else triage.preset.get(qid)
        marked = remembered or preset
    return page(
        request,
        "question.html",
        draft=draft,
        step=step,
        question=render.question_data(chart, qid, lang),
        source=chart.question(qid).source,
        marked=marked,
        preset=preset,
        so_far=_answers_so_far(request, draft, step),
        stale=stale,
    )


def _outcome(
    request: Request, draft: Draft, flags: Any, status: int = 200, problem: str = "",
    typed: str = "",
) -> Response:  # fmt: skip
    """The outcome page; ``problem`` names what was refused (a text key), ``typed`` the
    note that was not saved, kept in its field."""
    triage, lang = draft.triage, lang_of(request)
    walk = triage.walk
    assert walk.outcome is not None
    return page(
        request,
        "outcome.html",
        status=status,
        draft=draft,
        step=len(walk.path),
        data=render.outcome_data(triage.chart, walk.outcome, lang, walk.path),
        so_far=_answers_so_far(request, draft, len(walk.path)),
        summary=render.triage_text(triage, lang),
        notice=next((k for k in ("saved", "ticks", "note", "noted") if k in flags), ""),
        problem=problem,
        typed=typed,
    )


@router.post("/triage/{draft_id}/answer")
async def answer(request: Request, draft_id: str, actor: Signed) -> Response:
    form = await checked_form(request)
    draft = _draft(request, draft_id, actor)
    with draft.lock:
        walk = draft.triage.walk
        try:
            step = int(form.get("step", ""))
        except ValueError:
            raise HTTPException(400, "bad_step") from None
        qid, chosen = form.get("question", ""), form.get("answer", "")
        asked = None
        if 0 <= step < len(walk.path):
            asked = walk.path[step].question
        elif step == len(walk.path):
            asked = walk.question
        options = {o.id for o in walk.chart.options(qid)} if asked == qid and qid else set()
        if chosen not in options:
            return _to(draft, stale="1")  # an old page whose question is no longer asked
        if step < len(walk.path):
            if walk.path[step].answer == chosen:
                return _to(draft, step + 1)  # the same answer: on to the next page
            while len(walk.path) > step:  # a different answer: back to there first
                walk.back()
            draft.triage.ticked.clear()  # the outcome may change: its steps with it
        triage = draft.triage
        if triage.preset.get(qid) == chosen and qid not in walk.remembered:
            walk.answer(chosen, "register", triage.channel_id)
        else:
            walk.answer(chosen)
        return _to(draft)


@router.post("/triage/{draft_id}/restart")
async def restart(request: Request, draft_id: str, actor: Signed) -> Response:
    await checked_form(request)
    draft = _draft(request, draft_id, actor)
    with draft.lock:
        draft.triage.walk.restart()
        draft.triage.ticked.clear()
    return _to(draft, 0)


def _finished(draft: Draft) -> None:
    if not draft.triage.walk.finished:
        raise HTTPException(409, "triage_not_finished")


@router.post("/triage/{draft_id}/ticks")
async def ticks(request: Request, draft_id: str, actor: Signed) -> Response:
    form = await checked_form(request)
    draft = _draft(request, draft_id, actor)
    _finished(draft)
    walk = draft.triage.walk
    outcome = draft.triage.chart.flowchart.outcomes[walk.outcome]
    count = len(outcome.steps_for({s.question: s.answer for s in walk.path}))  # those it shows
    given = form.get("tick[]", [form["tick"]] if "tick" in form else [])
    with draft.lock:
        draft.triage.ticked = {int(v) for v in given if v.isdigit() and int(v) < count}
    return _to(draft, ticks="1")


@router.post("/triage/{draft_id}/note")
async def note(request: Request, draft_id: str, actor: Signed) -> Response:
    """Before the save, the note is kept with the triage and saved with it; after, it is
    added to the saved case at once, as on the case's page (with who and when, in its
    history): a closed case is not changed, and the page says so."""
    form = await checked_form(request)
    draft = _draft(request, draft_id, actor)
    _finished(draft)
    text = form.get("note", "").replace("\r\n", "\n")
    number = draft.triage.case
    if not number:
        with draft.lock:
            draft.triage.notes = text.strip()
        return _to(draft, note="1")
    if not text.strip():
        return _outcome(request, draft, {}, 422, "note_empty")

    def add() -> bool:  # in a worker thread, with its own case log, as the case page's
        try:
            change_case(request, number, actor, note=text)
        except CaseClosed:
            return False
        return True

    if not await run_in_threadpool(add):
        return _outcome(request, draft, {}, 409, "note_case_closed", typed=text)
    return _to(draft, noted="1")


# What to do with a case closed since the triage was saved, as the app's dialog asks.
_CLOSED = ("reopen", "new")


@router.post("/triage/{draft_id}/save")
async def save(request: Request, draft_id: str, actor: Signed) -> Response:
    form = await checked_form(request)
    draft = _draft(request, draft_id, actor)
    _finished(draft)
    settings, lang = settings_of(request), lang_of(request)
    closed = form.get("closed", "") if form.get("closed", "") in _CLOSED else "refuse"

    def write() -> bool:  # in a worker thread: the commit waits for the disk, the loop not
        with draft.lock:
            try:
                save_triage(
                    store_of(request), draft.triage, settings.flowchart_file, lang, actor.name,
                    closed,
                )  # fmt: skip
            except CaseClosed:  # never changed unawares: the page asks, as the app does
                return False
        return True

    if not await run_in_threadpool(write):
        return _outcome(request, draft, {}, 409, "save_case_closed")
    return _to(draft, saved="1")


@router.get("/triage/{draft_id}/export.md")
async def markdown(request: Request, draft_id: str, actor: Signed) -> Response:
    draft = _draft(request, draft_id, actor)
    _finished(draft)
    name = draft.triage.case or draft.triage.walk.outcome
    return PlainTextResponse(
        render.triage_markdown(draft.triage, lang_of(request)),
        media_type="text/markdown; charset=utf-8",
        headers={"Content-Disposition": f'attachment; filename="gk-respond-{name}.md"'},
    )
