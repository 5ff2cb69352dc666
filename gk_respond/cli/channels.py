"""`gk-respond channels`: the register of the municipality's social-media channels (the
policy's Bilaga 1, "Aktivitetsplan sociala medier"). Never imports Textual."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from typing import Any

from pydantic import ValidationError

from ..messages import counted, message
from ..records.channels import Channel, ChannelError, Channels, Loc, problems
from ..records.store import Store, StoreError, default_path, print_warning
from ..untrusted import json_text, visible
from .common import (
    BAD_INPUT,
    OK,
    STORE,
    NotText,
    command_parser,
    db_option,
    deliver,
    format_option,
    lang_option,
    print_json,
    read,
    report_error,
    say,
)

EPILOG = """\
examples:
  gk-respond channels add --id kommunen-facebook --name "Gullspångs kommun" \\
      --medium facebook --url https://www.facebook.com/gullspangskommun \\
      --unit Kommunledningsförvaltningen --purpose "Nyheter och driftinformation" \\
      --audience "Invånare" --admin "Anna Andersson;anna@gullspang.se;0551-360 00" \\
      --admin "Bo Berg;bo@gullspang.se;0551-360 01" --daily "Anna Andersson" \\
      --monitoring "dagligen vardagar" --hours-per-week 4 --approved-by "Cecilia Chef" \\
      --approved-on 2026-01-15
  gk-respond channels list
  gk-respond channels show kommunen-facebook
  gk-respond channels update kommunen-facebook --hours-per-week 6
  gk-respond channels remove kommunen-facebook
  gk-respond channels export --format html --output kanaler.html
  gk-respond channels export --format yaml --output kanalregister.yaml
  gk-respond channels import kanalregister.yaml

The public list (export --format markdown or html) holds name, medium, address, unit and
purpose only, for www.gullspang.se; it leaves out the administrators, the day-to-day staff
and their e-mail addresses and phone numbers. json and yaml hold the whole register.

exit codes:
  0  done
  2  bad arguments, a channel the register refuses, no such channel, or a file that
     cannot be imported; the message says what and where
  4  the case log (which holds the register) cannot be used; the file is left as it is
