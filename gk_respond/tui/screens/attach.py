"""Attach a file to a case from the case screen: a path to type; the file is read, checked
and attached as by `records attach` (the same limit, the same refusals, the same history
entry). Dismissed with the number of the attachment made, or None."""

from __future__ import annotations

from pathlib import Path

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.widgets import Button, Input, Static

from ...messages import error_text
from ...records.store import StoreError
from ..widgets import footer
from .dialogs import Dialog


class AttachDialog(Dialog):
    """A path to a file to attach to case ``number``."""

    def __init__(self, number: str) -> None:
        super().__init__()
        self.number = number

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(Content(self.t("attach_prompt")))
            yield Input(id="attach-path")
            yield Static(id="attach-problem")
            with Horizontal():
                yield Button(Content(self.t("attach_button")), id="attach", variant="primary")
                yield Button(Content(self.t("cancel")), id="cancel")
        yield footer()

    def on_mount(self) -> None:
        self.query_one("#attach-path", Input).focus()

    def on_input_submitted(self) -> None:
        self.attach()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.attach() if event.button.id == "attach" else self.dismiss()

    def problem(self, text: str) -> None:
        """What is wrong, under the path (shown literally: it may quote a hostile name)."""
        self.query_one("#attach-problem", Static).update(Content(text))

    def attach(self) -> None:
        from ...records.attachments import (
            AttachmentError,
            attach,
            configured_limit,
            read_evidence,
        )
        from ...records.evidence_texts import say
        from ...triage import utc_now

        lang = self.app.lang
        given = self.query_one("#attach-path", Input).value.strip()
        if not given:
            return
        path = str(Path(given).expanduser())
        try:
            evidence = read_evidence(path, configured_limit(), lang)
            with self.app.store(create=False) as store:
                done = attach(store, self.number, [evidence], self.app.handler, utc_now())
        except AttachmentError as error:
            self.problem(error.text(lang))
            return
        except StoreError as error:
            self.problem(self.t("log_unusable").format(error=error_text(error, self.app.lang)))
            return
        if done is None:
            self.dismiss()
            return
        _case, (added,) = done
        self.notify(say(lang, "attached", count=1, case=self.number))
        self.dismiss(str(added.number))
