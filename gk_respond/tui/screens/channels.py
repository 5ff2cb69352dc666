"""The channel register in the app (the policy's Bilaga 1): the channels in a table; one added,
edited or removed through a form checked by the same rules as ``gk-respond channels``."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from pydantic import ValidationError
from rich.text import Text
from textual.app import ComposeResult
from textual.color import Color
from textual.containers import Grid, Horizontal, VerticalScroll
from textual.content import Content
from textual.style import Style
from textual.widgets import Checkbox, DataTable, Header, Input, Static

from ...messages import error_text
from ...records import checklist
from ...records.channel_files import hours
from ...records.channels import (
    ADMINISTRATOR_FIELDS,
    Channel,
    ChannelError,
    Channels,
    Loc,
    problems,
)
from ...records.store import StoreError
from ...strings import STRINGS
from ...untrusted import visible
from ..keys import bilingual
from ..literal import literal
from ..widgets import footer
from .base import Base
from .dialogs import ConfirmDialog
from .register import RegisterScreen, register_keys

T = TypeVar("T")
# A checklist item's note: $text-muted (the contrasting colour at 60 %) in italics, as the
# stylesheet writes it; a style string cannot name $text-muted in a Content (it drops the 60 %).
NOTE = Style(foreground=Color(0, 0, 0, 0.6, auto=True), italic=True)

COLUMNS = ("id", "name", "medium", "url", "unit")
# The form's one-line fields, before and after the administrators, as in the activity plan.
BEFORE = ("id", "name", "medium", "url", "unit", "purpose", "audience")
# response_due is our own addition (after Bilaga 1, punkt 7), optional: empty for none.
AFTER = ("daily", "monitoring", "hours_per_week", "response_due", "approved_by", "approved_on")
ADMIN_ROWS = 3  # as on the policy's form
FORM = "channel-form"  # the name the form is installed under
HINTS = frozenset(k.removeprefix("ch_hint_") for k in STRINGS["sv"] if k.startswith("ch_hint_"))


def in_register(screen: Base, work: Callable[[Channels], T]) -> T | None:
    """``work`` done on the register; None, and a notice, if the case log cannot be used."""
    try:
        with screen.app.store() as store:
            return work(Channels(store))
    except StoreError as error:
        screen.notify(
            screen.t("log_unusable").format(error=error_text(error, screen.app.lang)),
            severity="error",
        )
        return None


class ChannelsScreen(RegisterScreen):
    BINDINGS = register_keys("new_channel", "edit_channel", "remove_channel")
    TABLE, REMOVE = "channels", "remove_channel"

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(id="problem")
        yield DataTable(id="channels", cursor_type="row", zebra_stripes=True)
        yield footer()

    def show(self) -> None:
        table = self.query_one("#channels", DataTable)
        table.clear(columns=True)
        for key in COLUMNS:
            table.add_column(self.t(f"ch_f_{key}"), key=key)
        self.load()

    def load(self) -> None:
        table = self.query_one("#channels", DataTable)
        table.clear()
        channels = self.listed(lambda store: Channels(store).all(), "no_channels")
        for channel in channels:
            cells = (Text(" ".join(visible(getattr(channel, k)).split())) for k in COLUMNS)
            table.add_row(*cells, key=channel.id)

    def form_for(self, entry: Channel | None) -> ChannelForm:
        """The app's one channel form, built once (its 66 widgets take a good
        part of a second to build and style on a busy machine), filled in for ``entry``;
        a new one only for a channel with more administrators than it has rows."""
        app = self.app
        if not app.is_screen_installed(FORM):
            app.install_screen(ChannelForm(None), FORM)
        form = app.get_screen(FORM)
        if not isinstance(form, ChannelForm) or not form.fits(entry):
            return ChannelForm(entry)
        return form.open_for(entry)

    def get_entry(self, key: str) -> Channel | None:
        return in_register(self, lambda channels: channels.get(key))

    def remove_entry(self, entry: Channel) -> bool:
        if not in_register(self, lambda channels: channels.remove(entry.id)):
            return False
        self.notify(self.t("channel_removed").format(id=entry.id))
        return True

    def removal_question(self, entry: Channel) -> str:
        return self.t("confirm_remove").format(name=visible(entry.name), id=entry.id)


class ChannelForm(Base):
    """Every field of a channel's activity plan; Ctrl+S saves it if the register's rules
    allow it, and shows what is wrong next to each field if they do not."""

    BINDINGS = [
        *bilingual("ctrl+s", "save", "save_channel", priority=True),
        *bilingual("escape", "cancel", "cancel", priority=True),
    ]
    # The first field, not Textual's first focusable widget: that is the scrolling form,
    # and focusing it restyles every widget of the form (then again for the field).
    AUTO_FOCUS = "#field-id"

    def __init__(self, channel: Channel | None) -> None:
        super().__init__()
        self.channel = channel  # None: a new one
        self.rows = max(ADMIN_ROWS, len(channel.administrators) if channel else 0)
        self.problem_lines: dict[str, Static] = {}  # by id, as `problem_line` added them

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll(id="form"):
            yield Static(id="form-heading", classes="heading")
            for name in BEFORE:
                yield from self.field(name)
            yield Static(id="label-administrators", classes="label")
            for row in range(self.rows):
                with Horizontal(id=f"admin-row-{row}", classes="admin"):
                    for part in ADMINISTRATOR_FIELDS:
                        yield Input(id=f"admin-{row}-{part}")
            for name in AFTER:
                yield from self.field(name)
            yield from checklist_fields()
        yield footer()

    @staticmethod
    def field(name: str) -> ComposeResult:
        """A field's label and input; the line under it for its problems comes with the
        first problem (`problem_line`): most forms never show one."""
        yield Static(id=f"label-{name}", classes="label")
        yield Input(id=f"field-{name}")

    def on_mount(self) -> None:
        self.fill()

    def open_for(self, channel: Channel | None) -> ChannelForm:
        """The form again, for ``channel`` (None: a new one), as a new form would be."""
        self.channel = channel
        if self.is_mounted:
            self.fill()
        return self

    def fits(self, channel: Channel | None) -> bool:
        """Whether the form has a row for each of ``channel``'s administrators."""
        return channel is None or len(channel.administrators) <= self.rows

    def fill(self) -> None:
        """Every field from the channel (empty for a new one), no problem shown, the cursor
        in the first field."""
        channel = self.channel
        values: dict[str, Any] = {}
        if channel is not None:
            values = channel.data()
            values["daily"] = "; ".join(channel.daily)
            values["hours_per_week"] = hours(channel.hours_per_week)
        for name in (*BEFORE, *AFTER):
            shown = values.get(name)
            self.query_one(f"#field-{name}", Input).value = "" if shown is None else str(shown)
        admins = channel.administrators if channel is not None else []
        for row in range(self.rows):
            for part in ADMINISTRATOR_FIELDS:
                value = getattr(admins[row], part) if row < len(admins) else ""
                self.query_one(f"#admin-{row}-{part}", Input).value = value
        done = set(channel.checklist) if channel is not None else set()
        for item_id in checklist.ids():
            self.query_one(f"#check-{item_id}", Checkbox).value = item_id in done
        for error in self.problem_lines.values():
            error.remove_class("-shown")
        self.query_one("#form", VerticalScroll).scroll_home(animate=False)
        self.query_one("#field-id", Input).focus()
        self.initial = self.given()[0]  # what Esc would not lose

    def show(self) -> None:
        heading = (
            self.t("channel_form_edit").format(id=self.channel.id)
            if self.channel
            else self.t("channel_form_new")
        )
        self.query_one("#form-heading", Static).update(Content(heading))
        for name in (*BEFORE, "administrators", *AFTER):
            label = self.t(f"ch_f_{name}")
            hint = self.t(f"ch_hint_{name}") if name in HINTS else ""
            text = f"{label}: {hint}" if hint and name == "administrators" else label
            self.query_one(f"#label-{name}", Static).update(Content(text))
            if name != "administrators":
                self.query_one(f"#field-{name}", Input).placeholder = hint
        for row in range(self.rows):
            for part in ADMINISTRATOR_FIELDS:
                placeholder = f"{self.t(f'ch_admin_{part}')} ({row + 1})"
                self.query_one(f"#admin-{row}-{part}", Input).placeholder = placeholder
        show_checklist(self)

    def on_checkbox_changed(self, event: Checkbox.Changed) -> None:
        show_checklist(self)

    def given(self) -> tuple[dict[str, Any], list[int]]:
        """The form's values as channel data, and the administrator rows that are filled in
        (blank rows are left out)."""

        def value(widget: str) -> str:
            return self.query_one(f"#{widget}", Input).value

        data: dict[str, Any] = {name: value(f"field-{name}") for name in (*BEFORE, *AFTER)}
        data["daily"] = [name.strip() for name in data["daily"].split(";") if name.strip()]
        admins, rows = [], []
        for row in range(self.rows):
            admin = {part: value(f"admin-{row}-{part}") for part in ADMINISTRATOR_FIELDS}
            if any(text.strip() for text in admin.values()):
                admins.append(admin)
                rows.append(row)
        data["administrators"] = admins
        data["checklist"] = checked(self)
        return data, rows

    def error_place(self, loc: Loc, rows: list[int]) -> tuple[str, str]:
        """The id of the Static that shows a problem at ``loc``, and the input to focus."""
        if loc[:1] == ("administrators",) and len(loc) > 1 and isinstance(loc[1], int):
            row = rows[loc[1]]
            part = str(loc[2]) if len(loc) > 2 else ADMINISTRATOR_FIELDS[0]
            return f"error-admin-{row}", f"admin-{row}-{part}"
        if loc[:1] == ("administrators",):
            return "error-administrators", f"admin-0-{ADMINISTRATOR_FIELDS[0]}"
        name = str(loc[0]) if loc else "id"
        return f"error-{name}", f"field-{name}"

    def mark(self, found: list[tuple[Loc, str]], rows: list[int]) -> None:
        """Show each problem under its field, and put the cursor on the first."""
        shown: dict[str, list[str]] = {}
        first = None
        for loc, message in found:
            place, widget = self.error_place(loc, rows)
            if len(loc) > 2:  # an administrator's e-mail or phone: say which
                message = f"{self.t(f'ch_admin_{loc[2]}')}: {message}"
            shown.setdefault(place, []).append(message)
            first = first or widget
        for place, messages in shown.items():
            error = self.problem_line(place)
            error.update(literal("\n".join(messages)))  # they may quote what was typed
            error.add_class("-shown")
        if first:
            self.query_one(f"#{first}", Input).focus()
        self.notify(self.t("channel_not_saved"), severity="warning")

    def problem_line(self, place: str) -> Static:
        """The line with id ``place`` that shows problems, under its field (or row, or the
        administrators' label); added to the form the first time it is needed."""
        if place in self.problem_lines:  # not a query: that walks the whole form each time
            return self.problem_lines[place]
        name = place.removeprefix("error-")
        if name == "administrators":
            above = "#label-administrators"
        elif name.startswith("admin-"):  # under the row (a grid would size it as a cell)
            above = f"#admin-row-{name.removeprefix('admin-')}"
        else:
            above = f"#field-{name}"
        line = self.problem_lines[place] = Static(id=place, classes="error")
        self.query_one("#form", VerticalScroll).mount(line, after=self.query_one(above))
        return line

    def action_save(self, lang: str = "") -> None:
        for error in self.problem_lines.values():
            error.remove_class("-shown")
        data, rows = self.given()
        try:
            channel = Channel.model_validate(data)  # the same rules as everywhere
        except ValidationError as error:
            self.mark(problems(error, self.app.lang), rows)
            return
        old = self.channel

        def save(channels: Channels) -> Channel:
            if old is None:
                return channels.add(channel)
            saved = channels.update(old.id, data)
            if saved is None:  # removed meanwhile, elsewhere
                raise ChannelError("ch_no_channel", id=old.id)
            return saved

        try:
            saved = in_register(self, save)
        except ChannelError as error:
            field = "url" if error.key == "ch_duplicate_url" else "id"
            self.mark([((field,), error.message(self.app.lang))], rows)
            return
        if saved is not None:
            self.notify(self.t("channel_saved").format(id=saved.id))
            self.app.pop_screen()

    def action_cancel(self, lang: str = "") -> None:
        """Back to the list; first ask, if something was typed that is not saved."""
        if self.given()[0] == self.initial:
            self.app.pop_screen()
            return
        question = ConfirmDialog(self.t("unsaved_form"), "discard_changes")
        self.app.push_screen(question, lambda choice: self.app.pop_screen() if choice else None)


