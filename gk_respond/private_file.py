"""A new file that holds personal data (comments, names): readable by its owner only, never
over anything that is there (a file, a symlink, a dangling one), and never half-written.

The text goes to a temporary file beside the target (created exclusively, 0600, not through
a symlink), which is flushed to disk and then linked in under the target's name: link()
refuses a name that exists, whatever it is, and follows no symlink there. A full disk or an
error on the way leaves no file behind, so trying again works. On a file system without
hard links (FAT, some network shares) the name is taken with an exclusive create instead
and the complete file renamed over it.
"""

from __future__ import annotations

import errno
import os
import tempfile
from pathlib import Path

_NO_LINKS = {errno.EPERM, errno.EOPNOTSUPP, errno.ENOTSUP, errno.EMLINK, errno.ENOSYS}


def write_new(path: Path, text: str) -> None:
    """Write ``text`` (UTF-8) to ``path``, a new file readable by its owner only.

    FileExistsError if something is at ``path`` already; OSError if it cannot be written
    (nothing is left behind then)."""
    prefix = f".{path.name[:100]}."  # a long name stays within the file system's limit
    descriptor, temporary = tempfile.mkstemp(dir=path.parent, prefix=prefix, suffix=".part")
    try:
        with open(descriptor, "w", encoding="utf-8", newline="") as out:
            out.write(text)
            out.flush()
            os.fsync(out.fileno())
        try:
            os.link(temporary, path)
        except OSError as error:
            if error.errno not in _NO_LINKS:
                raise
            flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0)
            os.close(os.open(path, flags, 0o600))  # the name is ours now
            os.replace(temporary, path)
    finally:
        if os.path.lexists(temporary):
            os.unlink(temporary)
