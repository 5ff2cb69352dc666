"""Validate parsed YAML with a schema (the flowchart's, or a training scenario's), turning
pydantic's errors into plain-worded problems with file:line:column."""

from __future__ import annotations

import dataclasses
import difflib
import types
import typing
from functools import cache
from typing import Any, TypeVar

from pydantic import TypeAdapter, ValidationError

from .lazy_dataclass import build
from .problems import FlowchartError, Path, Positions, Problem, cut, locate, quote
from .schema import BLANK_PATTERN, DUE_PATTERN, Flowchart

T = TypeVar("T")

_ID_RULE = "ids are lower-case letters, digits and _, starting with a letter, at most 64 characters"


def validate(
    data: Any,
    positions: Positions,
    name: str,
    literals: dict[Path, str] | None = None,
    model: type[T] = Flowchart,  # type: ignore[assignment]
) -> T:
    """``model``'s instance made from ``data``; ``literals`` holds the text as written of
    values YAML did not read as text, so that a hint can quote what the author wrote."""
    if not isinstance(data, dict):
        found = _describe(data)
        raise FlowchartError(
            [
                Problem(
                    name, *locate(positions, ()), f"the top level must be a mapping, found {found}"
                )
            ]
        )
    try:
        return _adapter(model).validate_python(data)
    except ValidationError as error:
        problems = [
            _problem(item, positions, name, literals or {}, model) for item in error.errors()
        ]
        problems.sort(key=lambda p: (p.line or 0, p.column or 0))
        raise FlowchartError(problems) from None


@cache
def _adapter(model: type[T]) -> TypeAdapter[T]:
    build()  # the schema's dataclasses, made at their first use (lazy_dataclass.py)
    return TypeAdapter(model)


def _problem(
    error: Any, positions: Positions, name: str, literals: dict[Path, str], model: type
) -> Problem:
    loc: Path = tuple(error["loc"])
    kind = error["type"]
    value = error.get("input")
    is_key = bool(loc) and loc[-1] == "[key]"
    if is_key:
        loc = loc[:-1]
    where = ".".join(cut(str(part)) for part in loc) or "the top level"
    if kind == "missing":
        line, column = locate(positions, loc[:-1])
        parent = ".".join(cut(str(part)) for part in loc[:-1]) or "the top level"
        message = f"{parent}: missing {_missing(loc[-1])}"
        return Problem(name, line, column, message)
    line, column = locate(positions, loc)
    if kind in ("extra_forbidden", "unexpected_keyword_argument"):
        allowed = _allowed_keys(loc[:-1], model)
        message = f"{where}: unknown key {quote(loc[-1])}"
        close = difflib.get_close_matches(str(loc[-1]), allowed, n=1)
        if close:
            message += f"; did you mean {close[0]!r}?"
        if allowed:
            message += f" (allowed: {', '.join(allowed)})"
    elif kind == "string_pattern_mismatch" and error.get("ctx", {}).get("pattern") == BLANK_PATTERN:
        message = f"{where}: must not be empty or only spaces"
    elif kind == "string_pattern_mismatch" and error.get("ctx", {}).get("pattern") == DUE_PATTERN:
        message = (
            f"{where}: {quote(value)} is not a due time; write hours or working days, "
            "e.g. 48h or 2 arbetsdagar"
        )
    elif kind == "string_pattern_mismatch":
        what = "key" if is_key else "id"
        message = f"{where}: {quote(value)} is not a valid {what}: {_ID_RULE}"
    elif kind == "string_too_short":
        message = f"{where}: must not be empty"
    elif kind == "too_short":
        message = f"{where}: needs at least one item"
    elif kind == "string_type":
        message = f"{where}: expected text, found {_describe(value)}"
        if loc in literals and value is not None:
            message += f'; write it in quotes: "{cut(literals[loc])}"'
    elif kind in ("dict_type", "dataclass_type", "dataclass_args_type"):
        message = f"{where}: expected a mapping (key: value), found {_describe(value)}"
    elif kind == "list_type":
        message = f"{where}: expected a list, found {_describe(value)}"
    else:
        message = f"{where}: {error['msg']}"
    return Problem(name, line, column, message)


_LANGUAGE_NAMES = {"sv": "the Swedish text (sv)", "en": "the English text (en)"}


def _missing(key: str | int) -> str:
    return _LANGUAGE_NAMES.get(str(key), f"required key {key!r}")


def _describe(value: Any) -> str:
    if value is None:
        return "nothing (an empty value)"
    if isinstance(value, bool):
        return f"the boolean {str(value).lower()}"
    if isinstance(value, int | float):
        return f"the number {value}"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, str):
        return f"the text {quote(value)}"
    return f"{type(value).__name__} {value}"


def _allowed_keys(loc: Path, model: type) -> list[str]:
    """The keys the class at ``loc`` accepts, found by walking the schema's type hints."""
    kind: Any = model
    for part in loc:
        kind = _model_in(kind)
        if dataclasses.is_dataclass(kind):
            kind = typing.get_type_hints(kind, include_extras=True).get(str(part))
        else:  # dict[K, V] or list[V]: step into V
            args = typing.get_args(kind)
            kind = args[-1] if args else None
        if kind is None:
            return []
    kind = _model_in(kind)
    return [f.name for f in dataclasses.fields(kind)] if dataclasses.is_dataclass(kind) else []


def _model_in(kind: Any) -> Any:
    """Unwrap ``X | None`` and ``Annotated[X, ...]`` to X."""
    while True:
        origin = typing.get_origin(kind)
        if origin is typing.Annotated:
            kind = typing.get_args(kind)[0]
        elif origin in (typing.Union, types.UnionType):
            arms = [arm for arm in typing.get_args(kind) if arm is not type(None)]
            kind = arms[0] if len(arms) == 1 else None
        else:
            return kind
