"""Read a YAML file into plain data plus the position of every value, catching YAML's traps.

The event stream is consumed in one loop (no recursion), so deep nesting and alias bombs are
refused with a message instead of a crash: an alias costs what it expands to (its values and
its characters), not one value. Traps caught: duplicate keys (PyYAML would keep the last),
unquoted ``yes``/``no``/``on``/``off`` read as booleans, tags, merge keys, tabs in
indentation, control characters and bidirectional overrides in a value (also when written as
an escape such as ``"\\e[2J"``), an empty file, and more than one document (size and
encoding are checked by ``load``). A trap that is not a syntax error does not stop the
reading: ``parse_all`` returns every one found, with the data read as the author meant it
(the first of two duplicate keys, the text of an unquoted ``yes``), so that the schema and
the graph can be checked in the same run.
"""

from __future__ import annotations

import re
from typing import Any

import yaml

from .problems import FlowchartError, Path, Positions, Problem, cut, quote

MAX_DEPTH = 32
MAX_VALUES = 100_000  # keys, values and list items, each alias counted as what it expands to
MAX_CHARACTERS = 2_000_000  # the characters of every text, each alias counted as expanded

_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_BOOL_TAG = "tag:yaml.org,2002:bool"
_STR_TAG = "tag:yaml.org,2002:str"
_MERGE_TAG = "tag:yaml.org,2002:merge"
_KINDS = {"tag:yaml.org,2002:timestamp": "date", "tag:yaml.org,2002:int": "number"}


def parse(text: str, name: str) -> tuple[Any, Positions, dict[Path, str]]:
    """Plain data (dicts, lists, scalars), the position of every value in it, and the text
    as written of every value YAML did not read as text (numbers, dates, booleans, null);
    FlowchartError lists every trap found."""
    data, positions, literals, problems = parse_all(text, name)
    if problems:
        raise FlowchartError(problems)
    return data, positions, literals


def parse_all(text: str, name: str) -> tuple[Any, Positions, dict[Path, str], list[Problem]]:
    """What ``parse`` returns, and every trap found instead of raising for them; a syntax
    error, or a file over a limit, still raises FlowchartError (nothing can be read past it)."""
    problems = []
    for number, line in enumerate(text.split("\n"), 1):
        if "\t" in line[: len(line) - len(line.lstrip(" \t"))]:
            problems.append(Problem(name, number, line.index("\t") + 1, _TAB))
        for found in _NOT_PRINTABLE.finditer(line):
            message = (
                f"the file contains the control character U+{ord(found.group()):04X}; "
                "control characters are not allowed in YAML"
            )
            problems.append(Problem(name, number, found.start() + 1, message))
    if problems:
        raise FlowchartError(problems)
    try:
        return _Builder(text, name).build()
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        what = error.problem or error.context or "not valid YAML"
        if error.context and error.problem:
            what = f"{error.problem} ({error.context})"
        line, column = (mark.line + 1, mark.column + 1) if mark else (None, None)
        raise FlowchartError([Problem(name, line, column, f"YAML syntax error: {what}")]) from None
    except yaml.YAMLError as error:
        message = f"YAML error: {' '.join(str(error).split())}"
        raise FlowchartError([Problem(name, None, None, message)]) from None


_TAB = "a tab is used for indentation; YAML needs spaces"
# What YAML refuses to read (its reader's NON_PRINTABLE, with \r allowed for CRLF files).
_NOT_PRINTABLE = re.compile(
    "[^\x09\x0a\x0d\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]"
)


# What a text in a flowchart may not hold, however it is written: C0 controls but tab and
# newline, DEL, C1 controls, bidirectional overrides and isolates, line and paragraph separators.
_NOT_IN_TEXT = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u200e\u200f\u061c\u202a-\u202e\u2066-\u2069\u2028\u2029]"
)
# Stands for the key of a duplicate or merge key: its value is read and dropped.
_DROPPED = object()


