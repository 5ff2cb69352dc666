"""The channel register: the social-media channels the municipality runs, each with the
activity plan the policy asks for (Bilaga 1 "Aktivitetsplan sociala medier"). No UI.

Kept in the case log's file (a ``channels`` table, schema version 2), so that one file holds
everything and a case can be matched to the channel it was found on (``match``).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping, Sequence
from datetime import date, datetime
from typing import Annotated, Any
from urllib.parse import urlsplit

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    ValidationError,
    field_serializer,
    field_validator,
)
from pydantic_core import PydanticCustomError

from .. import messages
from ..flowchart.schema import DUE_PATTERN
from ..strings import t
from .channel_match import SCHEME as _SCHEME
from .channel_match import match_channel, url_key
from .store import Store, StoreError, read_rows

# A place in a channel's data: field names and list indexes, as pydantic reports them.
Loc = tuple[str | int, ...]

MIN_ADMINISTRATORS = 2  # source: policy, Bilaga 1, punkt 5 "Minst två administratörer behövs"

_SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
_EMAIL = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s.]+")
_PHONE = re.compile(r"\+?[0-9][0-9 ()/-]{4,}")
_OTHER_SCHEME = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*:(?![0-9])")  # javascript:, mailto:, …
_HOST = re.compile(r"[^\s/@:]+\.[^\s/@:.]+")


def _error(kind: str, **values: Any) -> PydanticCustomError:
    """A refusal whose message is looked up by ``kind`` in strings.py; ``problems`` gives it
    in the user's language, ``str(error)`` in English."""
    return PydanticCustomError(kind, t("en", kind).format(given="given", **values), values)


# Control characters but tab and newline, and bidirectional overrides: never in the register.
_HIDDEN = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def _filled(value: str) -> str:
    if not value:
        raise _error("ch_empty")
    hidden = _HIDDEN.search(value)
    if hidden:
        raise _error("ch_control", code=f"U+{ord(hidden.group()):04X}")
    return value


def _written_as(pattern: re.Pattern[str], kind: str) -> AfterValidator:
    """A check that the whole value matches ``pattern``; refused as ``kind`` otherwise."""

    def check(value: str) -> str:
        if not pattern.fullmatch(value):
            raise _error(kind, value=value)
        return value

    return AfterValidator(check)


def _web_address(value: str) -> str:
    """An http or https address; one written without a scheme (``www.facebook.com/x``, as in
    the policy's example) is taken as https."""
    text = value
    if not _SCHEME.match(text):
        if _OTHER_SCHEME.match(text):
            raise _error("ch_url", value=value)
        text = "https://" + text
    try:
        parts = urlsplit(text)
        host = parts.hostname or ""
        parts.port  # noqa: B018 - raises ValueError for a port that is not a number
    except ValueError:
        raise _error("ch_url", value=value) from None
    if parts.scheme.lower() not in ("http", "https") or not _HOST.fullmatch(host):
        raise _error("ch_url", value=value)
    if "@" in parts.netloc:  # https://facebook.com@elsewhere.example/ leads elsewhere
        raise _error("ch_url", value=value)
    if any(c.isspace() or not c.isprintable() for c in text):
        raise _error("ch_url", value=value)
    return text


def _promise(value: Any) -> Any:
    """A channel's own due time: hours or working days, as the flowchart's ``due:`` says
    them (``24h``, ``1 arbetsdag``); empty for none."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if not isinstance(value, str) or not re.fullmatch(DUE_PATTERN, value):
        raise _error("ch_due", value=value)
    return value.strip()


def _day(value: Any) -> date:
    """A calendar date, or text written YYYY-MM-DD; nothing else (no times, no numbers)."""
    if isinstance(value, date) and not isinstance(value, datetime):
        return value
    if isinstance(value, str):
        try:
            return date.fromisoformat(value.strip())
        except ValueError:
            pass
    raise _error("ch_date", value=value)


def _decimal_comma(value: Any) -> Any:
    """``2,5`` as 2.5: a Swedish decimal comma. ``true`` is no number (YAML, JSON)."""
    if isinstance(value, bool):
        raise _error("ch_number", value=value)
    return value.strip().replace(",", ".") if isinstance(value, str) else value


Text = Annotated[str, AfterValidator(_filled)]


class Administrator(BaseModel):
    """One administrator of an account: name, e-mail and phone.
    source: policy, Bilaga 1, punkt 5 ("Namn och efternamn, e-post och telefonnummer")."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True, frozen=True)

    name: Text
    email: Annotated[Text, _written_as(_EMAIL, "ch_email")]
    phone: Annotated[Text, _written_as(_PHONE, "ch_phone")]


