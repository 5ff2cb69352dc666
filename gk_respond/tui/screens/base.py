"""What every screen shares: it re-renders itself from the app's state (after an answer or a
new language), and its keys follow the app's language."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, TypeVar

from textual.screen import Screen
from textual.widgets import Static

from ... import startup_gc
from ..keys import allowed
from ..literal import literal

if TYPE_CHECKING:
    from ...records.store import Store
    from ..app import GkRespondApp

T = TypeVar("T")


class Base(Screen):
    """A screen that re-renders itself from the app's state (after an answer or a new
    language)."""

    app: GkRespondApp

    def t(self, key: str) -> str:
        return self.app.t(key)

    def show(self) -> None:
        raise NotImplementedError

    def on_screen_resume(self) -> None:
        # Textual calls this for each class that defines it: subclasses use the hooks below.
        if not self.drawn_already():
            self.show()
        self.resumed()
        self.call_after_refresh(self.show_header_tooltip)
        self.call_after_refresh(startup_gc.resume)  # the first screen is painted

    def drawn_already(self) -> bool:
        """Whether the screen, shown again, is still drawn from what it shows (a dialog over
        it closed having changed nothing); a screen that cannot tell is drawn again."""
        return False

    def resumed(self) -> None:
        """What the screen does each time it is shown, once it is drawn."""

    def show_header_tooltip(self) -> None:
        """The header's icon opens the palette: its tooltip in the app's language (Textual's
        is English)."""
        from textual.widgets._header import HeaderIcon

        for icon in self.query(HeaderIcon):
            icon.tooltip = self.t("palette_open")

    def typed(self) -> bool:
        """Whether the screen holds something typed that is not in the triage yet."""
        return False

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if dropdown_open(self):
            return False  # its own keys only, Esc closing it: the footer shows just those
        return allowed(parameters, self.app.lang)

    def action_comment(self, lang: str = "") -> None:
        """The whole comment, scrollable (on the screens that bind k)."""
        from .dialogs import CommentDialog

        self.app.push_screen(CommentDialog())

    def listed(
        self, read: Callable[[Store], list[T]], none: str, missing: str | None = None
    ) -> list[T]:
        """What ``read`` finds in the case log (opened to read only); the screen's ``#problem``
        line says when that is nothing (the text of ``none``; of ``missing`` when there is
        no case log yet) or the case log cannot be used."""
        from ..log_read import read_log

        found, message = read_log(self.app, read, missing or none)
        if found is not None and not found:
            message = self.t(none)
        self.show_problem(message)
        return found or []

    def show_problem(self, message: str) -> None:
        """The screen's ``#problem`` line says ``message``; hidden when it is ""."""
        problem = self.query_one("#problem", Static)
        if message or problem.display:  # hidden and to stay hidden: nothing to lay out
            problem.update(literal(message))  # it may quote a path or an error
        problem.display = bool(message)


def dropdown_open(screen: Screen) -> bool:
    """Whether a Select's list is open on ``screen`` (it has the focus then)."""
    from textual.widgets._select import SelectOverlay

    return isinstance(screen.focused, SelectOverlay)
