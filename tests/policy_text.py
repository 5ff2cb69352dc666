"""Where the policy's own text is, for the tests that check quotes against it.

The policy (Swedish text files, ``*.txt``) is not part of the repository: it lives in the
workplace's ``shared/seeds/``, which CI lays beside its fresh clone. It is looked for in
``GK_RESPOND_POLICY_DIR`` if set, else in ``shared/seeds`` beside the repository or beside
any folder above it, else at this workplace's own ``/work/shared/seeds``.

Without it a test skips and says where it looked; under CI (``CI=true``) it fails instead,
since CI always has the policy: a quote that is not checked must not look like a pass.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
WORKPLACE = Path("/work/shared/seeds")


def candidates() -> list[Path]:
    configured = os.environ.get("GK_RESPOND_POLICY_DIR")
    if configured:
        return [Path(configured)]
    return [folder / "shared" / "seeds" for folder in ROOT.parents] + [WORKPLACE]


def policy_folder() -> Path | None:
    """The first folder of ``candidates()`` that holds the policy's ``*.txt``, or None."""
    for folder in candidates():
        if folder.is_dir() and any(folder.glob("*.txt")):
            return folder
    return None


def policy_folder_or_skip() -> Path:
    """The policy's folder; else the test skips (fails under CI), naming where it looked."""
    folder = policy_folder()
    if folder is not None:
        return folder
    looked = ", ".join(str(c) for c in candidates())
    reason = (
        f"the policy text is not here: no *.txt in {looked} "
        "(set GK_RESPOND_POLICY_DIR to the folder that holds it)"
    )
    if os.environ.get("CI") == "true":
        pytest.fail(f"CI must check the quotes against the policy: {reason}", pytrace=False)
    pytest.skip(reason)
