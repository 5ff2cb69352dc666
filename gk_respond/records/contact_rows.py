"""The contacts as stored, read without pydantic: showing an outcome stays lean (a warm start
imports no validation). Every row was validated when it was written (records/contacts.py)."""

from __future__ import annotations

import json
from collections.abc import Callable

from .store import Store, StoreError


def read_contacts(path: str, warn: Callable[[str], None] | None = None) -> list[dict[str, str]]:
    """The contacts in the case log at ``path``, as data; none if there is no case log yet
    or it cannot be read (the outcome is shown all the same), and a row that is not a
    contact is left out. ``warn`` is told what the user should know about the case log
    (``Store``'s warnings)."""
    try:
        with Store(path, readonly=True, warn=warn) as store:
            return contacts_in(store)
    except StoreError:
        return []


def contacts_in(store: Store) -> list[dict[str, str]]:
    """The contacts in an open case log, as ``read_contacts`` gives them (none if they
    cannot be read)."""
    try:
        rows = store.query("SELECT contact_json FROM contacts ORDER BY role, id")
    except StoreError:
        return []
    found = []
    for (text,) in rows:
        try:
            data = json.loads(text)
        except ValueError:
            continue
        if isinstance(data, dict) and all(isinstance(data.get(k), str) for k in _FIELDS):
            found.append({k: data[k] for k in _FIELDS})
    return found


_FIELDS = ("id", "role", "name", "email", "phone")
