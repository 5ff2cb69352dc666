"""Who handles a case. Its own module: the app's start-up needs it, not the case log."""

from __future__ import annotations

import os


def handler_name(given: str | None = None) -> str:
    """Who handled the case: as given, else ``GK_RESPOND_HANDLER``, else the OS user."""
    if given and given.strip():
        return given.strip()
    configured = os.environ.get("GK_RESPOND_HANDLER", "").strip()
    if configured:
        return configured
    import getpass

    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "unknown"
