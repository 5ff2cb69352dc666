"""Where the command line opens a Textual app: the one seam between the two front ends.

The command line never imports Textual on its non-interactive path, so each app is imported
only inside the function that runs it. The import contracts in pyproject.toml allow exactly
these two imports of `gk_respond.tui` from `gk_respond.cli`, and no other."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..flowchart.engine import Chart
    from ..training.schema import Scenario
    from ..triage import Comment


def open_app(
    chart: Chart,
    lang: str,
    comment: Comment | None,
    db: str | None,
    flowchart: str | None,
    handler: str | None,
) -> None:
    """Run the triage app until it is closed."""
    from ..tui.app import GkRespondApp

    GkRespondApp(chart, lang, comment, db, flowchart, handler).run()


def open_training(
    chart: Chart, scenarios: list[Scenario], lang: str, trainee: str, present: bool
) -> None:
    """Run a training session, or the presenter view, until it is closed."""
    from ..tui.training import TrainingApp

    TrainingApp(chart, scenarios, lang, trainee, present=present).run()
