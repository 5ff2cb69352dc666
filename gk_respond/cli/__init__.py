"""The command line, ``gk-respond``: `main` parses the first word and hands the rest to one
command family (`triage`: the main command, check, paths, diagram and the app; `records`;
`channels`; `train`; `reply`; `web`: serve and users); `common` holds what they share.
Never imports Textual or the web framework, except where a command opens another front end
(`launch`)."""

from __future__ import annotations

import sys

from .common import OK


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    try:
        return _dispatch(args)
    except BrokenPipeError:
        # The reader went away (e.g. `| head`): stop quietly, as other command-line tools do.
        sys.stdout = open(__import__("os").devnull, "w")  # noqa: SIM115
        return OK
    except KeyboardInterrupt:
        return 130


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
