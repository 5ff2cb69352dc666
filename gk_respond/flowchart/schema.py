"""The structure of ``flowchart.yaml``, not its graph (see ``check.py``).

Every class rejects unknown keys, every id has the form ``[a-z][a-z0-9_]*`` and every text a
user reads is given in both languages. The classes are plain frozen dataclasses that pydantic
validates (``validate.py``), made when first used (``lazy_dataclass.py``: a start that loads
the flowchart from its cache never makes them). The constraints below tell pydantic what to
check, but importing this module, or loading a cached flowchart, never imports pydantic
itself, which keeps start-up lean.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import field
from typing import Annotated, Any, Literal

from .lazy_dataclass import frozen

LANGUAGES: tuple[str, ...] = ("sv", "en")


class _Pattern:
    """A text that must match a regular expression (pydantic: ``string_pattern_mismatch``)."""

    def __init__(self, pattern: str) -> None:
        self.pattern = pattern

    def __get_pydantic_core_schema__(self, source: Any, handler: Any) -> Any:
        from pydantic_core import core_schema

        return core_schema.str_schema(pattern=self.pattern)


class AtLeastOne:
    """A list with at least one item (pydantic: ``too_short``)."""

    def __get_pydantic_core_schema__(self, source: Any, handler: Any) -> Any:
        schema = handler(source)
        schema["min_length"] = 1
        return schema


class _Before:
    """Turn the value as written into the form the type holds before it is validated
    (a single answer into a list of one, a guidance id into a reference)."""

    def __init__(self, convert: Any) -> None:
        self.convert = convert

    def __get_pydantic_core_schema__(self, source: Any, handler: Any) -> Any:
        from pydantic_core import core_schema

        return core_schema.no_info_before_validator_function(self.convert, handler(source))


def _one_or_many(value: Any) -> Any:
    return [value] if isinstance(value, str) else value


def _id_or_ref(value: Any) -> Any:
    return {"id": value} if isinstance(value, str) else value


ID_PATTERN = r"^[a-z][a-z0-9_]{0,63}$"  # at most 64 characters
BLANK_PATTERN = r"\S"  # some text, not only spaces
Id = Annotated[str, _Pattern(ID_PATTERN)]
NonEmpty = Annotated[str, _Pattern(BLANK_PATTERN)]
Source = NonEmpty
# A due time: a number and a unit, clock hours or Swedish working days (records/due.py).
DUE_PATTERN = (
    r"^\s*[1-9][0-9]{0,2}\s*"
    r"(?i:h|tim|timme|timmar|hours?|arbetsdag|arbetsdagar|working days?)\s*$"
)
DueText = Annotated[str, _Pattern(DUE_PATTERN)]
# A condition on the walk: question id -> the answer it must have had, or a list of answers
# any of which will do. Every question named must have been answered so on the path; a
# question the path never asked does not hold.
When = dict[Id, Annotated[list[Id], AtLeastOne(), _Before(_one_or_many)]]
STRICT = {"extra": "forbid"}  # pydantic's ConfigDict, as the plain dict it is


@frozen
class Text:
    """One text in every language the product speaks."""

    __pydantic_config__ = STRICT
    sv: NonEmpty
    en: NonEmpty

    def __call__(self, lang: str) -> str:
        return self.en if lang == "en" else self.sv


@frozen
class Option:
    """One answer a question accepts. ``aliases`` are also accepted, in any case."""

    __pydantic_config__ = STRICT
    id: Id
    label: Text
    aliases: list[NonEmpty] = field(default_factory=list)


def applies(when: When | None, answers: Mapping[str, str]) -> bool:
    """Whether a walk with ``answers`` (question id -> answer id) meets ``when``: every
    question named was answered with one of its answers."""
    return not when or all(answers.get(qid) in allowed for qid, allowed in when.items())


@frozen
class Question:
    __pydantic_config__ = STRICT
    title: Text  # the short heading of the chart's box, e.g. "Faktafel?"
    text: Text  # the question as the chart asks it
    help: Text  # what counts as yes
    example: Text
    answers: Id  # an answer set
    source: Source
    # An addition to the policy's chart (Bilaga 2) or to the policy itself: the short line
    # that says so wherever the part is shown; its own source begins "Tillägg".
    addition: Text | None = None


@frozen
class Node:
    """A point of the chart: asks a question and leads on by the answer."""

    __pydantic_config__ = STRICT
    next: dict[Id, Id]  # answer id -> node or outcome id
    ask: Id | None = None  # the question; defaults to the node's own id


@frozen
class Step:
    __pydantic_config__ = STRICT
    text: Text
    source: Source | None = None  # defaults to the outcome's source
    when: When | None = None  # the step applies only to walks that meet it
    addition: Text | None = None


@frozen
class Point:
    __pydantic_config__ = STRICT
    id: Id
    text: Text
    title: Text | None = None
    source: Source | None = None  # defaults to the section's source
    addition: Text | None = None


@frozen
class Guidance:
    __pydantic_config__ = STRICT
    title: Text
    points: Annotated[list[Point], AtLeastOne()]
    source: Source
    contacts: list[Id] = field(default_factory=list)  # roles (``roles:``) the points name


@frozen
class Role:
    """Someone the guidance tells staff to contact ("kontakta säkerhetssamordnaren"); the
    municipality says who that is once (``gk-respond contacts``)."""

    __pydantic_config__ = STRICT
    title: Text
    source: Source


@frozen
class ReplyTemplate:
    """A draft reply to start from, in both languages; ``{namn}`` and the like are
    placeholders for the writer to fill in."""

    __pydantic_config__ = STRICT
    sv: NonEmpty
    en: NonEmpty
    source: Source

    def __call__(self, lang: str) -> str:
        return self.en if lang == "en" else self.sv


@frozen
class GuidanceRef:
    """An outcome's reference to a guidance section: its id, or ``{id: ..., when: ...}``."""

    __pydantic_config__ = STRICT
    id: Id
    when: When | None = None


