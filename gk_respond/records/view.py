"""A saved case for people to read: as labelled text, or as Markdown. No UI.

Cases outlive flowchart versions: a question or outcome the current chart no longer has is
shown by its id, never an error. Untrusted text (the comment and everything typed about it)
is made visible, and in Markdown fenced, so it is never taken as markup.
"""

from __future__ import annotations

import textwrap

from ..flowchart.engine import Chart
from ..flowchart.schema import Step
from ..render import ticks
from ..strings import platform_name, t
from ..untrusted import visible
from .store import Case
from .times import TIMES, local_time

# Follow-up fields, in the order the policy's duties come: removed, copy kept, registered,
# forwarded, closed.
FOLLOW_UP = ("removed_at", "copy_kept", "diarium_number", "forwarded_to", "closed_at")


def outcome_title(chart: Chart, outcome: str, lang: str) -> str:
    found = chart.flowchart.outcomes.get(outcome)
    return found.title(lang) if found else visible(outcome)


def path_lines(chart: Chart, case: Case, lang: str) -> list[str]:
    from .audit import answer_text

    return [answer_text(chart, qid, answer, lang) for qid, answer in case.path]


def case_steps(chart: Chart, case: Case) -> list[Step] | None:
    """The steps the case's walk was shown (its outcome's steps whose ``when:`` its path
    meets), which its ticks number; None when the chart no longer has the outcome."""
    found = chart.flowchart.outcomes.get(case.outcome)
    return None if found is None else found.steps_for(dict(case.path))


def step_lines(chart: Chart, case: Case, lang: str) -> list[str]:
    """The steps the case was shown, with [x] for those ticked, numbered from 1."""
    steps = case_steps(chart, case)
    if steps is None:
        return [f"{index + 1}. [x]" for index in case.ticked]
    return [
        f"{number}. [{'x' if number - 1 in case.ticked else ' '}] {step.text(lang)}"
        for number, step in enumerate(steps, 1)
    ]


def fields(case: Case, chart: Chart, lang: str) -> list[tuple[str, str]]:
    """The case's one-line fields as (label, value), empty ones left out, values visible and
    on one line (a line break typed into a field is shown as ␤)."""
    status = t(lang, f"status_{case.status}")
    rows = [
        (t(lang, "case"), case.number),
        (t(lang, "created_at"), local_time(case.created_at)),
        (t(lang, "status"), status),
        (t(lang, "outcome"), f"{outcome_title(chart, case.outcome, lang)} ({case.outcome})"),
        (t(lang, "due_at"), _due(case, chart, lang)),
        (t(lang, "handler"), case.handler),
        (t(lang, "platform"), platform_name(lang, case.platform)),
        (t(lang, "url"), case.url),
        (t(lang, "author_short"), case.author),
        (t(lang, "found_short"), case.found),
    ]
    for name in FOLLOW_UP:
        value = getattr(case, name) or ""
        rows.append((t(lang, name), local_time(value) if value and name in TIMES else value))
    rows.append((t(lang, "flowchart"), f"{case.flowchart_version} ({case.lang})"))
    return [(label, visible(value).replace("\n", "␤")) for label, value in rows if value]


def history_lines(case: Case, chart: Chart, lang: str) -> list[str]:
    """Every entry of the case's history, oldest first: every answer given and taken back,
    and every change made to the case since (see ``audit``), with who and when; questions,
    answers, outcomes and fields by their labels in ``lang``, as ``path_lines`` shows them."""
    from .audit import lines

    return lines(case, lang, chart)


def finding_lines(case: Case, lang: str) -> list[str]:
    """What the reply checker found when the reply was saved, one finding a line."""
    if not case.reply_text.strip():
        return []
    if not case.reply_findings:
        return [t(lang, "reply_clean")]
    from ..reply.place import place

    lines = []
    for found in case.reply_findings:
        message = found.get("message")
        text = (message.get(lang) or message.get("sv") or "") if isinstance(message, dict) else ""
        level = t(lang, f"level_{found.get('level')}")
        start = found.get("start")
        where = place(case.reply_text, start) if isinstance(start, int) else "?"
        lines.append(visible(f"{level} [{found.get('rule')}, {where}]: {text}"))
    return lines


def _due(case: Case, chart: Chart, lang: str) -> str:
    from ..clock import now
    from .due import due_label

    return due_label(case, chart, now(), lang)


def case_text(case: Case, chart: Chart, lang: str, wrap: int = 78) -> str:
    """Every field of a case, labelled, for the terminal; sections wrapped at ``wrap``."""
    rows = fields(case, chart, lang)
    width = max(len(label) for label, _ in rows)
    lines = [f"{label:<{width}}  {value}" for label, value in rows]
    sections = [
        (t(lang, "path"), path_lines(chart, case, lang)),
        (t(lang, "steps"), step_lines(chart, case, lang)),
        (t(lang, "notes"), visible(case.notes).splitlines()),
        (t(lang, "reply"), visible(case.reply_text).splitlines()),
        (t(lang, "reply_findings"), finding_lines(case, lang)),
        (t(lang, "history"), history_lines(case, chart, lang)),
        (
            f"{t(lang, 'comment_heading')} (sha256 {case.comment_sha256[:16]}…)",
            visible(case.comment_text).splitlines(),
        ),
    ]
    for heading, body in sections:
        if body:
            lines += ["", heading]
            lines += [
                textwrap.fill(
                    line,
                    max(wrap, 20),
                    initial_indent="  ",
                    subsequent_indent="     ",
                    break_on_hyphens=False,
                    replace_whitespace=False,
                )
                or ""
                for line in body
            ]
    return "\n".join(lines)


def case_markdown(case: Case, chart: Chart, lang: str) -> str:
    """One case as a Markdown section; every untrusted value in code spans or a fence."""
    lines = [f"## {case.number}: {outcome_title(chart, case.outcome, lang)}", ""]
    for label, value in fields(case, chart, lang)[1:]:
        tick = ticks(value, 1)
        lines.append(f"- {label}: {tick} {value} {tick}")
    lines += [
        "",
        f"### {t(lang, 'path')}",
        "",
        *(f"1. {line}" for line in path_lines(chart, case, lang)),
    ]
    lines += ["", f"### {t(lang, 'steps')}", ""]
    lines += [f"- {line.split('. ', 1)[1]}" for line in step_lines(chart, case, lang)]
    for heading, text in (
        (t(lang, "comment_heading"), case.comment_text),
        (t(lang, "notes"), case.notes),
        (t(lang, "reply"), case.reply_text),
    ):
        if text.strip():
            shown = visible(text)
            fence = ticks(shown, 3)
            lines += ["", f"### {heading}", "", fence + "text", shown, fence]
    findings = finding_lines(case, lang)
    if findings:
        lines += ["", f"### {t(lang, 'reply_findings')}", ""]
        lines += [f"- {ticks(line, 1)} {line} {ticks(line, 1)}" for line in findings]
    if case.history:
        lines += ["", f"### {t(lang, 'history')}", ""]
        # each entry may quote a reply, a note or a comment: code, never markup
        history = history_lines(case, chart, lang)
        lines += [f"- {ticks(line, 1)} {line} {ticks(line, 1)}" for line in history]
    return "\n".join(lines)
