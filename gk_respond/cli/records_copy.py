"""`gk-respond records copy --to LOCATION`: move a case log (to a team's PostgreSQL server,
say), every case, channel, contact, account and attachment, keeping the numbers; checked on
both sides afterwards."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from ..messages import grouped, message, plural_key
from ..records.store import Store, print_warning
from .common import OK, say

if TYPE_CHECKING:
    from ..flowchart.engine import Chart


def add_copy(commands: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    copy = commands.add_parser(
        "copy",
        help="copy everything in a case log to another one, keeping the case numbers",
        description="Copy every case (history, notes, follow-up fields, attachments and "
        "their withdrawals), the case numbers given, the channel register, the contacts and "
        "the web app's accounts with their log from --db to --to, in one transaction; then "
        "compare the counts, each comment's and attachment's SHA-256 and every other row on "
        "both sides. A target that holds anything is refused unless --append, which "
        "renumbers nothing and refuses a case number or user name it holds.",
    )
    copy.add_argument(
        "--to",
        required=True,
        metavar="PATH|URL",
        help="where to: a file, or postgresql://USER@HOST[:PORT]/DB (created if need be)",
    )
    copy.add_argument(
        "--append",
        action="store_true",
        help="add to a log that holds cases already (no case number or user name may be in both)",
    )
    copy.add_argument(
        "--db",
        metavar="PATH|URL",
        help="the case log to copy (default: $GK_RESPOND_DB)",
    )


def copy_command(store: Store, chart: Chart, args: argparse.Namespace) -> int:
    from ..records.copy import copy_log

    copied = copy_log(store, args.to, append=args.append, warn=print_warning)
    counts = {"cases": copied.cases, "channels": copied.channels, **copied.rows}

    def count(table: str, key: str = "") -> str:
        number = counts[table]
        return message(plural_key(key or f"copy_count_{table}", number), count=grouped(number))

    say(
        message(
            "copied",
            cases=count("cases"),
            channels=count("channels"),
            contacts=count("contacts"),
            users=count("users"),
            events=count("account_events"),
            attachments=count("attachments"),
            withdrawals=count("attachment_withdrawals", "copy_withdrawn"),
            source=store.path,
            target=copied.target,
        )
    )
    return OK
