"""A cache of checked flowcharts, so that start-up skips parsing and validation.

Like Python's own ``.pyc`` files, an entry is keyed by what it was made from: the flowchart
file's path and size, the size and modification time of the code that validates it and of
pydantic's version file, and the Python version; the entry stores that key and is used only
when it matches and the stored text equals the file's. Only sound flowcharts are stored.
Entries are written atomically; one that cannot be read is ignored and the file is loaded
the slow way.
``GK_RESPOND_CACHE_DIR`` moves the cache; the default is the user's cache directory.
"""

from __future__ import annotations

import os
import pickle
import sys
import zlib

from .schema import Flowchart

_HERE = os.path.dirname(__file__)
_CODE = (
    "schema.py", "check.py", "conditions.py", "additions.py", "validate.py", "yamlfile.py",
    "load.py", "cache.py", "words.py", "lazy_dataclass.py",
)  # fmt: skip


def folder() -> str:
    configured = os.environ.get("GK_RESPOND_CACHE_DIR")
    if configured:
        return configured
    from platformdirs import user_cache_dir

    return user_cache_dir("gk-respond", appauthor=False)


def key(name: str, raw: bytes) -> tuple[str, bytes]:
    """The cache key of a flowchart file whose bytes are ``raw``."""
    parts = [os.path.abspath(name), str(len(raw)), f"python {sys.version}"]
    for code in (*(os.path.join(_HERE, c) for c in _CODE), _pydantic_version_file()):
        found = os.stat(code)
        parts.append(f"{code}:{found.st_size}:{found.st_mtime_ns}")
    return "\n".join(parts), raw


def _pydantic_version_file() -> str:
    """pydantic's version module, found without importing pydantic (a cache hit never does)."""
    from importlib.util import find_spec

    spec = find_spec("pydantic")
    return os.path.join(os.path.dirname(spec.origin or ""), "version.py") if spec else __file__


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
