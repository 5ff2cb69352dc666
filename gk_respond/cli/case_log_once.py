"""The case log of one `--answers` run that reads it and may write it, opened once.

A run with `--url` looks the address up in the channel register, may read the contacts for
the outcome, and with `--save` keeps the case: three opens of the file, each checking it.
``opened_once`` opens it once for all three: to write when the run saves (``create=False``:
a case log is never made here, so answers that turn out wrong leave no file behind; the save
makes a new one itself), to read only when it does not. When there is no case log yet, or
it cannot be opened so, it gives None, and each part opens the file its own way, with the
errors and warnings it has always given.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..records.store import Store


@contextmanager
def opened_once(db: str | None, *, url: str, saving: bool) -> Iterator[Store | None]:
    """The case log at ``db`` (or the default), open for the run, or None (see above);
    opened only when the run has an address to look up (``url``)."""
    if not url:
        yield None
        return
    from ..records.store import Store, StoreError, default_path, print_warning

    try:
        store = Store(db or default_path(), readonly=not saving, create=False, warn=print_warning)
    except StoreError:  # none yet (NoCaseLog), or unusable: the parts say so, as before
        yield None
        return
    with store:
        yield store
