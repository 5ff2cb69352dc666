"""The outcome: what to do as a checklist, the guidance that applies, the path taken."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.widgets import Header, OptionList, Static
from textual.widgets.option_list import Option

from ... import render
from ...messages import error_text
from ...untrusted import visible
from ..keys import bilingual
from ..widgets import CommentPanel, footer
from .base import Base

if TYPE_CHECKING:
    pass


def addition_line(addition: str | None, indent: str = "") -> Content:
    """The line under a step or point that says it goes beyond the policy (dimmed)."""
    if not addition:
        return Content("")
    return Content("\n" + indent) + Content.styled(f"({addition})", "dim italic")


class OutcomeScreen(Base):
    guidance_for: tuple[str | None, str] | None = None  # the outcome and language built
    drawn: tuple[object, ...] | None = None  # what the screen was last drawn from
    BINDINGS = [
        *bilingual("backspace", "back", "back", priority=True),
        *bilingual("c", "copy", "copy"),
        *bilingual("e", "export", "export", show=False),  # ? lists it: no room at 80
        *bilingual("s", "save", "save_case"),
        *bilingual("a", "note", "note", show=False),
        *bilingual("r", "reply", "reply_editor"),  # only where staff write (check_action)
        *bilingual("f", "flowchart", "show_flowchart", show=False),  # in help and palette
        *bilingual("k", "comment", "comment_key", show=False),  # the panel names it
    ]

    def compose(self) -> ComposeResult:
        yield Header()
        yield CommentPanel(id="comment")
        with VerticalScroll(id="body"):
            yield Static(id="outcome-title", classes="heading")
            yield Static(id="saved")
            yield Static(id="summary")
            yield Static(id="steps-heading", classes="heading")
            yield OptionList(id="steps")
            yield Static(id="notes-heading", classes="heading")
            yield Static(id="notes")
            yield Static(id="reply-heading", classes="heading")
            yield Static(id="reply-text")
            yield Vertical(id="guidance")
            yield Static(id="path-heading", classes="heading")
            yield Static(id="path")
        yield footer()

    def drawn_from(self) -> tuple[object, ...]:
        """Everything `show` draws from: the language, the triage and whether it is saved."""
        app, triage = self.app, self.app.triage
        walk = triage.walk
        return (
            app.lang,
            triage.case,
            triage.unsaved,
            walk.outcome,
            tuple(walk.path),
            tuple(sorted(triage.ticked)),
            triage.notes,
            triage.reply,
            triage.comment,
            triage.channel,
            repr(triage.channel_admins),
            repr(triage.contacts),
        )

    def drawn_already(self) -> bool:
        # guidance_for None: the guidance must be built again (the contacts may have changed)
        return self.guidance_for is not None and self.drawn == self.drawn_from()

    def resumed(self) -> None:
        self.drawn = self.drawn_from()  # drawn from it now (show reads the contacts)
        steps = self.query_one("#steps", OptionList)
        if steps.highlighted is None:
            steps.highlighted = 0
        steps.focus(scroll_visible=False)  # keep the title in view; the first step is near it

    def show(self) -> None:
        app, lang = self.app, self.app.lang
        walk = app.triage.walk
        if not walk.finished:
            return
        data = render.outcome_data(app.chart, walk.outcome, lang, walk.path)
        self.query_one("#comment", CommentPanel).show(app.triage.comment, lang)
        self.query_one("#outcome-title", Static).update(Content(f"✔ {data['title']}"))
        summary = data["summary"] + (f"\n({data['addition']})" if data["addition"] else "")
        self.query_one("#summary", Static).update(Content(summary))
        self.show_saved()
        self.query_one("#steps-heading", Static).update(Content(self.t("steps")))
        steps = self.query_one("#steps", OptionList)
        highlighted = steps.highlighted
        steps.clear_options()
        steps.add_options(
            Option(
                Content(f"{'☑' if index in self.app.triage.ticked else '☐'} {step['text']}")
                + addition_line(step["addition"], "  ")
            )
            for index, step in enumerate(data["steps"])
        )
        steps.highlighted = highlighted
        notes = visible(app.triage.notes)
        self.query_one("#notes-heading", Static).update(Content(self.t("notes") if notes else ""))
        self.query_one("#notes", Static).update(Content(notes))
        self.query_one("#notes-heading").display = self.query_one("#notes").display = bool(notes)
        reply = visible(app.triage.reply).strip()
        self.query_one("#reply-heading", Static).update(Content(self.t("reply")))
        self.query_one("#reply-text", Static).update(Content(reply))
        for name in ("#reply-heading", "#reply-text"):
            self.query_one(name).display = bool(reply)
        guidance = self.query_one("#guidance", Vertical)
        if self.guidance_for == (walk.outcome, lang):
            return self.show_path()  # built already: a dialog closing need not build it anew
        self.guidance_for = (walk.outcome, lang)
        guidance.remove_children()
        widgets: list[Static | Horizontal] = []
        for section in data["guidance"]:
            widgets.append(Static(Content(section["title"]), classes="heading"))
            for point in section["points"]:
                title = f"{point['title']}: " if point["title"] else ""
                widgets.append(
                    Horizontal(
                        Static("•", classes="bullet"),
                        Static(Content(title + point["text"]) + addition_line(point["addition"])),
                        classes="point",
                    )
                )
        app.find_contacts()
        if app.triage.contacts:
            widgets.append(Static(Content(self.t("contacts")), classes="heading"))
        for entry in app.triage.contacts:
            people = [render.person_line(p) for p in entry["people"]] or [self.t("co_nobody_tui")]
            widgets.append(Static(Content(visible(entry["title"]) + ":"), classes="contact-role"))
            widgets += [
                Horizontal(Static("•", classes="bullet"), Static(Content(p)), classes="point")
                for p in people
            ]
        guidance.mount_all(widgets)
        self.show_path()

    def show_path(self) -> None:
        app, lang = self.app, self.app.lang
        self.query_one("#path-heading", Static).update(Content(self.t("path")))
        self.query_one("#path", Static).update(
            Content("\n".join(render.path_text(app.chart, app.triage.walk.path, lang)))
        )

    def show_saved(self) -> None:
        """Whether the triage is in the case log, and as which case."""
        triage = self.app.triage
        if not triage.case:
            key, variant = "not_saved", "-unsaved"
        elif triage.unsaved:
            key, variant = "saved_changed", "-unsaved"
        else:
            key, variant = "saved_as", "-saved"
        line = self.query_one("#saved", Static)
        line.update(Content(self.t(key).format(case=triage.case)))
        line.set_classes(variant)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        """Enter or a click ticks a step, or unticks it; the ☐/☑ says which."""
        index = event.option_index
        self.app.triage.ticked.symmetric_difference_update({index})
        self.show()

    def action_back(self, lang: str = "") -> None:
        self.app.triage.ticked.clear()  # the outcome may change: its steps with it
        self.app.triage.walk.back()
        self.app.pop_screen()

    def action_copy(self, lang: str = "") -> None:
        """Send the summary to the terminal's clipboard (OSC 52: the terminal may ignore it,
        and nothing says whether it did), and show it, selectable, in case it did not."""
        from .dialogs import CopyDialog

        text = render.triage_text(self.app.triage, self.app.lang)
        self.app.copy_to_clipboard(text)
        self.app.push_screen(CopyDialog(text))

    def action_export(self, lang: str = "") -> None:
        from .dialogs import ExportScreen

        self.app.push_screen(ExportScreen())

    def action_save(self, lang: str = "") -> None:
        self.save()

    def save(self, closed: str = "refuse") -> None:
        """Keep the triage in the case log; the number is shown only after the commit. A
        case closed since it was saved is not changed unawares: a dialog asks first."""
        from ...records.new import CaseClosed, save_triage
        from ...records.store import StoreError

        app = self.app
        try:
            with app.store() as store:
                number = save_triage(
                    store, app.triage, app.flowchart_path(), app.lang, app.handler, closed
                )
        except CaseClosed as refused:
            from .followup import ClosedCaseDialog

            def chosen(answer: str | None) -> None:
                if answer in ("reopen", "new"):
                    self.save(answer)

            app.push_screen(ClosedCaseDialog(refused.number), chosen)
            return
        except StoreError as error:
            self.notify(
                self.t("save_failed").format(error=error_text(error, self.app.lang)),
                severity="error",
                timeout=30,
            )
            return
        self.notify(self.t("saved_as").format(case=number))
        self.show_saved()

    def action_note(self, lang: str = "") -> None:
        """Write the note; on a triage saved already, Ctrl+S saves it to the case at once
        (as the case screen does), on one not yet saved it is kept for the save."""
        from .dialogs import NoteDialog

        def keep(text: str | None) -> None:
            if text is not None:
                self.app.triage.notes = text
                self.show()
                if self.app.triage.case and self.app.triage.unsaved:
                    self.save()

        self.app.push_screen(NoteDialog(self.app.triage.notes), keep)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """The reply editor is offered only where staff write a reply (the outcome has a
        template); where the policy says not to reply it is not there at all."""
        if action == "reply" and not self.writes_reply():
            return False
        return super().check_action(action, parameters)

    def writes_reply(self) -> bool:
        outcome = self.app.triage.walk.outcome
        found = self.app.chart.flowchart.outcomes.get(outcome) if outcome else None
        return found is not None and found.reply_template is not None

    def action_reply(self, lang: str = "") -> None:
        from .reply import ReplyScreen

        if self.writes_reply():
            self.app.push_screen(ReplyScreen())

    def action_flowchart(self, lang: str = "") -> None:
        from .dialogs import FlowchartScreen

        self.app.push_screen(FlowchartScreen())
