"""The municipality's contacts: who holds each role the guidance names ("kontakta
säkerhetssamordnaren"), set once and shown on the outcomes that name the role. No UI.

Kept in the case log's file (a ``contacts`` table, schema version 5). Which roles there are,
and which outcome names which, is policy and lives in flowchart.yaml (``roles:`` and the
``contacts:`` lists); this module only keeps the people.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, ValidationError

from .. import messages
from .channels import _EMAIL, _PHONE, _SLUG, ChannelError, Text, _written_as
from .store import Store

FIELDS = ("id", "role", "name", "email", "phone")


class Contact(BaseModel):
    """One person to contact: the role they hold (an id of flowchart.yaml's ``roles:``),
    their name, e-mail and phone."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True, frozen=True)

    id: Annotated[Text, _written_as(_SLUG, "ch_slug")]
    role: Text
    name: Text
    email: Annotated[Text, _written_as(_EMAIL, "ch_email")]
    phone: Annotated[Text, _written_as(_PHONE, "ch_phone")]

    def data(self) -> dict[str, Any]:
        return self.model_dump(mode="json")


class ContactError(ChannelError):
    """A change the contact list refuses (a duplicate id, no such contact, unknown role)."""


def default_id(role: str) -> str:
    """A contact's id when none is given: its role's, written as an id (``narmaste_chef``
    becomes ``narmaste-chef``: an id has hyphens, a role id may have underscores)."""
    return role.strip().replace("_", "-")


def check_role(contact: Contact, roles: Iterable[str]) -> None:
    """ContactError unless the contact's role is one the flowchart names."""
    known = list(roles)
    if contact.role not in known:
        raise ContactError("co_role", role=contact.role, roles=", ".join(known))


def _json(contact: Contact) -> str:
    return json.dumps(contact.data(), ensure_ascii=False)


class Contacts:
    """The contacts kept in a case log file, by role then id. Every write is one transaction."""

    def __init__(self, store: Store) -> None:
        self.store = store

    def all(self) -> list[Contact]:
        """Every contact, by role then id; one whose stored row is damaged is left out, with
        a warning naming it (``Store.warnings``)."""
        found = []
        for stored_id, text in self.store.query(
            "SELECT id, contact_json FROM contacts ORDER BY role, id"
        ):
            try:
                found.append(Contact.model_validate_json(text))
            except (ValidationError, TypeError):  # not a contact, or not text
                self.store.warning(
                    messages.Text("store_contact_damaged", path=self.store.path, id=repr(stored_id))
                )
        return found

    def get(self, contact_id: str) -> Contact | None:
        rows = self.store.query("SELECT contact_json FROM contacts WHERE id = ?", (contact_id,))
        return Contact.model_validate_json(rows[0][0]) if rows else None

    def add(self, contact: Contact) -> Contact:
        with self.store.transaction() as db:
            if db.execute("SELECT 1 FROM contacts WHERE id = ?", (contact.id,)).fetchone():
                raise ContactError("co_duplicate_id", id=contact.id)
            db.execute(
                "INSERT INTO contacts (id, role, contact_json) VALUES (?, ?, ?)",
                (contact.id, contact.role, _json(contact)),
            )
        return contact

    def update(
        self, contact_id: str, change: Mapping[str, Any], roles: Iterable[str]
    ) -> Contact | None:
        """Set the fields in ``change`` (ValidationError, ContactError); the contact as
        stored, or None if there is none with that id."""
        with self.store.transaction() as db:
            row = db.execute(
                "SELECT contact_json FROM contacts WHERE id = ?", (contact_id,)
            ).fetchone()
            if row is None:
                return None
            new = Contact.model_validate({**json.loads(row[0]), **change})
            check_role(new, roles)
            if (
                new.id != contact_id
                and db.execute("SELECT 1 FROM contacts WHERE id = ?", (new.id,)).fetchone()
            ):
                raise ContactError("co_duplicate_id", id=new.id)
            db.execute(
                "UPDATE contacts SET id = ?, role = ?, contact_json = ? WHERE id = ?",
                (new.id, new.role, _json(new), contact_id),
            )
        return new

    def remove(self, contact_id: str) -> Contact | None:
        with self.store.transaction() as db:
            found = self.get(contact_id)
            if found:
                db.execute("DELETE FROM contacts WHERE id = ?", (contact_id,))
        return found

    def for_roles(self, roles: Iterable[str]) -> dict[str, list[Contact]]:
        """Each role in ``roles`` with the contacts who hold it (none: an empty list)."""
        everyone = self.all()
        return {role: [c for c in everyone if c.role == role] for role in roles}
