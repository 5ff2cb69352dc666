"""The case log in the app: the cases, filtered by outcome, status and text; one case opened,
closed or reopened, with a note added."""

from __future__ import annotations

from functools import partial

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.message import Message
from textual.timer import Timer
from textual.widgets import DataTable, Header, Input, Select, Static
from textual.worker import Worker, WorkerState

from ...messages import error_text
from ...records.store import STATUSES, Case, CaseFilter, StoreError
from ...untrusted import preview
from ..case_pages import (
    CountAnswer,
    PageAnswer,
    PageRequest,
    RowsAnswer,
    range_text,
    read_page,
    read_search,
)
from ..dropdown import Dropdown
from ..keys import bilingual
from ..literal import literal_rich
from ..steady_input import SteadyInput
from ..table_cells import LiteralTable
from ..widgets import footer
from .base import Base

ALL = "all"
COLUMNS = ("case", "created_at", "outcome", "status", "due_column", "comment_key", "handler")


class RowsRead(Message):
    """A search's rows, read in the worker thread before its count."""

    def __init__(self, answer: RowsAnswer) -> None:
        super().__init__()
        self.answer = answer


class RecordsScreen(Base):
    """The case log a page at a time: ``PAGE_SIZE`` cases, the overdue ones of the whole
    log first, then newest first, and a line saying which of how many; PgDn and PgUp turn the page.

    The page is read when the screen is shown (and again when the language changes, or when
    it comes back from a case: the cursor stays on its case), when a filter changes and
    when the page turns; the fields' own messages on mount read nothing. The search runs
    ``SEARCH_DELAY`` seconds after the last key typed in it, in a worker thread, so typing
    never waits for the log; its rows are shown as soon as they are read and the count
    when it comes (``case_pages.read_search``); an answer to an older request than the
    newest (rows or count) is dropped."""

    BINDINGS = [
        *bilingual("escape", "close", "close", priority=True),
        *bilingual("slash", "search", "search"),
        *bilingual("pagedown", "next_page", "next_page", priority=True),
        *bilingual("pageup", "previous_page", "previous_page", priority=True),
    ]
    PAGE_SIZE = 100  # cases a page
    SEARCH_DELAY = 0.15  # seconds without a key before the search runs (tests set 0)
    shown: PageRequest | None = None  # what the table shows the cases of
    wanted: PageRequest | None = None  # the newest request, shown or on its way
    serial = 0  # the newest request's
    more = False  # whether a page follows the one shown (PgDn)
    load_requested = False
    search_timer: Timer | None = None
    labelled = ""  # the language of the labels
    numbers: tuple[str, ...] = ()  # the cases' numbers, row by row
    turns: tuple[bool, bool] | None = None  # whether PgUp and PgDn turn the page shown
    columns: tuple[tuple[str, ...], tuple[int, ...]] | None = None  # shown, and how wide
    rows: list[dict[str, str]] | None = None  # the texts of the rows shown
    cases: list[Case] = []

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="filters"):
            yield SteadyInput(id="search")
            yield Dropdown(self.outcome_options(), id="outcome", allow_blank=False)
            yield Dropdown(self.status_options(), id="status", allow_blank=False)
        yield Static(id="problem")
        yield LiteralTable(id="cases", cursor_type="row", zebra_stripes=True)
        yield Static(id="range")
        yield footer()

    def on_mount(self) -> None:
        self.query_one("#cases", DataTable).focus()

    def outcome_options(self) -> list[tuple[Text, str]]:
        outcomes = self.app.chart.flowchart.outcomes.items()  # a --flowchart file's titles
        titles = (
            (self.t("all_outcomes"), ALL),
            *((o.title(self.app.lang), i) for i, o in outcomes),
        )
        return [(literal_rich(title), key) for title, key in titles]

    def status_options(self) -> list[tuple[Text, str]]:
        statuses = ((self.t("all_statuses"), ALL), *((self.t(f"status_{s}"), s) for s in STATUSES))
        return [(literal_rich(status), key) for status, key in statuses]

    def show(self) -> None:
        """The page of cases shown, read again; first the labels, if the app's language is
        not the one they are in (the screen is kept between openings)."""
        table = self.query_one("#cases", DataTable)
        cursor = table.cursor_row
        if self.labelled != self.app.lang:
            self.label()
        self.turns = None  # the footer refreshed once a showing (the language may be new)
        self.load(self.shown.offset if self.shown else 0, cursor)

    def label(self) -> None:
        """The search field's hint, the lists' options and the table's columns in the app's
        language."""
        t = self.t
        self.query_one("#search", Input).placeholder = t("search_cases")
        for select, options in (
            (self.query_one("#outcome", Select), self.outcome_options()),
            (self.query_one("#status", Select), self.status_options()),
        ):
            with select.prevent(Select.Changed):
                chosen = select.value
                select.set_options(options)
                select.value = chosen
        self.query_one("#cases", DataTable).clear(columns=True)  # made anew by fill
        self.columns = None
        self.labelled = self.app.lang

    def where(self) -> CaseFilter:
        outcome = self.query_one("#outcome", Select).value
        status = self.query_one("#status", Select).value
        return CaseFilter(
            outcomes=frozenset({outcome})
            if isinstance(outcome, str) and outcome != ALL
            else frozenset(),
            status=status if status in STATUSES else None,
            text=self.query_one("#search", Input).value.strip(),
        )

    def request(self, offset: int) -> PageRequest:
        """A request for the page at ``offset`` of what the filters ask for, the newest."""
        self.serial += 1
        self.wanted = PageRequest(self.where(), max(0, offset), self.serial)
        return self.wanted

    def load(self, offset: int = 0, cursor: int = 0) -> None:
        """Read the page at ``offset`` now and show it, the cursor on row ``cursor``."""
        self.show_page(read_page(self.app, self.request(offset), self.PAGE_SIZE), cursor)

    def show_page(self, answer: PageAnswer, cursor: int = 0) -> None:
        """The page ``answer`` holds, unless a newer request has been made since; a page past
        the end (cases closed meanwhile) gives way to the last one."""
        request, page = answer.request, answer.page
        if request.serial != self.serial:
            return  # an older request's answer: the newest one is shown or on its way
        if page is not None and page.total and not page.cases and request.offset:
            self.load((page.total - 1) // self.PAGE_SIZE * self.PAGE_SIZE)
            return
        total = page.total if page else 0
        self.shown, self.more = request, request.offset + self.PAGE_SIZE < total
        self.show_problem(answer.problem)
        self.fill(page.cases if page else [])
        table = self.query_one("#cases", DataTable)
        table.move_cursor(row=min(cursor, max(table.row_count - 1, 0)), scroll=False)
        self.show_range(total)

    def on_rows_read(self, message: RowsRead) -> None:
        """A search's rows, before its count: the range line says "…" for the count."""
        request, rows = message.answer.request, message.answer.rows
        if request.serial != self.serial:
            return  # an older request's rows
        self.shown, self.more = request, rows.more
        self.show_problem("")
        self.fill(rows.cases)
        self.query_one("#cases", DataTable).move_cursor(row=0, scroll=False)
        self.show_range(None)

    def show_count(self, answer: CountAnswer) -> None:
        """The count of what the rows shown match, unless a newer request has been made."""
        if answer.request.serial != self.serial or self.shown is not answer.request:
            return  # an older request's count, or one whose rows were not shown
        if answer.total is None:  # the log could not be read for the count
            self.show_problem(answer.problem)
            self.query_one("#range", Static).display = False
            return
        self.more = answer.request.offset + self.PAGE_SIZE < answer.total
        self.show_range(answer.total)

    def show_range(self, total: int | None) -> None:
        """The line under the table: which of ``total`` cases (None: still counting) are
        shown; and PgDn and PgUp in the footer, where there is a page to turn to."""
        request, shown = self.shown, len(self.numbers)
        offset = request.offset if request else 0
        line = self.query_one("#range", Static)
        # one line high and as wide as the screen whatever it says: no layout for it
        line.update(range_text(offset, shown, total, self.app.lang), layout=False)
        line.display = bool(shown)
        turns = (offset > 0, self.more)
        if turns != self.turns:  # the footer is built again: only when it changes
            self.turns = turns
            self.refresh_bindings()  # PgDn and PgUp only where there is a page to turn to

    def fill(self, cases: list[Case]) -> None:
        """The cases, in the store's order (the overdue ones first), marked in words (not
        by colour alone); the columns those that fit the table's width (``case_columns``)."""
        from ...clock import now
        from ...records.due import due_label, is_overdue
        from ...records.view import local_time, outcome_title

        lang, chart, moment = self.app.lang, self.app.chart, now()
        rows = []
        for case in cases:
            created, status = local_time(case.created_at), self.t(f"status_{case.status}")
            late = is_overdue(case, chart, moment)
            rows.append(
                {
                    "case": case.number,
                    "created_at": created,
                    "date": created.split(" ")[0],
                    "outcome": outcome_title(chart, case.outcome, lang),
                    "status": status,
                    "status_late": f"{status} {self.t('overdue_word')}" if late else status,
                    "due_column": due_label(case, chart, moment, lang),
                    "comment": preview(case.comment_text.replace("\n", " "), 1, 300)[0],
                    "handler": case.handler,
                }
            )
        self.cases = cases
        self.numbers = tuple(case.number for case in cases)  # the rows' keys are places
        self.put(rows)

    def put(self, rows: list[dict[str, str]]) -> None:
        """The rows in the columns that fit; the columns made anew only when they change."""
        from ..case_columns import fit

        table = self.query_one("#cases", LiteralTable)
        width = table.size.width or self.app.size.width
        labels = {key: self.t(key) for key in COLUMNS}
        found = fit(width, labels, rows, self.columns)
        if (found.columns, found.widths) != self.columns:
            table.clear(columns=True)
            for key, wide in zip(found.columns, found.widths, strict=True):
                table.add_column(labels[key], key=key, width=wide)
            self.columns = (found.columns, found.widths)
        table.put_rows(found.rows)
        self.rows = rows

    def on_resize(self) -> None:
        """The columns chosen again for the new width (the layout may change)."""
        if self.rows is not None:
            self.columns = None
            self.call_after_refresh(lambda: self.put(self.rows or []))

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        allowed = super().check_action(action, parameters)
        offset = self.shown.offset if self.shown else 0
        if action == "next_page" and not self.more:
            return False  # not in the footer: there is no next page
        if action == "previous_page" and not offset:
            return False  # nor a previous one
        return allowed

    def action_next_page(self, lang: str = "") -> None:
        if self.shown and self.more:
            self.load(self.shown.offset + self.PAGE_SIZE)

    def action_previous_page(self, lang: str = "") -> None:
        if self.shown and self.shown.offset:
            self.load(self.shown.offset - self.PAGE_SIZE)

    def request_load(self) -> None:
        """Read the cases again after the messages already waiting: every change made
        before then is read once, together."""
        if not self.load_requested:
            self.load_requested = True
            self.call_later(self.load_if_changed)

    def load_if_changed(self) -> None:
        self.load_requested = False
        if self.wanted is None or self.where() != self.wanted.where:
            self.load()

    def search(self) -> None:
        """The first page of what the search field now says, read in a worker thread (its
        rows shown by ``on_rows_read``, its count or counted page by
        ``on_worker_state_changed``, unless a newer request came)."""
        self.search_timer = None
        if self.wanted is not None and self.where() == self.wanted.where:
            return  # asked for already
        request = self.request(0)
        self.run_worker(
            partial(read_search, self.app, request, self.PAGE_SIZE, self.post_rows),
            name="case search",
            group="search",
            thread=True,
        )

    def post_rows(self, answer: RowsAnswer) -> None:
        self.post_message(RowsRead(answer))  # from the worker thread: thread-safe

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if event.state != WorkerState.SUCCESS:
            return
        if isinstance(event.worker.result, PageAnswer):
            self.show_page(event.worker.result)
        elif isinstance(event.worker.result, CountAnswer):
            self.show_count(event.worker.result)

    def on_input_changed(self, event: Input.Changed) -> None:
        """The search, once the keys stop coming for ``SEARCH_DELAY`` seconds."""
        if self.search_timer is not None:
            self.search_timer.stop()
        if self.SEARCH_DELAY > 0:
            self.search_timer = self.set_timer(self.SEARCH_DELAY, self.search)
        else:
            self.call_later(self.search)

    def on_select_changed(self, event: Select.Changed) -> None:
        self.request_load()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        if self.search_timer is not None:  # Enter: search now
            self.search_timer.stop()
            self.search()
        self.query_one("#cases", DataTable).focus()

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        if 0 <= event.cursor_row < len(self.numbers):
            self.app.push_screen(CaseScreen(self.numbers[event.cursor_row]))

    def action_search(self, lang: str = "") -> None:
        self.query_one("#search", Input).focus()

    def action_close(self, lang: str = "") -> None:
        self.app.pop_screen()


class CaseScreen(Base):
    """One case, every field, shown literally; close or reopen it, add a note, set the
    follow-up fields and tick steps: each change saved at once, and in the history."""

    BINDINGS = [
        *bilingual("escape", "close", "close", priority=True),
        *bilingual("x", "toggle_closed", "close_or_reopen"),
        *bilingual("a", "note", "note"),
        *bilingual("b", "attach", "attach_file"),
        *bilingual("t", "steps", "fu_steps"),
        *bilingual("r", "removed_now", "fu_removed", show=False),  # ? lists them
        *bilingual("k", "copy_kept", "fu_copy", show=False),
        *bilingual("d", "diarium_number", "fu_diarium", show=False),
        *bilingual("f", "forwarded_to", "fu_forwarded", show=False),
    ]

    def __init__(self, number: str) -> None:
        super().__init__()
        self.number = number

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll(id="body"):
            yield Static(id="case")
        yield footer()

    def case(self) -> Case | None:
        try:
            return self.app.read(lambda store: store.get(self.number))
        except StoreError as error:
            self.notify(
                self.t("log_unusable").format(error=error_text(error, self.app.lang)),
                severity="error",
            )
            return None

    def show(self) -> None:
        from ...records.view import case_text

        case = self.case()
        if case is not None:
            shown = self.query_one("#case", Static)
            body = self.query_one("#body", VerticalScroll).scrollable_content_region.width
            width = (body or self.app.size.width) - 6
            text = case_text(case, self.app.chart, self.app.lang, width)
            shown.update(Content(text + self.attachments(case)))

    def attachments(self, case: Case) -> str:
        """The case's attachments as a section under the case (a file attached or withdrawn
        is also in the history)."""
        from ...records.attachments import attachment_lines, attachments
        from ...records.evidence_texts import say

        try:
            found = self.app.read(lambda store: attachments(store, case.number))
        except StoreError:
            return ""
        lines = attachment_lines(found, self.app.lang)
        heading = say(self.app.lang, "attachments")
        return "\n".join(["", "", heading, *(f"  {line}" for line in lines)]) if found else ""

    def on_resize(self) -> None:
        self.call_after_refresh(self.show)  # wrapped anew to the width there is

    def change(self, **given: object) -> Case | None:
        """Apply a change to the case in one transaction, then show it as stored."""
        from ...records.followup import Changes, apply
        from ...triage import utc_now

        changes = Changes(at=utc_now(), who=self.app.handler, **given)  # type: ignore[arg-type]
        try:
            with self.app.store(create=False) as store:
                case = store.update(self.number, lambda case: apply(case, changes))
        except StoreError as error:
            self.notify(
                self.t("log_unusable").format(error=error_text(error, self.app.lang)),
                severity="error",
            )
            return None
        self.show()
        return case

    def action_toggle_closed(self, lang: str = "") -> None:
        case = self.case()
        changed = self.change(close=case.status == "open") if case else None
        if changed is not None:
            self.notify(self.t(f"case_now_{changed.status}").format(case=self.number))

    def action_note(self, lang: str = "") -> None:
        from .dialogs import NoteDialog

        def keep(text: str | None) -> None:
            if text and text.strip():
                self.change(note=text)

        self.app.push_screen(NoteDialog(""), keep)

    def action_attach(self, lang: str = "") -> None:
        from .attach import AttachDialog

        self.app.push_screen(AttachDialog(self.number), lambda _done: self.show())

    def action_close(self, lang: str = "") -> None:
        self.app.pop_screen()

    def action_removed_now(self, lang: str = "") -> None:
        from ...clock import now_text

        if self.change(values={"removed_at": now_text()}) is not None:
            self.notify(self.t("removed_now").format(case=self.number))

    def action_copy_kept(self, lang: str = "") -> None:
        self.edit_field("copy_kept")

    def action_diarium_number(self, lang: str = "") -> None:
        self.edit_field("diarium_number")

    def action_forwarded_to(self, lang: str = "") -> None:
        self.edit_field("forwarded_to")

    def edit_field(self, name: str) -> None:
        """Set a follow-up field from a dialog, saved at once (Esc changes nothing)."""
        from .followup import FieldDialog

        case = self.case()
        if case is None:
            return

        def keep(value: str | None) -> None:
            if value is None or value == (getattr(case, name) or ""):
                return
            if self.change(values={name: value}) is not None:
                label = self.t(name)
                self.notify(self.t("followup_saved").format(field=label, case=self.number))

        self.app.push_screen(FieldDialog(self.t(name), getattr(case, name) or ""), keep)

    def action_steps(self, lang: str = "") -> None:
        from ...records.view import case_steps
        from .followup import StepsDialog

        case = self.case()
        steps = case_steps(self.app.chart, case) if case else None
        if case is None or not steps:
            return

        def keep(picked: str | None) -> None:
            if picked is not None and picked.isdigit():
                index = int(picked)
                done = index in case.ticked
                self.change(tick=set() if done else {index}, untick={index} if done else set())

        texts = [step.text(self.app.lang) for step in steps]
        self.app.push_screen(StepsDialog(texts, case.ticked), keep)
