"""gk-respond: what to do about a social-media comment, by Gullspångs kommun's policy.

This module offers `__version__` and `default_flowchart()`. The parts, from the bottom up
(each imports only the ones below it; the contracts in pyproject.toml enforce it):
`messages` (the command line's catalogue); `flowchart` (the domain core); `triage`,
`untrusted`, `strings`, `csvfile`; `render`, `reply`; `records`, `training`, `batch`,
`overview`; and the front ends `cli`, `tui` and `web`, which never import each other."""

from __future__ import annotations

import os

__version__ = "0.1.0"


def default_flowchart() -> str:
    """The flowchart shipped with the package (in a checkout: the repository's own)."""
    here = os.path.dirname(os.path.abspath(__file__))
    packaged = os.path.join(here, "flowchart.yaml")
    return (
        packaged
        if os.path.isfile(packaged)
        else os.path.join(os.path.dirname(here), "flowchart.yaml")
    )
