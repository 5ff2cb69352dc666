"""A finished triage as a Case for the log: hashes, handler and the path of answers (who
the handler is: `handler`)."""

from __future__ import annotations

import hashlib
from collections.abc import Collection

from ..flowchart.engine import Chart, Event, Step
from ..triage import Comment, Triage
from .store import Case, Store


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
            {"at": e.at, "event": e.kind, "question": e.question, "answer": e.answer}
            | ({"channel": e.source} if e.source else {})
            for e in history
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


def save_triage(store: Store, triage: Triage, flowchart_file: str, lang: str, handler: str) -> str:
    """Keep a finished triage in the case log, or bring its case up to date if it was saved
    before (its handler stays whoever saved it first); its number, after the commit."""
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

        def refresh(case: Case) -> None:
            # keep what was done to the case elsewhere (records update) since the last save
            same_outcome = case.outcome == fresh.outcome
            others = set(case.ticked) - ticked_before if same_outcome else set()
            added = case.notes.removeprefix(notes_before) if notes_before else case.notes
            for name in _FROM_TRIAGE:
                setattr(case, name, getattr(fresh, name))
            case.ticked = sorted(others | set(fresh.ticked))
            if added.strip() and added.strip() not in fresh.notes:
                case.notes = f"{fresh.notes}\n\n{added.strip()}".strip()

        stored = store.update(triage.case, refresh)
    if stored is None:  # never saved, or the case is gone from this log
        stored = store.save(fresh)
    triage.mark_saved(stored.number)
    return stored.number