@frozen
class Due:
    """When a case with the outcome is due: ``within`` hours or working days of its save;
    met by closing the case or by setting the follow-up field ``met_by``."""

    __pydantic_config__ = STRICT
    within: DueText
    source: Source
    met_by: Literal["removed_at", "copy_kept", "diarium_number", "forwarded_to"] | None = None
    addition: Text | None = None


@frozen
class Outcome:
    __pydantic_config__ = STRICT
    title: Text
    summary: Text
    steps: Annotated[list[Step], AtLeastOne()]
    source: Source
    guidance: list[Annotated[GuidanceRef, _Before(_id_or_ref)]] = field(default_factory=list)
    addition: Text | None = None
    reply_template: ReplyTemplate | None = None  # outcomes where staff write a reply
    contacts: list[Id] = field(default_factory=list)  # roles (``roles:``) the steps name
    due: Due | None = None  # the time a case with it should be done in (records/due.py)

    def steps_for(self, answers: Mapping[str, str]) -> list[Step]:
        """The steps that apply to a walk with ``answers``: what it shows, and ticks."""
        return [step for step in self.steps if applies(step.when, answers)]

    def guidance_for(self, answers: Mapping[str, str]) -> list[str]:
        """The ids of the guidance sections that apply to a walk with ``answers``."""
        return [ref.id for ref in self.guidance if applies(ref.when, answers)]


@frozen
class Flowchart:
    __pydantic_config__ = STRICT
    version: NonEmpty
    title: Text
    source: Source
    start: Id
    answer_sets: dict[Id, list[Option]]
    questions: dict[Id, Question]
    nodes: dict[Id, Node]
    outcomes: dict[Id, Outcome]
    guidance: dict[Id, Guidance] = field(default_factory=dict)
    roles: dict[Id, Role] = field(default_factory=dict)

    def contacts_of(self, outcome_id: str, answers: Mapping[str, str] | None = None) -> list[str]:
        """The roles an outcome names: its own, then those of its guidance sections (the ones
        a walk with ``answers`` gets, or every one it may get), each once."""
        outcome = self.outcomes[outcome_id]
        found = list(outcome.contacts)
        gids = (
            outcome.guidance_for(answers)
            if answers is not None
            else [r.id for r in outcome.guidance]
        )
        for gid in gids:
            section = self.guidance.get(gid)
            found += section.contacts if section else []
        return list(dict.fromkeys(found))

    def question_at(self, node_id: str) -> str:
        """The id of the question a node asks."""
        return self.nodes[node_id].ask or node_id
