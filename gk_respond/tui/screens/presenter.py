"""The presenter view: a trainer in front of a group walks each scenario along its expected
path. At a question, space shows the expected answer and why; space again gives that answer
and moves on. At the outcome, space goes to the next scenario. Large and uncluttered: the
comment, the question, the answers, and nothing else until asked."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.content import Content
from textual.widgets import Static

from ... import render
from ...flowchart.engine import Step
from ...training.check import expected_path
from ...untrusted import visible
from ..keys import bilingual
from ..widgets import footer
from .base import Base
from .training import scenario_context

if TYPE_CHECKING:
    from ..training import TrainingApp


# What space does next, by the stage of the walk -> the footer's label for it. Each stage
# has its own binding (labels are fixed when the class is made); check_action shows the one.
SPACE = {
    "reveal": "reveal",  # at a question: show the expected answer
    "follow": "next_question",  # the answer shown: give it, on to the next question
    "conclude": "to_outcome",  # ... or to the outcome it leads to
    "next": "next_scenario",  # at the outcome: the next scenario
}


class PresenterScreen(Base):
    app: TrainingApp
    BINDINGS = [
        *(
            binding
            for stage, label in SPACE.items()
            for binding in bilingual("space", f"step_{stage}", label, priority=True)
        ),
        *bilingual("backspace", "back", "back", priority=True),
        *bilingual("k", "comment", "comment_key", show=False),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.revealed = False  # the expected answer to the open question is shown

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="presenter"):
            yield Static(id="p-place", classes="muted")
            yield Static(id="p-title")
            yield Static(id="p-comment")
            yield Static(id="p-context", classes="muted")
            yield Static(id="p-question")
            yield Static(id="p-options")
            yield Static(id="p-reveal")
            yield Static(id="p-hint", classes="muted")
        yield footer()

    def show(self) -> None:
        self.refresh_bindings()  # what space does has changed
        app, lang = self.app, self.app.lang
        session, scenario = app.session, app.session.current
        place = self.query_one("#p-place", Static)
        if scenario is None:
            place.update(Content(self.t("end_of_session")))
            for part in ("title", "comment", "context", "question", "options", "reveal", "hint"):
                self.query_one(f"#p-{part}").display = False
            return
        place.update(
            Content(self.t("scenario_of").format(n=session.index + 1, total=len(session.scenarios)))
        )
        self.query_one("#p-title", Static).update(Content(visible(scenario.title(lang))))
        comment = self.query_one("#p-comment", Static)
        comment.update(Content(visible(scenario.comment(lang))))
        self.query_one("#p-context", Static).update(Content(scenario_context(app, scenario)))
        walk, chart = app.triage.walk, app.chart
        question, options, reveal = (
            self.query_one(f"#p-{part}", Static) for part in ("question", "options", "reveal")
        )
        if walk.finished:
            outcome = chart.flowchart.outcomes[walk.outcome]
            question.update(Content(f"{self.t('outcome_short')}: {outcome.title(lang)}"))
            accepted = ", ".join(chart.flowchart.outcomes[o].title(lang) for o in scenario.outcomes)
            addition = f"\n({outcome.addition(lang)})" if outcome.addition else ""
            options.update(Content(outcome.summary(lang) + addition))  # as the outcome screen
            reveal.update(
                Content(
                    f"{self.t('acceptable_outcomes')}: {accepted}\n"
                    f"{self.t('policy_source')}: {visible(scenario.source)}"
                )
            )
            reveal.display = True
            hint = self.t("next_scenario")
        else:
            current = chart.question(walk.question)
            question.update(Content(current.text(lang)))
            labels = [o.label(lang) for o in chart.options(walk.question)]
            options.update(Content("   ·   ".join(labels)))
            step = self.expected()[len(walk.path)]
            answer = render.answer_label(chart, step.question, step.answer, lang)
            why = visible(scenario.answers[step.question].why(lang))
            reveal.update(Content(f"{self.t('expected_answer')}: {answer}\n\n{why}"))
            reveal.display = self.revealed
            hint = self.t("press_space_again" if self.revealed else "press_space")
        self.query_one("#p-hint", Static).update(Content(f"[{hint}]"))

    def expected(self) -> list[Step]:
        return expected_path(self.app.chart, self.app.session.current)

    def stage(self) -> str | None:
        """What space does now (a key of SPACE); None at the end of the session."""
        walk, chart = self.app.triage.walk, self.app.chart
        if self.app.session.current is None:
            return None
        if walk.finished:
            return "next"
        if not self.revealed:
            return "reveal"
        step = self.expected()[len(walk.path)]
        return "conclude" if chart.is_outcome(chart.next(walk.node, step.answer)) else "follow"

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action.startswith("step_") and action != f"step_{self.stage()}":
            return False
        return super().check_action(action, parameters)

    def action_step(self, lang: str = "") -> None:
        app = self.app
        walk = app.triage.walk
        if app.session.current is None:
            return
        if walk.finished:
            app.session.advance()
            app.start_scenario()
        elif not self.revealed:
            self.revealed = True
        else:
            walk.answer(self.expected()[len(walk.path)].answer)
            self.revealed = False
        self.show()
        self.scroll_to_news()

    action_step_reveal = action_step_follow = action_step_conclude = action_step_next = action_step

    def action_back(self, lang: str = "") -> None:
        if self.revealed:
            self.revealed = False
        elif self.app.triage.walk.back():
            self.revealed = True
        self.show()
        self.scroll_to_news()

    def scroll_to_news(self) -> None:
        """From the top for a new question or scenario; an answer or outcome revealed below
        the fold is scrolled into view."""
        self.query_one("#presenter").scroll_home(animate=False)
        reveal = self.query_one("#p-reveal")
        if reveal.display:  # once laid out again: its place may have moved
            self.call_after_refresh(reveal.scroll_visible, animate=False)
