"""A rules file -> compiled ``Rules``, or every problem with file:line:column.

Read as a flowchart is (``flowchart/yamlfile.py`` catches YAML's traps, ``validate.py`` words
the schema's errors); then what the schema cannot say is checked here: each kind's own keys,
regular expressions that compile, terms that hold a word, ids used once, messages that name
only what a finding has. ``against_chart`` checks the file against a flowchart.
"""

from __future__ import annotations

import os
import re
import string
from dataclasses import dataclass

from ..flowchart.problems import FlowchartError, Positions, Problem, locate
from .schema import Rule, RulesFile
from .terms import STEM_MIN, TermIndex, words_of

PLACEHOLDERS = frozenset({"match", "suggestion", "value", "max", "detail"})


@dataclass(frozen=True)
class Compiled:
    index: int
    rule: Rule
    patterns: tuple[re.Pattern[str], ...]
    allow: frozenset[str]
    follow: re.Pattern[str] | None


@dataclass(frozen=True)
class Rules:
    file: str
    data: RulesFile
    compiled: tuple[Compiled, ...]
    terms: TermIndex
    positions: Positions


def load(file: str | os.PathLike[str] | None = None) -> Rules:
    """Read, validate and compile a rules file (the shipped one without ``file``); raise
    FlowchartError listing every problem."""
    from ..flowchart.load import decode, read_raw
    from ..flowchart.validate import validate
    from ..flowchart.yamlfile import parse
    from ..triage import PLATFORMS
    from . import default_rules

    name = os.fspath(file) if file is not None else default_rules()
    data, positions, literals = parse(decode(read_raw(name, "a rules file"), name), name)
    rules = validate(data, positions, name, literals, RulesFile)
    problems: list[Problem] = []
    compiled: list[Compiled] = []
    terms = TermIndex()
    seen: dict[str, int] = {}

    def problem(path: tuple[str | int, ...], message: str) -> None:
        problems.append(Problem(name, *locate(positions, path), message))

    for index, rule in enumerate(rules.rules):
        at: tuple[str | int, ...] = ("rules", index)
        where = f"rules[{index}] ({rule.id})"
        if rule.id in seen:
            problem((*at, "id"), f"{where}: the id is used before, by rules[{seen[rule.id]}]")
        seen.setdefault(rule.id, index)
        for message in _kind_problems(rule):
            problem(at, f"{where}: {message}")
        for lang in ("sv", "en"):
            for unknown in _placeholders(getattr(rule.message, lang)) - PLACEHOLDERS:
                problem(
                    (*at, "message", lang),
                    f"{where}: message.{lang} names {{{unknown}}}; a message may name "
                    + ", ".join(f"{{{p}}}" for p in sorted(PLACEHOLDERS)),
                )
        patterns = []
        flags = 0 if rule.case_sensitive else re.IGNORECASE
        for number, pattern in enumerate(rule.patterns):
            try:
                patterns.append(re.compile(pattern, flags))
            except re.error as error:
                problem(
                    (*at, "patterns", number),
                    f"{where}: patterns[{number}] is not a valid regular expression: {error}",
                )
        follow = None
        if rule.followed_by is not None:
            try:
                follow = re.compile(rule.followed_by, flags)
            except re.error as error:
                problem(
                    (*at, "followed_by"),
                    f"{where}: followed_by is not a valid regular expression: {error}",
                )
            if not rule.words:
                problem((*at, "followed_by"), f"{where}: followed_by follows words; there are none")
        for number, term in enumerate([*rule.words, *rule.replace]):
            trouble = _term_problem(term)
            if trouble:
                key = "words" if number < len(rule.words) else "replace"
                problem((*at, key), f"{where}: {term!r} {trouble}")
                continue
            suggestion = rule.replace.get(term) if number >= len(rule.words) else None
            terms.add(index, term, rule.inflect, suggestion)
        for number, platform in enumerate(rule.when.platforms if rule.when else []):
            if platform not in PLATFORMS:
                problem(
                    (*at, "when", "platforms", number),
                    f"{where}: when.platforms names {platform!r}; platforms are "
                    + ", ".join(PLATFORMS),
                )
        allow = frozenset(" ".join(a.casefold().split()) for a in rule.allow)
        compiled.append(Compiled(index, rule, tuple(patterns), allow, follow))
    if problems:
        problems.sort(key=lambda p: (p.line or 0, p.column or 0))
        raise FlowchartError(problems)
    return Rules(name, rules, tuple(compiled), terms, positions)


def _kind_problems(rule: Rule) -> list[str]:
    found = []
    if rule.kind in ("forbidden", "required") and not (rule.words or rule.patterns or rule.detect):
        found.append(f"a {rule.kind} rule needs words, patterns or detect")
    if rule.kind == "replace" and not rule.replace:
        found.append("a replace rule needs replace (word: better word)")
    if rule.kind != "replace" and rule.replace:
        found.append("replace is for a replace rule")
    if rule.kind == "limit" and rule.limit is None:
        found.append("a limit rule needs limit (measure and max)")
    if rule.kind == "limit" and (rule.words or rule.patterns or rule.detect):
        found.append("a limit rule takes no words, patterns or detect")
    if rule.kind != "limit" and rule.limit is not None:
        found.append("limit is for a limit rule")
    if rule.verify and not rule.patterns:
        found.append("verify checks what patterns find; the rule has no patterns")
    return found


def _term_problem(term: str) -> str | None:
    words = words_of(term)
    if not words:
        return "holds no word"
    if "*" in term.rstrip("*") or term.endswith("**"):
        return "may have * only at its end"
    if term.endswith("*") and len(words) > 1:
        return "is a phrase; * (any word that starts so) is for one word"
    if term.endswith("*") and len(words[0]) < STEM_MIN:
        return f"is too short to match every word that starts so (at least {STEM_MIN} letters)"
    return None


def _placeholders(message: str) -> set[str]:
    try:
        return {name for _, name, _, _ in string.Formatter().parse(message) if name is not None}
    except ValueError:
        return {"(a lone { or })"}


def against_chart(rules: Rules, outcomes: set[str], templates: set[str]) -> list[Problem]:
    """What in the rules names an outcome the flowchart does not have, and outcomes where
    the policy says not to reply that have a reply template."""
    problems = []
    for index, rule in enumerate(rules.data.rules):
        when = rule.when
        for number, outcome in enumerate(when.outcomes if when else []):
            if outcome not in outcomes:
                path = ("rules", index, "when", "outcomes", number)
                problems.append(
                    Problem(
                        rules.file,
                        *locate(rules.positions, path),
                        f"rules[{index}] ({rule.id}): when.outcomes names {outcome!r}, "
                        f"which the flowchart has no outcome for",
                    )
                )
    for outcome in rules.data.no_reply:
        where = locate(rules.positions, ("no_reply", outcome))
        if outcome not in outcomes:
            message = f"no_reply: {outcome!r} is not an outcome of the flowchart"
            problems.append(Problem(rules.file, *where, message))
        elif outcome in templates:
            message = (
                f"no_reply: {outcome!r} has a reply template in the flowchart; an outcome "
                "where the policy says not to reply has none"
            )
            problems.append(Problem(rules.file, *where, message))
    return problems
