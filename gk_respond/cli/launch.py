"""Where the command line opens another front end: a Textual app, or the web app's server.

The command line never imports Textual or the web framework on its non-interactive path, so
each is imported only inside the function that runs it. The import contracts in
pyproject.toml allow exactly these imports of `gk_respond.tui` and `gk_respond.web` from
`gk_respond.cli`, and no other."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

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
    from ..startup_gc import paused

    with paused():  # until the first screen is painted; before Textual is imported
        from ..tui.app import GkRespondApp

        GkRespondApp(chart, lang, comment, db, flowchart, handler).run()


def open_training(
    chart: Chart, scenarios: list[Scenario], lang: str, trainee: str, present: bool
) -> None:
    """Run a training session, or the presenter view, until it is closed."""
    from ..startup_gc import paused

    with paused():  # as for the triage app: its screens resume it once painted
        from ..tui.training import TrainingApp

        TrainingApp(chart, scenarios, lang, trainee, present=present).run()


def web_parts() -> tuple[Any, Any, Any, Any]:
    """uvicorn, the web app's ``create_app``, its ``Settings`` and ``is_loopback``;
    ImportError when the web extra (pip install 'gk-respond[web]') is not installed."""
    import uvicorn

    from ..web.app import create_app
    from ..web.settings import Settings, is_loopback

    return uvicorn, create_app, Settings, is_loopback
