"""Read a YAML file into plain data plus the position of every value, catching YAML's traps.

The event stream is consumed in one loop (no recursion), so deep nesting and alias bombs are
refused with a message instead of a crash. Traps caught: duplicate keys (PyYAML would keep the
last), unquoted ``yes``/``no``/``on``/``off`` read as booleans, tabs in indentation, an empty
file, and more than one document (size and encoding are checked by ``load``).
"""

from __future__ import annotations

import re
from typing import Any

import yaml

from .problems import FlowchartError, Path, Positions, Problem

MAX_DEPTH = 32
MAX_VALUES = 100_000

_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_BOOL_TAG = "tag:yaml.org,2002:bool"
_STR_TAG = "tag:yaml.org,2002:str"
_MERGE_TAG = "tag:yaml.org,2002:merge"
_KINDS = {"tag:yaml.org,2002:timestamp": "date", "tag:yaml.org,2002:int": "number"}


def parse(text: str, name: str) -> tuple[Any, Positions, dict[Path, str]]:
    """Plain data (dicts, lists, scalars), the position of every value in it, and the text
    as written of every value YAML did not read as text (numbers, dates, booleans, null)."""
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


class _Builder:
    def __init__(self, text: str, name: str) -> None:
        self.loader = _Loader(text)
        self.name = name
        self.positions: Positions = {}
        self.anchors: dict[str, tuple[Any, int]] = {}
        self.values = 0
        self.literals: dict[Path, str] = {}  # the written text of values that are not text

    def fail(self, mark: Any, message: str) -> FlowchartError:
        return FlowchartError([Problem(self.name, mark.line + 1, mark.column + 1, message)])

    def build(self) -> tuple[Any, Positions, dict[Path, str]]:
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
        return data, self.positions, self.literals

    def document(self) -> Any:
        # Each open container: [value, path, pending key or None, key marks, anchor, start count]
        stack: list[list[Any]] = []
        result: Any = None
        while True:
            event = self.loader.get_event()
            if isinstance(event, yaml.MappingEndEvent | yaml.SequenceEndEvent):
                value, path, _, _, anchor, start = stack.pop()
                if anchor:
                    self.anchors[anchor] = (value, self.values - start)
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
                    stack.append([value, path, None, {}, event.anchor, self.values])
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
            if value in key_marks:
                first = key_marks[value].line + 1
                raise self.fail(
                    event.start_mark, f"duplicate key {value!r} (first at line {first})"
                )
            key_marks[value] = event.start_mark
            frame[2] = value
            self.place((*path, value), event)
        else:
            container[key] = value
            frame[2] = None

    def count(self, event: Any, amount: int = 1) -> None:
        self.values += amount
        if self.values > MAX_VALUES:
            raise self.fail(event.start_mark, f"more than {MAX_VALUES:,} values (alias bomb?)")

    def alias(self, event: Any) -> Any:
        if event.anchor not in self.anchors:
            raise self.fail(event.start_mark, f"alias *{event.anchor} refers to no finished anchor")
        value, size = self.anchors[event.anchor]
        self.count(event, size)
        return value

    def scalar(self, event: Any, path: Path) -> Any:
        self.count(event)
        plain = event.implicit[0] and not event.style
        tag = event.tag
        if tag not in (None, "!", _STR_TAG):
            raise self.fail(event.start_mark, f"YAML tags such as {tag} are not supported here")
        if tag is None or tag == "!":
            tag = self.loader.resolve(yaml.ScalarNode, event.value, event.implicit)
        if tag == _MERGE_TAG:
            raise self.fail(
                event.start_mark, "merge keys (<<) are not supported; write the keys out in full"
            )
        if tag == _STR_TAG:
            value: Any = event.value
        else:
            node = yaml.ScalarNode(tag, event.value, event.start_mark, event.end_mark)
            try:
                value = self.loader.construct_object(node, deep=True)
            except ValueError as error:  # 2026-02-30: the shape of a date, but no such day
                raise self.fail(
                    event.start_mark,
                    f"{event.value} is read by YAML as a {_KINDS.get(tag, 'value')} but is not "
                    f'one ({error}); write it in quotes to keep it as text: "{event.value}"',
                ) from None
        if tag == _BOOL_TAG and plain and event.value.lower() not in ("true", "false"):
            raise self.fail(
                event.start_mark,
                f"unquoted {event.value} is read by YAML as the boolean "
                f'{str(value).lower()}, not as text; write it in quotes: "{event.value}"',
            )
        if tag != _STR_TAG:
            self.literals[path] = event.value
        if event.anchor:
            self.anchors[event.anchor] = (value, 1)
        return value
