"""The command palette in the app's language. Textual's own says "No matches found" when a
search finds nothing, with no setting to change it (``CommandPalette`` checked up to 8.2.8):
``Palette`` says it in the app's language; the placeholder is given when it is made."""

from __future__ import annotations

from rich.align import Align
from rich.text import Text
from textual.command import CommandList, CommandPalette
from textual.widgets.option_list import Option


class Palette(CommandPalette):
    """Textual's command palette, with its "no matches" line in our words (``no_matches``)."""

    def __init__(self, placeholder: str, no_matches: str) -> None:
        super().__init__(id="--command-palette", placeholder=placeholder)
        self.no_matches = no_matches

    def _start_no_matches_countdown(self, search_value: str) -> None:
        """Textual's waits half a second, then adds a disabled "No matches found" option;
        ours adds it in our words at once (Textual calls this only once a search has ended
        without a hit, and the next search takes it away)."""
        self._stop_no_matches_countdown()
        if search_value:
            self.query_one(CommandList).add_option(
                Option(
                    Align.center(Text(self.no_matches, style="not bold")),
                    disabled=True,
                    id=self._NO_MATCHES,
                )
            )
        self._list_visible = bool(search_value)
