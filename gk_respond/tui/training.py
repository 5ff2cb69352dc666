"""The training app: scenarios walked one after another and graded, or shown to a group in
the presenter view. The grading lives in ``gk_respond.training``; this only renders it."""

from __future__ import annotations

from collections.abc import Sequence

from textual.screen import Screen

from ..flowchart.engine import Chart
from ..training.schema import Scenario
from ..training.session import Session
from ..triage import Comment, Triage
from ..untrusted import visible
from .app import GkRespondApp


class TrainingApp(GkRespondApp):
    UNSAVED = "unsaved_session"  # what leaving would lose: the session's result

    def __init__(
        self,
        chart: Chart,
        scenarios: Sequence[Scenario],
        lang: str = "sv",
        trainee: str = "",
        present: bool = False,
    ) -> None:
        super().__init__(chart, lang)
        self.session = Session(chart, list(scenarios), trainee)
        self.present = present

    def first_screen(self) -> Screen:
        self.start_scenario()
        if self.present:
            from .screens.presenter import PresenterScreen

            return PresenterScreen()
        from .screens.training import ScenarioScreen

        return ScenarioScreen()

    def start_scenario(self) -> None:
        """A fresh walk with the current scenario's comment."""
        self.triage = Triage(self.chart, self.scenario_comment())
        self.show_progress()

    def scenario_comment(self, lang: str | None = None) -> Comment:
        """The current scenario's comment as the triage keeps one, in ``lang``."""
        scenario, lang = self.session.current, lang or self.lang
        if scenario is None:
            return Comment()
        return Comment(
            text=scenario.comment(lang),
            platform=scenario.platform,
            author=scenario.author(lang) if scenario.author else "",
            found=scenario.channel(lang) if scenario.channel else "",
        )

    def show_progress(self) -> None:
        session, scenario = self.session, self.session.current
        self.sub_title = self.t("training")
        if scenario is not None:
            place = self.t("scenario_of").format(n=session.index + 1, total=len(session.scenarios))
            self.sub_title += f" · {place}: {visible(scenario.title(self.lang))}"

    def unsaved_outcome(self) -> bool:
        """Whether quitting would lose graded walks: none is in an export yet. The presenter
        view grades nobody."""
        return not self.present and self.session.unexported

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("records", "channels", "contacts"):
            return False  # a training session keeps no cases and edits no register
        return super().check_action(action, parameters)

    def action_switch_language(self, lang: str = "") -> None:
        self.triage.comment = self.scenario_comment("en" if self.lang == "sv" else "sv")
        super().action_switch_language(lang)
        self.show_progress()
