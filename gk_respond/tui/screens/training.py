"""A training session's screens: the scenario, its questions (the triage's own question
screen), the feedback after each, and the result at the end. What is right or wrong is
decided in ``gk_respond.training``; these screens only show it."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.content import Content
from textual.widgets import Header, Static

from ... import render
from ...strings import decimal
from ...training.grade import Graded, advised, percent, report_data, report_markdown
from ...untrusted import visible
from ..keys import bilingual
from ..widgets import footer
from .base import Base
from .question import QuestionScreen

if TYPE_CHECKING:
    from ...training.schema import Scenario
    from ..training import TrainingApp


def scenario_context(app: TrainingApp, scenario: Scenario) -> str:
    """Where the comment was posted and by whom, in a few lines (made visible)."""
    lang = app.lang
    owned = app.t("own_channel" if scenario.owns_channel else "other_channel")
    lines = [f"{app.t('channel')}: {app.t('platform_' + scenario.platform)} ({owned})"]
    if scenario.channel:
        lines.append(f"  {visible(scenario.channel(lang))}")
    if scenario.author:
        lines.append(f"{app.t('writer')}: {visible(scenario.author(lang))}")
    return "\n".join(lines)


def bar(part: int, whole: int, width: int = 10) -> str:
    filled = round(width * part / whole) if whole else 0
    return "█" * filled + "░" * (width - filled)


class TrainingBase(Base):
    app: TrainingApp


# On every screen of a session before its result: end it now, and show the result so far.
END = bilingual("ctrl+e", "end_session", "end_session", priority=True)


def end_session(app: TrainingApp) -> None:
    """The session ends here: the scenarios not answered are left out of the result."""
    app.session.end()
    app.show_progress()
    app.switch_screen(ResultScreen())


class ScenarioScreen(TrainingBase):
    """The comment to judge, whole, with where it was posted."""

    BINDINGS = [*bilingual("enter,space", "start", "start_answering", priority=True), *END]

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll(id="body"):
            yield Static(id="scenario-place", classes="muted")
            yield Static(id="scenario-title", classes="heading")
            yield Static(id="scenario-context")
            yield Static(id="scenario-comment")
        yield footer()

    def show(self) -> None:
        app, scenario = self.app, self.app.session.current
        if scenario is None:
            return
        session = app.session
        place = self.t("scenario_of").format(n=session.index + 1, total=len(session.scenarios))
        self.query_one("#scenario-place", Static).update(Content(place))
        title = visible(scenario.title(app.lang))
        self.query_one("#scenario-title", Static).update(Content(title))
        self.query_one("#scenario-context", Static).update(Content(scenario_context(app, scenario)))
        comment = self.query_one("#scenario-comment", Static)
        comment.border_title = Content(self.t("comment_heading"))
        comment.update(Content(visible(scenario.comment(app.lang))))

    def action_start(self, lang: str = "") -> None:
        self.app.switch_screen(TrainingQuestionScreen())

    def action_end_session(self, lang: str = "") -> None:
        end_session(self.app)


class TrainingQuestionScreen(QuestionScreen):
    """The triage's question screen, keys and all, with the scenario's channel under the
    comment (the trainee has to judge "Kommunens kanal?"); reaching an outcome grades the
    walk."""

    app: TrainingApp
    BINDINGS = END

    def compose(self) -> ComposeResult:
        for widget in super().compose():
            yield widget
            if widget.id == "comment":
                yield Static(id="scenario-channel", classes="muted")

    def show(self) -> None:
        super().show()
        scenario = self.app.session.current
        if scenario is not None and not self.app.triage.walk.finished:
            place = " ".join(scenario_context(self.app, scenario).split("\n")[0].split())
            if scenario.channel:
                place += f" · {visible(scenario.channel(self.app.lang))}"
            self.query_one("#scenario-channel", Static).update(Content(place))

    def action_end_session(self, lang: str = "") -> None:
        end_session(self.app)

    def finish(self) -> None:
        walk = self.app.triage.walk
        assert walk.outcome is not None
        graded = self.app.session.record(list(walk.path), walk.outcome)
        self.app.switch_screen(FeedbackScreen(graded))


class FeedbackScreen(TrainingBase):
    """Right or wrong, where the trainee's path left the expected one and why, and the
    expected outcome."""

    BINDINGS = [
        *bilingual("enter,space", "next", "next_scenario", priority=True),
        *bilingual("k", "comment", "comment_key", show=False),
        *END,
    ]

    def action_end_session(self, lang: str = "") -> None:
        end_session(self.app)

    def __init__(self, graded: Graded) -> None:
        super().__init__()
        self.graded = graded

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll(id="body"):
            yield Static(id="verdict", classes="heading")
            yield Static(id="outcomes")
            yield Static(id="divergence-heading", classes="heading")
            yield Static(id="divergence")
            yield Static(id="advice-heading", classes="heading")
            yield Static(id="advice")
            yield Static(id="paths")
        yield footer()

    def show(self) -> None:
        app, lang, graded = self.app, self.app.lang, self.graded
        chart = app.chart

        def title(oid: str) -> str:
            return chart.flowchart.outcomes[oid].title(lang)

        if graded.right and graded.divergence:
            verdict = f"✔ {self.t('right')} {self.t('right_but_path')}"
        else:
            verdict = f"✔ {self.t('right')}" if graded.right else f"✘ {self.t('wrong')}"
        verdict_line = self.query_one("#verdict", Static)
        verdict_line.update(Content(verdict))
        verdict_line.set_classes(["heading", "-right" if graded.right else "-wrong"])
        expected = ", ".join(title(o) for o in graded.scenario.outcomes)
        self.query_one("#outcomes", Static).update(
            Content(
                f"{self.t('your_outcome')}: {title(graded.outcome)}\n"
                f"{self.t('expected_outcome')}: {expected}"
            )
        )
        d = graded.divergence
        heading = self.query_one("#divergence-heading", Static)
        body = self.query_one("#divergence", Static)
        heading.display = body.display = d is not None
        if d is not None:
            question = chart.question(d.question)
            heading.update(Content(f"{self.t('left_path_at')}: {question.title(lang)}"))
            given = render.answer_label(chart, d.question, d.given, lang)
            wanted = render.answer_label(chart, d.question, d.expected, lang)
            body.update(
                Content(
                    f"{question.text(lang)}\n"
                    f"{self.t('answered_expected').format(given=given, expected=wanted)}\n"
                    f"{self.t('why')}: {visible(d.why(lang))}"
                )
            )
        path, outcome = advised(chart, graded)
        self.query_one("#advice-heading", Static).update(
            Content(self.t("advice_for").format(outcome=title(outcome)))
        )
        steps = render.outcome_data(chart, outcome, lang, path)["steps"]
        self.query_one("#advice", Static).update(
            Content("\n".join(f"{n}. {step['text']}" for n, step in enumerate(steps, 1)))
        )
        lines = [f"{self.t('your_path')}:", *render.path_text(chart, graded.path, lang), ""]
        lines += [f"{self.t('expected_path')}:", *render.path_text(chart, graded.expected, lang)]
        lines += ["", f"{self.t('policy_source')}: {visible(graded.scenario.source)}"]
        self.query_one("#paths", Static).update(Content("\n".join(lines)))

    def action_next(self, lang: str = "") -> None:
        app = self.app
        app.session.advance()
        if app.session.finished:
            app.show_progress()
            app.switch_screen(ResultScreen())
        else:
            app.start_scenario()
            app.switch_screen(ScenarioScreen())


class ResultScreen(TrainingBase):
    """The score, right answers per question, the scenarios missed; e exports it."""

    BINDINGS = [*bilingual("e", "export", "export_result")]

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll(id="body"):
            yield Static(id="result-title", classes="heading")
            yield Static(id="score", classes="heading")
            yield Static(id="per-question-heading", classes="heading")
            yield Static(id="per-question")
            yield Static(id="missed-heading", classes="heading")
            yield Static(id="missed")
        yield footer()

    def show(self) -> None:
        app, lang = self.app, self.app.lang
        report = app.session.report()
        title = self.t("training_result")
        if app.session.trainee:
            title += f": {visible(app.session.trainee)}"
        self.query_one("#result-title", Static).update(Content(title))
        score = self.t("score_line").format(
            right=report.right,
            total=report.total,
            percent=decimal(percent(report.right, report.total), app.lang),
        )
        session = app.session
        if len(report.graded) < len(session.scenarios):
            score += "\n" + self.t("ended_early").format(
                done=len(report.graded), total=len(session.scenarios)
            )
        self.query_one("#score", Static).update(Content(score))
        self.query_one("#per-question-heading", Static).update(Content(self.t("per_question")))
        per = report.per_question(app.chart)
        titles = {qid: app.chart.question(qid).title(lang) for qid in per}
        width = max((len(t) for t in titles.values()), default=0)
        rows = [
            f"{titles[qid]:<{width}}  {right:>2}/{asked:<2} {bar(right, asked)}"
            for qid, (right, asked) in per.items()
        ]
        self.query_one("#per-question", Static).update(Content("\n".join(rows)))
        self.query_one("#missed-heading", Static).update(Content(self.t("missed")))
        missed = [f"✘ {visible(g.scenario.title(lang))}" for g in report.missed]
        self.query_one("#missed", Static).update(
            Content("\n".join(missed) or self.t("none_missed"))
        )

    def action_export(self, lang: str = "") -> None:
        from .dialogs import ExportScreen

        app = self.app
        trainee = "".join(c if c.isalnum() else "-" for c in app.session.trainee).strip("-")
        default = f"gk-respond-training-{trainee}.md" if trainee else "gk-respond-training.md"

        def text_for(path: Path) -> str:
            report = app.session.report()
            if path.suffix.lower() == ".json":
                data = report_data(app.chart, report, app.lang, app.session.trainee)
                return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
            return report_markdown(app.chart, report, app.lang, app.session.trainee)

        def exported(path: str | None) -> None:
            if path is not None:
                app.session.exported = len(app.session.graded)

        app.push_screen(ExportScreen(default, text_for, "export_result_prompt"), exported)