# -- the account checklist (records/checklist.yaml), at the end of the form --------------------
def checklist_fields() -> ComposeResult:
    yield Static(id="label-checklist", classes="label heading")
    yield Static(id="checklist-left")
    # One grid (not a Horizontal an item): widgets with the same parent share their styling,
    # which Textual computes again at every open of the form.
    with Grid(id="checklist"):
        for item in checklist.items():
            yield Checkbox(id=f"check-{item.id}", classes="check")  # its own label is one line
            yield Static(id=f"check-text-{item.id}", classes="check-text")  # and its note


def checked(form: Base) -> list[str]:
    """The ids of the items ticked, in the policy's order."""
    return [i for i in checklist.ids() if form.query_one(f"#check-{i}", Checkbox).value]


def show_checklist(form: Base) -> None:
    """The items in the app's language, each note (PUL is now GDPR), and what is left."""
    lang = form.app.lang
    form.query_one("#label-checklist", Static).update(Content(form.t("cl_heading")))
    for item in checklist.items():
        text = Content(item.text(lang))
        if item.note:
            note = f"{form.t('cl_note')}: {item.note(lang)}"
            text = Content.assemble(text, "\n", (note, NOTE))
        form.query_one(f"#check-text-{item.id}", Static).update(text)
    left = checklist.left(checked(form))
    text = form.t("cl_left_count").format(left=len(left), total=len(checklist.ids()))
    text = text if left else form.t("cl_none_left")
    form.query_one("#checklist-left", Static).update(Content(text))
