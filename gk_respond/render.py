"""Results of a walk as data (JSON), plain text and Markdown; shared by the CLI and exports."""

from __future__ import annotations

import re
import textwrap
from collections.abc import Collection, Sequence
from typing import TYPE_CHECKING, Any

from .flowchart.engine import Chart, Step
from .strings import platform_name, t
from .triage import Comment, Triage
from .untrusted import visible

if TYPE_CHECKING:
    from .flowchart.answers import Result

WIDTH = 78


def path_data(steps: list[Step]) -> list[dict[str, str]]:
    return [{"question": s.question, "answer": s.answer} for s in steps]


def answers_of(path: Sequence[Step]) -> dict[str, str]:
    """A path as question id -> answer id: what a step's or guidance's ``when:`` reads."""
    return {s.question: s.answer for s in path}


def _addition(part: Any, lang: str) -> str | None:
    return part.addition(lang) if part.addition else None


def outcome_data(chart: Chart, outcome: str, lang: str, path: Sequence[Step]) -> dict[str, Any]:
    """What the flowchart says about an outcome reached by ``path``, in one language: the
    steps and guidance that apply to that walk (their ``when:``), and nothing else."""
    fc = chart.flowchart
    found = fc.outcomes[outcome]
    answers = answers_of(path)
    return {
        "outcome": outcome,
        "title": found.title(lang),
        "summary": found.summary(lang),
        "addition": _addition(found, lang),
        "steps": [
            {
                "text": step.text(lang),
                "source": step.source or found.source,
                "addition": _addition(step, lang),
            }
            for step in found.steps_for(answers)
        ],
        "guidance": [guidance_data(chart, gid, lang) for gid in found.guidance_for(answers)],
        "source": found.source,
    }


def guidance_data(chart: Chart, gid: str, lang: str) -> dict[str, Any]:
    section = chart.flowchart.guidance[gid]
    return {
        "id": gid,
        "title": section.title(lang),
        "points": [
            {
                "id": point.id,
                "title": point.title(lang) if point.title else None,
                "text": point.text(lang),
                "source": point.source or section.source,
                "addition": _addition(point, lang),
            }
            for point in section.points
        ],
        "source": section.source,
    }


def question_data(chart: Chart, qid: str, lang: str) -> dict[str, Any]:
    question = chart.question(qid)
    return {
        "question": qid,
        "title": question.title(lang),
        "text": question.text(lang),
        "help": question.help(lang),
        "example": question.example(lang),
        "addition": _addition(question, lang),
        "options": [{"id": o.id, "label": o.label(lang)} for o in chart.options(qid)],
    }


def answer_label(chart: Chart, qid: str, answer: str, lang: str) -> str:
    for option in chart.options(qid):
        if option.id == answer:
            return option.label(lang)
    return answer


# -- plain text ---------------------------------------------------------------------------
def _wrap(text: str, indent: str, first: str | None = None) -> str:
    return textwrap.fill(
        text,
        WIDTH,
        initial_indent=first or indent,
        subsequent_indent=indent,
        break_on_hyphens=False,
    )


def path_text(chart: Chart, steps: list[Step], lang: str) -> list[str]:
    return [
        f"  {chart.question(s.question).title(lang)} "
        + answer_label(chart, s.question, s.answer, lang)
        for s in steps
    ]


def _box(index: int, ticked: Collection[int] | None) -> str:
    if ticked is None:
        return ""
    return "[x] " if index in ticked else "[ ] "


CHANNEL_ADMINISTRATORS = "channel_administrators"  # the role of a channel's administrators


def contacts_data(
    chart: Chart,
    outcome: str,
    lang: str,
    people: list[dict[str, str]],
    channel: dict[str, Any] | None = None,
) -> list[dict[str, Any]]:
    """Who to contact on ``outcome``: for each role it names (flowchart.yaml's ``contacts:``)
    the ``people`` (records.contacts, as data) who hold it, none being an empty list; then
    the administrators of the registered ``channel`` (its data) the comment is on."""
    fc = chart.flowchart
    found: list[dict[str, Any]] = []
    for role in fc.contacts_of(outcome):
        found.append(
            {
                "role": role,
                "title": fc.roles[role].title(lang) if role in fc.roles else role,
                "people": [_person(p) for p in people if p.get("role") == role],
            }
        )
    if channel is not None:
        found.append(
            {
                "role": CHANNEL_ADMINISTRATORS,
                "title": t(lang, "co_channel_admins").format(name=channel["name"]),
                "channel": channel["id"],
                "people": [_person(a) for a in channel.get("administrators", [])],
            }
        )
    return found


