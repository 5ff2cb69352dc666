"""Every quote in every ``source:`` (the flowchart's and the bundled scenarios') is the
policy's own text: each string in quote marks is found, word for word, in the policy
(/work/shared/seeds/*.txt), with runs of whitespace and the kind of quote mark normalised;
"…" inside a quote stands for words left out, so its pieces must appear in that order.

Where the policy text is looked for: tests/policy_text.py. Without it the tests skip, saying
where they looked; under CI they fail instead.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from policy_text import policy_folder_or_skip

ROOT = Path(__file__).resolve().parents[1]
SCENARIOS = ROOT / "gk_respond" / "training" / "scenarios"
FILES = [ROOT / "flowchart.yaml", *sorted(SCENARIOS.glob("*.yaml"))]

QUOTE_MARKS = '”“„"«»'
QUOTED = re.compile(f"[{QUOTE_MARKS}]([^{QUOTE_MARKS}]+)[{QUOTE_MARKS}]")


def normalise(text: str) -> str:
    text = re.sub(f"[{QUOTE_MARKS}]", '"', text.replace("’", "'"))
    return " ".join(text.split())


@pytest.fixture(scope="module")
def policy() -> str:
    texts = sorted(policy_folder_or_skip().glob("*.txt"))
    return normalise(" ".join(path.read_text(encoding="utf-8") for path in texts))


def sources(data: Any, where: str = "") -> Iterator[tuple[str, str]]:
    """Every ``source:`` value in parsed YAML, with where it is (``outcomes.remove.steps.0``)."""
    if isinstance(data, dict):
        for key, value in data.items():
            place = f"{where}.{key}" if where else str(key)
            if key == "source" and isinstance(value, str):
                yield place, value
            else:
                yield from sources(value, place)
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield from sources(value, f"{where}.{index}")


def quotes() -> list[Any]:
    params = []
    for path in FILES:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        for place, source in sources(data):
            for number, found in enumerate(QUOTED.finditer(source), 1):
                name = f"{path.name}:{place}:{number}"
                params.append(pytest.param(found[1], id=name))
    return params


QUOTES = quotes()


def test_the_files_quote_the_policy_often():
    """The check is not vacuous: the sources hold many quotes, in the flowchart and the
    scenarios alike."""
    assert len(QUOTES) > 80
    assert any("scenarios" not in str(p.id) and p.id.startswith("flowchart") for p in QUOTES)
    assert any(not p.id.startswith("flowchart") for p in QUOTES)


@pytest.mark.parametrize("quote", QUOTES)
def test_every_quote_is_the_policys_text(policy: str, quote: str):
    pieces = [normalise(piece) for piece in re.split(r"…|\.\.\.", quote) if piece.strip()]
    at = 0
    for piece in pieces:
        found = policy.find(piece, at)
        assert found >= 0, f"not in the policy (from position {at}): {piece!r}"
        at = found + len(piece)


def test_an_invented_quote_is_caught(policy: str):
    """The comparison itself: a changed word, or a space after a slash, is not the policy."""
    assert normalise("att skämta om kommunen/ en anställd?") in policy
    assert normalise("att skämta om kommunen/en anställd?") not in policy
    assert normalise("Observera och följ utvecklingen/diskussionen") not in policy