"""

# Options that set a field, as (option, field, metavar, help).
_TEXT_OPTIONS = (
    ("--name", "name", "NAME", "the channel's name on the medium"),
    ("--medium", "medium", "MEDIUM", "facebook, instagram, linkedin, youtube, x, …"),
    ("--url", "url", "URL", "its address (https:// is added if left out)"),
    ("--unit", "unit", "UNIT", "förvaltning, enhet/avdelning"),
    ("--purpose", "purpose", "TEXT", "why the municipality is there"),
    ("--audience", "audience", "TEXT", "who it is for"),
    ("--monitoring", "monitoring", "TEXT", 'how often and when, e.g. "dagligen vardagar"'),
    ("--hours-per-week", "hours_per_week", "HOURS", "estimated working hours a week"),
    ("--approved-by", "approved_by", "NAME", "the head of the unit who approved it"),
    ("--approved-on", "approved_on", "YYYY-MM-DD", "the day it was approved"),
    (
        "--response-due",
        "response_due",
        "TIME",
        'its own promise, e.g. "24h" or "1 arbetsdag": cases on it are due then, not by '
        'the outcome ("" removes it)',
    ),
)
_OPTION = {field: option for option, field, _, _ in _TEXT_OPTIONS}
_OPTION |= {"id": "--id", "administrators": "--admin", "daily": "--daily", "checklist": "--check"}


def _parser() -> argparse.ArgumentParser:
    parser = command_parser(
        "gk-respond channels",
        "The channel register (the policy's Bilaga 1): every social-media account the "
        "municipality runs, with its activity plan and at least two administrators. Kept in "
        "the case log's file.",
        EPILOG,
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    add = commands.add_parser("add", help="register a channel (every field is needed)")
    listing = commands.add_parser("list", help="the channels, one a line")
    show = commands.add_parser("show", help="one channel, every field")
    update = commands.add_parser("update", help="change the fields given, keep the others")
    remove = commands.add_parser("remove", help="take a channel out of the register")
    public = (
        "markdown or html: the public list for the website (name, medium, address, unit, "
        "purpose; no administrators, e-mail addresses or phone numbers); json or yaml: the "
        "whole register, for backup and import"
    )
    export = commands.add_parser("export", help=public, description=public)
    load = commands.add_parser(
        "import",
        help="replace the register with the channels in a json or yaml file (as export "
        "writes it); nothing is changed unless every channel is right",
    )
    for sub in (show, update, remove):
        sub.add_argument("id", metavar="ID", help="the channel's id")
    load.add_argument("file", metavar="FILE", help="a yaml or json file (- for standard input)")
    for sub in (add, update):
        what = "a new id" if sub is update else "a short name: a-z, 0-9, hyphens"
        sub.add_argument("--id", dest="new_id" if sub is update else "id", help=what)
        for option, field, metavar, text in _TEXT_OPTIONS:
            sub.add_argument(option, dest=field, metavar=metavar, help=text)
        replaces = " (replaces all of them)" if sub is update else ""
        sub.add_argument(
            "--admin",
            action="append",
            dest="administrators",
            metavar='"NAME;EMAIL;PHONE"',
            help=f"an administrator; at least two{replaces}",
        )
        sub.add_argument(
            "--daily",
            action="append",
            metavar="NAME",
            help=f"who runs it day to day; repeat for several{replaces}",
        )
    update.add_argument(
        "--check",
        action="append",
        default=[],
        metavar="ITEM",
        help="mark an item of the account checklist done (show lists the items); repeat",
    )
    update.add_argument(
        "--uncheck",
        action="append",
        default=[],
        metavar="ITEM",
        help="mark an item of the account checklist not done; repeat",
    )
    listing.add_argument(
        "--incomplete",
        action="store_true",
        help="only the channels whose account checklist is not done, with what is left",
    )
    for sub, formats in (
        (add, ["text", "json"]),
        (listing, ["text", "json"]),
        (show, ["text", "json"]),
        (update, ["text", "json"]),
        (remove, ["text", "json"]),
        (export, ["markdown", "html", "json", "yaml"]),
        (load, ["text"]),
    ):
        format_option(sub, formats)
        db_option(sub)
        lang_option(sub)
    export.add_argument("--output", metavar="FILE", help="write to FILE (never overwritten)")
    return parser


def main(argv: list[str]) -> int:
    args = _parser().parse_args(argv)
    command: Callable[[Channels, argparse.Namespace], int] = COMMANDS[args.command]
    reading = args.command in ("list", "show", "export")
    try:  # only add and import may create the file; reading never writes
        with Store(
            args.db or default_path(),
            readonly=reading,
            create=args.command in ("add", "import"),
            warn=print_warning,
        ) as store:
            return command(Channels(store), args)
    except StoreError as error:
        return report_error(error.text, STORE)


def _option(loc: Loc) -> str:
    """``--admin 2 email`` for ``("administrators", 1, "email")``."""
    option = _OPTION.get(str(loc[0]), str(loc[0])) if loc else ""
    rest = " ".join(str(p + 1) if isinstance(p, int) else p for p in loc[1:])
    return f"{option} {rest}".strip()


def _refused(error: ValidationError | ChannelError, lang: str) -> int:
    if isinstance(error, ChannelError):
        return report_error(error.message(lang))
    for loc, text in problems(error, lang):
        report_error(f"{_option(loc)}: {text}")
    return BAD_INPUT


def _given(args: argparse.Namespace) -> dict[str, Any] | str:
    """The fields the options give, or what is wrong with an --admin."""
    given: dict[str, Any] = {}
    for name in Channel.model_fields:
        value = getattr(args, "new_id" if name == "id" and "new_id" in args else name, None)
        if value is not None:
            given[name] = value
    admins = []
    for text in given.get("administrators", []):
        parts = [part.strip() for part in text.split(";")]
        if len(parts) != 3:
            return f'--admin {text!r}: write it as "NAME;EMAIL;PHONE" (two semicolons)'
        admins.append(dict(zip(("name", "email", "phone"), parts, strict=True)))
    if admins:
        given["administrators"] = admins
    return given


def _print(channel: Channel, args: argparse.Namespace) -> None:
    from ..records.channel_files import channel_text

    if args.format == "json":
        print(json_text(channel.data()))
    else:
        print(channel_text(channel, args.lang))


def _write(channels: Channels, args: argparse.Namespace) -> int:
    """``add`` (every field) or ``update`` (the fields given)."""
    given = _given(args)
    if isinstance(given, str):
        return report_error(given)
    if args.command == "update" and (args.check or args.uncheck):
        old = channels.get(args.id)
        if old is None:
            return _no_channel(args)
        done = [i for i in [*old.checklist, *args.check] if i not in args.uncheck]
        given["checklist"] = [*done, *(i for i in args.uncheck if i not in _item_ids())]
    if args.command == "update" and not given:
        return report_error(message("nothing_to_change", options=", ".join(_OPTION.values())))
    try:
        if args.command == "add":
            channel: Channel | None = channels.add(Channel.model_validate(given))
        else:
            channel = channels.update(args.id, given)
    except (ValidationError, ChannelError) as error:
        return _refused(error, args.lang)
    if channel is None:
        return _no_channel(args)
    _print(channel, args)
    say(message(f"channel_done_{args.command}", id=channel.id))
    return OK


def _item_ids() -> tuple[str, ...]:
    from ..records.checklist import ids

    return ids()


def _list(channels: Channels, args: argparse.Namespace) -> int:
    from ..records.channel_files import register_data, table_text

    found = channels.all()
    if args.incomplete:
        return _incomplete(found, args)
    if args.format == "json":
        print(json_text(register_data(found)["channels"]))
    else:
        print(table_text(found, args.lang))
    return OK


def _incomplete(found: list[Channel], args: argparse.Namespace) -> int:
    """The channels whose account checklist is not done, each with the items left."""
    from ..records.checklist import ids, left
    from ..strings import t

    todo = [(channel, left(channel.checklist)) for channel in found]
    todo = [(channel, items) for channel, items in todo if items]
    if args.format == "json":
        print_json([{"id": c.id, "left": items} for c, items in todo])
    elif not todo:
        print(t(args.lang, "cl_all_done"))
    for channel, items in todo if args.format == "text" else ():
        line = t(args.lang, "cl_incomplete")
        print(line.format(id=channel.id, left=len(items), total=len(ids()), items=", ".join(items)))
    return OK


def _no_channel(args: argparse.Namespace) -> int:
    return report_error(ChannelError("ch_no_channel", id=args.id).message(args.lang))


def _show(channels: Channels, args: argparse.Namespace) -> int:
    channel = channels.get(args.id)
    if channel is None:
        return _no_channel(args)
    _print(channel, args)
    return OK


def _remove(channels: Channels, args: argparse.Namespace) -> int:
    channel = channels.remove(args.id)
    if channel is None:
        return _no_channel(args)
    _print(channel, args)
    say(message("channel_removed", id=channel.id))
    return OK


def _export(channels: Channels, args: argparse.Namespace) -> int:
    from ..records import channel_files as files

    found = channels.all()
    if args.format == "markdown":
        text = files.public_markdown(found, args.lang)
    elif args.format == "html":
        text = files.public_html(found, args.lang)
    elif args.format == "json":
        text = files.register_json(found)
    else:
        text = files.register_yaml(found)
    public = args.format in ("markdown", "html")  # the people are only in the full register
    failed = deliver(text, args.output, counted(len(found), "channel"), private=not public)
    return report_error(failed) if failed else OK


def _import(channels: Channels, args: argparse.Namespace) -> int:
    from ..flowchart.problems import FlowchartError
    from ..records.channel_files import read_register

    name = "<stdin>" if args.file == "-" else args.file
    try:
        text = read(args.file)
    except NotText as error:
        return report_error(str(error))
    except OSError as error:
        return report_error(f"{name}: {error.strerror or error}")
    try:
        found = read_register(text, name, args.lang)
    except FlowchartError as error:
        for problem in error.problems:
            print(visible(str(problem)), file=sys.stderr)
        return report_error(f"{name}: {len(error.problems)} problem(s); nothing was imported")
    before = {channel.id for channel in channels.all()}
    channels.replace_all(found)
    gone = sorted(before - {channel.id for channel in found})
    say(message("channels_imported", count=counted(len(found), "channel"), name=name))
    if gone:
        say(message("channels_gone", ids=", ".join(gone)))
    return OK


COMMANDS: dict[str, Callable[[Channels, argparse.Namespace], int]] = {
    "add": _write,
    "list": _list,
    "show": _show,
    "update": _write,
    "remove": _remove,
    "export": _export,
    "import": _import,
}
