"""Property-based: the reply checker never raises on any text, and every finding's span is
inside the text, with a known level, on any outcome and platform."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from gk_respond.reply.check import check
from gk_respond.reply.load import load
from gk_respond.reply.schema import LEVELS
from gk_respond.triage import PLATFORMS

RULES = load()
OUTCOMES = [None, "reinforce", "share", "correct", "act", "respond", "remove", "monitor"]
# Pieces that the rules look for, so that random text often comes near a rule's edge.
PIECES = [
    "Ni", "er", "fan", "skit", "KS", "förv.", "{namn}", "https://", "www.", ".se", "@", "+46",
    "070-", "811218-9876", "19811218", "-", "/", "AB", "vecka ", " maj", " kr", "%", "\n",
    ". ", "! ", "…", "Gullspångs kommun", "jag heter", "handläggaren ", "Eva", " ", "ß", "İ",
    "\u202e", "\x00", "\r\n",
]  # fmt: skip
TEXT = st.one_of(
    st.text(max_size=400),
    st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=5)), max_size=60).map("".join),
)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    text=TEXT,
    outcome=st.sampled_from(OUTCOMES),
    platform=st.sampled_from([None, *PLATFORMS]),
    facts=st.one_of(st.just(""), st.text(max_size=40)),
)
def test_checker_never_raises_and_spans_are_inside(text, outcome, platform, facts) -> None:
    findings = check(text, RULES, outcome=outcome, platform=platform, facts=facts)
    for finding in findings:
        assert 0 <= finding.start <= finding.end <= len(text)
        assert finding.level in LEVELS
        assert finding.match == text[finding.start : finding.end] or finding.match == ""
        assert finding.message["sv"] and finding.message["en"]
    if outcome in RULES.data.no_reply:
        assert [f.rule for f in findings] == ["no_reply"]
    assert findings == sorted(
        findings, key=lambda f: (f.start, LEVELS.index(f.level), f.end, f.rule)
    )
