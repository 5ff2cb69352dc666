"""Frozen dataclasses whose generated methods are made when something first needs them.

``@dataclass(frozen=True)`` compiles six methods for each class when its module is imported
(``__init__``, ``__repr__``, ``__eq__``, ``__hash__``, ``__setattr__``, ``__delattr__``):
about a millisecond a class on Python 3.11, paid on every start for the flowchart's schema
(13 classes), its problems and a walk's steps and events. A start that loads the flowchart
from its cache (``cache.py``) calls none of them before its first answer: the pickle fills
each object's ``__dict__`` and the app reads attributes. ``frozen`` records
the class and puts stand-ins where those methods and dataclass attributes go; the first
use of any of them, on any recorded class (constructing one, comparing, ``repr``, hashing,
setting an attribute, or ``dataclasses.fields``, ``is_dataclass``, ``asdict``, ``replace``,
pydantic's validation), makes every recorded class the dataclass ``@dataclass(frozen=True)``
makes, and the call goes on to the real method. After that, nothing tells them apart.
"""

from __future__ import annotations

import threading
from dataclasses import field
from typing import Any, TypeVar, dataclass_transform

T = TypeVar("T", bound=type)

_METHODS = ("__init__", "__repr__", "__eq__", "__hash__", "__setattr__", "__delattr__")
_ATTRIBUTES = ("__dataclass_fields__", "__dataclass_params__", "__match_args__")
_pending: list[type] = []
_lock = threading.RLock()


@dataclass_transform(frozen_default=True, field_specifiers=(field,))
def frozen(cls: T) -> T:
    """``@dataclass(frozen=True)``, made at the first use of a generated part (see above)."""
    for name in _METHODS:
        setattr(cls, name, _stand_in(name))
    for name in _ATTRIBUTES:
        setattr(cls, name, _OnFirstUse(name))
    _pending.append(cls)
    return cls


def build() -> None:
    """Make every recorded class a frozen dataclass now (validation calls this first)."""
    if not _pending:
        return
    from dataclasses import dataclass

    with _lock:
        while _pending:
            cls = _pending.pop(0)
            for name in (*_METHODS, *_ATTRIBUTES):
                delattr(cls, name)  # so that dataclass sees a class that defines none of them
            dataclass(frozen=True)(cls)


def _stand_in(name: str) -> Any:
    def stand_in(self: Any, *args: Any, **kwargs: Any) -> Any:
        build()
        return getattr(type(self), name)(self, *args, **kwargs)

    stand_in.__name__ = stand_in.__qualname__ = name
    return stand_in


class _OnFirstUse:
    """A class attribute that dataclass sets: asked for, the classes are made and it is read."""

    def __init__(self, name: str) -> None:
        self.name = name

    def __get__(self, instance: object, owner: type) -> Any:
        build()
        return getattr(owner, self.name)
