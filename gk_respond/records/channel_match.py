"""Which registered channel a comment's address is on, without the register's pydantic
models: the lookup `--url` and the app's start make (see docs/performance.md).

Every channel is validated in full before the register writes it (``channels``), so a
stored row that has the shape of a channel is read as it is here. A row that does not (the
file was changed behind the register's back) sends the whole lookup the full way,
``Channels.match``, which names the damaged row and leaves it out.
"""

from __future__ import annotations

import copy
import json
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any, NamedTuple, Protocol, TypeVar
from urllib.parse import parse_qsl, unquote, urlsplit

SCHEME = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*://")
# A channel's fields, as ``channels.Channel`` declares them (a test keeps the two equal).
TEXT_FIELDS = (
    "id", "name", "medium", "url", "unit", "purpose", "audience", "monitoring", "approved_by",
    "approved_on",
)  # fmt: skip
FIELDS = frozenset(
    (*TEXT_FIELDS, "administrators", "daily", "hours_per_week", "checklist", "response_due")
)
OPTIONAL = {"checklist": list, "response_due": lambda: None}  # and their values when a row
# (written before they were) has none
ADMINISTRATOR_FIELDS = frozenset(("name", "email", "phone"))
MIN_ADMINISTRATORS = 2  # as channels.MIN_ADMINISTRATORS (a test keeps the two equal)


@dataclass(frozen=True)
class Registered:
    """The channel found: its id, name and address, and all it holds (``data``)."""

    id: str
    name: str
    url: str
    stored: dict[str, Any] = field(default_factory=dict, repr=False, compare=False)

    def data(self) -> dict[str, Any]:
        """The channel as plain data, as the register stores it (``Channel.data``)."""
        return copy.deepcopy(self.stored)


class _HasUrl(Protocol):
    @property
    def url(self) -> str: ...


C = TypeVar("C", bound=_HasUrl)


# -- which channel a comment is on --------------------------------------------------------------
class UrlKey(NamedTuple):
    """What decides which channel an address is on."""

    host: str  # lowercase, without www., with the port if it is not the usual one
    path: tuple[str, ...]  # the segments, decoded, case folded, resolved (no "", ".", "..")
    query: frozenset[tuple[str, str]]  # the query's name=value pairs


def url_key(url: str) -> UrlKey | None:
    """An http(s) address, with or without its scheme, as a key; None if it has no host or
    another scheme. Paths are compared without case: Facebook, Instagram and YouTube
    handles ignore it. The query counts only where a channel's own address has one (a page
    such as facebook.com/profile.php?id=100064 is known by it)."""
    text = url.strip()
    if not SCHEME.match(text):
        text = "//" + text.lstrip("/")
    try:
        parts = urlsplit(text)
        host = (parts.hostname or "").rstrip(".")
        port = parts.port
    except ValueError:
        return None
    if not host or parts.scheme.lower() not in ("", "http", "https"):
        return None
    if port not in (None, 80, 443):
        host = f"{host}:{port}"
    path: list[str] = []
    for segment in (unquote(s).casefold() for s in parts.path.split("/")):
        if segment == "..":  # as a browser resolves it: /gk/../other is /other
            path = path[:-1]
        elif segment not in ("", "."):
            path.append(segment)
    return UrlKey(
        host.removeprefix("www."),
        tuple(path),
        frozenset(parse_qsl(parts.query, keep_blank_values=True)),
    )


def match_channel(url: str, channels: Iterable[C]) -> C | None:
    """The channel ``url`` is on: same host, the channel's path a prefix of the address's
    path on a segment boundary, and the channel's query (if any) within the address's; the
    most specific such channel, or None."""
    key = url_key(url)
    if key is None:
        return None
    best: tuple[tuple[int, int], C] | None = None
    for channel in channels:
        theirs = url_key(channel.url)
        if theirs is None or theirs.host != key.host or not theirs.query <= key.query:
            continue
        covers = key.path[: len(theirs.path)] == theirs.path
        specific = (len(theirs.path), len(theirs.query))
        if covers and (best is None or specific > best[0]):
            best = (specific, channel)
    return best[1] if best else None


def shaped(stored_id: Any, text: Any) -> Registered | None:
    """The row's channel if it has the shape of one, else None."""
    if not isinstance(text, str):
        return None
    try:
        data = json.loads(text)
    except ValueError:
        return None
    if not isinstance(data, dict) or data.get("id") != stored_id:
        return None
    for name, default in OPTIONAL.items():
        data.setdefault(name, default())
    checklist = data["checklist"] if data.keys() == FIELDS else None
    if not isinstance(checklist, list) or not all(_filled(item) for item in checklist):
        return None
    admins, daily, hours = data["administrators"], data["daily"], data["hours_per_week"]
    if not (
        all(_filled(data[name]) for name in TEXT_FIELDS)
        and isinstance(admins, list)
        and len(admins) >= MIN_ADMINISTRATORS
        and all(isinstance(a, dict) and a.keys() == ADMINISTRATOR_FIELDS for a in admins)
        and all(_filled(value) for a in admins for value in a.values())
        and isinstance(daily, list)
        and daily
        and all(_filled(who) for who in daily)
        and type(hours) in (int, float)
        and 0 <= hours <= 168
        and (data["response_due"] is None or _filled(data["response_due"]))
    ):
        return None
    return Registered(data["id"], data["name"], data["url"], data)


def _filled(value: Any) -> bool:
    return isinstance(value, str) and bool(value.strip())
