"""The command line, ``gk-respond``: `main` parses the first word and hands the rest to one
command family (`triage`: the main command, check, paths, diagram and the app; `records`;
`channels`; `contacts`; `train`; `reply`; `web`: serve and users); `common` holds what they
share. Never imports Textual or the web framework, except where a command opens another
front end (`launch`)."""

from __future__ import annotations

import os
import sys

from ..messages import choose, language_of, message
from . import help_language
from .common import OK, NotText, check_arguments, check_environment, fail

FAMILIES = ("records", "channels", "train", "reply")
COMMAND_WORDS = (*FAMILIES, "check", "paths", "diagram")
FLAGS = ("--save", "--version", "-h", "--help")  # the main command's options without a value


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    choose(language_of(args, os.environ))
    help_language.install()
    try:
        check_arguments(args)
        check_environment(dict(os.environ))
    except NotText as error:
        return fail([str(error)])
    misplaced = _misplaced_command(args)
    if misplaced is not None:
        rest = " ".join(a for i, a in enumerate(args) if i != misplaced)
        return fail([message("command_first", command=args[misplaced], options=rest)])
    try:
        return _dispatch(args)
    except BrokenPipeError:
        # The reader went away (e.g. `| head`): stop quietly, as other command-line tools do.
        sys.stdout = open(__import__("os").devnull, "w")  # noqa: SIM115
        return OK
    except KeyboardInterrupt:
        return 130


def _misplaced_command(args: list[str]) -> int | None:
    """Where a command word stands after the main command's options (``--lang en paths``),
    or None; a word that is an option's value is not a command."""
    if not args or not args[0].startswith("-"):
        return None
    for index, arg in enumerate(args[1:], 1):
        before = args[index - 1]
        is_value = before.startswith("-") and "=" not in before and before not in FLAGS
        if arg in COMMAND_WORDS and not is_value:
            return index
    return None


def _dispatch(args: list[str]) -> int:
    command, rest = (args[0], args[1:]) if args else ("", [])
    if command == "records":
        from .records import main as records

        return records(rest)
    if command == "channels":
        from .channels import main as channels

        return channels(rest)
    if command == "contacts":
        from .contacts import main as contacts

        return contacts(rest)
    if command == "train":
        from .train import main as train

        return train(rest)
    if command in ("serve", "users"):
        from .web import main as web

        return web([command, *rest])
    if command == "reply":
        from .reply import main as reply

        return reply(rest)
    from . import triage

    if command in triage.COMMANDS:
        return triage.COMMANDS[command](rest)
    return triage.main(args)