class _Builder:
    def __init__(self, text: str, name: str) -> None:
        self.loader = _Loader(text)
        self.name = name
        self.positions: Positions = {}
        self.anchors: dict[str, tuple[Any, int, int]] = {}  # value, values, characters
        self.values = 0
        self.characters = 0
        self.literals: dict[Path, str] = {}  # the written text of values that are not text
        self.problems: list[Problem] = []  # traps that do not stop the reading

    def fail(self, mark: Any, message: str) -> FlowchartError:
        return FlowchartError([Problem(self.name, mark.line + 1, mark.column + 1, message)])

    def trap(self, mark: Any, message: str) -> None:
        self.problems.append(Problem(self.name, mark.line + 1, mark.column + 1, message))

    def build(self) -> tuple[Any, Positions, dict[Path, str], list[Problem]]:
        loader = self.loader
        try:
            loader.get_event()  # StreamStart
            if loader.check_event(yaml.StreamEndEvent):
                raise FlowchartError([Problem(self.name, None, None, "the file is empty")])
            loader.get_event()  # DocumentStart
            data = self.document()
            loader.get_event()  # DocumentEnd
            if not loader.check_event(yaml.StreamEndEvent):
                mark = loader.peek_event().start_mark
                raise self.fail(mark, "the file holds more than one YAML document (---)")
        finally:
            loader.dispose()
        return data, self.positions, self.literals, self.problems

    def document(self) -> Any:
        # Each open container: [value, path, pending key or None, key marks, anchor, the
        # values and the characters counted when it opened]
        stack: list[list[Any]] = []
        result: Any = None
        while True:
            event = self.loader.get_event()
            if isinstance(event, yaml.MappingEndEvent | yaml.SequenceEndEvent):
                value, path, _, _, anchor, values, characters = stack.pop()
                if anchor:
                    self.anchors[anchor] = (
                        value,
                        self.values - values,
                        self.characters - characters,
                    )
                done = value
            else:
                path = self.child_path(stack, event)
                if isinstance(event, yaml.AliasEvent):
                    done = self.alias(event)
                elif isinstance(event, yaml.ScalarEvent):
                    done = self.scalar(event, path)
                else:  # a collection opens
                    if len(stack) >= MAX_DEPTH:
                        raise self.fail(event.start_mark, f"nested deeper than {MAX_DEPTH} levels")
                    self.count(event)
                    value = {} if isinstance(event, yaml.MappingStartEvent) else []
                    stack.append(
                        [value, path, None, {}, event.anchor, self.values, self.characters]
                    )
                    self.place(path, event)
                    continue
                if not stack or not (isinstance(stack[-1][0], dict) and stack[-1][2] is None):
                    self.place(path, event)
            if not stack:
                result = done
                break
            self.add(stack[-1], done, event)
        return result

    def child_path(self, stack: list[list[Any]], event: Any) -> Path:
        if not stack:
            return ()
        parent, path, key = stack[-1][0], stack[-1][1], stack[-1][2]
        if isinstance(parent, list):
            return (*path, len(parent))
        return path if key is None else (*path, key)

    def place(self, path: Path, event: Any) -> None:
        self.positions.setdefault(path, (event.start_mark.line + 1, event.start_mark.column + 1))

    def add(self, frame: list[Any], value: Any, event: Any) -> None:
        container, path, key, key_marks = frame[0], frame[1], frame[2], frame[3]
        if isinstance(container, list):
            container.append(value)
            return
        if key is None:  # this value is a key
            if isinstance(value, dict | list):
                raise self.fail(event.start_mark, "a key must be a plain value, not a list or map")
            if value is _DROPPED or value in key_marks:
                if value is not _DROPPED:
                    first = key_marks[value].line + 1
                    self.trap(
                        event.start_mark,
                        f"duplicate key {quote(value)} (first at line {first}); "
                        "the first is read, this one is not",
                    )
                frame[2] = _DROPPED
                return
            key_marks[value] = event.start_mark
            frame[2] = value
            self.place((*path, value), event)
        else:
            if key is not _DROPPED:
                container[key] = value
            frame[2] = None

    def count(self, event: Any, values: int = 1, characters: int = 0) -> None:
        self.values += values
        self.characters += characters
        if self.values > MAX_VALUES:
            raise self.fail(
                event.start_mark,
                f"more than {MAX_VALUES:,} values (alias bomb?); an alias counts as the "
                "values it repeats",
            )
        if self.characters > MAX_CHARACTERS:
            raise self.fail(
                event.start_mark,
                f"more than {MAX_CHARACTERS:,} characters of text (alias bomb?); an alias "
                "counts as the characters it repeats",
            )

    def alias(self, event: Any) -> Any:
        if event.anchor not in self.anchors:
            raise self.fail(event.start_mark, f"alias *{event.anchor} refers to no finished anchor")
        value, values, characters = self.anchors[event.anchor]
        self.count(event, values, characters)
        return value

    def scalar(self, event: Any, path: Path) -> Any:
        """The value of a scalar; a trap is reported and the scalar read as its text."""
        self.count(event, 1, len(event.value))
        value = self.scalar_value(event, path)
        if isinstance(value, str) and (found := _NOT_IN_TEXT.search(value)):
            self.trap(
                event.start_mark,
                f"the text holds the control character U+{ord(found.group()):04X} (perhaps "
                "written as an escape such as \\e or \\u202e); control characters and "
                "bidirectional overrides are not allowed in a text",
            )
        if event.anchor:
            self.anchors[event.anchor] = (value, 1, len(event.value))
        return value

    def scalar_value(self, event: Any, path: Path) -> Any:
        plain = event.implicit[0] and not event.style
        tag = event.tag
        if tag not in (None, "!", _STR_TAG):
            self.trap(event.start_mark, f"YAML tags such as {tag} are not supported here")
            return event.value
        if tag is None or tag == "!":
            tag = self.loader.resolve(yaml.ScalarNode, event.value, event.implicit)
        if tag == _MERGE_TAG:
            self.trap(
                event.start_mark, "merge keys (<<) are not supported; write the keys out in full"
            )
            return _DROPPED
        if tag == _STR_TAG:
            return event.value
        self.literals[path] = event.value
        node = yaml.ScalarNode(tag, event.value, event.start_mark, event.end_mark)
        try:
            value = self.loader.construct_object(node, deep=True)
        except ValueError as error:  # 2026-02-30: the shape of a date, but no such day
            written = cut(event.value)
            self.trap(
                event.start_mark,
                f"{written} is read by YAML as a {_KINDS.get(tag, 'value')} but is not one "
                f'({cut(str(error))}); write it in quotes to keep it as text: "{written}"',
            )
            return event.value
        if tag == _BOOL_TAG and plain and event.value.lower() not in ("true", "false"):
            self.trap(
                event.start_mark,
                f"unquoted {event.value} is read by YAML as the boolean "
                f'{str(value).lower()}, not as text; write it in quotes: "{event.value}"',
            )
            return event.value
        return value
