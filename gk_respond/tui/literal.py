"""Text shown as the characters it is: the way the app puts text that may come from a user
(a comment, a name, a path, an error that quotes one) on the screen.

Textual reads markup in a plain string almost everywhere (``Static("…")``, ``notify()``,
``Select`` options, ``DataTable`` cells): ``[red]x.md`` would show as a red ``x.md`` and
``Komm [/]x.md`` would end the app with a MarkupError. A ``Content`` (or, for the widgets
that draw with Rich, a ``Text``) is never read as markup, and ``visible`` shows control
characters as symbols instead of sending them to the terminal. Notifications get the same
treatment in ``GkRespondApp.notify``.
"""

from __future__ import annotations

from rich.text import Text
from textual.content import Content

from ..untrusted import visible


def literal(text: str) -> Content:
    """``text`` to show as it is: no markup, no control characters."""
    return Content(visible(text))


def literal_rich(text: str) -> Text:
    """The same, for the widgets that draw with Rich (``DataTable`` cells, ``Select``
    options, which then still find an option by what is typed)."""
    return Text(visible(text))
