"""The screens: the comment, the question, the outcome, and the help, flowchart and export
dialogs. Each renders the app's Triage in the app's language; none decides anything."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen, Screen
from textual.widgets import (
    Button,
    Footer,
    Header,
    Input,
    OptionList,
    Select,
    Static,
    TextArea,
    Tree,
)
from textual.widgets.option_list import Option

from .. import render
from ..triage import PLATFORMS
from ..untrusted import visible
from .keys import allowed, bilingual
from .widgets import CommentArea, CommentPanel

if TYPE_CHECKING:
    from .app import GkRespondApp


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


# -- the comment ---------------------------------------------------------------------------
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
            yield Select([], id="platform", allow_blank=True)
            yield Static(id="label-url")
            yield Input(id="url")
            yield Static(id="label-author")
            yield Input(id="author")
            yield Static(id="label-found")
            yield Input(id="found")
            with Horizontal(id="actions"):
                yield Button(id="continue", variant="primary")
                yield Button(id="skip")
        yield Footer()

    def on_mount(self) -> None:
        comment = self.app.triage.comment
        # shown with its control characters made visible; kept verbatim unless edited
        self.query_one("#text", TextArea).text = visible(comment.text)
        self.query_one("#url", Input).value = comment.url
        self.query_one("#author", Input).value = comment.author
        self.query_one("#found", Input).value = comment.found
        self.show()
        self.query_one("#text", TextArea).focus()

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
        self.app.switch_screen(QuestionScreen())

    def action_skip(self, lang: str = "") -> None:
        self.app.switch_screen(QuestionScreen())


# -- the question --------------------------------------------------------------------------
class QuestionScreen(Base):
    BINDINGS = [
        *bilingual("backspace", "back", "back", priority=True),
        *bilingual("r", "restart", "restart"),
        *bilingual("question_mark", "help", "help"),
        *bilingual("f", "flowchart", "show_flowchart"),
    ]

    def compose(self) -> ComposeResult:
        yield Header()
        yield CommentPanel(id="comment")
        yield Static(id="breadcrumb")
        with VerticalScroll(id="body"):
            yield Static(id="question-title", classes="heading")
            yield Static(id="question-text")
            yield Static(id="help")
            yield Horizontal(id="options")
        yield Footer()

    def on_mount(self) -> None:
        self.show()

    def show(self) -> None:
        walk, chart, lang = self.app.triage.walk, self.app.chart, self.app.lang
        if walk.finished:  # reached when coming back from an outcome by language switch
            return
        self.query_one("#comment", CommentPanel).show(self.app.triage.comment, lang)
        self.query_one("#breadcrumb", Static).update(Content(breadcrumb(self.app)))
        question = chart.question(walk.question)
        self.query_one("#question-title", Static).update(Content(question.title(lang)))
        self.query_one("#question-text", Static).update(Content(question.text(lang)))
        self.query_one("#help", Static).update(
            Content(f"{question.help(lang)}\n{self.t('example')}: {question.example(lang)}")
        )
        by_option = {option: key for key, option in self.app.option_keys().items()}
        remembered = walk.remembered.get(walk.question)
        box = self.query_one("#options", Horizontal)
        options = chart.options(walk.question)
        buttons = list(box.query(Button))
        if len(buttons) != len(options):  # reuse the buttons when the count is the same
            box.remove_children()
            buttons = [Button("") for _ in options]
            box.mount_all(buttons)
        for button, option in zip(buttons, options, strict=True):
            label = f"{option.label(lang)} [{by_option[option.id]}]"
            if option.id == remembered:
                label += f" ({self.t('earlier_answer')})"
            button.label = Content(label)
            button.set_class(option.id == remembered, "-remembered")
        self.shown = [option.id for option in options]
        ids = self.shown
        focus = buttons[ids.index(remembered)] if remembered in ids else buttons[0]
        self.call_after_refresh(focus.focus)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        buttons = list(self.query_one("#options", Horizontal).query(Button))
        self.answer(self.shown[buttons.index(event.button)])

    def on_key(self, event) -> None:
        option = self.app.option_keys().get(event.key)
        if option is not None:
            event.stop()
            self.answer(option)

    def answer(self, option: str) -> None:
        walk = self.app.triage.walk
        if walk.finished:
            return
        walk.answer(option)
        if walk.finished:
            self.app.push_screen(OutcomeScreen())
        else:
            self.show()

    def action_back(self, lang: str = "") -> None:
        if self.app.triage.walk.back():
            self.show()

    def action_restart(self, lang: str = "") -> None:
        self.app.triage.walk.restart()
        self.show()

    def action_help(self, lang: str = "") -> None:
        self.app.push_screen(HelpScreen())

    def action_flowchart(self, lang: str = "") -> None:
        self.app.push_screen(FlowchartScreen())


def breadcrumb(app: GkRespondApp) -> str:
    steps = app.triage.walk.path
    if not steps:
        return ""
    return " › ".join(
        f"{app.chart.question(s.question).title(app.lang)} "
        f"{render.answer_label(app.chart, s.question, s.answer, app.lang)}"
        for s in steps
    )


# -- the outcome ---------------------------------------------------------------------------
class OutcomeScreen(Base):
    BINDINGS = [
        *bilingual("backspace", "back", "back", priority=True),
        *bilingual("c", "copy", "copy"),
        *bilingual("e", "export", "export"),
        *bilingual("n", "new", "new_triage"),
        *bilingual("f", "flowchart", "show_flowchart"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.ticked: set[int] = set()

    def compose(self) -> ComposeResult:
        yield Header()
        yield CommentPanel(id="comment")
        with VerticalScroll(id="body"):
            yield Static(id="outcome-title", classes="heading")
            yield Static(id="summary")
            yield Static(id="steps-heading", classes="heading")
            yield OptionList(id="steps")
            yield Vertical(id="guidance")
            yield Static(id="path-heading", classes="heading")
            yield Static(id="path")
        yield Footer()

    def on_mount(self) -> None:
        self.show()
        steps = self.query_one("#steps", OptionList)
        steps.highlighted = 0
        steps.focus()

    def show(self) -> None:
        app, lang = self.app, self.app.lang
        walk = app.triage.walk
        if not walk.finished:
            return
        data = render.outcome_data(app.chart, walk.outcome, lang)
        self.query_one("#comment", CommentPanel).show(app.triage.comment, lang)
        self.query_one("#outcome-title", Static).update(Content(f"✔ {data['title']}"))
        self.query_one("#summary", Static).update(Content(data["summary"]))
        self.query_one("#steps-heading", Static).update(Content(self.t("steps")))
        steps = self.query_one("#steps", OptionList)
        highlighted = steps.highlighted
        steps.clear_options()
        steps.add_options(
            Option(Content(f"{'☑' if index in self.ticked else '☐'} {step['text']}"))
            for index, step in enumerate(data["steps"])
        )
        steps.highlighted = highlighted
        guidance = self.query_one("#guidance", Vertical)
        guidance.remove_children()
        widgets: list[Static | Horizontal] = []
        for section in data["guidance"]:
            widgets.append(Static(Content(section["title"]), classes="heading"))
            for point in section["points"]:
                title = f"{point['title']}: " if point["title"] else ""
                widgets.append(
                    Horizontal(
                        Static("•", classes="bullet"),
                        Static(Content(title + point["text"])),
                        classes="point",
                    )
                )
        guidance.mount_all(widgets)
        self.query_one("#path-heading", Static).update(Content(self.t("path")))
        self.query_one("#path", Static).update(
            Content("\n".join(render.path_text(app.chart, walk.path, lang)))
        )

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        """Enter or a click ticks a step, or unticks it; the ☐/☑ says which."""
        index = event.option_index
        self.ticked.symmetric_difference_update({index})
        self.show()

    def action_back(self, lang: str = "") -> None:
        self.app.triage.walk.back()
        self.app.pop_screen()

    def action_copy(self, lang: str = "") -> None:
        self.app.copy_to_clipboard(summary(self.app))
        self.notify(self.t("copied"))

    def action_export(self, lang: str = "") -> None:
        self.app.push_screen(ExportScreen())

    def action_new(self, lang: str = "") -> None:
        self.app.new_triage()

    def action_flowchart(self, lang: str = "") -> None:
        self.app.push_screen(FlowchartScreen())


def summary(app: GkRespondApp) -> str:
    """The outcome as plain text, with the comment, for the clipboard."""
    walk, comment = app.triage.walk, app.triage.comment
    text = render.outcome_text(app.chart, walk.path, walk.outcome, app.lang)
    if comment.text.strip() or comment.url:
        head = [app.t("comment_heading") + ":"]
        head += [f"  {line}" for line in visible(comment.text).splitlines()]
        head += [f"  {comment.url}"] if comment.url else []
        text = "\n".join(head) + "\n\n" + text
    return text


def markdown(app: GkRespondApp) -> str:
    walk, comment = app.triage.walk, app.triage.comment
    body = render.outcome_markdown(app.chart, walk.path, walk.outcome, app.lang)
    if not (comment.text.strip() or comment.url):
        return body
    text = visible(comment.text)
    fence = "`" * max(3, 1 + max((len(r) for r in text.split("`")[1::2] or [""]), default=0))
    fence = "~~~~" if "~~~~" not in text else fence
    lines = [f"## {app.t('comment_heading')}", ""]
    lines += [f"<{comment.url}>", ""] if comment.url else []
    lines += [fence, text, fence, ""] if text.strip() else []
    return body.replace("\n## ", "\n" + "\n".join(lines) + "\n## ", 1)


# -- dialogs -------------------------------------------------------------------------------
class Dialog(ModalScreen[None]):
    BINDINGS = bilingual("escape", "close", "close")
    app: GkRespondApp

    def t(self, key: str) -> str:
        return self.app.t(key)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        return allowed(parameters, self.app.lang)

    def action_close(self, lang: str = "") -> None:
        self.dismiss()


class HelpScreen(Dialog):
    BINDINGS = bilingual("question_mark,q", "close", "close", show=False)

    def compose(self) -> ComposeResult:
        walk, lang = self.app.triage.walk, self.app.lang
        keys = ", ".join(f"{k} = {v}" for k, v in self.app.option_keys().items())
        parts = [self.t("help"), "", self.t("help_text").format(keys=keys or "1, 2, …")]
        if walk.question:
            question = self.app.chart.question(walk.question)
            parts += ["", question.text(lang), question.help(lang)]
            parts += [f"{self.t('example')}: {question.example(lang)}", f"({question.source})"]
        with VerticalScroll(classes="dialog"):
            yield Static(Content("\n".join(parts)), id="help-text")


class FlowchartScreen(Dialog):
    BINDINGS = bilingual("f,q", "close", "close", show=False)

    def compose(self) -> ComposeResult:
        app, lang = self.app, self.app.lang
        chart, walk = app.chart, app.triage.walk
        taken = {(s.node, s.answer) for s in walk.path}
        tree: Tree[str] = Tree(Text(chart.flowchart.title(lang)), id="tree")
        tree.show_root = True

        def add(parent, node: str, on_path: bool) -> None:
            if chart.is_outcome(node):
                return
            question = chart.question(chart.question_at(node))
            for option in chart.options(chart.question_at(node)):
                target = chart.flowchart.nodes[node].next[option.id]
                here = on_path and (node, option.id) in taken
                name = (
                    chart.flowchart.outcomes[target].title(lang)
                    if chart.is_outcome(target)
                    else chart.question(chart.question_at(target)).title(lang)
                )
                label = Text(f"{option.label(lang)} → {name}")
                if here:  # the answer given: marked by a sign, not by colour alone
                    label = Text("✔ ") + label
                    label.stylize("bold")
                if here and target == walk.node:
                    label.append(f"  ◀ {self.t('you_are_here')}", style="reverse")
                child = parent.add(label, expand=here, allow_expand=not chart.is_outcome(target))
                add(child, target, here)
            del question

        start_label = chart.question(chart.question_at(chart.start)).title(lang)
        first = tree.root.add(Text(start_label), expand=True)
        if walk.node == chart.start:
            first.label = Text(start_label) + Text(f"  ◀ {self.t('you_are_here')}", style="reverse")
        add(first, chart.start, True)
        tree.root.expand()
        with Vertical(classes="dialog"):
            yield tree


class ExportScreen(Dialog):
    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(Content(self.t("export_prompt")))
            yield Input(value=f"gk-respond-{self.app.triage.walk.outcome}.md", id="file")
            with Horizontal():
                yield Button(Content(self.t("save")), id="save", variant="primary")
                yield Button(Content(self.t("cancel")), id="cancel")

    def on_input_submitted(self) -> None:
        self.save()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.save() if event.button.id == "save" else self.dismiss()

    def save(self) -> None:
        path = Path(self.query_one("#file", Input).value.strip()).expanduser()
        try:
            path.write_text(markdown(self.app), encoding="utf-8")
        except OSError as error:
            message = self.t("export_failed").format(path=path, error=error.strerror or error)
            self.notify(message, severity="error")
            return
        self.notify(self.t("exported").format(path=path))
        self.dismiss()
