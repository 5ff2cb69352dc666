"""`gk-respond records attach|attachments|attachment|withdraw` and the case sheet
(`records show N --format pdf`): evidence kept in the case. Never imports Textual."""

from __future__ import annotations

import argparse
import dataclasses
from typing import TYPE_CHECKING

from ..messages import message
from ..records.evidence_texts import say
from ..untrusted import json_text, visible
from .common import OK, STORE, deliver, report_error
from .common import case_number as _number
from .common import say as notice

if TYPE_CHECKING:
    from ..flowchart.engine import Chart
    from ..records.store import Case, Store

WRITERS = frozenset({"attach", "withdraw"})


def _size(text: str) -> int:
    from ..records.attachments import parse_size

    size = parse_size(text)
    if size is None:
        from ..messages import language

        raise argparse.ArgumentTypeError(say(language(), "bad_size", text=text))
    return size


def _k(text: str) -> int:
    if not text.strip().isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError(message("arg_not_attachment", text=text))
    return int(text)


def add_parsers(commands: argparse._SubParsersAction) -> list[argparse.ArgumentParser]:
    """The evidence commands, added to ``records``' commands; returned for the options they
    share with the others (--db, --lang, --format)."""
    attach = commands.add_parser(
        "attach", help="attach files to a case (a screenshot, the saved page, an e-mail)"
    )
    listing = commands.add_parser("attachments", help="a case's attachments")
    extract = commands.add_parser("attachment", help="write one attachment to a file")
    withdraw = commands.add_parser(
        "withdraw", help="withdraw a wrong attachment, with a reason (it is kept)"
    )
    for sub in (attach, listing, extract, withdraw):
        sub.add_argument("case", metavar="CASE", help="the case number, e.g. 2026-0042")
    attach.add_argument("files", nargs="+", metavar="FILE", help="the files to attach")
    attach.add_argument(
        "--max-size",
        type=_size,
        metavar="SIZE",
        help="the limit per file (default: $GK_RESPOND_ATTACHMENT_LIMIT, else 25MB)",
    )
    for sub in (extract, withdraw):
        sub.add_argument("attachment", type=_k, metavar="K", help="the attachment's number")
    extract.add_argument(
        "--output", required=True, metavar="FILE", help="write to FILE (never overwritten)"
    )
    withdraw.add_argument("--reason", required=True, metavar="TEXT", help="why it is withdrawn")
    for sub in (attach, withdraw):
        sub.add_argument("--handler", metavar="NAME", help="who makes the change")
    return [attach, listing, extract, withdraw]


def show_section(store: Store, case: Case, lang: str, markdown: bool = False) -> str:
    """The case's attachments as a section to print after ``records show``; "" for none."""
    from ..records.attachments import attachment_lines, attachments

    found = attachments(store, case.number)
    if not found:
        return ""
    heading = say(lang, "attachments")
    lines = attachment_lines(found, lang)
    if markdown:
        body = [f"    {line}" for line in lines]  # an indented code block: never markup
        return "\n".join(["", f"### {heading}", "", *body])
    return "\n".join(["", heading, *(f"  {line}" for line in lines)])


def _no_case(store: Store, given: str) -> int:
    from .case_hint import no_case

    return report_error(no_case(store, given))


def _attach(store: Store, chart: Chart, args: argparse.Namespace) -> int:
    from ..records.attachments import (
        AttachmentError,
        attach,
        attachment_lines,
        configured_limit,
        read_evidence,
    )
    from ..records.handler import handler_name
    from ..triage import utc_now

    number, lang = _number(args.case), args.lang
    try:
        limit = args.max_size or configured_limit()
        if store.get(number) is None:
            return _no_case(store, args.case)
        files = [read_evidence(path, limit, lang) for path in args.files]
        done = attach(store, number, files, handler_name(args.handler), utc_now())
    except AttachmentError as error:
        return report_error(error.text(lang))
    if done is None:
        return _no_case(store, args.case)
    _case, added = done
    if args.format == "json":
        print(json_text([dataclasses.asdict(a) for a in added]))
    else:
        print("\n".join(attachment_lines(added, lang)))
    notice(say(lang, "attached", count=len(added), case=number))
    return OK


def _attachments(store: Store, chart: Chart, args: argparse.Namespace) -> int:
    from ..records.attachments import attachment_lines, attachments

    number = _number(args.case)
    if store.get(number) is None:
        return _no_case(store, args.case)
    found = attachments(store, number)
    if args.format == "json":
        print(json_text([dataclasses.asdict(a) for a in found]))
    elif found:
        print("\n".join(attachment_lines(found, args.lang)))
    else:
        print(say(args.lang, "no_attachments", case=number))
    return OK


def _extract(store: Store, chart: Chart, args: argparse.Namespace) -> int:
    from ..records.attachments import AttachmentError, content
    from ..records.view import local_time

    number, lang = _number(args.case), args.lang
    if store.get(number) is None:
        return _no_case(store, args.case)
    try:
        found, data = content(store, number, args.attachment)
    except AttachmentError as error:
        return report_error(error.text(lang), STORE if error.key == "damaged" else 2)
    failed = deliver(data, args.output, say(lang, "attachment_what", k=found.number, case=number))
    if failed:
        return report_error(failed)
    if found.withdrawn:
        note = say(
            lang, "extracted_withdrawn", at=local_time(found.withdrawn_at or ""),
            by=visible(found.withdrawn_by or ""), reason=visible(found.withdrawn_reason or ""),
        )  # fmt: skip
        notice(note)
    return OK


def _withdraw(store: Store, chart: Chart, args: argparse.Namespace) -> int:
    from ..records.attachments import AttachmentError, attachment_lines, withdraw
    from ..records.handler import handler_name
    from ..triage import utc_now

    number, lang = _number(args.case), args.lang
    try:
        done = withdraw(
            store, number, args.attachment, args.reason, handler_name(args.handler), utc_now()
        )
    except AttachmentError as error:
        return report_error(error.text(lang))
    if done is None:
        return _no_case(store, args.case)
    _case, found = done
    if args.format == "json":
        print(json_text(dataclasses.asdict(found)))
    else:
        print("\n".join(attachment_lines([found], lang)))
    notice(say(lang, "withdrawn_done", k=found.number, case=number))
    return OK


def write_sheet(store: Store, chart: Chart, case: Case, args: argparse.Namespace) -> int:
    """``records show N --format pdf --output FILE``: the case sheet for the diarium."""
    from ..records.attachments import AttachmentError, attachments, content
    from ..records.sheet import case_pdf

    lang = args.lang
    if not args.output:
        return report_error(say(lang, "output_needed"))
    try:
        files = [content(store, case.number, a.number) for a in attachments(store, case.number)]
    except AttachmentError as error:
        return report_error(error.text(lang), STORE)
    what = say(lang, "sheet_what", case=case.number)
    failed = deliver(case_pdf(case, chart, lang, files), args.output, what)
    return report_error(failed) if failed else OK


COMMANDS = {
    "attach": _attach,
    "attachments": _attachments,
    "attachment": _extract,
    "withdraw": _withdraw,
}
