"""A finished triage as a Case for the log: hashes, handler and the path of answers (who
the handler is: `handler`)."""

from __future__ import annotations

import hashlib
from collections.abc import Collection
from datetime import datetime

from ..flowchart.engine import Chart, Event, Step
from ..triage import Comment, Triage
from .audit import entry, field_entries, resave_entries, tick_entries, walk_entry
from .store import Case, Store


class CaseClosed(Exception):
    """A save onto a case that is closed: the user must choose to reopen it first, or to
    save the triage as a new case (``save_triage``'s ``closed``)."""

    def __init__(self, number: str) -> None:
        super().__init__(f"case {number} is closed")
        self.number = number


class _AsNew(Exception):
    """The stored case is closed and the triage is to be saved as a new case."""


def channel_promise(store: Store, channel_id: str) -> str | None:
    """The due time a registered channel promises (``response_due``), if it has one."""
    if not channel_id:
        return None
    from .channel_match import shaped

    rows = store.query("SELECT id, channel_json FROM channels WHERE id = ?", (channel_id,))
    found = shaped(rows[0][0], rows[0][1]) if rows else None
    if rows and found is None:  # a damaged row: the full way names it
        from .channels import Channels

        full = Channels(store).get(channel_id)
        return full.response_due if full is not None else None
    return found.data().get("response_due") if found is not None else None


def save_new(store: Store, chart: Chart, case: Case, channel_id: str = "") -> Case:
    """Store a new case with its due time (the channel's promise, else the outcome's)."""
    from ..clock import now
    from .due import due_at

    moment = now()
    case.due_at = due_at(chart, case.outcome, moment, channel_promise(store, channel_id))
    return store.save(case, now=moment)


def sha256_text(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def new_case(
    chart: Chart,
    flowchart_file: str,
    path: list[Step],
    outcome: str,
    comment: Comment,
    lang: str,
    handler: str,
    history: list[Event],
    ticked: Collection[int] = (),
    notes: str = "",
    reply: str = "",
) -> Case:
    """The case to save: the comment verbatim with its hash, the flowchart's version and the
    hash of its file, the path and every answer given or taken back on the way; the reply as
    written and what the reply checker finds in it now. ``ticked`` numbers the steps the
    walk was shown: the outcome's steps that apply to ``path`` (their ``when:``), which is
    also what ``records show`` lists and ``--tick`` counts."""
    with open(flowchart_file, "rb") as handle:
        flowchart_sha256 = hashlib.sha256(handle.read()).hexdigest()
    return Case(
        handler=handler,
        lang=lang,
        flowchart_version=chart.flowchart.version,
        flowchart_sha256=flowchart_sha256,
        comment_text=comment.text,
        comment_sha256=sha256_text(comment.text),
        platform=comment.platform,
        url=comment.url,
        author=comment.author,
        found=comment.found,
        outcome=outcome,
        path=[(step.question, step.answer) for step in path],
        history=[
            walk_entry(e.at, handler, e.kind, e.question, e.answer, e.source) for e in history
        ],
        ticked=sorted(ticked),
        notes=notes,
        reply_text=reply,
        reply_findings=_reply_findings(reply, outcome, comment.platform),
    )


def _reply_findings(reply: str, outcome: str, platform: str) -> list[dict[str, object]]:
    """What the reply checker finds in a reply (none without one: nothing is loaded)."""
    if not reply.strip():
        return []
    from ..reply.check import check
    from ..reply.load import load

    findings = check(reply, load(), outcome=outcome, platform=platform or None)
    return [finding.stored() for finding in findings]


# What a triage decides in a case; a later save of the same triage replaces these, and keeps
# the number, the time, the handler and the follow-up fields.
_FROM_TRIAGE = (
    "lang", "flowchart_version", "flowchart_sha256", "comment_text", "comment_sha256",
    "platform", "url", "author", "found", "outcome", "path", "history", "ticked", "notes",
    "reply_text", "reply_findings",
)  # fmt: skip


def _note_entries(before: str, after: str, at: str, by: str) -> list[dict[str, object]]:
    """The note entry a re-save makes: the text added to the note, or, where the note was
    rewritten or cleared, the whole new note with the one it replaced (``old``)."""
    old, new = before.strip(), after.strip()
    if new == old:
        return []
    if new.startswith(old):  # added to (or written for the first time)
        return [entry("note", at, by, text=new.removeprefix(old).strip())]
    return [entry("note", at, by, text=new, old=old)]


def save_triage(
    store: Store,
    triage: Triage,
    flowchart_file: str,
    lang: str,
    handler: str,
    closed: str = "refuse",
) -> str:
    """Keep a finished triage in the case log, or bring its case up to date if it was saved
    before (its handler stays whoever saved it first); its number, after the commit. Every
    change a re-save makes goes into the case's history. If the case has been closed since,
    ``closed`` says what to do: "refuse" (raise CaseClosed, nothing written), "reopen" (open
    it again, in the history, and save), or "new" (save the triage as a new case)."""
    from ..clock import now_text
    from .due import due_at

    walk = triage.walk
    if walk.outcome is None:
        raise ValueError("only a triage that has reached an outcome is saved")
    fresh = new_case(
        triage.chart, flowchart_file, walk.path, walk.outcome, triage.comment, lang,
        handler, walk.history, triage.ticked, triage.notes, triage.reply,
    )  # fmt: skip
    stored = None
    if triage.case:
        ticked_before, notes_before = triage.saved_ticks_and_notes
        at = now_text()

        def refresh(case: Case) -> None:
            if case.closed_at and closed == "new":
                raise _AsNew
            if case.closed_at and closed != "reopen":
                raise CaseClosed(case.number)
            history = list(case.history)
            if case.closed_at:
                case.closed_at = None
                history.append(entry("reopened", at, handler))
            history += resave_entries(case, fresh, at, handler)
            # keep what was done to the case elsewhere (records update) since the last save
            same_outcome = case.outcome == fresh.outcome
            others = set(case.ticked) - ticked_before if same_outcome else set()
            added = case.notes.removeprefix(notes_before) if notes_before else case.notes
            ticked = sorted(others | set(fresh.ticked))
            history += tick_entries(case.ticked if same_outcome else (), ticked, at, handler)
            history += _note_entries(notes_before, fresh.notes, at, handler)
            if not same_outcome:
                created = datetime.fromisoformat(case.created_at)
                due = due_at(triage.chart, fresh.outcome, created, _promise(triage))
                history += field_entries(case, {"due_at": due}, at, handler)
                case.due_at = due
            for name in _FROM_TRIAGE:
                setattr(case, name, getattr(fresh, name))
            case.history = history
            case.ticked = ticked
            if added.strip() and added.strip() not in fresh.notes:
                case.notes = f"{fresh.notes}\n\n{added.strip()}".strip()

        def _promise(triage: Triage) -> str | None:
            return channel_promise(store, triage.channel_id)

        try:
            stored = store.update(triage.case, refresh)
        except _AsNew:
            stored = None
    if stored is None:  # never saved, or the case is gone from this log, or saved anew
        stored = save_new(store, triage.chart, fresh, triage.channel_id)
    triage.mark_saved(stored.number)
    return stored.number
