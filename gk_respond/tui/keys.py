"""Key bindings whose Footer labels follow the app's language.

Textual fixes a binding's description when the class is made, so each binding is declared
once per language with the language as the action's parameter (``restart('sv')``), and
``check_action`` lets only the current language's copy show and run.
"""

from __future__ import annotations

from textual.binding import Binding

from ..flowchart.schema import LANGUAGES
from ..strings import t


def bilingual(
    key: str, action: str, label: str, *, priority: bool = False, show: bool = True
) -> list[Binding]:
    return [
        Binding(key, f"{action}('{lang}')", t(lang, label), priority=priority, show=show)
        for lang in LANGUAGES
    ]


def allowed(parameters: tuple[object, ...], lang: str) -> bool:
    """Whether a bilingual action's copy (by its parameters) belongs to ``lang``."""
    return not parameters or parameters[0] not in LANGUAGES or parameters[0] == lang
