"""What every screen shares: it re-renders itself from the app's state (after an answer or a
new language), and its keys follow the app's language."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.screen import Screen

from ..keys import allowed

if TYPE_CHECKING:
    from ..app import GkRespondApp


class Base(Screen):
    """A screen that re-renders itself from the app's state (after an answer or a new
    language)."""

    app: GkRespondApp

    def t(self, key: str) -> str:
        return self.app.t(key)

    def show(self) -> None:
        raise NotImplementedError

    def on_screen_resume(self) -> None:
        self.show()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        return allowed(parameters, self.app.lang)

    def action_comment(self, lang: str = "") -> None:
        """The whole comment, scrollable (on the screens that bind k)."""
        from .dialogs import CommentDialog

        self.app.push_screen(CommentDialog())
