"""Downloads made while they are sent: the case log's export, read from one snapshot of the
log (records/snapshot.py) and sent as it is written, so that the server's memory does not
grow with the log, and closed however the response ends (sent, failed, the browser gone),
so that no snapshot outlives its download."""

from __future__ import annotations

from collections.abc import Callable, Generator, Iterator
from itertools import chain

import anyio
from starlette.responses import StreamingResponse
from starlette.types import Send

CHUNK = 64 * 1024  # characters gathered into one piece of the body


def chunks(pieces: Iterator[str], size: int = CHUNK) -> Generator[bytes]:
    """``pieces`` as UTF-8, gathered into chunks of at least ``size`` characters (the
    last may be smaller)."""
    gathered: list[str] = []
    length = 0
    for piece in pieces:
        gathered.append(piece)
        length += len(piece)
        if length >= size:
            yield "".join(gathered).encode()
            gathered, length = [], 0
    if gathered:
        yield "".join(gathered).encode()


class Download(StreamingResponse):
    """``body`` sent as an attachment named ``filename``; ``close`` (the read's own
    generators' ``close``) runs when the response ends, however it ends.

    The first chunk is made before the response starts (``start``), in the route's worker
    thread, so that a log that cannot be read is an error page, not a cut-off download."""

    def __init__(
        self,
        body: Generator[bytes],
        *,
        close: Callable[[], None],
        filename: str,
        media_type: str,
    ) -> None:
        self._closers = (body.close, close)
        try:
            first = next(body, b"")
        except BaseException:
            self._ended()
            raise
        super().__init__(
            chain([first], body),
            media_type=media_type,
            headers={"Content-Disposition": f'attachment; filename="{filename}"'},
        )

    async def stream_response(self, send: Send) -> None:
        try:
            await super().stream_response(send)
        finally:  # sent, failed, or cancelled (the browser went away): never left open
            with anyio.CancelScope(shield=True):
                await anyio.to_thread.run_sync(self._ended)

    def _ended(self) -> None:
        for close in self._closers:  # (a cancelled chunk's thread has finished by now)
            close()
