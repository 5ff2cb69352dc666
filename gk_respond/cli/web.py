"""Command line for the web app: ``gk-respond serve`` and ``gk-respond users``. The web
packages (FastAPI, uvicorn, argon2) are imported only when one of these runs."""

from __future__ import annotations

import argparse
import errno
import getpass
import os
import socket
import sys
from collections.abc import Callable
from typing import Any

from ..messages import error_text, message
from .common import BAD_INPUT, OK, STORE, Parser, format_option, report_error, say

SERVE_HELP = """\
examples:
  gk-respond serve                          # this machine only, for you alone
  gk-respond users add anna --role informationsansvarig
  gk-respond serve --host 0.0.0.0           # a team: needs accounts (users add) ...
  gk-respond serve --trust-header X-Remote-User --trusted-proxy 10.0.0.5
                                            # ... or single sign-on behind a proxy

On an address other than loopback, serve refuses to start unless accounts exist or a
trusted proxy header is configured. See docs/team-server.md.
"""


def add_parsers(subparsers: Any) -> None:
    """The ``serve`` and ``users`` commands, on an argparse subparsers object."""
    serve = subparsers.add_parser(
        "serve",
        prog="gk-respond serve",
        description="Serve the web app: the same triage, case log and channel register in a "
        "browser. Prints the address and serves until Ctrl+C.",
        epilog=SERVE_HELP,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    serve.add_argument("--host", default="127.0.0.1", help="address to listen on (127.0.0.1)")
    serve.add_argument("--port", type=_port, default=8080, help="port to listen on (8080)")
    _db_option(serve)
    serve.add_argument("--lang", choices=["sv", "en"], default="sv", help="default language")
    serve.add_argument("--flowchart", metavar="FILE", help="use this flowchart file")
    serve.add_argument(
        "--trust-header",
        metavar="NAME",
        default="",
        help="take the signed-in user's name from this request header (single sign-on); "
        "only from the addresses given by --trusted-proxy",
    )
    serve.add_argument(
        "--trusted-proxy",
        metavar="ADDRESS",
        action="append",
        default=[],
        help="the reverse proxy's address (repeat for several): --trust-header and "
        "X-Forwarded-For are taken from there only; cookies are then HTTPS-only",
    )
    serve.add_argument(
        "--insecure-cookies",
        action="store_true",
        help="send the session cookie over plain HTTP too (only for a test network: "
        "elsewhere than loopback cookies are HTTPS-only by default)",
    )
    serve.add_argument(
        "--handler",
        metavar="NAME",
        help="on loopback with no accounts: who saves cases (default: your user name)",
    )
    serve.set_defaults(run=run_serve)

    users = subparsers.add_parser(
        "users",
        prog="gk-respond users",
        description="The web app's accounts, kept in the case log. Roles: kommunikatör "
        "(triage, read and follow up all cases) and informationsansvarig (also the channel "
        "register). Passwords are read from the terminal (or with --password-stdin, one "
        "line from standard input) and kept only as argon2 hashes.",
    )
    commands = users.add_subparsers(dest="users_command", required=True, metavar="COMMAND")
    who = "the account's user name"
    add = commands.add_parser("add", help="add an account")
    add.add_argument("name", help=who)
    add.add_argument("--role", default="kommunikatör", help="kommunikatör (default) or "
                     "informationsansvarig")  # fmt: skip
    listed = commands.add_parser("list", help="list the accounts")
    format_option(listed, ["text", "json"])
    passwd = commands.add_parser("passwd", help="set a new password (signs the user out)")
    passwd.add_argument("name", help=who)
    disable = commands.add_parser("disable", help="stop an account from signing in")
    disable.add_argument("name", help=who)
    enable = commands.add_parser("enable", help="let a disabled account sign in again")
    enable.add_argument("name", help=who)
    remove = commands.add_parser("remove", help="remove an account (its cases keep the name)")
    remove.add_argument("name", help=who)
    role = commands.add_parser("role", help="give an account another role (signs the user out)")
    role.add_argument("name", help=who)
    role.add_argument("role", help="kommunikatör or informationsansvarig")
    for sub in (add, listed, passwd, disable, enable, remove, role):
        _db_option(sub)
    for sub in (add, passwd):
        sub.add_argument(
            "--password-stdin",
            action="store_true",
            help="read the password from standard input (one line) instead of asking",
        )
    users.set_defaults(run=run_users)


def _db_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--db",
        metavar="PATH|URL",
        help="the case log: a file, or postgresql://USER@HOST[:PORT]/DB for a team's "
        "(default: $GK_RESPOND_DB, else in your data directory)",
    )


def main(argv: list[str]) -> int:
    """``gk-respond serve ...`` or ``gk-respond users ...`` (``argv`` starts with which)."""
    parser = Parser(prog="gk-respond")
    add_parsers(parser.add_subparsers(dest="command", required=True))
    args = parser.parse_args(argv)
    run: Callable[[argparse.Namespace], int] = args.run
    return run(args)


def _port(text: str) -> int:
    """A TCP port, 0 to 65535 (0: one the system chooses, printed once it is taken)."""
    if not text.isdigit() or int(text) > 65535:
        raise argparse.ArgumentTypeError(message("arg_not_port", text=text))
    return int(text)


