"""Dialogs over a screen: help, the whole flowchart as a tree, export to Markdown."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen, Screen
from textual.widgets import Button, Input, Static, TextArea, Tree

from ... import render
from ...records.private_files import RefusedPath, write_new
from ...strings import t
from ...untrusted import visible
from ..keys import allowed, bilingual, key_rows
from ..literal import literal
from ..widgets import footer

if TYPE_CHECKING:
    from ..app import GkRespondApp


class Dialog(ModalScreen[str | None]):
    BINDINGS = bilingual("escape", "close", "close")
    app: GkRespondApp

    def t(self, key: str) -> str:
        return self.app.t(key)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        return allowed(parameters, self.app.lang)

    def action_close(self, lang: str = "") -> None:
        self.dismiss()


class HelpScreen(Dialog):
    """Every key the screen below offers, the ones its footer has no room for too; at a
    question, the question's help."""

    BINDINGS = bilingual("question_mark,q,f1", "close", "close", show=False)

    def __init__(self, below: Screen) -> None:
        super().__init__()
        self.below = below
        self.rows = key_rows(below, self.app.lang)  # now, while it is the active screen

    def compose(self) -> ComposeResult:
        from .question import QuestionScreen

        walk, lang = self.app.triage.walk, self.app.lang
        parts = [self.t("keys_heading"), ""]
        if isinstance(self.below, QuestionScreen) and walk.question:
            labels = {o.id: o.label(lang) for o in self.app.chart.options(walk.question)}
            keys = ", ".join(f"{k} = {labels[v]}" for k, v in self.app.option_keys().items())
            parts += [self.t("help_text").format(keys=keys), ""]
        rows = self.rows
        width = max((len(keys) for keys, _ in rows), default=0)
        parts += [f"  {keys:<{width}}  {what}" for keys, what in rows]
        if isinstance(self.below, QuestionScreen) and walk.question:
            question = self.app.chart.question(walk.question)
            parts += ["", question.title(lang), question.text(lang), question.help(lang)]
            parts += [f"{self.t('example')}: {question.example(lang)}", f"({question.source})"]
        with VerticalScroll(classes="dialog"):
            yield Static(Content("\n".join(parts)), id="help-text")
        yield footer()


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
        yield footer()


class CommentDialog(Dialog):
    """The whole comment, scrollable, shown literally."""

    BINDINGS = bilingual("k,q", "close", "close", show=False)
    LIMIT = 100_000  # characters drawn; the comment itself is kept whole

    def compose(self) -> ComposeResult:
        text = visible(self.app.triage.comment.text) or self.t("no_comment")
        if len(text) > self.LIMIT:
            text = text[: self.LIMIT] + "\n" + self.t("truncated").format(n=f"{self.LIMIT:,}")
        with VerticalScroll(classes="dialog"):
            yield Static(Content(self.t("comment_heading")), classes="heading")
            yield Static(Content(text), id="whole-comment")
        yield footer()


class CopyDialog(Dialog):
    """What c sent to the terminal's clipboard, said as what really happened, and the text
    itself, read-only and selectable, to copy by hand when nothing arrived."""

    BINDINGS = bilingual("c,q", "close", "close", show=False)

    def __init__(self, text: str) -> None:
        super().__init__()
        self.text = text

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(Content(self.t("copy_sent")), id="copy-sent", classes="heading")
            yield Static(Content(self.t("copy_fallback")), id="copy-fallback")
            yield TextArea(visible(self.text), id="copy-text", read_only=True, soft_wrap=True)
        yield footer()

    def on_mount(self) -> None:
        self.query_one("#copy-text", TextArea).focus()


class ExportScreen(Dialog):
    """A file name to save to (never overwriting a file). By default the triage as
    Markdown; ``text_for`` makes the text for the path chosen (its suffix may pick the
    format). Dismissed with the path written, or None."""

    def __init__(
        self,
        default: str | None = None,
        text_for: Callable[[Path], str] | None = None,
        prompt: str = "export_prompt",
    ) -> None:
        super().__init__()
        self.default = default
        self.text_for = text_for
        self.prompt = prompt

    def compose(self) -> ComposeResult:
        default = self.default or f"gk-respond-{self.app.triage.walk.outcome}.md"
        with Vertical(classes="dialog"):
            yield Static(Content(self.t(self.prompt)))
            yield Input(value=default, id="file")
            with Horizontal():
                yield Button(Content(self.t("save")), id="save", variant="primary")
                yield Button(Content(self.t("cancel")), id="cancel")
        yield footer()  # its own keys, not the screen's beneath it

    def on_input_submitted(self) -> None:
        self.save()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.save() if event.button.id == "save" else self.dismiss()

    def save(self) -> None:
        path = Path(self.query_one("#file", Input).value.strip()).expanduser().absolute()
        try:
            if self.text_for is not None:
                text = self.text_for(path)
            else:
                text = render.triage_markdown(self.app.triage, self.app.lang)
            write_new(str(path), text)  # 0600, never over a file or through a symlink, whole
        except (FileExistsError, RefusedPath):  # a file, a link or anything else at the name
            self.notify(self.t("exists").format(path=path), severity="error")
            return
        except OSError as error:
            message = self.t("export_failed").format(path=path, error=error.strerror or error)
            self.notify(message, severity="error")
            return
        self.notify(self.t("exported").format(path=path))
        self.dismiss(str(path))


class NoteDialog(Dialog):
    """A note to edit (pastes made visible, as comments are); dismissed with the text kept,
    or None when cancelled."""

    BINDINGS = bilingual("ctrl+s", "keep", "keep_note", priority=True)

    def __init__(self, text: str) -> None:
        super().__init__()
        self.text = text

    def compose(self) -> ComposeResult:
        from .comment import CommentArea

        with Vertical(classes="dialog"):
            yield Static(Content(self.t("notes")), classes="heading")
            yield CommentArea(self.text, id="notes", soft_wrap=True)
        yield footer()

    def on_mount(self) -> None:
        area = self.query_one("#notes", TextArea)
        area.move_cursor(area.document.end)  # writing on goes after what is there

    def action_keep(self, lang: str = "") -> None:
        self.dismiss(self.query_one("#notes", TextArea).text.strip())


class ConfirmDialog(Dialog):
    """A yes-or-no question; dismissed with "yes", or None. Cancel has the focus."""

    BINDINGS = [
        Binding("j", "confirm('sv')", t("sv", "yes")),
        Binding("y", "confirm('en')", t("en", "yes")),
        *bilingual("n", "close", "cancel"),
    ]

    def __init__(self, question: str, yes: str) -> None:
        super().__init__()
        self.question = question
        self.yes = yes  # the yes button's text, by its key in strings.py

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(literal(self.question), id="question")
            with Horizontal(id="answers"):
                yield Button(Content(self.t(self.yes)), id="yes", variant="error")
                yield Button(Content(self.t("cancel")), id="no")
        yield footer()

    def on_mount(self) -> None:
        self.query_one("#no", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.dismiss("yes" if event.button.id == "yes" else None)

    def action_confirm(self, lang: str = "") -> None:
        self.dismiss("yes")
