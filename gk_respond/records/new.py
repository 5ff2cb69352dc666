"""A finished triage as a Case for the log: hashes, handler and the path of answers."""

from __future__ import annotations

import getpass
import hashlib
import os
from collections.abc import Collection

from ..flowchart.engine import Chart, Event, Step
from ..triage import Comment
from .store import Case


def handler_name(given: str | None = None) -> str:
    """Who handled the case: as given, else ``GK_RESPOND_HANDLER``, else the OS user."""
    if given and given.strip():
        return given.strip()
    configured = os.environ.get("GK_RESPOND_HANDLER", "").strip()
    if configured:
        return configured
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "unknown"


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
) -> Case:
    """The case to save: the comment verbatim with its hash, the flowchart's version and the
    hash of its file, the path and every answer given or taken back on the way."""
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
            for e in history
        ],
        ticked=sorted(ticked),
        notes=notes,
    )