def _person(who: dict[str, str]) -> dict[str, str]:
    return {key: who.get(key, "") for key in ("name", "email", "phone")}


def person_line(person: dict[str, str]) -> str:
    """A contact as one line: name, e-mail, phone (made visible: names are untrusted)."""
    return ", ".join(visible(person[k]) for k in ("name", "email", "phone"))


def _contact_lines(contacts: list[dict[str, Any]], lang: str) -> list[tuple[str, list[str]]]:
    """Each role's title with its people's lines (or "none given")."""
    return [
        (
            visible(entry["title"]),
            [person_line(p) for p in entry["people"]] or [t(lang, "co_nobody")],
        )
        for entry in contacts
    ]


def outcome_text(
    chart: Chart,
    steps: list[Step],
    outcome: str,
    lang: str,
    ticked: Collection[int] | None = None,
    contacts: list[dict[str, Any]] | None = None,
) -> str:
    """The outcome as plain text; ``ticked`` (step indexes) adds a checkbox to each step;
    ``contacts`` (records.contacts.outcome_contacts) adds who to contact."""
    data = outcome_data(chart, outcome, lang, steps)
    lines = [data["title"], "=" * len(data["title"]), _wrap(data["summary"], "")]
    lines += [_wrap(f"({data['addition']})", "")] if data["addition"] else []
    lines += ["", t(lang, "path"), "-" * len(t(lang, "path")), *path_text(chart, steps, lang)]
    lines += ["", t(lang, "steps"), "-" * len(t(lang, "steps"))]
    for number, step in enumerate(data["steps"], 1):
        lines.append(_wrap(_box(number - 1, ticked) + step["text"], "      ", f"  {number:>2}. "))
        if step["addition"]:
            lines.append(_wrap(f"({step['addition']})", "      "))
    for section in data["guidance"]:
        lines += ["", section["title"], "-" * len(section["title"])]
        for point in section["points"]:
            text = f"{point['title']}: {point['text']}" if point["title"] else point["text"]
            lines.append(_wrap(text, "    ", "  - "))
            if point["addition"]:
                lines.append(_wrap(f"({point['addition']})", "    "))
        lines.append(_wrap(f"({t(lang, 'source')}: {section['source']})", "  ", "  "))
    if contacts:
        lines += ["", t(lang, "contacts"), "-" * len(t(lang, "contacts"))]
        for title, people in _contact_lines(contacts, lang):
            lines += [f"  {title}:", *(_wrap(p, "      ", "    - ") for p in people)]
    lines += ["", _wrap(f"{t(lang, 'source')}: {data['source']}", "")]
    return "\n".join(lines)


def incomplete_text(chart: Chart, steps: list[Step], qid: str, lang: str) -> str:
    data = question_data(chart, qid, lang)
    options = ", ".join(f"{o['id']} ({o['label']})" for o in data["options"])
    lines = [f"{t(lang, 'incomplete')}: {qid}: {data['text']}"]
    lines += [f"({data['addition']})"] if data["addition"] else []
    lines.append(f"{t(lang, 'options')}: {options}")
    if steps:
        lines += [f"{t(lang, 'path')}:", *path_text(chart, steps, lang)]
    return "\n".join(lines)


# -- Markdown -----------------------------------------------------------------------------
def outcome_markdown(
    chart: Chart,
    steps: list[Step],
    outcome: str,
    lang: str,
    ticked: Collection[int] = (),
    contacts: list[dict[str, Any]] | None = None,
) -> str:
    data = outcome_data(chart, outcome, lang, steps)
    lines = [f"# {data['title']}", "", data["summary"], ""]
    lines += [f"*{data['addition']}*", ""] if data["addition"] else []
    lines += [f"## {t(lang, 'path')}", "", f"| {t(lang, 'question')} | {t(lang, 'answer')} |"]
    lines.append("| --- | --- |")
    for s in steps:
        question = chart.question(s.question)
        label = answer_label(chart, s.question, s.answer, lang)
        cells = (f"{question.text(lang)} (`{s.question}`)", f"{label} (`{s.answer}`)")
        lines.append("| " + " | ".join(c.replace("|", "\\|") for c in cells) + " |")
    lines += ["", f"## {t(lang, 'steps')}", ""]
    for index, step in enumerate(data["steps"]):
        lines.append(f"- {_box(index, ticked)}{step['text']}")
        lines += [f"  *{step['addition']}*"] if step["addition"] else []
    for section in data["guidance"]:
        lines += ["", f"## {section['title']}", ""]
        for point in section["points"]:
            title = f"**{point['title']}:** " if point["title"] else ""
            lines.append(f"- {title}{point['text']}")
            lines += [f"  *{point['addition']}*"] if point["addition"] else []
        lines += ["", f"*{t(lang, 'source')}: {section['source']}*"]
    if contacts:
        lines += ["", f"## {t(lang, 'contacts')}", ""]
        for title, people in _contact_lines(contacts, lang):
            lines += [f"- {_md(title)}:", *(f"  - {_md(p)}" for p in people)]
    lines += ["", f"*{t(lang, 'source')}: {data['source']}*", ""]
    return "\n".join(lines)


