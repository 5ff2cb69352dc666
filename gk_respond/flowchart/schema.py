"""pydantic models of ``flowchart.yaml``: the structure, not the graph (see ``check.py``).

Every model rejects unknown keys, every id has the form ``[a-z][a-z0-9_]*`` and every text a
user reads is given in both languages.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

LANGUAGES: tuple[str, ...] = ("sv", "en")
Lang = Literal["sv", "en"]

Id = Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9_]*$")]
NonEmpty = Annotated[str, StringConstraints(pattern=r"\S")]  # some text, not only spaces
Source = NonEmpty


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)


class Text(Strict):
    """One text in every language the product speaks."""

    sv: NonEmpty
    en: NonEmpty

    def __call__(self, lang: str) -> str:
        return self.en if lang == "en" else self.sv


class Option(Strict):
    """One answer a question accepts. ``aliases`` are also accepted, in any case."""

    id: Id
    label: Text
    aliases: list[NonEmpty] = Field(default_factory=list)


class Question(Strict):
    title: Text  # the short heading of the chart's box, e.g. "Fakta fel?"
    text: Text  # the question as the chart asks it
    help: Text  # what counts as yes
    example: Text
    answers: Id  # an answer set
    source: Source


class Node(Strict):
    """A point of the chart: asks a question and leads on by the answer."""

    ask: Id | None = None  # the question; defaults to the node's own id
    next: dict[Id, Id]  # answer id -> node or outcome id


class Step(Strict):
    text: Text
    source: Source | None = None  # defaults to the outcome's source


class Point(Strict):
    id: Id
    title: Text | None = None
    text: Text
    source: Source | None = None  # defaults to the section's source


class Guidance(Strict):
    title: Text
    intro: Text | None = None
    points: list[Point] = Field(min_length=1)
    source: Source


class Outcome(Strict):
    title: Text
    summary: Text
    steps: list[Step] = Field(min_length=1)
    guidance: list[Id] = Field(default_factory=list)
    source: Source


class Flowchart(Strict):
    version: NonEmpty
    title: Text
    source: Source
    start: Id
    answer_sets: dict[Id, list[Option]]
    questions: dict[Id, Question]
    nodes: dict[Id, Node]
    outcomes: dict[Id, Outcome]
    guidance: dict[Id, Guidance] = Field(default_factory=dict)

    def question_at(self, node_id: str) -> str:
        """The id of the question a node asks."""
        return self.nodes[node_id].ask or node_id