class Channel(BaseModel):
    """One channel (account) the municipality runs, with its activity plan."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True, frozen=True)

    # our own: a short name to refer to the channel by (command line, import files)
    id: Annotated[Text, _written_as(_SLUG, "ch_slug")]
    name: Text  # how the channel is called on the medium
    # source: Bilaga 1, punkt 1 "Skriv vilket socialt medium det gäller"
    medium: Text
    # source: Bilaga 1, punkt 2 "Skriv webbadressen"
    url: Annotated[Text, AfterValidator(_web_address)]
    # source: Bilaga 1, punkt 3 "Skriv förvaltning, enhet/avdelning"
    unit: Text
    # source: Bilaga 1, punkt 4 "syftet med och målgruppen för deltagandet"
    purpose: Text
    audience: Text
    # source: Bilaga 1, punkt 5 "Minst två administratörer behövs för alla konton"
    administrators: list[Administrator]
    # source: Bilaga 1, punkt 6 "Vem/vilka ska stå för den dagliga driften"
    daily: list[Text]
    # source: Bilaga 1, punkt 7 "Hur ofta och under vilka tider behöver kontot bevakas"
    monitoring: Text
    # source: Bilaga 1, punkt 8 "Beräknad arbetstid? Hur många timmar/vecka"
    hours_per_week: Annotated[
        float, Field(ge=0, le=168, allow_inf_nan=False), BeforeValidator(_decimal_comma)
    ]
    # source: Bilaga 1, "Godkännande": "Verksamhetsansvarig chef", with date
    approved_by: Text
    approved_on: Annotated[date, BeforeValidator(_day)]
    # the account checklist (records/checklist.yaml): the ids of the items done; not public
    # source: "Hur ska kontot se ut?" and Kontoansvarig (the information duties)
    checklist: list[str] = Field(default_factory=list)
    # our own, after Bilaga 1, punkt 7 (its example: "tas bort inom 48 timmar"): the time
    # this channel promises to deal with a comment in; it overrides the outcomes' due times
    response_due: Annotated[str | None, BeforeValidator(_promise)] = None

    @field_validator("checklist")
    @classmethod
    def _known_items(cls, value: list[str]) -> list[str]:
        from .checklist import ids

        for item in value:
            if item not in ids():
                raise _error("ch_checklist_item", item=item, items=", ".join(ids()))
        done = set(value)
        return [item for item in ids() if item in done]  # in the policy's order, each once

    @field_validator("administrators")
    @classmethod
    def _two_administrators(cls, value: list[Administrator]) -> list[Administrator]:
        if len(value) < MIN_ADMINISTRATORS:
            raise _error("ch_admins", n=len(value))
        seen: set[str] = set()
        for admin in value:  # two administrators means two people: by name and by e-mail
            for who in (admin.name, admin.email):
                if who.casefold() in seen:
                    raise _error("ch_admin_twice", who=who)
                seen.add(who.casefold())
        return value

    @field_validator("daily")
    @classmethod
    def _someone_daily(cls, value: list[str]) -> list[str]:
        if not value:
            raise _error("ch_daily")
        return value

    @field_serializer("hours_per_week")
    def _whole_hours(self, value: float) -> float | int:
        return int(value) if value.is_integer() else value  # 4, not 4.0, in files

    def data(self) -> dict[str, Any]:
        """The channel as plain data (dates as YYYY-MM-DD), as exported and stored."""
        return self.model_dump(mode="json", exclude_none=True)  # no promise: no key


FIELDS = tuple(Channel.model_fields)
ADMINISTRATOR_FIELDS = tuple(Administrator.model_fields)
TEXT_FIELDS = tuple(  # the text every channel has (response_due is optional)
    f
    for f in FIELDS
    if f not in ("administrators", "daily", "hours_per_week", "checklist", "response_due")
)


# -- what is wrong, in the user's language -----------------------------------------------------
_BUILTIN = {
    "missing": "ch_missing",
    "string_type": "ch_text",
    "list_type": "ch_list",
    "model_type": "ch_map",
    "dict_type": "ch_map",
    "model_attributes_type": "ch_map",
    "extra_forbidden": "ch_unknown_field",
    "float_parsing": "ch_number",
    "float_type": "ch_number",
    "finite_number": "ch_number",
    "greater_than_equal": "ch_hours",
    "less_than_equal": "ch_hours",
}


def problems(
    error: ValidationError, lang: str, missing_together: bool = False
) -> list[tuple[Loc, str]]:
    """Each thing wrong with a channel: where (field names and list indexes) and what, in
    ``lang``. With ``missing_together``, the fields missing from one place are named in one
    problem there (for a file), not one problem each."""
    found: list[tuple[Loc, str]] = []
    missing: dict[Loc, list[str]] = {}
    for item in error.errors():
        loc = tuple(item["loc"])
        kind = item["type"]
        if missing_together and kind == "missing":
            if loc[:-1] not in missing:
                found.append((loc[:-1], ""))  # its place among the others; filled in below
            missing.setdefault(loc[:-1], []).append(str(loc[-1]))
            continue
        values: dict[str, Any] = dict(item.get("ctx") or {})
        if kind in _BUILTIN:
            kind = _BUILTIN[kind]
            values = {"value": item.get("input")}
        if kind in ("ch_number", "ch_date") and str(item.get("input")).strip() == "":
            kind = "ch_empty"  # a blank field in a form
        if kind == "ch_unknown_field":
            known = ADMINISTRATOR_FIELDS if "administrators" in loc[:1] else FIELDS
            values["fields"] = ", ".join(known)
        if kind == "ch_admins":
            values["given"] = t(lang, "ch_given_one" if values["n"] == 1 else "ch_given_many")
        if kind.startswith("ch_"):
            found.append((loc, t(lang, kind).format(**values)))
        else:
            found.append((loc, item["msg"]))
    text = t(lang, "ch_missing_fields")
    return [(loc, message or text.format(fields=", ".join(missing[loc]))) for loc, message in found]


def where(loc: Loc) -> str:
    """``administrators[2].email`` for ``("administrators", 1, "email")`` (counted from 1)."""
    text = ""
    for part in loc:
        text += f"[{part + 1}]" if isinstance(part, int) else (f".{part}" if text else part)
    return text


def explain(error: ValidationError, lang: str) -> list[str]:
    """Each thing wrong, as one line: ``field: what`` (the missing fields in one line)."""
    found = problems(error, lang, missing_together=True)
    return [f"{where(loc)}: {text}" if loc else text for loc, text in found]


class ChannelError(Exception):
    """A change the register refuses (a duplicate id or address, no such channel)."""

    def __init__(self, key: str, **values: Any) -> None:
        super().__init__(t("en", key).format(**values))
        self.key = key
        self.values = values

    def message(self, lang: str) -> str:
        return t(lang, self.key).format(**self.values)


# -- the register in the case log's file --------------------------------------------------------
def clash(channel: Channel, others: Iterable[Channel]) -> ChannelError | None:
    """A refusal if another channel has the same id or the same address."""
    key = url_key(channel.url)
    for other in others:
        if other.id == channel.id:
            return ChannelError("ch_duplicate_id", id=channel.id)
        if url_key(other.url) == key:
            return ChannelError("ch_duplicate_url", other=other.id, url=channel.url)
    return None


def _refuse_clash(channel: Channel, others: Iterable[Channel]) -> None:
    refused = clash(channel, others)
    if refused:
        raise refused


def _json(channel: Channel) -> str:
    return json.dumps(channel.data(), ensure_ascii=False)


def insert_channel(db: Any, channel: Channel) -> None:
    """Within a transaction: store ``channel`` (its id and address must be free)."""
    db.execute(
        "INSERT INTO channels (id, url, channel_json) VALUES (?, ?, ?)",
        (channel.id, channel.url, _json(channel)),
    )


class Channels:
    """The channel register kept in a case log file. Every write is one transaction."""

    def __init__(self, store: Store) -> None:
        self.store = store

    def all(self) -> list[Channel]:
        """Every channel, by id; one whose stored row is damaged is left out, with a warning
        naming it (``Store.warnings``)."""
        found = []
        for row in self.store.query("SELECT id, channel_json FROM channels ORDER BY id"):
            try:
                found.append(_channel(row))
            except _Damaged as damaged:
                self.store.warning(
                    messages.Text("channel_left_out", path=self.store.path, row=damaged.args[0])
                )
        return found

    def get(self, channel_id: str) -> Channel | None:
        """The channel, or None; StoreError if its stored row is damaged."""
        rows = self.store.query("SELECT id, channel_json FROM channels WHERE id = ?", (channel_id,))
        return _checked(self.store.path, rows[0]) if rows else None

    def add(self, channel: Channel) -> Channel:
        """Store a new channel; ChannelError if its id or address is taken. Every change but
        an import (``replace_all``) is refused (StoreError) while a stored row is damaged."""
        with self.store.transaction() as db:
            _refuse_clash(channel, _read(db, self.store.path))
            insert_channel(db, channel)
        return channel

    def update(self, channel_id: str, change: Mapping[str, Any]) -> Channel | None:
        """Set the fields in ``change`` (validated as a whole: ValidationError, ChannelError);
        the channel as stored, or None if there is none with that id."""
        with self.store.transaction() as db:
            channels = _read(db, self.store.path)
            old = next((c for c in channels if c.id == channel_id), None)
            if old is None:
                return None
            new = Channel.model_validate({**old.data(), **change})
            _refuse_clash(new, (c for c in channels if c.id != channel_id))
            db.execute(
                "UPDATE channels SET id = ?, url = ?, channel_json = ? WHERE id = ?",
                (new.id, new.url, _json(new), channel_id),
            )
        return new

    def remove(self, channel_id: str) -> Channel | None:
        """Remove a channel; the channel removed, or None if there was none."""
        with self.store.transaction() as db:
            found = next((c for c in _read(db, self.store.path) if c.id == channel_id), None)
            if found:
                db.execute("DELETE FROM channels WHERE id = ?", (channel_id,))
        return found

    def replace_all(self, channels: Sequence[Channel]) -> None:
        """Make the register exactly ``channels`` (an import), in one transaction."""
        for n, channel in enumerate(channels):
            _refuse_clash(channel, channels[:n])
        with self.store.transaction() as db:
            db.execute("DELETE FROM channels")
            for channel in channels:
                insert_channel(db, channel)

    def match(self, url: str) -> Channel | None:
        """The channel a comment at ``url`` is on, or None (see ``match_channel``)."""
        return match_channel(url, self.all())


class _Damaged(Exception):
    """A stored channel row that is no channel; the message names it."""


def _channel(row: Sequence[Any]) -> Channel:
    """The channel a stored row holds, checked; _Damaged naming it if it is not one."""
    stored_id, text = row[0], row[1]
    name = stored_id if isinstance(stored_id, str) else repr(stored_id)
    if not isinstance(text, str):
        raise _Damaged(_damaged(name, messages.Text("channel_not_text")))
    try:
        channel = Channel.model_validate_json(text)
    except ValidationError as error:
        detail = "; ".join(explain(error, messages.language())[:2])
        raise _Damaged(_damaged(name, detail)) from None
    if channel.id != stored_id:
        raise _Damaged(_damaged(name, messages.Text("channel_other_id", id=channel.id)))
    return channel


def _damaged(name: str, detail: str) -> messages.Text:
    return messages.Text("channel_damaged", name=name, detail=detail)


def _checked(path: str, row: Sequence[Any]) -> Channel:
    try:
        return _channel(row)
    except _Damaged as damaged:
        row = damaged.args[0]
        raise StoreError(messages.Text("channel_left_as_is", path=path, row=row)) from None


def _read(db: Any, path: str) -> list[Channel]:
    """Every channel, for a change: StoreError if any stored row is damaged."""
    rows = read_rows(db, "SELECT id, channel_json FROM channels ORDER BY id", ())
    return [_checked(path, row) for row in rows]
