"""The built-in content as JSON values and back, for the snapshot in :mod:`explorer.builtin_snapshot`.

Architectures are frozen dataclasses of strings, numbers, tuples and other such
dataclasses: they are written field by field and rebuilt from their type hints.
Notes use the notes cache's own encoding (:mod:`models.notes.stored`).
"""

from __future__ import annotations

import dataclasses
import typing
from collections.abc import Callable
from functools import cache
from typing import TYPE_CHECKING, Any

from models.architecture import Architecture
from models.errors import ModelError

if TYPE_CHECKING:
    from models.notes.document import NoteDocument
    from models.walkthroughs import Walkthrough


def encode_architecture(architecture: Architecture) -> dict[str, Any]:
    return dataclasses.asdict(architecture)


def decode_architecture(value: dict[str, Any]) -> Architecture:
    return _decode(Architecture, value)  # type: ignore[no-any-return]


def encode_walkthrough(walkthrough: Walkthrough) -> dict[str, Any]:
    return dataclasses.asdict(walkthrough)


def decode_walkthrough(value: dict[str, Any]) -> Walkthrough:
    from models.walkthroughs import Walkthrough  # not imported by an export, which decodes none

    return _decode(Walkthrough, value)  # type: ignore[no-any-return]


def encode_error(error: ModelError) -> list[Any]:
    return [error.source, error.problem, error.location, error.line]


def decode_error(value: list[Any]) -> ModelError:
    source, problem, location, line = value
    return ModelError(str(source), str(problem), str(location), None if line is None else int(line))


def encode_note(note: NoteDocument) -> list[Any] | None:
    """None when the note holds values JSON cannot keep (the snapshot is then not written)."""
    from models.notes.stored import encode_document

    return encode_document(note)


def decode_note(value: list[Any]) -> NoteDocument:
    from models.notes.stored import decode_document  # the notes stack: imported once notes are read

    return decode_document(value)


def _decode(hint: Any, value: Any) -> Any:
    return _decoder(hint)(value)


@cache
def _decoder(hint: Any) -> Callable[[Any], Any]:
    """The function that rebuilds a value of type ``hint`` from JSON, made once per type.

    Checks as it goes: a dataclass from an object (an unknown field is a ``KeyError``),
    a tuple item by item, ``str``/``int``/``bool``/``float`` by type; ``str | None`` and
    the like are taken as they are (plain JSON values).
    """
    if dataclasses.is_dataclass(hint) and isinstance(hint, type):
        kind = hint
        # Each field's decoder, found on first use (whole, so a thread never sees half of it).
        found: list[dict[str, Callable[[Any], Any]]] = []

        def decode_dataclass(value: Any) -> Any:
            if not isinstance(value, dict):
                raise ValueError(f"{kind.__name__}: expected an object")
            if not found:
                found.append({name: _decoder(h) for name, h in typing.get_type_hints(kind).items()})
            fields = found[0]
            return kind(**{name: fields[name](item) for name, item in value.items()})

        return decode_dataclass
    origin = typing.get_origin(hint)
    if origin is tuple:
        (item_hint, _ellipsis) = typing.get_args(hint)
        items: list[Callable[[Any], Any]] = []  # the items' decoder, found on first use

        def decode_tuple(value: Any) -> tuple[Any, ...]:
            if not items:
                items.append(_decoder(item_hint))
            return tuple(map(items[0], value))

        return decode_tuple
    if hint in (str, int, bool, float):
        plain = hint

        def decode_plain(value: Any) -> Any:
            if not isinstance(value, plain):
                raise ValueError(f"expected {plain.__name__}, got {type(value).__name__}")
            return value

        return decode_plain
    return _as_is  # ``str | None`` and the like, and any other plain JSON value


def _as_is(value: Any) -> Any:
    return value
