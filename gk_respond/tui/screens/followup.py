"""Follow-up on a saved case in the app: the dialogs the case screen opens to set a
follow-up field or tick a step, and the one that asks before a save changes a closed case.
Each change is saved at once by the screen that opened the dialog (see records.py)."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.widgets import Button, Input, OptionList, Static
from textual.widgets.option_list import Option

from ..keys import bilingual
from ..literal import literal
from ..widgets import footer
from .dialogs import Dialog


class FieldDialog(Dialog):
    """One follow-up field to set: its value so far, edited; Enter keeps it (empty clears
    the field), Esc changes nothing (None)."""

    def __init__(self, label: str, value: str) -> None:
        super().__init__()
        self.label, self.value = label, value

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            prompt = self.t("followup_prompt").format(field=self.label)
            yield Static(Content(prompt), classes="heading")
            yield Input(self.value, id="value")
        yield footer()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self.dismiss(event.value.strip())


class StepsDialog(Dialog):
    """The case's steps with ☐/☑; Enter ticks or unticks the highlighted one (dismissed with
    its index, as text), Esc changes nothing."""

    def __init__(self, steps: list[str], ticked: list[int]) -> None:
        super().__init__()
        self.steps, self.ticked = steps, set(ticked)

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(Content(self.t("pick_step")), classes="heading")
            yield OptionList(
                *(
                    Option(literal(f"{'☑' if n in self.ticked else '☐'} {n + 1}. {text}"))
                    for n, text in enumerate(self.steps)
                ),
                id="steps",
            )
        yield footer()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(str(event.option_index))


class ClosedCaseDialog(Dialog):
    """Saving onto a closed case: reopen it and save ("reopen"), save the triage as a new
    case ("new"), or do nothing (None). Cancel has the focus."""

    BINDINGS = bilingual("escape", "close", "cancel")

    def __init__(self, number: str) -> None:
        super().__init__()
        self.number = number

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(Content(self.t("closed_case_title")), classes="heading")
            yield Static(literal(self.t("closed_case_text").format(case=self.number)))
            with Horizontal(id="answers"):
                yield Button(Content(self.t("closed_reopen")), id="reopen", variant="warning")
                yield Button(Content(self.t("closed_new_case")), id="new", variant="primary")
                yield Button(Content(self.t("cancel")), id="cancel")
        yield footer()

    def on_mount(self) -> None:
        self.query_one("#cancel", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id if event.button.id in ("reopen", "new") else None)
