"""The app's stylesheet in two files, so that the start parses only what the first screen
needs: ``app.tcss`` (what every screen shares, and the comment and question screens, one of
which the app starts on), read when the app starts, and ``screens.tcss`` (every other
screen: the outcome, the dialogs, the case log, the registers, training), added to the
app's stylesheet just before another screen is first shown.

``screens.tcss`` holds what followed in one file before: it is added after ``app.tcss``
with the same standing, so every rule wins or loses as it did. None of its rules matches a
node of the first screens (their own rules are in ``app.tcss``), so the nodes already styled
need no styling again. Textual's own way, a screen's ``CSS_PATH``, parses every stylesheet
of the app again and restyles every node when a screen with one is first shown.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from textual.app import App
    from textual.screen import Screen

SCREENS_CSS = Path(__file__).with_name("screens.tcss")
FIRST_SCREENS = ("CommentScreen", "QuestionScreen")  # styled by app.tcss alone


def before_showing(app: App, screen: Screen | str) -> None:
    """Add ``screens.tcss`` to ``app``'s stylesheet before ``screen`` (a screen, or the
    name of an installed one) is shown, unless it is a first screen or it is there."""
    if type(screen).__name__ in FIRST_SCREENS:
        return
    location = (str(SCREENS_CSS), "")
    if not app.stylesheet.has_source(*location):
        css = SCREENS_CSS.read_text(encoding="utf-8")
        app.stylesheet.add_source(css, read_from=location, is_default_css=False)
