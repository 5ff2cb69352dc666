"""The registered channel a comment's address is on, for `--url` and the app: read without
the register's models (``channel_match``), the full way (``channels``) only for a damaged
row. Its own module, so that ``channels`` and ``channel_match`` never import each other."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .channel_match import Registered, match_channel, shaped, url_key

if TYPE_CHECKING:
    from .store import Store


def registered_channel(store: Store, url: str) -> Registered | None:
    """The registered channel a comment at ``url`` is on, or None (see ``match_channel``)."""
    if url_key(url) is None:
        return None
    rows = store.query("SELECT id, channel_json FROM channels ORDER BY id")
    channels = [shaped(row[0], row[1]) for row in rows]
    if None in channels:  # a damaged row: the full way names it
        from .channels import Channels

        found = Channels(store).match(url)
        return Registered(found.id, found.name, found.url, found.data()) if found else None
    return match_channel(url, (c for c in channels if c is not None))
