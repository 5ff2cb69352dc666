"""Text in, findings out: a reply checked against the rules. No UI, never raises on text.

Each finding names its rule, its level (``error``, ``warning``, ``hint``), the span of text
it is about (``start`` and ``end`` are character offsets, ``end`` not included; a rule about
what is missing points at the empty span at 0), a message in Swedish and English, a
suggestion where the rule has one, and the rule's ``source`` in the policy.

The time grows linearly with the text: words are read once (``text.py``, ``terms.py``), and
each shipped pattern begins with a character class and has bounded repeats, so none can
backtrack over a long run of characters.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import asdict, dataclass

from .load import Compiled, Rules
from .schema import LEVELS
from .text import Scan

NO_REPLY = "no_reply"  # the finding an outcome where the policy says not to reply gives


@dataclass(frozen=True)
class Finding:
    rule: str
    level: str
    start: int
    end: int
    message: dict[str, str]  # language -> text
    source: str
    match: str = ""
    suggestion: str | None = None

    def stored(self) -> dict[str, object]:
        """The finding as a saved case keeps it: every field, the message in both languages."""
        return asdict(self)

    def data(self, lang: str) -> dict[str, object]:
        """The finding for JSON: stable ids and numbers, the message in ``lang``."""
        found = asdict(self)
        found["message"] = self.message.get(lang, self.message["sv"])
        return found


def check(
    text: str,
    rules: Rules,
    *,
    outcome: str | None = None,
    platform: str | None = None,
    facts: str = "",
) -> list[Finding]:
    """The findings for ``text``, sorted by where they start and then by level. On an
    outcome where the policy says not to reply, only that (an error over the whole text)."""
    if outcome is not None and outcome in rules.data.no_reply:
        why = rules.data.no_reply[outcome]
        message = {"sv": why.why.sv, "en": why.why.en}
        return [Finding(NO_REPLY, "error", 0, len(text), message, why.source)]
    scan = Scan(text)
    active = [c for c in rules.compiled if _applies(c, outcome, platform)]
    wanted = {c.index for c in active}
    found: dict[int, list[tuple[int, int, str | None]]] = {c.index: [] for c in active}
    follow = {c.index: c.follow for c in active if c.follow is not None}
    for entry, start, end in rules.terms.find(scan):
        if entry.rule not in wanted:
            continue
        if entry.rule in follow:
            after = follow[entry.rule].match(text, end)
            if after is None:
                continue
            end = after.end()
        found[entry.rule].append((start, end, entry.suggestion))
    folded_facts = _fold(facts)
    findings: list[Finding] = []
    for compiled in active:
        rule = compiled.rule
        if rule.kind == "limit":
            findings += _limit(compiled, scan)
            continue
        matches = found[compiled.index] + list(_pattern_matches(compiled, scan))
        matches = [
            (start, end, suggestion)
            for start, end, suggestion in matches
            if _fold(text[start:end]) not in compiled.allow
            and not (
                rule.unless_in_facts and folded_facts and _fold(text[start:end]) in folded_facts
            )
        ]
        if rule.kind == "required":
            if not matches:
                findings.append(_finding(compiled, 0, 0, ""))
            continue
        for start, end, suggestion in matches:
            findings.append(_finding(compiled, start, end, text[start:end], suggestion))
    return _sorted(_one_per_span(findings))


def _applies(compiled: Compiled, outcome: str | None, platform: str | None) -> bool:
    when = compiled.rule.when
    if when is None:
        return True
    if when.outcomes and outcome not in when.outcomes:
        return False
    return not when.platforms or platform in when.platforms


def _pattern_matches(compiled: Compiled, scan: Scan) -> Iterator[tuple[int, int, str | None]]:
    text = scan.text
    for detector in compiled.rule.detect:
        for start, end in scan.links if detector == "link" else scan.emails:
            yield start, end, None
    linked = scan.skip and not compiled.rule.in_links
    for pattern in compiled.patterns:
        for match in pattern.finditer(text):
            if match.end() == match.start() or (linked and scan.skipped(match.start())):
                continue
            if compiled.rule.verify == "luhn" and not luhn(match.group()):
                continue
            yield match.start(), match.end(), None


def luhn(number: str) -> bool:
    """Whether a Swedish personal identity number (10 or 12 digits, with or without ``-``
    or ``+``) has a valid check digit and a date that can be a date of birth (a
    coordination number adds 60 to the day)."""
    digits = [int(c) for c in number if c.isdigit()]
    if len(digits) == 12:
        digits = digits[2:]
    if len(digits) != 10:
        return False
    month, day = digits[2] * 10 + digits[3], digits[4] * 10 + digits[5]
    if not (1 <= month <= 12 and (1 <= day <= 31 or 61 <= day <= 91)):
        return False
    total = 0
    for position, digit in enumerate(digits):
        value = digit * (2 if position % 2 == 0 else 1)
        total += value - 9 if value > 9 else value
    return total % 10 == 0


def _limit(compiled: Compiled, scan: Scan) -> list[Finding]:
    text = scan.text
    limit = compiled.rule.limit
    assert limit is not None  # load.py requires it of a limit rule
    if limit.measure == "characters":
        if len(text) > limit.max:
            return [_finding(compiled, int(limit.max), len(text), "", value=len(text))]
        return []
    if limit.measure == "sentence_words":
        return [
            _finding(compiled, s.start, s.end, text[s.start : s.end], value=s.words)
            for s in scan.sentences
            if s.words > limit.max
        ]
    if scan.letter_words[0] < limit.min_words or scan.lix <= limit.max:
        return []
    detail = {
        "sv": f"{scan.words_per_sentence:.0f} ord per mening, "
        f"{scan.long_share:.0f} % långa ord (över sex bokstäver)",
        "en": f"{scan.words_per_sentence:.0f} words per sentence, "
        f"{scan.long_share:.0f}% long words (over six letters)",
    }
    return [_finding(compiled, 0, len(text), "", value=round(scan.lix), detail=detail)]


def _finding(
    compiled: Compiled,
    start: int,
    end: int,
    match: str,
    suggestion: str | None = None,
    value: object = "",
    detail: dict[str, str] | None = None,
) -> Finding:
    rule = compiled.rule
    limit = rule.limit
    shown = " ".join(match.split())
    if suggestion is None and rule.suggestion is not None:
        suggestion = rule.suggestion.sv
    message = {
        lang: getattr(rule.message, lang).format(
            match=shown,
            suggestion=suggestion or "",
            value=value,
            max=f"{limit.max:g}" if limit else "",
            detail=(detail or {}).get(lang, ""),
        )
        for lang in ("sv", "en")
    }
    return Finding(rule.id, rule.level, start, end, message, rule.source, match, suggestion)


def _one_per_span(findings: list[Finding]) -> list[Finding]:
    """Where rules find the same span, the most serious finding (then the first rule)."""
    best: dict[tuple[int, int], Finding] = {}
    order = {level: n for n, level in enumerate(LEVELS)}
    for finding in findings:
        if finding.start == finding.end:  # what is missing: each rule says its own
            best[(finding.start, -len(best) - 1)] = finding
            continue
        key = (finding.start, finding.end)
        kept = best.get(key)
        if kept is None or order[finding.level] < order[kept.level]:
            best[key] = finding
    return list(best.values())


def _sorted(findings: list[Finding]) -> list[Finding]:
    order = {level: n for n, level in enumerate(LEVELS)}
    return sorted(findings, key=lambda f: (f.start, order[f.level], f.end, f.rule))


def _fold(text: str) -> str:
    return " ".join(text.casefold().split())


def counts(findings: list[Finding]) -> dict[str, int]:
    """How many findings of each level."""
    return {level: sum(f.level == level for f in findings) for level in LEVELS}
