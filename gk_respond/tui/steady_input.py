"""A text field that lays out nothing as it is typed in (the case log's search field)."""

from __future__ import annotations

from textual.geometry import Size
from textual.reactive import Reactive
from textual.widgets import Input


class SteadyInput(Input):
    """An ``Input`` that lays out nothing as it is typed in. Textual's grows the width of
    what it holds (its virtual size, which it scrolls by) with every key, and asks for a
    layout of the whole screen each time; the field's own place does not change with it
    (unless its size is ``auto``, where Textual lays the screen out anyway), so this one
    only repaints. Drawn, scrolled and typed in as an ``Input`` is."""

    virtual_size = Reactive(Size(0, 0), layout=False)
