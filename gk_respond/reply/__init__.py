"""Replies: the policy's writing rules as data, and a checker any front end calls. No UI.

``load.load(file)`` reads a rules file (the shipped ``rules.yaml`` by default) into compiled
``Rules``; ``check.check(text, rules, outcome=..., platform=...)`` gives the findings. Nothing
here imports Textual, and the CLI imports this package only for ``reply`` commands, for
``check`` and when a reply is saved.
"""

from __future__ import annotations

import os


def default_rules() -> str:
    """The rules file shipped with the package."""
    return os.path.join(os.path.dirname(os.path.abspath(__file__)), "rules.yaml")
