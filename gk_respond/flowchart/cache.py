"""A cache of checked flowcharts, so that start-up skips parsing and validation.

Like Python's own ``.pyc`` files, an entry is keyed by what it was made from: the flowchart
file's path, size and modification time, the same of the code that validates it, and the
pydantic and Python versions; the entry stores that key and is used only when it matches and
the stored text equals the file's. Only sound flowcharts are stored. Entries are written
atomically; one that cannot be read is ignored and the file is loaded the slow way.
``GK_RESPOND_CACHE_DIR`` moves the cache; the default is the user's cache directory.
"""

from __future__ import annotations

import os
import pickle
import sys
import zlib

from .schema import Flowchart

_HERE = os.path.dirname(__file__)
_CODE = ("schema.py", "check.py", "validate.py", "yamlfile.py", "load.py", "cache.py")


def folder() -> str:
    configured = os.environ.get("GK_RESPOND_CACHE_DIR")
    if configured:
        return configured
    from platformdirs import user_cache_dir

    return user_cache_dir("gk-respond", appauthor=False)


def key(name: str, raw: bytes) -> tuple[str, bytes]:
    """The cache key of a flowchart file whose bytes are ``raw``."""
    import pydantic

    parts = [os.path.abspath(name), str(len(raw))]
    for code in _CODE:
        found = os.stat(os.path.join(_HERE, code))
        parts.append(f"{code}:{found.st_size}:{found.st_mtime_ns}")
    parts.append(f"pydantic {pydantic.VERSION}; python {sys.version}")
    return "\n".join(parts), raw


def _file(entry: tuple[str, bytes]) -> str:
    label = zlib.crc32(entry[0].encode()) ^ zlib.crc32(entry[1]) << 32
    return os.path.join(folder(), f"flowchart-{label:016x}.pickle")


def get(entry: tuple[str, bytes]) -> Flowchart | None:
    try:
        with open(_file(entry), "rb") as handle:
            stored_key, stored_raw, chart = pickle.load(handle)
    except Exception:  # missing, unreadable or from an incompatible version: load anew
        return None
    if (stored_key, stored_raw) != entry or not isinstance(chart, Flowchart):
        return None
    return chart


def put(entry: tuple[str, bytes], chart: Flowchart) -> None:
    import tempfile

    try:
        where = folder()
        os.makedirs(where, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=where, suffix=".tmp")
        with os.fdopen(handle, "wb") as out:
            pickle.dump((entry[0], entry[1], chart), out, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(temporary, _file(entry))
    except OSError:
        pass  # a read-only home or a full disk only costs speed
