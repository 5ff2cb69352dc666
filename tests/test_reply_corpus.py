"""The reply corpus (tests/data/replies/): each reply gives exactly the errors and warnings
listed for it (rule and span), and at least the hints listed; good replies give no error."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from gk_respond.reply.check import check
from gk_respond.reply.load import load

CORPUS = Path(__file__).parent / "data" / "replies"
RULES = load()


def _cases() -> list[tuple[str, dict]]:
    found = []
    for file in sorted(CORPUS.glob("*.yaml")):
        for case in yaml.safe_load(file.read_text(encoding="utf-8")):
            found.append((f"{file.stem}:{case['name']}", case))
    return found


CASES = _cases()
REQUIRED = {r.id for r in RULES.data.rules if r.kind == "required"}


def _span(text: str, expected: dict) -> tuple[int, int]:
    """The span a corpus entry names: the first whole-word ``at`` (``whole``: the whole
    text), ``from`` N to the end, or nothing (a required rule: the empty span at 0)."""
    if expected.get("at") == "whole":
        return 0, len(text)
    if "from" in expected:
        return expected["from"], len(text)
    if "at" not in expected:
        assert expected["rule"] in REQUIRED, f"{expected} needs at: or from:"
        return 0, 0
    found = re.search(rf"(?<!\w){re.escape(expected['at'])}(?!\w)", text)
    assert found, f"{expected['at']!r} is not a whole word of the text"
    return found.span()


def test_the_corpus_is_large_and_covers_every_rule() -> None:
    assert len(CASES) >= 60
    named = {f["rule"] for _, case in CASES for f in case["findings"]}
    assert {r.id for r in RULES.data.rules if r.kind != "limit" or "length" in r.id} - named <= {
        "length_instagram", "length_linkedin", "length_facebook", "length_youtube"
    }  # fmt: skip
    assert "no_reply" in named


@pytest.mark.parametrize(("name", "case"), CASES, ids=[name for name, _ in CASES])
def test_reply_gives_its_findings(name: str, case: dict) -> None:
    text = case["text"]
    findings = check(
        text,
        RULES,
        outcome=case.get("outcome"),
        platform=case.get("platform"),
        facts=case.get("facts", ""),
    )
    got = {(f.rule, f.start, f.end) for f in findings if f.level != "hint"}
    expected = {(e["rule"], *_span(text, e)) for e in case["findings"] if e.get("level") != "hint"}
    assert got == expected, [(f.rule, text[f.start : f.end]) for f in findings]
    hints = {(f.rule, f.start, f.end) for f in findings if f.level == "hint"}
    for wanted in (e for e in case["findings"] if e.get("level") == "hint"):
        assert (wanted["rule"], *_span(text, wanted)) in hints
    if name.startswith("good:"):
        assert not [f for f in findings if f.level == "error"]
    for finding in findings:
        assert finding.message["sv"] and finding.message["en"] and finding.source
