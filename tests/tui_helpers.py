"""Building the app for pilot and snapshot tests, as the CLI does."""

from __future__ import annotations

import os
import tempfile

os.environ.setdefault("GK_RESPOND_CACHE_DIR", tempfile.mkdtemp(prefix="gk-test-cache-"))
# a safety net: no test saves into the user's own case log
os.environ["GK_RESPOND_DB"] = os.path.join(tempfile.mkdtemp(prefix="gk-test-db-"), "cases.db")

from gk_respond import default_flowchart
from gk_respond.flowchart.engine import Chart
from gk_respond.flowchart.load import load
from gk_respond.triage import Comment
from gk_respond.tui.app import GkRespondApp

CHART = Chart(load(default_flowchart()))


def make_app(
    lang: str = "sv", comment: Comment | None = None, db: str | None = None
) -> GkRespondApp:
    return GkRespondApp(CHART, lang, comment, db)
