"""What the app's registers share (the channels, Ctrl+K; the contacts, Ctrl+O): the entries in
a table; ``n`` opens the form for a new one, ``Enter`` or ``e`` for the one under the cursor,
``d`` removes it after a question, ``Esc`` goes back."""

from __future__ import annotations

from typing import Any

from textual.screen import Screen
from textual.widgets import DataTable

from ..keys import bilingual
from .base import Base
from .dialogs import ConfirmDialog


def register_keys(new: str, edit: str, remove: str) -> list:
    """The list's keys, their labels by key in strings.py."""
    return [
        *bilingual("escape", "close", "close", priority=True),
        *bilingual("n", "new", new),
        *bilingual("e", "edit", edit),
        *bilingual("d,delete", "remove", remove),
    ]


class RegisterScreen(Base):
    """A register's list; a subclass says which table, how to read, remove and ask."""

    TABLE = ""  # the DataTable's id
    REMOVE = ""  # the remove button's text, by key in strings.py

    def form_for(self, entry: Any | None) -> Screen:
        """The form for ``entry`` (None: a new one)."""
        raise NotImplementedError

    def get_entry(self, key: str) -> Any | None:
        """The entry with ``key``; None, after a notice, if the case log cannot be used."""
        raise NotImplementedError

    def remove_entry(self, entry: Any) -> bool:
        """Remove ``entry``, saying so; whether it was."""
        raise NotImplementedError

    def removal_question(self, entry: Any) -> str:
        """What to ask before removing ``entry``."""
        raise NotImplementedError

    def load(self) -> None:
        raise NotImplementedError

    def on_mount(self) -> None:
        self.query_one(f"#{self.TABLE}", DataTable).focus()

    def selected(self) -> Any | None:
        table = self.query_one(f"#{self.TABLE}", DataTable)
        if not table.row_count:
            return None
        row, _ = table.coordinate_to_cell_key(table.cursor_coordinate)
        return self.get_entry(str(row.value))

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        self.action_edit()

    def action_new(self, lang: str = "") -> None:
        self.app.push_screen(self.form_for(None))

    def action_edit(self, lang: str = "") -> None:
        entry = self.selected()
        if entry is not None:
            self.app.push_screen(self.form_for(entry))

    def action_remove(self, lang: str = "") -> None:
        entry = self.selected()
        if entry is None:
            return

        def answer(choice: str | None) -> None:
            if choice and self.remove_entry(entry):
                self.load()

        self.app.push_screen(ConfirmDialog(self.removal_question(entry), self.REMOVE), answer)

    def action_close(self, lang: str = "") -> None:
        self.dismiss()
