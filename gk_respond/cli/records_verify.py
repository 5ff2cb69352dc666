"""`gk-respond records verify`: the whole case log checked (every page on SQLite, every row,
the case numbers, each comment's SHA-256), for the nightly job and after a restore."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from ..messages import counted, message, plural_key, shown
from ..records.store import Store, print_warning
from ..untrusted import visible
from .common import OK, STORE, db_option, lang_option, report_error

if TYPE_CHECKING:
    from ..flowchart.engine import Chart


def add_verify(commands: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    verify = commands.add_parser(
        "verify",
        help="check the whole case log: pages, rows, case numbers, comment checksums",
        description="Check the whole case log, read-only: SQLite's integrity check of every "
        "page and index (a file; a PostgreSQL server keeps its own pages), that every case "
        "and channel row can be read, that no case number is missing and the next one is "
        "free, and that each comment still gives the SHA-256 saved with it. Each problem is "
        "one line on standard output; exit 0 when there is none, 4 otherwise. Opening the "
        "log to write runs SQLite's quick check; a read does not (docs/case-log.md).",
    )
    db_option(verify)
    lang_option(verify)


def verify_command(store: Store, chart: Chart, args: argparse.Namespace) -> int:
    from ..records.location import is_url
    from ..records.verify import verify

    for warning in store.warnings:  # said on opening (others may read it): not damage
        print_warning(warning)
    verdict = verify(store)
    for problem in verdict.problems:
        print(visible(shown(problem)))
    if not verdict.ok:
        return report_error(
            message(
                plural_key("verify_failed", len(verdict.problems)),
                path=store.path,
                count=len(verdict.problems),
            ),
            STORE,
        )
    key = "verify_ok_server" if is_url(store.path) else "verify_ok"
    print(message(key, path=store.path, cases=counted(verdict.cases, "case")))
    return OK
