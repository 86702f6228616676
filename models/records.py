"""``frozen_record``: a frozen dataclass made without compiling its methods at import.

``@dataclass(frozen=True)`` writes the source of six methods per class and compiles
it when the module is imported: 0.5-0.9 ms a class, ~10 ms of a command-line export
that needs fifteen of them. A record writes its ``__init__`` in the class (compiled
once into the ``.pyc``, as fast as the generated one); this decorator adds
``__repr__``, ``__eq__``, ``__hash__``, ``__setattr__`` and ``__delattr__`` made
from the fields, with the generated methods' behaviour: the same text, equality
only with the same class, the hash of the same tuple, ``FrozenInstanceError`` with
the same message (``tests/models/test_records.py`` holds each record to a
``@dataclass(frozen=True)`` of the same fields). It stays a dataclass:
``dataclasses.fields``, ``replace``, ``asdict`` and ``is_dataclass`` work as before.
"""

from __future__ import annotations

import dataclasses
import reprlib
from collections.abc import Callable
from operator import attrgetter
from typing import Any, TypeVar, cast, dataclass_transform

T = TypeVar("T")

set_field = object.__setattr__
"""How a record's ``__init__`` sets its fields (as a frozen dataclass's does)."""


@dataclass_transform(frozen_default=True, field_specifiers=(dataclasses.field,))
def frozen_record(cls: type[T]) -> type[T]:
    """``@dataclass(frozen=True)`` for a class that defines its own ``__init__``."""
    if "__init__" not in cls.__dict__:
        raise TypeError(f"{cls.__qualname__}: a record writes its own __init__")
    record = dataclasses.dataclass(cls, init=False, repr=False, eq=False)
    fields = dataclasses.fields(cast(Any, record))
    names = frozenset(field.name for field in fields)
    compared = _values([f.name for f in fields if f.compare])
    hashed = _values([f.name for f in fields if f.hash or (f.hash is None and f.compare)])
    shown = tuple(f.name for f in fields if f.repr)

    @reprlib.recursive_repr()
    def __repr__(self: Any) -> str:
        inner = ", ".join(f"{name}={getattr(self, name)!r}" for name in shown)
        return f"{self.__class__.__qualname__}({inner})"

    def __eq__(self: Any, other: object) -> Any:
        if other.__class__ is self.__class__:
            return compared(self) == compared(other)
        return NotImplemented

    def __hash__(self: Any) -> int:
        return hash(hashed(self))

    def __setattr__(self: Any, name: str, value: Any) -> None:
        if type(self) is record or name in names:
            raise dataclasses.FrozenInstanceError(f"cannot assign to field {name!r}")
        super(record, self).__setattr__(name, value)

    def __delattr__(self: Any, name: str) -> None:
        if type(self) is record or name in names:
            raise dataclasses.FrozenInstanceError(f"cannot delete field {name!r}")
        super(record, self).__delattr__(name)

    for method in (__repr__, __eq__, __hash__, __setattr__, __delattr__):
        method.__qualname__ = f"{record.__qualname__}.{method.__name__}"
        setattr(record, method.__name__, method)
    return record


def _values(names: list[str]) -> Callable[[Any], tuple[Any, ...]]:
    """The tuple of these attributes of an object (the tuple dataclasses compare and hash)."""
    if len(names) > 1:
        return attrgetter(*names)
    if names:
        one = attrgetter(names[0])
        return lambda value: (one(value),)
    return lambda value: ()
