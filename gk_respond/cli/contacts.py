"""`gk-respond contacts`: who holds the roles the guidance names (informationsansvarig,
säkerhetssamordnare, närmaste chef …), set once and shown on the outcomes that name them.
Never imports Textual."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from typing import Any

from pydantic import ValidationError

from .. import messages
from ..records.channels import problems
from ..records.contacts import FIELDS, Contact, ContactError, Contacts, check_role, default_id
from ..records.store import Store, StoreError, default_path
from ..strings import t
from .common import (
    BAD_INPUT,
    OK,
    PROBLEMS,
    STORE,
    command_parser,
    db_option,
    format_option,
    lang_option,
    open_chart,
    report_error,
)

EPILOG = """\
examples:
  gk-respond contacts add --role sakerhetssamordnare --name "Sara Svensson" \\
      --email sara.svensson@gullspang.se --phone "0551-360 10"
  gk-respond contacts list
  gk-respond contacts show sakerhetssamordnare
  gk-respond contacts update sakerhetssamordnare --phone "0551-360 11"
  gk-respond contacts remove sakerhetssamordnare

The roles are those of the flowchart (its roles: section); an outcome whose guidance names a
role shows who holds it. Without --id, a contact's id is its role's (narmaste-chef for
narmaste_chef).

exit codes:
  0  done
  1  the flowchart (which names the roles) has problems
  2  bad arguments, a contact the list refuses, or no such contact
  4  the case log (which holds the contacts) cannot be used; the file is left as it is
"""

_OPTIONS = (
    ("--role", "role", "ROLE", "the role, e.g. informationsansvarig, sakerhetssamordnare"),
    ("--name", "name", "NAME", "first name and surname"),
    ("--email", "email", "EMAIL", "e-mail address"),
    ("--phone", "phone", "PHONE", "phone number"),
)
_OPTION = {field: option for option, field, _, _ in _OPTIONS} | {"id": "--id"}


def _parser() -> argparse.ArgumentParser:
    parser = command_parser(
        "gk-respond contacts",
        "The municipality's contacts: who holds each role the guidance names. Kept in the "
        "case log's file.",
        EPILOG,
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    add = commands.add_parser("add", help="add a contact (role, name, e-mail and phone)")
    listing = commands.add_parser("list", help="the contacts, one a line, by role")
    show = commands.add_parser("show", help="one contact")
    update = commands.add_parser("update", help="change the fields given, keep the others")
    remove = commands.add_parser("remove", help="take a contact off the list")
    for sub in (show, update, remove):
        sub.add_argument("id", metavar="ID", help="the contact's id")
    for sub in (add, update):
        what = "a new id" if sub is update else "a short name (default: the role)"
        sub.add_argument("--id", dest="new_id" if sub is update else "id", help=what)
        for option, field, metavar, text in _OPTIONS:
            sub.add_argument(option, dest=field, metavar=metavar, help=text)
    for sub in (add, listing, show, update, remove):
        format_option(sub, ["text", "json"])
        db_option(sub)
        lang_option(sub)
    return parser


def main(argv: list[str]) -> int:
    args = _parser().parse_args(argv)
    command: Callable[[Contacts, argparse.Namespace], int] = COMMANDS[args.command]
    reading = args.command in ("list", "show")
    try:
        with Store(args.db or default_path(), readonly=reading, create=args.command == "add") as s:
            return command(Contacts(s), args)
    except StoreError as error:
        return report_error(error.text, STORE)


def _roles() -> list[str] | None:
    chart = open_chart(None)
    return list(chart.flowchart.roles) if chart else None


def _given(args: argparse.Namespace) -> dict[str, Any]:
    given: dict[str, Any] = {}
    for name in FIELDS:
        value = getattr(args, "new_id" if name == "id" and "new_id" in args else name, None)
        if value is not None:
            given[name] = value
    return given


def _refused(error: ValidationError | ContactError, lang: str) -> int:
    if isinstance(error, ContactError):
        return report_error(error.message(lang))
    for loc, message in problems(error, lang):
        option = _OPTION.get(str(loc[0]), str(loc[0])) if loc else ""
        report_error(f"{option}: {message}")
    return BAD_INPUT


def contact_line(contact: Contact) -> str:
    return f"{contact.name}, {contact.email}, {contact.phone}"


def _print(contact: Contact, args: argparse.Namespace) -> None:
    if args.format == "json":
        print(json.dumps(contact.data(), ensure_ascii=False, indent=2))
    else:
        print(f"{contact.id} ({contact.role}): {contact_line(contact)}")


def _write(contacts: Contacts, args: argparse.Namespace) -> int:
    given = _given(args)
    if args.command == "update" and not given:
        return report_error(
            messages.message("nothing_to_change", options=", ".join(_OPTION.values()))
        )
    roles = _roles()
    if roles is None:
        return PROBLEMS
    try:
        if args.command == "add":
            given.setdefault("id", default_id(given.get("role", "")))
            contact: Contact | None = Contact.model_validate(given)
            check_role(contact, roles)
            contacts.add(contact)
        else:
            contact = contacts.update(args.id, given, roles)
    except (ValidationError, ContactError) as error:
        return _refused(error, args.lang)
    if contact is None:
        return _no_contact(args)
    _print(contact, args)
    done = {"add": "added", "update": "updated"}[args.command]
    print(f"gk-respond: contact {contact.id} {done}", file=sys.stderr)
    return OK


def _no_contact(args: argparse.Namespace) -> int:
    return report_error(ContactError("co_no_contact", id=args.id).message(args.lang))


def _list(contacts: Contacts, args: argparse.Namespace) -> int:
    found = contacts.all()
    if args.format == "json":
        print(json.dumps([c.data() for c in found], ensure_ascii=False, indent=2))
    elif not found:
        print(t(args.lang, "no_contacts"))
    for contact in found if args.format == "text" else ():
        _print(contact, args)
    return OK


def _show_or_remove(contacts: Contacts, args: argparse.Namespace) -> int:
    removing = args.command == "remove"
    contact = contacts.remove(args.id) if removing else contacts.get(args.id)
    if contact is None:
        return _no_contact(args)
    _print(contact, args)
    if removing:
        print(f"gk-respond: contact {contact.id} removed", file=sys.stderr)
    return OK


COMMANDS: dict[str, Callable[[Contacts, argparse.Namespace], int]] = {
    "add": _write,
    "list": _list,
    "show": _show_or_remove,
    "update": _write,
    "remove": _show_or_remove,
}
