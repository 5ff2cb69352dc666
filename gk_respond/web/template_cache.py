"""Compiled templates kept between starts of the server, as Python keeps ``.pyc`` files.

Compiling the templates of the first page costs more CPU time than the rest of answering it
(about 40 ms on these machines); Jinja2's bytecode cache keeps each compiled template in a
file, keyed by the template's name and checked against its source (a changed template is
compiled again), and the server's next start loads it instead. The files are in the
``templates`` folder of the flowchart cache's folder (``GK_RESPOND_CACHE_DIR``, else the
user's cache folder), made readable by its owner only. A folder that cannot be made, read or
written only costs the compile.
"""

from __future__ import annotations

import contextlib
import os

from jinja2 import FileSystemBytecodeCache
from jinja2.bccache import Bucket


class TemplateCache(FileSystemBytecodeCache):
    """Jinja2's file cache, but a file that cannot be read or written is compiled anew."""

    def load_bytecode(self, bucket: Bucket) -> None:
        with contextlib.suppress(OSError):
            super().load_bytecode(bucket)

    def dump_bytecode(self, bucket: Bucket) -> None:
        with contextlib.suppress(OSError):
            super().dump_bytecode(bucket)


def template_cache() -> TemplateCache | None:
    """The cache in its folder (made if need be), or None when there can be none."""
    from ..flowchart.cache import folder

    where = os.path.join(folder(), "templates")
    try:
        os.makedirs(where, mode=0o700, exist_ok=True)
    except OSError:
        return None
    return TemplateCache(where)
