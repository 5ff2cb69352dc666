"""The account checklist (the policy's "Hur ska kontot se ut?" and the account manager's
information duties): the items, as data in checklist.yaml, and which a channel has done.
No UI. A channel keeps the ids of the items done (``Channel.checklist``)."""

from __future__ import annotations

import os
from dataclasses import dataclass
from functools import cache

import yaml

from ..flowchart.schema import Text

_FILE = os.path.join(os.path.dirname(__file__), "checklist.yaml")


@dataclass(frozen=True)
class Item:
    id: str
    text: Text
    source: str
    note: Text | None = None  # where the policy's wording is out of date (PUL is now GDPR)


@cache
def items() -> tuple[Item, ...]:
    """The checklist's items, in the policy's order."""
    with open(_FILE, encoding="utf-8") as handle:
        data = yaml.safe_load(handle)
    found = []
    for item_id, item in data["items"].items():
        note = item.get("note")
        found.append(
            Item(item_id, Text(**item["text"]), item["source"], Text(**note) if note else None)
        )
    return tuple(found)


def ids() -> tuple[str, ...]:
    return tuple(item.id for item in items())


def left(done: list[str]) -> list[str]:
    """The ids of the items not yet done, in order."""
    return [item_id for item_id in ids() if item_id not in done]
