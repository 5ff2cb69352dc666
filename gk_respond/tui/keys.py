"""Key bindings whose Footer labels follow the app's language, and the list of every key a
screen offers (the help dialog shows it: the footer has room for a few).

Textual fixes a binding's description when the class is made, so each binding is declared
once per language with the language as the action's parameter (``restart('sv')``), and
``check_action`` lets only the current language's copy show and run.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.binding import Binding

from ..flowchart.schema import LANGUAGES
from ..strings import t

if TYPE_CHECKING:
    from textual.screen import Screen

# Keys by their Textual names -> as the help names them (strings.py has the words).
NAMED = {"backspace", "escape", "enter", "space", "delete", "tab"}
SIGNS = {"question_mark": "?", "slash": "/", "plus": "+", "minus": "-"}
SIGNS |= {"pagedown": "PgDn", "pageup": "PgUp"}  # as the keys are printed


def bilingual(
    key: str,
    action: str,
    label: str,
    *,
    priority: bool = False,
    show: bool = True,
    key_display: str | None = None,
) -> list[Binding]:
    return [
        Binding(
            key,
            f"{action}('{lang}')",
            t(lang, label),
            priority=priority,
            show=show,
            key_display=key_display,
        )
        for lang in LANGUAGES
    ]


def allowed(parameters: tuple[object, ...], lang: str) -> bool:
    """Whether a bilingual action's copy (by its parameters) belongs to ``lang``."""
    return not parameters or parameters[0] not in LANGUAGES or parameters[0] == lang


def key_name(key: str, lang: str) -> str:
    """A key as a person reads it: Ctrl+Q, Backsteg, ?, F1, j."""
    *mods, base = key.split("+")
    if base in NAMED:
        base = t(lang, f"key_{base}")
    elif base in SIGNS:
        base = SIGNS[base]
    elif len(base) > 1:  # f1, home, ...
        base = base.upper() if base[0] == "f" and base[1:].isdigit() else base.capitalize()
    elif mods:
        base = base.upper()  # Ctrl+Q
    return "+".join([*(m.capitalize() for m in mods), base])


def key_rows(screen: Screen, lang: str) -> list[tuple[str, str]]:
    """Every key ``screen`` offers now, shown in its footer or not: (keys, what it does), in
    the footer's order, keys that do the same thing together."""
    rows: dict[str, tuple[list[str], str]] = {}
    for key, active in screen.active_bindings.items():
        binding = active.binding
        if not active.enabled or not binding.description:
            continue
        if binding.action == "command_palette":
            description = t(lang, "palette")
        elif binding.action.endswith(f"('{lang}')"):
            description = binding.description
        else:
            continue  # another language's copy, or Textual's own (arrows, Tab: in English)
        keys, _ = rows.setdefault(binding.action, ([], description))
        if key_name(key, lang) not in keys:
            keys.append(key_name(key, lang))
    return [(" / ".join(keys), description) for keys, description in rows.values()]
