"""`gk-respond records`: list, show, update, export and count saved cases. Never imports
Textual."""

from __future__ import annotations

import argparse
import dataclasses
from collections.abc import Callable, Iterator
from datetime import UTC, date, datetime
from typing import IO, TYPE_CHECKING

from ..messages import counted, grouped, message
from ..records.store import (
    STATUSES,
    Case,
    CaseFilter,
    Store,
    StoreError,
    default_path,
    print_warning,
)
from ..untrusted import json_text, preview, visible
from . import evidence
from .case_hint import no_case as _no_case
from .common import (
    OK,
    PROBLEMS,
    STORE,
    Parser,
    db_option,
    deliver_written,
    format_option,
    lang_option,
    open_chart,
    report_error,
    say,
)
from .common import case_number as _number
from .records_copy import add_copy, copy_command
from .records_verify import add_verify, verify_command

if TYPE_CHECKING:
    from ..flowchart.engine import Chart

EPILOG = """\
examples:
  gk-respond records list --status open --outcome remove,report
  gk-respond records list --since 2026-11-01 --search snöröjning
  gk-respond records list --overdue
  gk-respond records list --status open --due-before 2026-12-24
  gk-respond records show 2026-0042
  gk-respond records update 2026-0042 --tick 1 --tick 2 --removed-at now \\
      --copy-kept "W:/Kommunikation/2026-0042.pdf"
  gk-respond records update 2026-0042 --diarium "KS 2026/123" --note "Till registrator" --close
  gk-respond records update 2026-0042 --reopen --note "Ny kopia sparad"
  gk-respond records export --format csv --status closed --output ärenden.csv
  gk-respond records stats --since 2026-01-01
  gk-respond records attach 2026-0042 skärmdump.png sidan.html
  gk-respond records attachments 2026-0042
  gk-respond records attachment 2026-0042 1 --output kopia.png
  gk-respond records withdraw 2026-0042 2 --reason "Fel ärende"
  gk-respond records show 2026-0042 --format pdf --output 2026-0042.pdf
  gk-respond records copy --to postgresql://gk_respond@db.kommun.example/gk_respond
  gk-respond records verify

exit codes:
  0  done
  2  bad arguments, or no such case; the message names the valid choices
  4  the case log cannot be used (verify: it has problems); the file is left as it is
"""


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(message("arg_not_date", text=text)) from None


def _moment(text: str) -> str:
    """``now``, a date or a local date and time, as a stored (UTC) time; "" clears it."""
    from ..clock import now as clock_now

    now = clock_now()
    if not text.strip():
        return ""
    if text.strip().lower() in ("now", "nu"):
        return now.isoformat(timespec="seconds")
    try:
        moment = datetime.fromisoformat(text.strip()).astimezone(UTC)
    except ValueError:
        raise argparse.ArgumentTypeError(message("arg_not_time", text=text)) from None
    if moment > now:
        raise argparse.ArgumentTypeError(message("arg_future", text=text))
    return moment.isoformat(timespec="seconds")


LIMIT = 100  # cases `records list` shows unless told otherwise


def _count(text: str) -> int:
    if not text.isdigit():
        raise argparse.ArgumentTypeError(message("arg_not_number", text=text))
    return int(text)


def _positive(text: str) -> int:
    if not text.isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError(message("arg_not_step", text=text))
    return int(text)


