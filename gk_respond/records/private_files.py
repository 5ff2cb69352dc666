"""Files that hold personal data (the case log, exports, backups, attachments): never opened
through a symbolic link, never anything but a regular file, created readable by their owner
only, and written whole or not at all. No UI.

One rule for every such file, so that a link left at a path (``cases.db -> /etc/shadow``, or
one that points nowhere and would make a world-readable file wherever it points), a device
(``/dev/null``) or a named pipe (which would hang the reader) is refused with one line
before anything opens it, and is never changed.
"""

from __future__ import annotations

import os
import secrets
import shlex
import stat
from collections.abc import Callable
from contextlib import suppress
from typing import BinaryIO, TypeVar

from ..messages import Text

# What a path can be instead of a file: the message that says so (messages.py).
_KINDS = (
    (stat.S_ISDIR, "path_folder"),
    (stat.S_ISCHR, "path_char_device"),
    (stat.S_ISBLK, "path_block_device"),
    (stat.S_ISFIFO, "path_fifo"),
    (stat.S_ISSOCK, "path_socket"),
)
_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)
_NONBLOCK = getattr(os, "O_NONBLOCK", 0)
T = TypeVar("T")


class RefusedPath(Exception):
    """A path gk-respond will not read or write personal data at; the message (a
    `messages.Text`) says why."""

    @property
    def text(self) -> str:
        return self.args[0]


def checked(path: str) -> os.stat_result | None:
    """The path's own status if it is a regular file, None if there is nothing there;
    RefusedPath for a symbolic link (even one that points nowhere) or anything else."""
    try:
        found = os.lstat(path)
    except FileNotFoundError:
        return None
    except OSError as error:
        raise RefusedPath(Text("path_unexamined", path=path, reason=error.strerror)) from None
    if stat.S_ISLNK(found.st_mode):
        try:
            target = os.readlink(path)
        except OSError:
            target = "?"
        raise RefusedPath(Text("path_link", path=path, target=target))
    if not stat.S_ISREG(found.st_mode):
        kind = next((key for test, key in _KINDS if test(found.st_mode)), "path_not_file")
        raise RefusedPath(Text(kind, path=path))
    return found


def open_existing(path: str) -> int:
    """A read-only descriptor of the regular file at ``path`` (never through a link, never
    waiting on a pipe); RefusedPath otherwise, FileNotFoundError if there is none."""
    checked(path)
    try:
        descriptor = os.open(path, os.O_RDONLY | _NOFOLLOW | _NONBLOCK)
    except FileNotFoundError:
        raise
    except OSError as error:
        checked(path)  # replaced by a link or a pipe since: say so
        raise RefusedPath(Text("path_unreadable", path=path, reason=error.strerror)) from None
    if not stat.S_ISREG(os.fstat(descriptor).st_mode):  # swapped since the check
        os.close(descriptor)
        checked(path)
        raise RefusedPath(Text("path_not_file", path=path))
    return descriptor


def create_private(path: str) -> bool:
    """Create an empty file readable by its owner only; False if a file was already there
    (made a moment ago by another process). Never through a link; RefusedPath for one."""
    try:
        os.close(os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY | _NOFOLLOW, 0o600))
    except FileExistsError:
        checked(path)
        return False
    return True


def write_new(path: str, data: str | bytes, private: bool = True) -> None:
    """Write ``data`` (text as UTF-8) to a new file ``path``, whole or not at all (see
    ``write_new_with``)."""
    payload = data.encode("utf-8") if isinstance(data, str) else data
    write_new_with(path, lambda handle: handle.write(payload), private)


def write_new_with(path: str, fill: Callable[[BinaryIO], T], private: bool = True) -> T:
    """Make a new file ``path`` of what ``fill`` writes to the handle it is given (as much
    as it likes, a piece at a time), whole or not at all; what ``fill`` returns.

    The data goes to a hidden temporary file beside it (``.NAME.XXXXXXXX.part``, created
    exclusively, readable by the owner only if ``private``), flushed to disk, then linked
    to ``path``, which must not exist: an export stopped by a full disk, a signal or an
    exception in ``fill`` leaves no half-written ``path`` that would block the retry.
    FileExistsError if a file is at ``path`` (before ``fill`` is called), RefusedPath for a
    link or anything else that is not a file, OSError for what else goes wrong (the
    temporary file removed)."""
    if checked(path) is not None:
        raise FileExistsError(path)
    folder, name = os.path.split(os.path.abspath(path))
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | _NOFOLLOW
    while True:
        part = os.path.join(folder, f".{name}.{secrets.token_hex(4)}.part")
        try:
            descriptor = os.open(part, flags, 0o600 if private else 0o666)
            break
        except FileExistsError:
            continue
    try:
        with open(descriptor, "wb") as handle:
            result = fill(handle)
            handle.flush()
            os.fsync(handle.fileno())
        _publish(part, path)
    finally:
        with suppress(FileNotFoundError):
            os.unlink(part)
    return result


def _publish(part: str, path: str) -> None:
    """Give the finished file its name, never over anything that is there."""
    try:
        os.link(part, path, follow_symlinks=False)  # fails if anything is at path
    except FileExistsError:
        raise
    except OSError:  # a file system without hard links (FAT, some network shares)
        if checked(path) is not None:
            raise FileExistsError(path) from None
        os.rename(part, path)


def loose(path: str) -> str | None:
    """A warning if the case log at ``path`` or its ``-wal``/``-shm`` file is yours and can
    be read or written by others, naming the fix; None if all are private. Such a file is
    left as it is: it may have been shared on purpose, and only its owner can change it."""
    geteuid = getattr(os, "geteuid", None)
    if geteuid is None:
        return None  # no owner and mode bits to go by (Windows)
    found = []
    for name in (path, f"{path}-wal", f"{path}-shm"):
        try:
            status = os.lstat(name)
        except OSError:
            continue
        mine = stat.S_ISREG(status.st_mode) and status.st_uid == geteuid()
        if mine and status.st_mode & 0o077:
            found.append((name, stat.S_IMODE(status.st_mode)))
    if not found:
        return None
    modes = ", ".join(f"{name} {mode:04o}" for name, mode in found)
    files = " ".join(shlex.quote(name) for name, _ in found)
    return Text("store_loose", modes=modes, files=files)