def _md(text: str) -> str:
    """Untrusted text (a name) as the characters it is in Markdown: every markup character
    escaped."""
    text = re.sub(r"([\\`*_{}\[\]<>#!|~&])", r"\\\1", text)
    text = re.sub(r"^(\d+)([.)])", r"\1\\\2", text)
    return re.sub(r"^([+=-])", r"\\\1", text)


# -- a whole result, as scripts read it -----------------------------------------------------
def result_data(chart: Chart, result: Result, lang: str) -> dict[str, Any]:
    """The JSON of ``--answers``: an outcome with its steps and guidance, or the next question."""
    if result.outcome is None:
        data: dict[str, Any] = {
            "status": "incomplete",
            "path": path_data(result.path),
            "next": question_data(chart, result.next_question, lang),
        }
    else:
        data = {"status": "outcome", "path": path_data(result.path)}
        data.update(outcome_data(chart, result.outcome, lang, result.path))
    data["lang"] = lang
    data["flowchart_version"] = chart.flowchart.version
    return data


# -- a triage with its comment: the clipboard summary and the Markdown export ---------------
def _comment_fields(comment: Comment, lang: str) -> list[tuple[str, str]]:
    platform = platform_name(lang, comment.platform)
    fields = [
        (t(lang, "url"), comment.url),
        (t(lang, "author"), comment.author),
        (t(lang, "platform"), platform),
        (t(lang, "found"), comment.found),
    ]
    return [(label, visible(value)) for label, value in fields if value.strip()]


def triage_text(triage: Triage, lang: str) -> str:
    """The comment (made visible) and the outcome as plain text, for the clipboard."""
    walk, comment = triage.walk, triage.comment
    text = outcome_text(triage.chart, walk.path, walk.outcome, lang, triage.ticked, triage.contacts)
    fields = _comment_fields(comment, lang)
    if triage.reply.strip():
        text += f"\n\n{t(lang, 'reply')}:\n" + "\n".join(
            f"  {line}" for line in visible(triage.reply).splitlines()
        )
    if not comment.text.strip() and not fields:
        return text
    head = [t(lang, "comment_heading") + ":"]
    head += [f"  {line}" for line in visible(comment.text).splitlines()]
    head += [f"  {label}: {value}" for label, value in fields]
    return "\n".join(head) + "\n\n" + text


def ticks(text: str, at_least: int) -> str:
    """Backticks to fence ``text`` as code: more than any run of backticks in it."""
    longest = max((len(run) for run in re.findall(r"`+", text)), default=0)
    return "`" * max(at_least, longest + 1)


def triage_markdown(triage: Triage, lang: str) -> str:
    """The outcome as Markdown with the comment (verbatim in a code block, never markup)."""
    walk, comment = triage.walk, triage.comment
    body = outcome_markdown(
        triage.chart, walk.path, walk.outcome, lang, triage.ticked, triage.contacts
    )
    if triage.reply.strip():
        reply = visible(triage.reply)
        fence = ticks(reply, 3)
        body += f"\n\n## {t(lang, 'reply')}\n\n{fence}text\n{reply}\n{fence}"
    fields = _comment_fields(comment, lang)
    text = visible(comment.text)
    if not text.strip() and not fields:
        return body
    lines = [f"## {t(lang, 'comment_heading')}", ""]
    if text.strip():
        fence = ticks(text, 3)
        lines += [fence + "text", text, fence, ""]
    for label, value in fields:
        tick = ticks(value, 1)
        lines.append(f"- {label}: {tick} {value} {tick}")
    # after the title and summary, before the path
    return body.replace("\n## ", "\n" + "\n".join(lines) + "\n\n## ", 1)
