"""One read of the case log for a screen, opened to read only (``GkRespondApp.read``),
with what to tell the user when it cannot be read: there is no case log yet, or it cannot
be used. No widgets, so a worker thread may run it."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, TypeVar

from ..messages import error_text

if TYPE_CHECKING:
    from ..records.store import Store
    from .app import GkRespondApp

T = TypeVar("T")


def read_log(app: GkRespondApp, read: Callable[[Store], T], missing: str) -> tuple[T | None, str]:
    """What ``read`` finds in the case log and "", or None and what to say instead: the
    text of ``missing`` (given the log's path) when there is no case log yet, why the log
    cannot be used otherwise."""
    from ..records.location import shown
    from ..records.store import NoCaseLog, StoreError, default_path

    try:
        return app.read(read), ""
    except NoCaseLog:
        path = shown(app.db or default_path())  # a URL without its password
        return None, app.t(missing).format(path=path)
    except StoreError as error:
        return None, app.t("log_unusable").format(error=error_text(error, app.lang))