def _listening(host: str, port: int) -> socket.socket | None:
    """A socket bound to ``host``:``port`` and listening, or None after saying why not
    (one line: the port is in use, say), before anything is printed as served."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    try:
        return socket.create_server((host, port), family=family)  # SO_REUSEADDR, as uvicorn
    except OSError as error:
        if error.errno == errno.EADDRINUSE:
            report_error(message("serve_port_taken", host=host, port=port))
        else:
            detail = os.strerror(error.errno) if error.errno else str(error)
            report_error(message("serve_cannot_listen", host=host, port=port, detail=detail))
        return None


def _missing_web() -> int:
    report_error(message("web_missing"))
    return BAD_INPUT


# -- gk-respond serve ------------------------------------------------------------------------
def run_serve(args: argparse.Namespace) -> int:
    from .launch import web_parts

    try:
        uvicorn, create_app, Settings, is_loopback = web_parts()
    except ImportError:
        return _missing_web()
    from .. import default_flowchart
    from ..records.handler import handler_name
    from ..records.store import Store, StoreError, default_path
    from ..records.users import Users
    from .common import PROBLEMS, open_chart

    chart = open_chart(args.flowchart)
    if chart is None:
        return PROBLEMS
    db = args.db or default_path()
    try:
        with Store(db) as store:  # created (0600) and migrated now, not at the first request
            accounts = Users(store).count_active()
    except StoreError as error:
        report_error(error.text)
        return STORE
    if args.trust_header and not args.trusted_proxy:
        report_error(message("trust_header_needs_proxy"))
        return BAD_INPUT
    loopback = is_loopback(args.host)
    if (not loopback or args.trusted_proxy) and not accounts and not args.trust_header:
        where = message("serve_reachable", host=args.host)
        if loopback:
            where = message("serve_reachable_proxy")
        report_error(message("serve_no_accounts", where=where, db=_db_hint(args.db)))
        return BAD_INPUT
    settings = Settings(
        chart=chart,
        db=db,
        flowchart_file=args.flowchart or default_flowchart(),
        lang=args.lang,
        host=args.host,
        # behind a proxy (which speaks HTTPS) or on the network: the cookie over HTTPS only
        secure_cookies=(not loopback or bool(args.trusted_proxy)) and not args.insecure_cookies,
        trust_header=args.trust_header,
        trusted_proxies=frozenset(args.trusted_proxy),
        handler=handler_name(args.handler),
    )
    app = create_app(settings)
    listening = _listening(args.host, args.port)
    if listening is None:
        return BAD_INPUT
    port = listening.getsockname()[1]  # the one taken, if --port 0 let the system choose
    shown = f"[{args.host}]" if ":" in args.host else args.host
    who = (
        f"accounts: {accounts}"
        if accounts
        else ("single sign-on" if args.trust_header else f"for {settings.handler} alone")
    )
    print(f"gk-respond: serving http://{shown}:{port}/ ({who}; Ctrl+C stops)", flush=True)
    config = uvicorn.Config(
        app,
        log_level="warning",
        proxy_headers=False,  # the app reads X-Forwarded-For itself, from trusted proxies
        server_header=False,
        ws="none",  # no websockets: none of their libraries is looked for at start-up
    )
    with listening:  # bound above, so a port in use was one line, not uvicorn's log
        uvicorn.Server(config).run(sockets=[listening])
    return OK


def _db_hint(db: str | None) -> str:
    from ..records.location import shown

    return f" --db {shown(db)}" if db else ""  # a URL without its password


# -- gk-respond users ------------------------------------------------------------------------
def _password(args: argparse.Namespace) -> str | None:
    if args.password_stdin:
        line = sys.stdin.readline()
        return line.rstrip("\r\n")
    try:
        first = getpass.getpass(message("user_password_prompt"))
        again = getpass.getpass(message("user_password_again"))
    except (EOFError, KeyboardInterrupt):
        return None
    if first != again:
        report_error(message("user_passwords_differ"))
        return None
    return first


def run_users(args: argparse.Namespace) -> int:
    from ..records.handler import handler_name
    from ..records.store import Store, StoreError, default_path
    from ..records.users import UserError, Users

    command = args.users_command
    by = handler_name(None)  # who made the change, for the account log
    password = None
    if command in ("add", "passwd"):
        password = _password(args)
        if password is None:
            return BAD_INPUT
    try:
        with Store(args.db or default_path(), create=command == "add") as store:
            users = Users(store)
            if command == "list":
                return _list(users.all(), args.format)
            if command == "add":
                assert password is not None
                user = users.add(args.name, args.role, password, by=by)
                say(message("user_added", name=user.name, role=user.role))
            elif command == "passwd":
                assert password is not None
                user = users.set_password(args.name, password, by=by)
                say(message("user_new_password", name=user.name))
            elif command == "role":
                user = users.set_role(args.name, args.role, by=by)
                say(message("user_role_set", name=user.name, role=user.role))
            else:
                user = getattr(users, command)(args.name, by=by)
                say(message(f"user_{command}d", name=user.name))
    except UserError as error:
        report_error(error_text(error))
        return BAD_INPUT
    except StoreError as error:
        report_error(error.text)
        return STORE
    return OK


def _list(users: list[Any], fmt: str) -> int:
    from dataclasses import asdict

    if fmt == "json":
        import json

        print(json.dumps([asdict(u) for u in users], ensure_ascii=False, indent=2))
        return OK
    if not users:
        print(message("user_none"))
        return OK
    width = max(len(u.name) for u in users)
    for u in users:
        state = (
            message("user_disabled_at", at=u.disabled_at)
            if u.disabled_at
            else message("user_active")
        )
        print(f"{u.name:<{width}}  {u.role:<20}  {state}")
    return OK
