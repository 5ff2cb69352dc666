"""`gk-respond records copy --to LOCATION`: move a case log (to a team's PostgreSQL server,
say), every case and channel, keeping the numbers; checked on both sides afterwards."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from ..messages import message
from ..records.store import Store, print_warning
from .common import OK, say

if TYPE_CHECKING:
    from ..flowchart.engine import Chart


def add_copy(commands: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    copy = commands.add_parser(
        "copy",
        help="copy every case and channel to another case log, keeping the case numbers",
        description="Copy every case (history, notes, follow-up fields), the case numbers "
        "given and the channel register from --db to --to, in one transaction; then compare "
        "the counts and each comment's SHA-256 on both sides. A target that holds cases is "
        "refused unless --append, which renumbers nothing and refuses a number it holds.",
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
        help="add to a log that holds cases already (no case number may be in both)",
    )
    copy.add_argument(
        "--db",
        metavar="PATH|URL",
        help="the case log to copy (default: $GK_RESPOND_DB)",
    )


def copy_command(store: Store, chart: Chart, args: argparse.Namespace) -> int:
    from ..records.copy import copy_log

    copied = copy_log(store, args.to, append=args.append, warn=print_warning)
    say(
        message(
            "copied",
            cases=copied.cases,
            channels=copied.channels,
            source=store.path,
            target=copied.target,
        )
    )
    return OK
