"""`gk-respond records`: list and show saved cases. Never imports Textual."""

from __future__ import annotations

import argparse
import dataclasses
import json
import sys
from datetime import datetime

from .records.store import Case, Store, StoreError, default_path
from .untrusted import preview, visible

OK, BAD_INPUT, STORE = 0, 2, 4


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(
        prog="gk-respond records",
        description="The case log: every triage saved with --save (or from the app).",
        epilog="exit codes:\n  0  done\n  2  bad arguments, or no such case\n"
        "  4  the case log cannot be used; the file is left as it is\n",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    listing = commands.add_parser("list", help="every case, newest first")
    show = commands.add_parser("show", help="one case, every field")
    show.add_argument("case", metavar="CASE", help="the case number, e.g. 2026-0042")
    for sub in (listing, show):
        sub.add_argument("--db", metavar="PATH", help="the case log (default: $GK_RESPOND_DB)")
        sub.add_argument("--format", choices=["text", "json"], default="text")
    args = parser.parse_args(argv)
    path = args.db or default_path()
    try:
        with Store(path) as store:
            if args.command == "list":
                cases = store.cases()
                print(_json(cases) if args.format == "json" else _table(cases, path))
                return OK
            case = store.get(args.case)
    except StoreError as error:
        print(f"gk-respond: error: {error}", file=sys.stderr)
        return STORE
    if case is None:
        print(f"gk-respond: error: no case {args.case!r} in {path}", file=sys.stderr)
        return BAD_INPUT
    print(_json(case) if args.format == "json" else _details(case))
    return OK


def _local(created_at: str) -> str:
    """A stored UTC time, shown in local time."""
    return datetime.fromisoformat(created_at).astimezone().strftime("%Y-%m-%d %H:%M")


def _json(data: Case | list[Case]) -> str:
    plain = (
        [dataclasses.asdict(c) for c in data]
        if isinstance(data, list)
        else dataclasses.asdict(data)
    )
    return json.dumps(plain, ensure_ascii=False, indent=2)


def _table(cases: list[Case], path: str) -> str:
    if not cases:
        return f"no cases yet in {path}"
    rows = []
    for case in cases:
        comment = preview(case.comment_text.replace("\n", " "), 1, 40)[0]
        rows.append(
            f"{case.number}  {_local(case.created_at)}  {case.outcome:<9}  "
            f"{visible(case.handler):<12}  {comment}"
        )
    return "\n".join(rows)


def _details(case: Case) -> str:
    lines = [
        f"case      {case.number}",
        f"created   {_local(case.created_at)} (UTC {case.created_at})",
        f"handler   {visible(case.handler)}",
        f"outcome   {case.outcome}",
        "path      " + ", ".join(f"{q}={a}" for q, a in case.path),
        f"flowchart {case.flowchart_version} (sha256 {case.flowchart_sha256})",
        f"language  {case.lang}",
    ]
    for name in ("platform", "url", "author", "found", "notes"):
        value = getattr(case, name)
        if value:
            lines.append(f"{name:<9} {visible(value)}")
    lines.append(f"comment   (sha256 {case.comment_sha256})")
    lines += [f"  {line}" for line in visible(case.comment_text).split("\n")]
    return "\n".join(lines)
