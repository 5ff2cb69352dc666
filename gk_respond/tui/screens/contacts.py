"""The contact list in the app (Ctrl+O): who holds each role the guidance names
(``roles:`` in flowchart.yaml), in a table; one added, edited or removed through a form
checked by the same rules, with the same messages, as ``gk-respond contacts``."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from pydantic import ValidationError
from rich.text import Text
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.content import Content
from textual.widgets import DataTable, Header, Input, Select, Static

from ...messages import error_text
from ...records.channels import problems
from ...records.contacts import (
    FIELDS,
    Contact,
    ContactError,
    Contacts,
    check_role,
    default_id,
)
from ...records.store import StoreError
from ...untrusted import visible
from ..dropdown import Dropdown
from ..keys import bilingual
from ..literal import literal
from ..widgets import footer
from .base import Base
from .dialogs import ConfirmDialog
from .register import RegisterScreen, register_keys

T = TypeVar("T")

COLUMNS = ("role", "name", "phone", "email", "id")  # the id last: at 80 columns it may be cut
TYPED = ("name", "email", "phone", "id")  # the form's text fields, after the role


def in_contacts(screen: Base, work: Callable[[Contacts], T]) -> T | None:
    """``work`` done on the contact list; None, and a notice, if the case log cannot be used."""
    try:
        with screen.app.store() as store:
            return work(Contacts(store))
    except StoreError as error:
        screen.notify(
            screen.t("log_unusable").format(error=error_text(error, screen.app.lang)),
            severity="error",
        )
        return None


def role_title(screen: Base, role: str) -> str:
    roles = screen.app.chart.flowchart.roles
    return roles[role].title(screen.app.lang) if role in roles else role


class ContactsScreen(RegisterScreen):
    BINDINGS = register_keys("new_contact", "edit_contact", "remove_contact")
    TABLE, REMOVE = "contacts", "remove_contact"

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(id="contacts-heading", classes="heading")
        yield Static(id="problem")
        yield DataTable(id="contacts", cursor_type="row", zebra_stripes=True)
        yield footer()

    def show(self) -> None:
        self.query_one("#contacts-heading", Static).update(Content(self.t("contact_list")))
        table = self.query_one("#contacts", DataTable)
        table.clear(columns=True)
        for key in COLUMNS:
            table.add_column(self.t(f"co_f_{key}"), key=key)
        self.load()

    def load(self) -> None:
        table = self.query_one("#contacts", DataTable)
        table.clear()
        for contact in self.listed(lambda store: Contacts(store).all(), "no_contacts"):
            values = {**contact.data(), "role": role_title(self, contact.role)}
            table.add_row(*(Text(visible(values[k])) for k in COLUMNS), key=contact.id)

    def form_for(self, entry: Contact | None) -> ContactForm:
        return ContactForm(entry)

    def get_entry(self, key: str) -> Contact | None:
        return in_contacts(self, lambda contacts: contacts.get(key))

    def remove_entry(self, entry: Contact) -> bool:
        if not in_contacts(self, lambda contacts: contacts.remove(entry.id)):
            return False
        self.notify(self.t("contact_removed").format(id=entry.id))
        return True

    def removal_question(self, entry: Contact) -> str:
        return self.t("confirm_remove_contact").format(name=entry.name, id=entry.id)


class ContactForm(Base):
    """A contact's role (one of the flowchart's), name, e-mail, phone and id; Ctrl+S saves
    it if the contact list's rules allow it, and shows what is wrong under each field if
    they do not."""

    BINDINGS = [
        *bilingual("ctrl+s", "save", "save_contact", priority=True),
        *bilingual("escape", "cancel", "cancel", priority=True),
    ]

    def __init__(self, contact: Contact | None) -> None:
        super().__init__()
        self.contact = contact  # None: a new one

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll(id="form"):
            yield Static(id="form-heading", classes="heading")
            yield Static(id="label-role", classes="label")
            yield Dropdown([], id="field-role", allow_blank=True)
            yield Static(id="error-role", classes="error")
            for name in TYPED:
                yield Static(id=f"label-{name}", classes="label")
                yield Input(id=f"field-{name}")
                yield Static(id=f"error-{name}", classes="error")
        yield footer()

    def on_mount(self) -> None:
        if self.contact is not None:
            for name in TYPED:
                self.query_one(f"#field-{name}", Input).value = getattr(self.contact, name)
        self.query_one("#field-role", Select).focus()

    def show(self) -> None:
        heading = (
            self.t("contact_form_edit").format(id=self.contact.id)
            if self.contact
            else self.t("contact_form_new")
        )
        self.query_one("#form-heading", Static).update(Content(heading))
        self.query_one("#label-role", Static).update(Content(self.t("co_f_role")))
        select = self.query_one("#field-role", Select)
        chosen = select.value if isinstance(select.value, str) else None
        if chosen is None and self.contact is not None:
            chosen = self.contact.role
        select.prompt = self.t("choose")
        roles = self.app.chart.flowchart.roles
        select.set_options([(Content(role_title(self, r)), r) for r in roles])
        if chosen in roles:
            select.value = chosen
        for name in TYPED:
            self.query_one(f"#label-{name}", Static).update(Content(self.t(f"co_f_{name}")))
            self.query_one(f"#field-{name}", Input).placeholder = self.t(f"co_hint_{name}")
        if not hasattr(self, "initial"):
            self.initial = self.given()  # what Esc would not lose

    def given(self) -> dict[str, Any]:
        """The form's values as contact data; a blank id is the role's, as on the command
        line."""
        role = self.query_one("#field-role", Select).value
        data = {"role": role if isinstance(role, str) else ""}
        data |= {name: self.query_one(f"#field-{name}", Input).value for name in TYPED}
        if not data["id"].strip():
            data["id"] = default_id(data["role"])
        return data

    def mark(self, found: list[tuple[tuple[str | int, ...], str]]) -> None:
        """Show each problem under its field, and put the cursor on the first."""
        shown: dict[str, list[str]] = {}
        for loc, message in found:
            name = str(loc[0]) if loc and loc[0] in FIELDS else "id"
            shown.setdefault(name, []).append(message)
        for name, messages in shown.items():
            error = self.query_one(f"#error-{name}", Static)
            error.update(literal("\n".join(messages)))  # they may quote what was typed
            error.add_class("-shown")
        if shown:
            self.query_one(f"#field-{next(iter(shown))}").focus()
        self.notify(self.t("contact_not_saved"), severity="warning")

    def action_save(self, lang: str = "") -> None:
        for error in self.query(".error.-shown"):
            error.remove_class("-shown")
        data, roles = self.given(), list(self.app.chart.flowchart.roles)
        old = self.contact
        try:
            contact = Contact.model_validate(data)  # the same rules as everywhere
            check_role(contact, roles)
        except ValidationError as error:
            self.mark(problems(error, self.app.lang))
            return
        except ContactError as error:
            self.mark([(("role",), error.message(self.app.lang))])
            return

        def save(contacts: Contacts) -> Contact:
            if old is None:
                return contacts.add(contact)
            saved = contacts.update(old.id, data, roles)
            if saved is None:  # removed meanwhile, elsewhere
                raise ContactError("co_no_contact", id=old.id)
            return saved

        try:
            saved = in_contacts(self, save)
        except ContactError as error:
            self.mark([(("id",), error.message(self.app.lang))])
            return
        if saved is not None:
            self.notify(self.t("contact_saved").format(id=saved.id))
            self.app.pop_screen()

    def action_cancel(self, lang: str = "") -> None:
        """Back to the list; first ask, if something was typed that is not saved."""
        if self.given() == self.initial:
            self.app.pop_screen()
            return
        question = ConfirmDialog(self.t("unsaved_form"), "discard_changes")
        self.app.push_screen(question, lambda choice: self.app.pop_screen() if choice else None)
