"""Flowchart files built to cost: long chains, diamonds with 2^n paths, alias bombs, back
edges. Each is a valid YAML text; the tests say what ``check`` and the commands must do."""

from __future__ import annotations

HEAD = """version: "1"
title: {sv: "Test", en: "Test"}
source: "Test"
start: %(start)s
answer_sets:
  yes_no:
    - {id: ja, label: &ja {sv: "Ja", en: "Yes"}, aliases: ["j"]}
    - {id: nej, label: {sv: "Nej", en: "No"}, aliases: ["n"]}
  one:
    - {id: ok, label: {sv: "Ok", en: "Ok"}}
outcomes:
  done:
    title: &t {sv: "Klart", en: "Done"}
    summary: *t
    steps: [{text: *t}]
    source: "Test"
"""


def _question(qid: str, answers: str) -> str:
    texts = "title: *t, text: *t, help: *t, example: *t"
    return f"  {qid}: {{{texts}, answers: {answers}, source: T}}\n"


def chain(length: int, answers: str = "one") -> str:
    """``length`` nodes in a row, each asking its own question; with ``yes_no`` both
    answers lead on, so the chart has 2^length paths (a diamond of diamonds)."""
    text = HEAD % {"start": "q0"} + "questions:\n"
    text += "".join(_question(f"q{i}", answers) for i in range(length))
    text += "nodes:\n"
    for i in range(length):
        after = f"q{i + 1}" if i + 1 < length else "done"
        moves = f"ok: {after}" if answers == "one" else f"ja: {after}, nej: {after}"
        text += f"  q{i}: {{next: {{{moves}}}}}\n"
    return text


def comb(length: int) -> str:
    """A chain whose every node's "nej" ends the walk: length + 1 paths, of 1 to length
    answers (about length² / 2 answers in all)."""
    return back_edges(length).replace("nej: q0}", "nej: done}")


def back_edges(length: int) -> str:
    """A chain whose every node's "nej" leads back to the start: ``length`` cycles."""
    text = HEAD % {"start": "q0"} + "questions:\n"
    text += "".join(_question(f"q{i}", "yes_no") for i in range(length))
    text += "nodes:\n"
    for i in range(length):
        after = f"q{i + 1}" if i + 1 < length else "done"
        text += f"  q{i}: {{next: {{ja: {after}, nej: q0}}}}\n"
    return text


def alias_bomb(size: int, times: int) -> str:
    """One text of ``size`` characters, repeated by ``times`` aliases."""
    words = ", ".join(["*long"] * times)
    return f'version: &long "{"x" * size}"\ntitle: {{sv: x, en: x}}\nsource: [{words}]\n'
