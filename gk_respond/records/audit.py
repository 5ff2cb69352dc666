"""The audit trail: every change to a saved case as a history entry, and those entries for
people to read. No UI.

Every entry has ``at`` (UTC, ISO 8601), ``by`` (who) and ``kind``; what else it holds
depends on the kind:

- ``answer``, ``back``, ``register``: an answer given, taken back, or given by the channel
  register on the walk (``question``, ``answer``; ``channel`` for ``register``). These also
  keep the key ``event`` (the same as ``kind``), as entries written before schema 9 have it
  without ``by`` and ``kind``; both are read.
- ``field``: a follow-up field changed (``field``, ``old``, ``new``; "" for none).
- ``tick`` / ``untick``: a step ticked or unticked (``step``, counted from 1).
- ``note``: a note added (``text``); a re-save of the triage that rewrites or clears
  the note also keeps the note it replaced (``old``).
- ``closed`` / ``reopened``: the case closed, or opened again.
- ``outcome``: a re-save of the triage changed the outcome (``old``, ``new``).
- ``reply``: a re-save of the triage changed the reply: the reply it replaced, as written,
  and the new one (``old``, ``new``; "" for none), with what the checker had found in the
  old one (``old_findings``, as ``Case.reply_findings`` keeps them): a public record shows
  what was sent, and what stood before.
- ``reply_check``: a re-save kept the reply but the checker now finds otherwise in it (the
  outcome or the rules changed): the findings before and now (``old``, ``new``: lists).
- ``field`` also for what a re-save changes in the comment's details, the language, the
  flowchart (``flowchart_version``, ``flowchart_sha256``) and the due time (``due_at``).
- ``attached`` / ``withdrawn``: evidence attached or withdrawn (written by the evidence
  module; shown here by whatever it holds).

Entries are only ever appended: nothing here, and no command, rewrites or removes one.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from ..strings import STRINGS, platform_name, t
from ..untrusted import visible
from .store import Case

if TYPE_CHECKING:
    from ..flowchart.engine import Chart

# The kinds of the walk's own events (answers given, taken back, preset by the register).
WALK_KINDS = ("answer", "back", "register")


# The label of a field whose own string id is a form's prompt (or is not a label).
_FIELD_LABELS = {
    "comment_text": "comment_heading", "author": "author_short", "found": "found_short",
    "flowchart_version": "flowchart", "lang": "case_lang",
}  # fmt: skip


def kind(entry: dict[str, Any]) -> str:
    """The kind of an entry, also of one written before schema 9 (``event``)."""
    return str(entry.get("kind") or entry.get("event") or "")


def entry(kind: str, at: str, by: str, **details: Any) -> dict[str, Any]:
    return {"at": at, "by": by, "kind": kind, **details}


def walk_entry(at: str, by: str, kind: str, question: str, answer: str, channel: str = ""):
    """An answer given, taken back or preset on the walk, as kept in the history."""
    found = entry(kind, at, by, event=kind, question=question, answer=answer)
    return found | ({"channel": channel} if channel else {})


def field_entries(case: Case, values: dict[str, str | None], at: str, by: str):
    """An entry for each follow-up field ``values`` changes (None or "" clears one)."""
    for name, new in values.items():
        old = getattr(case, name) or ""
        if (new or "") != old:
            yield entry("field", at, by, field=name, old=old, new=new or "")


def tick_entries(before: Iterable[int], after: Iterable[int], at: str, by: str):
    """An entry for each step ticked or unticked (steps counted from 1 in the entry)."""
    old, new = set(before), set(after)
    for step in sorted(new - old):
        yield entry("tick", at, by, step=step + 1)
    for step in sorted(old - new):
        yield entry("untick", at, by, step=step + 1)


# What a re-save of the triage may change besides the walk, the outcome, the reply, the
# ticks and the note, each a ``field`` entry (the comment's hash follows its text).
RESAVED_FIELDS = (
    "comment_text", "platform", "url", "author", "found", "lang", "flowchart_version",
    "flowchart_sha256",
)  # fmt: skip


def resave_entries(stored: Case, fresh: Case, at: str, by: str) -> list[dict[str, Any]]:
    """What a re-save of the triage (``fresh``) changes in the ``stored`` case: the answers
    given since (new walk events), the outcome, the reply (or only its findings) and the
    comment's and flowchart's details. The steps ticked and the note: ``save_triage``."""
    seen = [_walk_key(e) for e in stored.history if kind(e) in WALK_KINDS]
    found: list[dict[str, Any]] = []
    for event in fresh.history:
        key = _walk_key(event)
        if key in seen:
            seen.remove(key)
        else:
            found.append(event)
    if fresh.outcome != stored.outcome:
        found.append(entry("outcome", at, by, old=stored.outcome, new=fresh.outcome))
    if fresh.reply_text != stored.reply_text:  # what stood before, and what it was found to hold
        old = {"old": stored.reply_text, "new": fresh.reply_text}
        found.append(entry("reply", at, by, **old, old_findings=stored.reply_findings))
    elif fresh.reply_findings != stored.reply_findings:
        found.append(
            entry("reply_check", at, by, old=stored.reply_findings, new=fresh.reply_findings)
        )
    found += field_entries(stored, {n: getattr(fresh, n) for n in RESAVED_FIELDS}, at, by)
    return found


def _walk_key(event: dict[str, Any]) -> tuple[str, ...]:
    return (*(str(event.get(k, "")) for k in ("at", "question", "answer")), kind(event))


def line(event: dict[str, Any], lang: str, chart: Chart | None = None) -> str:
    """One entry on one line: when, what, the detail, and who (all visible). Questions,
    answers, outcomes, fields and platforms by their labels in ``lang`` (a question or
    outcome that ``chart`` no longer has, or without a chart, by its id)."""
    from .times import TIMES, local_time

    what = kind(event)
    if what in ("attached", "withdrawn"):  # the evidence's own wording (records.attachments)
        from .evidence_lines import change_line

        return change_line(event, lang)
    label = STRINGS[lang].get(f"event_{what}") or visible(what)
    if what in WALK_KINDS:
        qid, answer = (str(event.get(k, "")) for k in ("question", "answer"))
        detail = answer_text(chart, qid, answer, lang)
    elif what == "field":
        name = str(event.get("field", ""))
        old, new = (str(event.get(k) or "") for k in ("old", "new"))
        if name in TIMES or name == "due_at":
            old, new = (_time(v, local_time) for v in (old, new))
        elif name == "platform":
            old, new = (platform_name(lang, v) if v else "" for v in (old, new))
        label_id = _FIELD_LABELS.get(name, name)
        none = t(lang, "event_none")
        title = t(lang, label_id) if label_id in STRINGS[lang] else name
        detail = f"{title}: {old or none} → {new or none}"
    elif what in ("tick", "untick"):
        detail = f"{t(lang, 'step')} {event.get('step', '')}"
    elif what == "note":
        detail = str(event.get("text", ""))
        if "old" in event:  # a re-save that rewrote or cleared the note
            none = t(lang, "event_none")
            detail = f"{event.get('old') or none} → {detail or none}"
    elif what == "reply":
        none = t(lang, "event_none")
        detail = f"{event.get('old') or none} → {event.get('new') or none}"
    elif what == "reply_check":
        detail = f"{_rules(event.get('old'), lang)} → {_rules(event.get('new'), lang)}"
    elif what == "outcome":
        old, new = (_outcome(chart, str(event.get(k, "")), lang) for k in ("old", "new"))
        detail = f"{old} → {new}"
    else:  # closed, reopened, and kinds this module does not know (attachments, say)
        known = ("at", "by", "kind", "event")
        detail = ", ".join(f"{k}={v}" for k, v in event.items() if k not in known)
    text = f"{local_time(str(event['at']))}  {label}"
    text += ": " + visible(detail).replace("\n", "␤") if detail else ""
    if what == "register" and event.get("channel"):
        text += f" ({t(lang, 'channel')} {visible(str(event['channel']))})"
    if event.get("by"):
        text += f" — {visible(str(event['by'])).replace(chr(10), '␤')}"
    return text


def answer_text(chart: Chart | None, qid: str, answer: str, lang: str) -> str:
    """An answer as people read it: the question's heading and the answer's label in
    ``lang`` ("Faktafel? Ja"); one the chart does not have by its ids (``qid = answer``)."""
    if chart is None or qid not in chart.flowchart.questions:
        return f"{visible(qid)} = {visible(answer)}"
    labels = {o.id: o.label(lang) for o in chart.options(qid)}
    title = chart.flowchart.questions[qid].title(lang)
    return f"{title} {labels.get(answer) or visible(answer)}"


def _outcome(chart: Chart | None, oid: str, lang: str) -> str:
    found = chart.flowchart.outcomes.get(oid) if chart is not None else None
    return f"{found.title(lang)} ({oid})" if found is not None else oid


def _rules(findings: object, lang: str) -> str:
    """The rules a list of stored findings names, in order, or "(none)"."""
    found = findings if isinstance(findings, list) else []
    rules = [str(f.get("rule", "")) for f in found if isinstance(f, dict)]
    return ", ".join(rules) or t(lang, "event_none")


def _time(value: str, local_time: Any) -> str:
    try:
        return local_time(value) if value else ""
    except ValueError:
        return value


def lines(case: Case, lang: str, chart: Chart | None = None) -> list[str]:
    return [line(event, lang, chart) for event in case.history]