def _parser() -> argparse.ArgumentParser:
    parser = Parser(
        prog="gk-respond records",
        description="The case log: every triage saved with --save or from the app (s on the "
        "outcome screen). Times are shown in local time and kept in UTC.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    listing = commands.add_parser("list", help="the cases, newest first")
    show = commands.add_parser("show", help="one case, every field")
    update = commands.add_parser(
        "update", help="tick steps, add a note, set follow-up fields, close or reopen a case"
    )
    export = commands.add_parser("export", help="the cases as CSV, JSON or Markdown")
    stats = commands.add_parser("stats", help="how many cases, per outcome and per month")
    attach, attachments, attachment, withdraw = evidence.add_parsers(commands)
    add_copy(commands)
    add_verify(commands)
    for sub in (show, update):
        sub.add_argument("case", metavar="CASE", help="the case number, e.g. 2026-0042 or 2026-42")
    for sub in (listing, export, stats):
        sub.add_argument(
            "--outcome",
            action="append",
            default=[],
            metavar="ID",
            help="only these outcomes (repeat, or separate by commas)",
        )
        sub.add_argument("--status", choices=STATUSES, help="only open or only closed cases")
        sub.add_argument("--since", type=_day, metavar="YYYY-MM-DD", help="created on or after")
        sub.add_argument("--until", type=_day, metavar="YYYY-MM-DD", help="created on or before")
        sub.add_argument(
            "--search", default="", metavar="TEXT", help="in the comment, writer, URL, notes…"
        )
        sub.add_argument(
            "--overdue", action="store_true", help="only cases past their due time, not yet met"
        )
        sub.add_argument(
            "--due-before", type=_day, metavar="YYYY-MM-DD", help="due before this local day"
        )
    for sub, formats in (
        (listing, ["text", "json"]),
        (show, ["text", "json", "markdown", "pdf"]),
        (update, ["text", "json"]),
        (export, ["csv", "json", "markdown"]),
        (stats, ["text", "json"]),
        (attach, ["text", "json"]),
        (attachments, ["text", "json"]),
        (attachment, ["text"]),
        (withdraw, ["text", "json"]),
    ):
        format_option(sub, formats)
        db_option(sub)
        lang_option(sub)
    listing.add_argument(
        "--limit",
        type=_count,
        default=LIMIT,
        metavar="N",
        help=f"at most N cases (default: {LIMIT}); the last line says how many more match",
    )
    listing.add_argument("--offset", type=_count, default=0, metavar="N", help="skip the first N")
    listing.add_argument("--all", action="store_true", help="every matching case, however many")
    export.add_argument("--output", metavar="FILE", help="write to FILE (never overwritten)")
    show.add_argument("--output", metavar="FILE", help="--format pdf: the case sheet's file")
    export.add_argument(
        "--delimiter", choices=[";", ",", "tab"], default=";", help="CSV only (default: ;)"
    )
    for option, what in (
        ("--tick", "mark step N of the case's outcome as done"),
        ("--untick", "mark step N as not done again"),
    ):
        update.add_argument(
            option,
            type=_positive,
            action="append",
            default=[],
            metavar="N",
            help=f"{what} (counted from 1, as `show` lists them; may be given more than once)",
        )
    update.add_argument("--note", default="", metavar="TEXT", help="add a note (with your name)")
    update.add_argument("--removed-at", type=_moment, metavar="WHEN", help="now, or a time")
    update.add_argument("--copy-kept", metavar="WHERE", help="where the copy of it is kept")
    update.add_argument("--diarium", metavar="NUMBER", help="its number in the diarium")
    update.add_argument("--forwarded-to", metavar="WHO", help="who it was forwarded to")
    close = update.add_mutually_exclusive_group()
    close.add_argument(
        "--close", action="store_const", const=True, dest="close", help="close the case"
    )
    close.add_argument(
        "--reopen",
        action="store_const",
        const=False,
        dest="close",
        help="open a closed case again; a closed case is changed only with it",
    )
    update.add_argument("--handler", metavar="NAME", help="who makes the change (for notes)")
    return parser


def main(argv: list[str]) -> int:
    args = _parser().parse_args(argv)
    chart = open_chart(None)
    if chart is None:
        return PROBLEMS
    path = args.db or default_path()
    reading = args.command != "update" and args.command not in evidence.WRITERS
    command: Callable[[Store, Chart, argparse.Namespace], int] = COMMANDS[args.command]
    try:  # only update writes; nothing creates a case log where none is
        warn = None if args.command == "verify" else print_warning  # verify lists them
        with Store(path, readonly=reading, create=False, warn=warn) as store:
            return command(store, chart, args)
    except StoreError as error:
        return report_error(error.text, STORE)


def _filter(args: argparse.Namespace, chart: Chart) -> CaseFilter | str:
    """The filter the options ask for, or what is wrong with them."""
    from ..clock import now
    from ..records.due import overdue_rule

    outcomes = {o.strip() for given in args.outcome for o in given.split(",") if o.strip()}
    unknown = sorted(outcomes - set(chart.flowchart.outcomes))
    if unknown:
        valid = ", ".join(chart.flowchart.outcomes)
        return message("unknown_outcome", given=", ".join(unknown), valid=valid)
    if args.since and args.until and args.since > args.until:
        return message("since_after_until", since=args.since, until=args.until)
    return CaseFilter(
        frozenset(outcomes),
        args.status,
        args.since,
        args.until,
        args.search,
        overdue=overdue_rule(chart, now()) if args.overdue else None,
        due_before=args.due_before,
    )


def _list(store: Store, chart: Chart, args: argparse.Namespace) -> int:
    from ..records.export import json_text

    where = _filter(args, chart)
    if isinstance(where, str):
        return report_error(where)
    if args.all:
        cases, total = store.cases(where), None
    else:
        page = store.page(where, offset=args.offset, limit=args.limit)
        cases, total = page.cases, page.total
    print(
        json_text(cases) if args.format == "json" else _table(cases, store.path, chart, args.lang)
    )
    if total is not None and args.offset + len(cases) < total:
        shown, total_text = grouped(len(cases)), grouped(total)
        say(message("list_more", shown=shown, total=total_text, offset=args.offset + len(cases)))
    return OK


def _one(case: Case) -> str:
    return json_text(dataclasses.asdict(case))


def _show(store: Store, chart: Chart, args: argparse.Namespace) -> int:
    from ..records.view import case_markdown, case_text

    case = store.get(_number(args.case))
    if case is None:
        return report_error(_no_case(store, args.case))
    if args.format == "pdf":
        return evidence.write_sheet(store, chart, case, args)
    if args.format == "json":
        print(_one(case))
    elif args.format == "markdown":
        print(
            case_markdown(case, chart, args.lang)
            + evidence.show_section(store, case, args.lang, True)
        )
    else:
        print(case_text(case, chart, args.lang) + evidence.show_section(store, case, args.lang))
    return OK


def _update(store: Store, chart: Chart, args: argparse.Namespace) -> int:
    from ..records.followup import Changes, apply
    from ..records.handler import handler_name
    from ..records.view import case_steps, case_text
    from ..triage import utc_now

    values = {
        name: value
        for name, value in (
            ("removed_at", args.removed_at),
            ("copy_kept", args.copy_kept),
            ("diarium_number", args.diarium),
            ("forwarded_to", args.forwarded_to),
        )
        if value is not None
    }
    changes = Changes(
        at=utc_now(),
        who=handler_name(args.handler),
        tick={n - 1 for n in args.tick},
        untick={n - 1 for n in args.untick},
        note=args.note,
        values=values,
        close=args.close,
    )
    if not changes:
        return report_error(message("nothing_to_change_case"))
    number = _number(args.case)
    found = store.get(number)
    if found is None:
        return report_error(_no_case(store, args.case))
    if found.closed_at and changes.close is not False:
        return report_error(message("case_closed", number=number))
    steps = len(case_steps(chart, found) or [])
    beyond = sorted(n + 1 for n in changes.tick | changes.untick if n >= steps)
    if beyond:
        shown = ", ".join(map(str, beyond))
        return report_error(
            message("no_such_step", number=number, outcome=found.outcome, steps=steps, beyond=shown)
        )
    case = store.update(number, lambda c: apply(c, changes))
    assert case is not None  # cases are never deleted
    print(_one(case) if args.format == "json" else case_text(case, chart, args.lang))
    say(message("updated", number=number))
    return OK


def _export(store: Store, chart: Chart, args: argparse.Namespace) -> int:
    """The matching cases to standard output or a new file, read and written one at a
    time (memory does not grow with the log; a file is still whole or not at all)."""
    from ..messages import csv_headers
    from ..records.export import COLUMNS, document

    where = _filter(args, chart)
    if isinstance(where, str):
        return report_error(where)
    written = [0]

    def cases() -> Iterator[Case]:
        for case in store.iter_cases(where):
            written[0] += 1  # how many were written, for the line that names the file
            yield case

    def write(out: IO[str]) -> int:
        delimiter = "\t" if args.delimiter == "tab" else args.delimiter
        for piece in document(
            args.format,
            cases(),
            chart=chart,
            lang=args.lang,
            where=where,
            delimiter=delimiter,
            headers=csv_headers(COLUMNS),
        ):
            out.write(piece)
        return written[0]

    failed = deliver_written(write, args.output, lambda count: counted(count, "case"))
    return report_error(failed) if failed else OK


def _stats(store: Store, chart: Chart, args: argparse.Namespace) -> int:
    from ..clock import now
    from ..records.stats import counts_in, stats_text

    where = _filter(args, chart)
    if isinstance(where, str):
        return report_error(where)
    data = counts_in(store, where, chart, now())
    if args.format == "json":
        print(json_text(data))
    else:
        print(stats_text(data, chart, args.lang))
    return OK


def _short(text: str, chars: int) -> str:
    """``text`` made visible on one line, cut to ``chars`` characters (… where it was)."""
    shown, more = preview(text.replace("\n", " "), 1, chars)
    return shown + "…" if more else shown


def _table(cases: list[Case], path: str, chart: Chart, lang: str) -> str:
    """The cases one a line, under a header row, in columns; status and outcome in words,
    and the due time (FÖRSENAD/OVERDUE in words when it has passed)."""
    from ..clock import now
    from ..records.due import due_label
    from ..records.view import local_time, outcome_title

    if not cases:
        return message("no_match", path=path)
    header = [message(f"col_{name}") for name in ("case", "created", "status", "outcome", "due")]
    moment = now()
    rows = [
        [
            visible(case.number),
            local_time(case.created_at),
            message(f"status_{case.status}"),
            _short(outcome_title(chart, case.outcome, lang), 30),
            due_label(case, chart, moment, lang) or "-",
            _short(case.handler, 20),
            _short(case.comment_text, 40),
        ]
        for case in cases
    ]
    table = [[*header, message("col_handler"), message("col_comment")], *rows]
    widths = [max(len(row[column]) for row in table) for column in range(6)]
    return "\n".join(
        "  ".join([*(cell.ljust(width) for cell, width in zip(row, widths, strict=False)), row[6]])
        for row in table
    )


COMMANDS: dict[str, Callable[[Store, Chart, argparse.Namespace], int]] = {
    "list": _list,
    "show": _show,
    "update": _update,
    "export": _export,
    "stats": _stats,
    **evidence.COMMANDS,
    "copy": copy_command,
    "verify": verify_command,
}
