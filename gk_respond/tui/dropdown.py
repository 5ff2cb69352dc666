"""A Select whose open list names its keys in the app's language (Textual's says "Dismiss
menu"). Its own module: a screen without one never imports Select."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.widgets import Select
from textual.widgets._select import SelectCurrent, SelectOverlay

from .keys import allowed, bilingual


class DropdownList(SelectOverlay):
    """A Select's open list: Esc closes it, Enter picks, both named in the footer."""

    BINDINGS = [*bilingual("escape", "dismiss", "close"), *bilingual("enter", "pick", "choose")]

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        return allowed(parameters, self.app.lang)  # type: ignore[attr-defined]

    def action_dismiss(self, lang: str = "") -> None:
        super().action_dismiss()

    def action_pick(self, lang: str = "") -> None:
        self.action_select()


class Dropdown(Select[str]):
    """A Select whose open list's keys are in the app's language."""

    def compose(self) -> ComposeResult:
        yield SelectCurrent(self.prompt)
        yield DropdownList(type_to_search=self._type_to_search).data_bind(compact=Select.compact)
