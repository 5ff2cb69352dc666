"""A question as the chart asks it, its help, and one button and key per answer."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import events
from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.widgets import Button, Header, Static

from ...untrusted import visible
from ..keys import bilingual
from ..widgets import CommentPanel, footer
from .base import Base

if TYPE_CHECKING:
    from ..app import GkRespondApp


class QuestionScreen(Base):
    preset: str | None = None  # the answer the channel register offers here, if any
    BINDINGS = [
        *bilingual("backspace", "back", "back", priority=True),
        *bilingual("r", "restart", "restart"),
        *bilingual("f", "flowchart", "show_flowchart"),
        *bilingual("k", "comment", "comment_key", show=False),  # the panel names it
    ]

    def compose(self) -> ComposeResult:
        yield Header()
        yield CommentPanel(id="comment")
        yield Static(id="breadcrumb")
        # the question and its answers never scroll out of view; the help below them may
        yield Static(id="question-title", classes="heading")
        yield Static(id="question-text")
        yield Static(id="addition")
        # the buttons of the question asked now, composed with the screen (``show`` makes
        # new ones only when another question has another number of answers)
        walk = self.app.triage.walk
        count = 0 if walk.finished else len(self.app.chart.options(walk.question))
        yield Horizontal(*(Button("") for _ in range(count)), id="options")
        yield Static(id="earlier")
        with VerticalScroll(id="body"):
            yield Static(id="help")
        yield footer()

    def show(self) -> None:
        walk, chart, lang = self.app.triage.walk, self.app.chart, self.app.lang
        if walk.finished:  # reached when coming back from an outcome by language switch
            return
        self.query_one("#comment", CommentPanel).show(self.app.triage.comment, lang)
        path = self.query_one("#breadcrumb", Static)
        path.update(Content(breadcrumb(self.app)))
        path.display = bool(self.app.triage.walk.path)
        question = chart.question(walk.question)
        self.query_one("#question-title", Static).update(Content(question.title(lang)))
        text = self.query_one("#question-text", Static)
        text.update(Content(question.text(lang)))
        # the line that says the question goes beyond the policy's chart, from the file
        addition = self.query_one("#addition", Static)
        addition.update(Content(question.addition(lang) if question.addition else ""))
        addition.display = question.addition is not None
        text.set_class(question.addition is not None, "-with-addition")
        self.query_one("#help", Static).update(
            Content(f"{question.help(lang)}\n{self.t('example')}: {question.example(lang)}")
        )
        by_option = {option: key for key, option in self.app.option_keys().items()}
        remembered = walk.remembered.get(walk.question)
        preset = None if remembered else self.app.triage.preset.get(walk.question)
        remembered = remembered or preset
        box = self.query_one("#options", Horizontal)
        options = chart.options(walk.question)
        buttons = list(box.query(Button))
        if len(buttons) != len(options):  # reuse the buttons when the count is the same
            box.remove_children()
            buttons = [Button("") for _ in options]
            box.mount_all(buttons)
        for button, option in zip(buttons, options, strict=True):
            button.label = Content(f"{option.label(lang)} [{by_option[option.id]}]")
            button.set_class(option.id == remembered, "-remembered")
        earlier, said = self.query_one("#earlier", Static), self.earlier(remembered, preset)
        earlier.update(Content(said))
        earlier.display = bool(said)
        self.shown = [option.id for option in options]  # button order -> option id
        self.preset = preset
        focus = buttons[self.shown.index(remembered)] if remembered in self.shown else buttons[0]
        self.call_after_refresh(focus.focus, False)  # nothing to scroll: it is in view

    def earlier(self, remembered: str | None, preset: str | None) -> str:
        """The line under the buttons: the answer given before, or the register's."""
        options, lang = self.app.chart.options(self.app.triage.walk.question), self.app.lang
        option = next((o for o in options if o.id == remembered), None)
        if option is None:
            return ""
        if preset:
            channel = visible(self.app.triage.channel)
            return self.t("register_answer").format(answer=option.label(lang), channel=channel)
        return f"{self.t('earlier_answer')}: {option.label(lang)}"

    def on_button_pressed(self, event: Button.Pressed) -> None:
        buttons = list(self.query_one("#options", Horizontal).query(Button))
        self.answer(self.shown[buttons.index(event.button)])

    def on_key(self, event: events.Key) -> None:
        option = self.app.option_keys().get(event.key)
        if option is not None:
            event.stop()
            self.answer(option)

    def answer(self, option: str) -> None:
        walk = self.app.triage.walk
        if walk.finished:
            return
        if option == self.preset:
            walk.answer(option, "register", self.app.triage.channel_id)
        else:
            walk.answer(option)
        if walk.finished:
            self.finish()
        else:
            self.show()

    def finish(self) -> None:
        """The walk has reached an outcome: show it."""
        from .outcome import OutcomeScreen

        self.app.push_screen(OutcomeScreen())

    def action_back(self, lang: str = "") -> None:
        if self.app.triage.walk.back():
            self.show()

    def action_restart(self, lang: str = "") -> None:
        self.app.triage.walk.restart()
        self.show()

    def action_flowchart(self, lang: str = "") -> None:
        from .dialogs import FlowchartScreen

        self.app.push_screen(FlowchartScreen())


def breadcrumb(app: GkRespondApp) -> str:
    steps = app.triage.walk.path
    if not steps:
        return ""
    from ... import render  # here: the first question has no breadcrumb

    return " › ".join(
        f"{app.chart.question(s.question).title(app.lang)} "
        f"{render.answer_label(app.chart, s.question, s.answer, app.lang)}"
        for s in steps
    )
