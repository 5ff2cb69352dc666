"""The garbage collector paused while the app starts.

Starting the app (importing Textual, composing and styling the first screen) makes some
hundred thousand objects that live as long as the app; the collector's passes over them
while it starts find next to nothing to free and cost a tenth of the start's CPU time. The
command line pauses the collector before it opens the app, the triage app or the training
one (``pause``; ``paused`` around the whole run); once the first screen is painted the app
moves every object made so far out of the collector's way (``gc.freeze``: they are never
scanned again) and resumes it (``resume``). A start that paused nothing (the tests build
the app themselves) resumes nothing.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

_paused = False


def pause() -> None:
    """Pause the collector until ``resume``."""
    global _paused
    if gc.isenabled():
        gc.disable()
        _paused = True


def resume() -> None:
    """Resume the collector if ``pause`` paused it; what the start made is never scanned."""
    global _paused
    if _paused:
        _paused = False
        gc.freeze()
        gc.enable()


@contextmanager
def paused() -> Iterator[None]:
    """The collector paused while the block runs an app, unless the app's first screen,
    painted, resumed it already."""
    pause()
    try:
        yield
    finally:
        resume()
