"""The reply editor: the draft starts from the outcome's template, and the findings of the
reply checker are listed beside it, updated when the writer pauses.

Checking is debounced: each change restarts a short timer, and the check runs when it
fires (a typical reply takes a few milliseconds). Tests call ``check_now()`` and never wait
for the timer. Highlighting a finding selects its span in the draft. The draft and every
finding are shown as the characters they are (pastes are made visible, as comments are).
"""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.timer import Timer
from textual.widgets import Header, OptionList, Static, TextArea
from textual.widgets.option_list import Option
from textual.widgets.text_area import Selection

from ...reply.place import place
from ...untrusted import visible
from ..keys import bilingual
from ..widgets import footer
from .base import Base
from .comment import CommentArea

if TYPE_CHECKING:
    from ...reply.check import Finding
    from ...reply.load import Rules

PAUSE = 0.3  # seconds without typing before the draft is checked
MARKS = {"error": "✖", "warning": "▲", "hint": "·"}  # a sign, not colour alone


@cache
def _rules() -> Rules:
    """The shipped rules, loaded once per process (the first check pays for it)."""
    from ...reply.load import load

    return load()


class ReplyScreen(Base):
    BINDINGS = [
        *bilingual("escape", "back", "reply_keep", priority=True),
        *bilingual("ctrl+s", "back", "reply_keep", priority=True, show=False),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.findings: list[Finding] = []
        self._timer: Timer | None = None
        self._start = ""  # the draft as the editor opened it
        self._opened = ""  # the triage's reply when the editor opened
        self._checked: str | None = None  # the text the findings are about

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="reply-body"):
            with Vertical(id="reply-left"):
                yield Static(id="reply-heading", classes="heading")
                yield CommentArea(id="reply", soft_wrap=True)
            with Vertical(id="reply-right"):
                yield Static(id="findings-heading", classes="heading")
                yield Static(id="findings-counts")
                yield OptionList(id="findings")
        yield footer()

    def on_mount(self) -> None:
        triage = self.app.triage
        draft = triage.reply
        if not draft.strip():
            template = self.app.chart.flowchart.outcomes[triage.walk.outcome].reply_template
            draft = template(self.app.lang) if template else ""
        self._start = draft
        self._opened = triage.reply
        area = self.query_one("#reply", TextArea)
        area.load_text(draft)
        area.focus()
        self.check_now()

    def show(self) -> None:
        self.query_one("#reply-heading", Static).update(Content(self.t("reply_heading")))
        self.query_one("#findings-heading", Static).update(Content(self.t("reply_findings_now")))
        self._show_findings()

    def on_text_area_changed(self, event: TextArea.Changed) -> None:
        """A change: check when the writer pauses (each change restarts the wait)."""
        text = event.text_area.text
        triage = self.app.triage
        # the triage holds the draft at once, so that quitting asks before it is lost; a
        # template left as it came is not a reply
        triage.reply = "" if not self._opened and text == self._start else text
        if text == self._checked:
            return  # e.g. the draft loaded when the editor opened: already checked
        if self._timer is not None:
            self._timer.stop()
        self.query_one("#findings-counts", Static).update(Content(self.t("reply_checking")))
        self._timer = self.set_timer(PAUSE, self.check_now)

    def check_now(self) -> None:
        """Check the draft as it is now and list the findings."""
        from ...flowchart.problems import FlowchartError
        from ...reply.check import check

        if self._timer is not None:
            self._timer.stop()
            self._timer = None
        triage = self.app.triage
        text = self.query_one("#reply", TextArea).text
        try:
            rules = _rules()
        except FlowchartError as error:
            self.findings = []
            message = self.t("reply_rules_broken").format(error=error)
            self.query_one("#findings-counts", Static).update(Content(message))
            return
        platform = triage.comment.platform or None
        self._checked = text
        self.findings = check(text, rules, outcome=triage.walk.outcome, platform=platform)
        self._show_findings()

    def _show_findings(self) -> None:
        from ...reply.check import counts
        from ...strings import reply_counts

        lang = self.app.lang
        tally = counts(self.findings)
        line = reply_counts(tally, lang) if self.findings else ""
        self.query_one("#findings-counts", Static).update(
            Content(line or self.t("reply_none_found"))
        )
        listed = self.query_one("#findings", OptionList)
        listed.clear_options()
        text = self.query_one("#reply", TextArea).text
        listed.add_options(
            Option(Content(self._label(finding, text, lang))) for finding in self.findings
        )

    def _label(self, finding: Finding, text: str, lang: str) -> str:
        message = finding.message.get(lang, finding.message["sv"])
        where = place(text, finding.start)
        label = f"{MARKS[finding.level]} {self.t('level_' + finding.level)} {where}: "
        label += message
        if finding.suggestion:
            label += f" → {finding.suggestion}"
        return visible(label + f"\n  ({finding.source})")

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        """Mark the span of the finding under the cursor in the draft."""
        if event.option_index >= len(self.findings):
            return
        finding = self.findings[event.option_index]
        area = self.query_one("#reply", TextArea)
        start = area.document.get_location_from_index(finding.start)
        end = area.document.get_location_from_index(finding.end)
        area.selection = Selection(start, end)

    def action_back(self, lang: str = "") -> None:
        """Go back; the triage keeps the draft (the case keeps it when it is saved)."""
        if self.app.triage.reply != self._opened:
            self.notify(self.t("reply_kept"))
        self.app.pop_screen()
