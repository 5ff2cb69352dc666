"""The Textual app: one triage after another, from a found comment to an outcome."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar

from textual.app import App, SystemCommand
from textual.screen import Screen

from ..flowchart.engine import Chart
from ..messages import error_text, grouped, shown
from ..records.handler import handler_name
from ..strings import t
from ..triage import Comment, Triage
from ..untrusted import visible
from .kept_reader import KeptReader
from .keys import allowed, bilingual, key_name
from .screens.base import Base, dropdown_open
from .stylesheets import before_showing

if TYPE_CHECKING:
    from textual.driver import Driver
    from textual.notifications import SeverityLevel

    from ..records.store import Store
    from .paste import PasteCut

T = TypeVar("T")


_CHANNEL_SCREENS = ("ChannelsScreen", "ChannelForm", "ConfirmDialog")
# The app's keys a dialog or an open dropdown does not offer: its footer shows its own keys.
_NOT_OVER_A_DIALOG = ("new", "help", "switch_language", "records", "channels", "contacts")
LOG_WARNING_SECONDS = 30  # long enough to read a warning that names a file and its fix
_CONTACT_SCREENS = ("ContactsScreen", "ContactForm", "ConfirmDialog")


class GkRespondApp(App[None]):
    CSS_PATH = "app.tcss"
    TITLE = "gk-respond"
    ENABLE_COMMAND_PALETTE = True
    UNSAVED = "unsaved_triage"  # what leaving would lose, asked about first (strings.py)
    # Shown in the footer where there is room (? lists every key, these too).
    BINDINGS = [
        # priority: Ctrl+N works from a text field too; asks first when something is lost
        *bilingual("ctrl+n", "new", "new_triage", priority=True),
        *bilingual("question_mark,f1", "help", "help", key_display="?/F1"),  # F1 in a field
        *bilingual("ctrl+q", "quit", "quit", priority=True, show=False),
        *bilingual("l", "switch_language", "language", show=False),
        *bilingual("ctrl+r", "records", "cases", show=False),
        # priority: Ctrl+K opens the register from any screen, even from a text field
        *bilingual("ctrl+k", "channels", "channels", priority=True, show=False),
        *bilingual("ctrl+o", "contacts", "contacts", priority=True, show=False),  # the same
    ]
    TRIAGE_SCREENS = ("CommentScreen", "QuestionScreen", "OutcomeScreen")  # Ctrl+N there

    def __init__(
        self,
        chart: Chart,
        lang: str = "sv",
        comment: Comment | None = None,
        db: str | None = None,
        flowchart_file: str | None = None,
        handler: str | None = None,
    ) -> None:
        super().__init__()
        self.chart = chart
        self.lang = lang
        self.db = db  # the case log; None: $GK_RESPOND_DB or the user's data directory
        self.flowchart_file = flowchart_file  # None: the built-in one
        self.handler = handler_name(handler)  # who saves cases and writes notes
        self.triage = Triage(chart, comment or Comment())
        self.skip_comment = comment is not None
        self.log_warnings: list[str] = []  # what the user was told about the case log
        self.reader = KeptReader(self.opened_to_read)  # a server's log, kept open to read
        self.pastes_cut = 0  # pastes longer than the app keeps (tui/paste.py)

    def t(self, key: str) -> str:
        return t(self.lang, key)

    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: SeverityLevel = "information",
        timeout: float | None = None,
        markup: bool = False,
    ) -> None:
        """A notification, shown as the characters it is (never markup, whatever ``markup``
        says): every notification of this app may quote a path, a name or an error (see
        literal.py)."""
        super().notify(
            visible(message), title=visible(title), severity=severity, timeout=timeout,
            markup=False,
        )  # fmt: skip

    def get_driver_class(self) -> type[Driver]:
        from .paste import install

        install()  # a paste is pasted text to its end: it never presses a key
        return super().get_driver_class()

    def on_paste_cut(self, event: PasteCut) -> None:
        """A paste was longer than the app keeps (tui/paste.py): say so, and keep count."""
        self.pastes_cut += 1
        limit = grouped(event.kept, self.lang)
        self.notify(self.t("paste_cut").format(limit=limit), severity="warning", timeout=30)

    def on_mount(self) -> None:
        self.theme = "textual-dark"  # pinned: snapshots must not follow $TEXTUAL_THEME
        self.sub_title = self.t("app_subtitle")
        self.push_screen(self.first_screen())

    def push_screen(self, screen: Screen | str, *args: Any, **kwargs: Any) -> Any:
        before_showing(self, screen)  # the other screens' stylesheet, when one first opens
        return super().push_screen(screen, *args, **kwargs)

    def switch_screen(self, screen: Screen | str) -> Any:
        before_showing(self, screen)
        return super().switch_screen(screen)

    def first_screen(self) -> Screen:
        if self.skip_comment:
            from .screens.question import QuestionScreen

            self.find_channel()
            return QuestionScreen()
        from .screens.comment import CommentScreen

        return CommentScreen()

    def option_keys(self) -> dict[str, str]:
        """Key -> option id at the current question: digits always, and the first letters
        of the labels when there are two that differ (j/n in Swedish, y/n in English)."""
        walk = self.triage.walk
        options = self.chart.options(walk.question) if walk.question else []
        keys = {str(n): o.id for n, o in enumerate(options, 1)}
        firsts = [o.label(self.lang)[0].lower() for o in options]
        if len(options) == 2 and len(set(firsts)) == 2:
            keys.update(zip(firsts, (o.id for o in options), strict=True))
        return keys

    def new_triage(self) -> None:
        """Forget the comment and the walk, and start at the comment screen."""
        self.triage.new()
        from .screens.comment import CommentScreen

        while len(self.screen_stack) > 2:
            self.pop_screen()
        self.switch_screen(CommentScreen())

    def store(self, *, readonly: bool = False, create: bool = True) -> Store:
        """The case log, opened for one piece of work (``with app.store() as store:``);
        ``readonly`` to read only, which never creates it. StoreError says why it cannot be
        used (NoCaseLog: there is none yet)."""
        from ..records.store import Store, default_path

        return Store(
            self.db or default_path(), readonly=readonly, create=create, warn=self.warn_about_log
        )

    def read(self, work: Callable[[Store], T]) -> T:
        """``work`` done with the case log opened to read (as ``store(readonly=True)``
        opens it); a log on a server is kept open between reads (kept_reader.py)."""
        from ..records.location import is_url
        from ..records.store import default_path

        location = self.db or default_path()
        if is_url(location):
            return self.reader.read(location, work)
        with self.opened_to_read(location) as store:
            return work(store)

    def opened_to_read(self, location: str) -> Store:
        from ..records.store import Store

        return Store(location, readonly=True, warn=self.warn_about_log)

    def on_unmount(self) -> None:
        self.reader.close()

    def warn_about_log(self, warning: str) -> None:
        """What the user should know about a case log that can be used (others can read it,
        a damaged row is left out): told once a run, and kept in ``log_warnings``. Safe to
        call from a worker thread (``notify`` posts a message)."""
        if warning not in self.log_warnings:
            self.log_warnings.append(warning)
            text = self.t("log_warning").format(warning=shown(warning, self.lang))
            self.notify(text, severity="warning", timeout=LOG_WARNING_SECONDS)

    def find_channel(self) -> None:
        """Look the comment's address up in the channel register (in the case log, if there
        is one yet): a registered channel preselects the answer to owns_channel."""
        self.triage.channel = self.triage.channel_id = ""
        self.triage.channel_admins = []
        if not self.triage.comment.url:
            return
        from ..records.channel_lookup import registered_channel
        from ..records.store import NoCaseLog, StoreError

        try:
            channel = self.read(lambda store: registered_channel(store, self.triage.comment.url))
        except NoCaseLog:
            return  # nothing saved yet: no register either
        except StoreError as error:
            self.notify(
                self.t("register_unusable").format(error=error_text(error, self.lang)),
                severity="warning",
            )
            return
        if channel is not None:
            self.triage.channel, self.triage.channel_id = channel.name, channel.id
            self.triage.channel_admins = channel.data()["administrators"]

    def find_contacts(self) -> None:
        """Who to contact on the outcome reached: the contacts holding the roles it names
        (in the case log, if there is one yet) and the registered channel's administrators."""
        from .. import render
        from ..records.contact_rows import read_contacts
        from ..records.store import default_path

        triage, outcome = self.triage, self.triage.walk.outcome
        if outcome is None or not (self.chart.flowchart.contacts_of(outcome) or triage.channel_id):
            triage.contacts = []
            return
        channel = None
        if triage.channel_id:
            channel = {
                "id": triage.channel_id,
                "name": triage.channel,
                "administrators": triage.channel_admins,
            }
        people = read_contacts(self.db or default_path(), self.warn_about_log)
        triage.contacts = render.contacts_data(self.chart, outcome, self.lang, people, channel)

    def flowchart_path(self) -> str:
        from .. import default_flowchart

        return self.flowchart_file or default_flowchart()

    def action_records(self, lang: str = "") -> None:
        """The case log screen: composed once a run and kept, with its filters, search and
        page as they were left; its page is read again each time it is shown."""
        from .screens.records import RecordsScreen

        if not self.is_screen_installed("records"):
            self.install_screen(RecordsScreen(), "records")
        if self.get_screen("records") not in self.screen_stack:
            self.push_screen("records")

    def action_channels(self, lang: str = "") -> None:
        from .screens.channels import ChannelsScreen

        if not isinstance(self.screen, ChannelsScreen):
            # the register may have changed: what the comment's address is on, too
            self.push_screen(ChannelsScreen(), lambda _: self.find_channel())

    def action_contacts(self, lang: str = "") -> None:
        from .screens.contacts import ContactsScreen

        if not isinstance(self.screen, ContactsScreen):
            # an outcome's contacts may have changed: it builds them again
            self.push_screen(ContactsScreen(), lambda _: self.forget_contacts())

    def forget_contacts(self) -> None:
        from .screens.outcome import OutcomeScreen

        for screen in self.screen_stack:
            if isinstance(screen, OutcomeScreen):
                screen.guidance_for = None

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        from textual.command import CommandPalette
        from textual.screen import ModalScreen

        screen = self.screen
        if CommandPalette.is_open(self):  # it lists the actions of the screen beneath it
            screen = self.screen_stack[-2]
        over = isinstance(screen, ModalScreen) or dropdown_open(screen)
        if over and action in _NOT_OVER_A_DIALOG:
            return False
        name = type(screen).__name__
        if action == "new" and name not in self.TRIAGE_SCREENS:
            return False
        if action == "records" and name in ("RecordsScreen", "CaseScreen"):
            return False  # already there
        if action == "channels" and name in _CHANNEL_SCREENS:
            return False  # already there
        if action == "contacts" and name in _CONTACT_SCREENS:
            return False
        return allowed(parameters, self.lang)

    def unsaved_outcome(self) -> bool:
        """Whether a finished triage would be lost: it reached an outcome, and what it holds
        now is not in the case log."""
        return self.triage.walk.finished and self.triage.unsaved

    def leave(self, yes: str, then: Callable[[], object]) -> None:
        """Do ``then``; first ask (``yes`` names the going-on button) when that would drop a
        finished triage that is not saved. Asked again, the answer is yes."""
        from .screens.dialogs import ConfirmDialog

        if not self.unsaved_outcome() or isinstance(self.screen, ConfirmDialog):
            then()
            return
        question = ConfirmDialog(self.t(self.UNSAVED), yes)
        self.push_screen(question, lambda choice: then() if choice else None)

    def would_lose(self) -> str | None:
        """What a new comment would lose, by its key in strings.py: a finished triage not
        saved, or a comment and answers begun; None when there is nothing to lose."""
        if self.triage.walk.finished:
            return self.UNSAVED if self.unsaved_outcome() else None
        screen = self.screen
        typed = screen.typed() if isinstance(screen, Base) else False
        if typed or self.triage.comment != Comment() or self.triage.walk.path:
            return "unsaved_walk"
        return None

    def action_new(self, lang: str = "") -> None:
        """A new comment, from any triage screen; first ask when something would be lost."""
        from .screens.dialogs import ConfirmDialog

        lost = self.would_lose()
        if lost is None:
            self.new_triage()
            return
        question = ConfirmDialog(self.t(lost), "new_anyway")
        self.push_screen(question, lambda choice: self.new_triage() if choice else None)

    def action_help(self, lang: str = "") -> None:
        """Every key the screen offers, and at a question the question's help."""
        from .screens.dialogs import HelpScreen

        self.push_screen(HelpScreen(self.screen))

    def action_command_palette(self) -> None:
        """The command palette in the app's language, with the screen's actions only."""
        from textual.command import CommandPalette

        from .palette import Palette

        if self.use_command_palette and not CommandPalette.is_open(self):
            self.push_screen(Palette(self.t("palette_placeholder"), self.t("palette_no_matches")))

    async def action_quit(self, lang: str = "") -> None:
        self.leave("quit_anyway", self.exit)

    def action_switch_language(self, lang: str = "") -> None:
        self.lang = "en" if self.lang == "sv" else "sv"
        self.sub_title = self.t("app_subtitle")
        for screen in self.screen_stack:
            if isinstance(screen, Base) and screen.is_mounted:
                screen.show()
                screen.show_header_tooltip()
            screen.refresh_bindings()

    def get_system_commands(self, screen: Screen):
        """The command palette: every action the screen's keys offer, in the app's language
        (Textual's own commands, in English, are left out)."""
        seen = set()
        for key, active in screen.active_bindings.items():
            binding = active.binding
            if not active.enabled or not binding.action.endswith(f"('{self.lang}')"):
                continue
            if binding.action in seen:
                continue
            seen.add(binding.action)
            yield SystemCommand(
                binding.description,
                f"{self.t('key')}: {key_name(key, self.lang)}",
                lambda node=active.node, action=binding.action: self.run_action(action, node),
            )
