"""The built-in content as JSON values and back, for the snapshot in :mod:`explorer.builtin_snapshot`.

Architectures are frozen dataclasses of strings, numbers, tuples and other such
dataclasses: they are written field by field and rebuilt from their type hints.
Notes use the notes cache's own encoding (:mod:`models.notes.stored`).
"""

from __future__ import annotations

import dataclasses
import types
import typing
from functools import cache
from typing import Any

from models.architecture import Architecture
from models.errors import ModelError
from models.walkthroughs import Walkthrough

if typing.TYPE_CHECKING:
    from models.notes.document import NoteDocument


def encode_architecture(architecture: Architecture) -> dict[str, Any]:
    return dataclasses.asdict(architecture)


def decode_architecture(value: dict[str, Any]) -> Architecture:
    return _decode(Architecture, value)  # type: ignore[no-any-return]


def encode_walkthrough(walkthrough: Walkthrough) -> dict[str, Any]:
    return dataclasses.asdict(walkthrough)


def decode_walkthrough(value: dict[str, Any]) -> Walkthrough:
    return _decode(Walkthrough, value)  # type: ignore[no-any-return]


def encode_error(error: ModelError) -> list[Any]:
    return [error.source, error.problem, error.location, error.line]


def decode_error(value: list[Any]) -> ModelError:
    source, problem, location, line = value
    return ModelError(str(source), str(problem), str(location), None if line is None else int(line))


# The notes package is imported on use: an export reads only the architectures (25 ms less).


def encode_note(note: NoteDocument) -> list[Any] | None:
    """None when the note holds values JSON cannot keep (the snapshot is then not written)."""
    from models.notes.stored import encode_document

    return encode_document(note)


def decode_note(value: list[Any]) -> NoteDocument:
    from models.notes.stored import decode_document

    return decode_document(value)


def _decode(hint: Any, value: Any) -> Any:
    if dataclasses.is_dataclass(hint) and isinstance(hint, type):
        if not isinstance(value, dict):
            raise ValueError(f"{hint.__name__}: expected an object")
        hints = _hints(hint)
        return hint(**{name: _decode(hints[name], item) for name, item in value.items()})
    origin = typing.get_origin(hint)
    if origin is tuple:
        (item_hint, _ellipsis) = typing.get_args(hint)
        return tuple(_decode(item_hint, item) for item in value)
    if origin in (typing.Union, types.UnionType):
        return value  # only ``str | None`` and the like: plain JSON values
    if hint in (str, int, bool, float) and not isinstance(value, hint):
        raise ValueError(f"expected {hint.__name__}, got {type(value).__name__}")
    return value


@cache
def _hints(kind: type) -> dict[str, Any]:
    return typing.get_type_hints(kind)
