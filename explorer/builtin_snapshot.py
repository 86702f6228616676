"""A snapshot of the built-in architectures and notes, kept in the cache folder.

Parsing and validating the built-in YAML models and Markdown notes took a fifth of
every start. The snapshot is the already validated result as JSON, under a key
hashed from everything that shapes it (the asset files, the ``models`` package's
source, the Python version), so a changed file or a new release is never served
stale. It is written only when it reads back equal to what was parsed, and the
file carries the hash of its payload: a torn or altered file is parsed again and
rewritten, never trusted.
"""

from __future__ import annotations

import hashlib
import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple, TypeVar

from explorer.atomic_write import ExportError, write_atomically
from explorer.snapshot_codec import (
    decode_architecture,
    decode_error,
    decode_note,
    decode_walkthrough,
    encode_architecture,
    encode_error,
    encode_note,
    encode_walkthrough,
)
from explorer.userdirs import user_cache_dir
from models.architecture import Architecture
from models.errors import ModelError
from models.paths import ARCHITECTURES_DIR, NOTES_DIR, WALKTHROUGHS_DIR
from models.walkthroughs import Walkthrough

if TYPE_CHECKING:  # the notes package is imported where notes are read: an export reads none
    from models.notes.document import NoteDocument

T = TypeVar("T")

SNAPSHOT_VERSION = 2
"""Bump when the snapshot's layout changes."""
_MODELS_SOURCE = Path(__file__).resolve().parent.parent / "models"


class BuiltinContent(NamedTuple):
    """What ``load_catalog(())``, ``load_builtin_notes()`` and the built-in walkthroughs give."""

    architectures: tuple[Architecture, ...]
    errors: tuple[ModelError, ...]
    notes: tuple[NoteDocument, ...]
    walkthroughs: tuple[Walkthrough, ...] = ()
    walkthrough_errors: tuple[ModelError, ...] = ()


def builtin_content() -> BuiltinContent:
    """The built-in architectures, their load errors and notes, from the snapshot when current."""
    path = _snapshot_path()
    cached = _read(path, _decode)
    return cached if cached is not None else _parsed_and_kept(path)


def builtin_architectures() -> tuple[tuple[Architecture, ...], tuple[ModelError, ...]]:
    """Just the built-in architectures and their load errors (what an export needs, not the notes)."""
    path = _snapshot_path()
    cached = _read(path, _decode_architectures)
    if cached is not None:
        return cached
    content = _parsed_and_kept(path)
    return content.architectures, content.errors


def _parsed_and_kept(path: Path) -> BuiltinContent:
    """The content parsed from its files, and written to the snapshot at ``path`` for next time."""
    content = parse_builtin_content()
    _write(path, content)
    return content


def _snapshot_path() -> Path:
    return user_cache_dir() / "builtin" / f"{content_key()}.json"


def parse_builtin_content() -> BuiltinContent:
    """The built-in content read from its YAML and Markdown files (what the snapshot holds)."""
    from models.catalog import load_catalog
    from models.notes import load_builtin_notes
    from models.walkthroughs import load_walkthrough_catalog

    catalog = load_catalog(())
    walks = load_walkthrough_catalog({a.id: a for a in catalog.architectures})
    return BuiltinContent(
        tuple(catalog.architectures),
        tuple(catalog.errors),
        tuple(load_builtin_notes()),
        tuple(walks.walkthroughs),
        tuple(walks.errors),
    )


def content_key() -> str:
    """A hash of every file the built-in content is made from, and of the code that reads it.

    The folders' own paths count too: the content records where each file lives, and a
    second copy of the app (moved, or another checkout) must not open the first one's files.
    """
    digest = hashlib.sha256(f"{SNAPSHOT_VERSION} {sys.version}".encode())
    roots = ((ARCHITECTURES_DIR, "*"), (NOTES_DIR, "*"), (WALKTHROUGHS_DIR, "*"), (_MODELS_SOURCE, "*.py"))
    for root, pattern in roots:
        digest.update(str(root.resolve()).encode() + b"\0")
        for file in sorted(root.rglob(pattern)) if root.is_dir() else ():
            if file.is_file():
                digest.update(str(file.relative_to(root)).encode() + b"\0")
                digest.update(file.read_bytes() + b"\0")
    return digest.hexdigest()[:32]


def _read(path: Path, decode: Callable[[dict[str, Any]], T]) -> T | None:
    try:
        data = path.read_bytes()
    except OSError:
        return None
    check, payload = data[:32], data[32:]
    if hashlib.sha256(payload).digest() != check:
        return None
    try:
        return decode(json.loads(payload))
    except (ValueError, TypeError, KeyError, AttributeError):  # parsed again, and rewritten
        return None


def _encode(content: BuiltinContent) -> dict[str, Any] | None:
    notes = [encode_note(note) for note in content.notes]
    if any(note is None for note in notes):
        return None
    return {
        "architectures": [encode_architecture(a) for a in content.architectures],
        "errors": [encode_error(e) for e in content.errors],
        "notes": notes,
        "walkthroughs": [encode_walkthrough(w) for w in content.walkthroughs],
        "walkthrough_errors": [encode_error(e) for e in content.walkthrough_errors],
    }


def _decode(value: dict[str, Any]) -> BuiltinContent:
    return BuiltinContent(
        tuple(decode_architecture(a) for a in value["architectures"]),
        tuple(decode_error(e) for e in value["errors"]),
        tuple(decode_note(n) for n in value["notes"]),
        tuple(decode_walkthrough(w) for w in value["walkthroughs"]),
        tuple(decode_error(e) for e in value["walkthrough_errors"]),
    )


def _decode_architectures(value: dict[str, Any]) -> tuple[tuple[Architecture, ...], tuple[ModelError, ...]]:
    return (
        tuple(decode_architecture(a) for a in value["architectures"]),
        tuple(decode_error(e) for e in value["errors"]),
    )


def _write(path: Path, content: BuiltinContent) -> None:
    """Best effort: a start that cannot write the snapshot just parses again next time."""
    encoded = _encode(content)
    if encoded is None:
        return
    payload = json.dumps(encoded, separators=(",", ":")).encode()
    again = _decode(json.loads(payload))
    if (again.architectures, again.notes, again.walkthroughs) != (
        content.architectures,
        content.notes,
        content.walkthroughs,
    ):
        return  # something the codec cannot keep: parse on every start rather than serve it wrong
    errors = [*content.errors, *content.walkthrough_errors]
    if [e.message for e in (*again.errors, *again.walkthrough_errors)] != [e.message for e in errors]:
        return
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        write_atomically(path, hashlib.sha256(payload).digest() + payload, durable=False)
        for old in path.parent.glob("*.json"):
            if old != path:
                old.unlink(missing_ok=True)
    except (OSError, ExportError):
        return
