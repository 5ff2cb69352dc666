"""The structure of a rules file (``rules.yaml``): the policy's writing rules as data.

Validated by pydantic through ``flowchart/validate.py`` (file:line:column errors), like the
flowchart; what the structure cannot say (a kind's own keys, regular expressions that
compile, unique ids) is checked by ``load.py``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from ..flowchart.schema import STRICT, Id, NonEmpty, Source, Text

Kind = Literal["forbidden", "replace", "required", "limit"]
Level = Literal["error", "warning", "hint"]
Measure = Literal["characters", "sentence_words", "lix"]
Detector = Literal["link", "email"]
LEVELS: tuple[str, ...] = ("error", "warning", "hint")  # the most serious first


@dataclass(frozen=True)
class When:
    """Where a rule applies: on these outcomes, on these platforms (empty: everywhere)."""

    __pydantic_config__ = STRICT
    outcomes: list[Id] = field(default_factory=list)
    platforms: list[Id] = field(default_factory=list)


@dataclass(frozen=True)
class Limit:
    """A measure of the text and its most: characters of the whole text, words of one
    sentence, or the LIX of the whole text (counted only from ``min_words`` words on)."""

    __pydantic_config__ = STRICT
    measure: Measure
    max: float
    min_words: int = 0


@dataclass(frozen=True)
class Rule:
    """One writing rule. ``words`` are whole words or phrases, in any case, with Swedish
    inflections when ``inflect`` (``word*`` also matches compounds that start with it,
    ``förv.`` only with its dot); ``patterns`` are regular expressions; ``detect`` names
    what the checker finds itself (``link``, ``email``); ``followed_by`` is a regular
    expression a word matches only when it follows (the finding takes it in)."""

    __pydantic_config__ = STRICT
    id: Id
    kind: Kind
    level: Level
    message: Text  # may name {match}, {suggestion}, {value}, {max}, {detail}
    source: Source
    words: list[NonEmpty] = field(default_factory=list)
    patterns: list[NonEmpty] = field(default_factory=list)
    detect: list[Detector] = field(default_factory=list)  # built-in: links, e-mail addresses
    followed_by: NonEmpty | None = None  # a regular expression that must follow a word
    in_links: bool = False  # whether patterns find matches inside links and e-mail addresses
    replace: dict[NonEmpty, NonEmpty] = field(default_factory=dict)
    allow: list[NonEmpty] = field(default_factory=list)
    inflect: bool = True
    case_sensitive: bool = False
    verify: Literal["luhn"] | None = None
    unless_in_facts: bool = False
    limit: Limit | None = None
    when: When | None = None
    suggestion: Text | None = None


@dataclass(frozen=True)
class NoReply:
    """An outcome where the policy says not to reply, and why."""

    __pydantic_config__ = STRICT
    why: Text
    source: Source


@dataclass(frozen=True)
class RulesFile:
    __pydantic_config__ = STRICT
    version: NonEmpty
    title: Text
    source: Source
    rules: list[Rule]
    no_reply: dict[Id, NoReply] = field(default_factory=dict)
