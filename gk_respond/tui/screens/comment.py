"""The comment the staff member found: text, platform, address, writer, when and where found."""

from __future__ import annotations

from textual import events
from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.widgets import Button, Header, Input, Select, Static, TextArea

from ...triage import PLATFORMS
from ...untrusted import visible
from ..dropdown import Dropdown
from ..keys import bilingual
from ..widgets import footer
from .base import Base


class CommentArea(TextArea):
    """The comment being pasted. TextArea would send control characters (terminal escapes,
    bidi overrides) to the terminal as they are, so what comes in is made visible first."""

    async def _on_paste(self, event: events.Paste) -> None:
        event.prevent_default()
        event.stop()
        if not self.read_only:
            # a paste may come in pieces: each goes after the one before it
            result = self.replace(visible(event.text), *self.selection)
            self.move_cursor(result.end_location)
            self.focus()


class CommentScreen(Base):
    BINDINGS = [
        *bilingual("ctrl+s", "continue", "continue", priority=True),
        *bilingual("escape", "skip", "skip", priority=True),
    ]

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll(id="fields"):
            yield Static(id="heading", classes="heading")
            yield Static(id="label-text")
            yield CommentArea(id="text", soft_wrap=True)
            yield Static(id="label-platform")
            yield Dropdown([], id="platform", allow_blank=True)
            yield Static(id="label-url")
            yield Input(id="url")
            yield Static(id="label-author")
            yield Input(id="author")
            yield Static(id="label-found")
            yield Input(id="found")
            with Horizontal(id="actions"):
                yield Button(id="continue", variant="primary")
                yield Button(id="skip")
        yield footer()

    def on_mount(self) -> None:
        comment = self.app.triage.comment
        # shown with its control characters made visible; kept verbatim unless edited
        self.query_one("#text", TextArea).text = visible(comment.text)
        self.query_one("#url", Input).value = comment.url
        self.query_one("#author", Input).value = comment.author
        self.query_one("#found", Input).value = comment.found
        self.query_one("#text", TextArea).focus()

    def typed(self) -> bool:
        fields = [self.query_one(f"#{key}", Input).value for key in ("url", "author", "found")]
        return bool(self.query_one("#text", TextArea).text.strip() or any(fields))

    def show(self) -> None:
        for key in ("url", "author", "found", "platform"):
            self.query_one(f"#label-{key}", Static).update(Content(self.t(key)))
        self.query_one("#label-text", Static).update(Content(self.t("comment_text")))
        self.query_one("#heading", Static).update(Content(self.t("comment_heading")))
        select = self.query_one("#platform", Select)
        chosen = self.app.triage.comment.platform or select.value
        select.prompt = self.t("choose")
        select.set_options([(Content(self.t(f"platform_{p}")), p) for p in PLATFORMS])
        if chosen in PLATFORMS:
            select.value = chosen
        self.query_one("#continue", Button).label = Content(f"{self.t('continue')} (Ctrl+S)")
        self.query_one("#skip", Button).label = Content(f"{self.t('skip')} (Esc)")

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.action_skip() if event.button.id == "skip" else self.action_continue()

    def action_continue(self, lang: str = "") -> None:
        comment = self.app.triage.comment
        text = self.query_one("#text", TextArea).text
        if text != visible(comment.text):
            comment.text = text
        value = self.query_one("#platform", Select).value
        comment.platform = value if isinstance(value, str) else ""
        comment.url = self.query_one("#url", Input).value.strip()
        comment.author = self.query_one("#author", Input).value.strip()
        comment.found = self.query_one("#found", Input).value.strip()
        self.app.find_channel()
        from .question import QuestionScreen

        self.app.switch_screen(QuestionScreen())

    def action_skip(self, lang: str = "") -> None:
        from .question import QuestionScreen

        self.app.switch_screen(QuestionScreen())
