"""Follow-up on a saved case: steps ticked, notes added, the policy's record-keeping fields
set, the case closed. Shared by `records update` and the app. No UI."""

from __future__ import annotations

from dataclasses import dataclass, field

from .audit import entry, field_entries, tick_entries
from .store import Case
from .view import local_time

# The follow-up fields that hold free text or a time; "" clears one.
TEXT_FIELDS = ("removed_at", "copy_kept", "diarium_number", "forwarded_to")


@dataclass
class Changes:
    """What to change; everything left at its default stays as it is. Step numbers count
    from 0 here; ``at`` is the time of the change (UTC, ISO 8601)."""

    at: str
    who: str = ""
    tick: set[int] = field(default_factory=set)
    untick: set[int] = field(default_factory=set)
    note: str = ""
    values: dict[str, str] = field(default_factory=dict)  # TEXT_FIELDS -> value, "" clears
    close: bool | None = None  # True closes, False opens again

    def __bool__(self) -> bool:
        return bool(self.tick or self.untick or self.note.strip() or self.values) or (
            self.close is not None
        )


def note_entry(text: str, who: str, at: str) -> str:
    """A note as kept in the case: who wrote it and when, then the text."""
    return f"[{local_time(at)} {who}]\n{text.strip()}"


def apply(case: Case, changes: Changes) -> None:
    """Make the changes, each with its entry in the case's history (who and when)."""
    at, by = changes.at, changes.who
    unknown = sorted(set(changes.values) - set(TEXT_FIELDS))
    if unknown:
        raise ValueError(f"{unknown[0]!r} is not a follow-up field")
    if changes.close is False and case.closed_at:
        case.closed_at = None
        case.history.append(entry("reopened", at, by))
    ticked = sorted((set(case.ticked) | changes.tick) - changes.untick)
    case.history += tick_entries(case.ticked, ticked, at, by)
    case.ticked = ticked
    if changes.note.strip():
        note = note_entry(changes.note, by, at)
        case.notes = f"{case.notes}\n\n{note}" if case.notes else note
        case.history.append(entry("note", at, by, text=changes.note.strip()))
    case.history += field_entries(case, dict(changes.values), at, by)
    for name, value in changes.values.items():
        setattr(case, name, value or None)
    if changes.close is True and not case.closed_at:
        case.closed_at = at
        case.history.append(entry("closed", at, by))
