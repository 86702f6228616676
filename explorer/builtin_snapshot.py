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
from pathlib import Path
from typing import Any, NamedTuple

from explorer.atomic_write import ExportError, write_atomically
from explorer.snapshot_codec import (
    decode_architecture,
    decode_error,
    decode_note,
    encode_architecture,
    encode_error,
    encode_note,
)
from explorer.userdirs import user_cache_dir
from models.architecture import Architecture
from models.errors import ModelError
from models.notes.document import NoteDocument
from models.paths import ARCHITECTURES_DIR, NOTES_DIR

SNAPSHOT_VERSION = 1
"""Bump when the snapshot's layout changes."""
_MODELS_SOURCE = Path(__file__).resolve().parent.parent / "models"


class BuiltinContent(NamedTuple):
    """What ``load_catalog(())`` and ``load_builtin_notes()`` give, in the catalog's order."""

    architectures: tuple[Architecture, ...]
    errors: tuple[ModelError, ...]
    notes: tuple[NoteDocument, ...]


def builtin_content() -> BuiltinContent:
    """The built-in architectures, their load errors and notes, from the snapshot when current."""
    key = content_key()
    path = user_cache_dir() / "builtin" / f"{key}.json"
    cached = _read(path)
    if cached is not None:
        return cached
    content = parse_builtin_content()
    _write(path, content)
    return content


def parse_builtin_content() -> BuiltinContent:
    """The built-in content read from its YAML and Markdown files (what the snapshot holds)."""
    from models.catalog import load_catalog
    from models.notes import load_builtin_notes

    catalog = load_catalog(())
    return BuiltinContent(tuple(catalog.architectures), tuple(catalog.errors), tuple(load_builtin_notes()))


def content_key() -> str:
    """A hash of every file the built-in content is made from, and of the code that reads it."""
    digest = hashlib.sha256(f"{SNAPSHOT_VERSION} {sys.version}".encode())
    for root, pattern in ((ARCHITECTURES_DIR, "*"), (NOTES_DIR, "*"), (_MODELS_SOURCE, "*.py")):
        for file in sorted(root.rglob(pattern)) if root.is_dir() else ():
            if file.is_file():
                digest.update(str(file.relative_to(root)).encode() + b"\0")
                digest.update(file.read_bytes() + b"\0")
    return digest.hexdigest()[:32]


def _read(path: Path) -> BuiltinContent | None:
    try:
        data = path.read_bytes()
    except OSError:
        return None
    check, payload = data[:32], data[32:]
    if hashlib.sha256(payload).digest() != check:
        return None
    try:
        return _decode(json.loads(payload))
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
    }


def _decode(value: dict[str, Any]) -> BuiltinContent:
    return BuiltinContent(
        tuple(decode_architecture(a) for a in value["architectures"]),
        tuple(decode_error(e) for e in value["errors"]),
        tuple(decode_note(n) for n in value["notes"]),
    )


def _write(path: Path, content: BuiltinContent) -> None:
    """Best effort: a start that cannot write the snapshot just parses again next time."""
    encoded = _encode(content)
    if encoded is None:
        return
    payload = json.dumps(encoded, separators=(",", ":")).encode()
    again = _decode(json.loads(payload))
    if again.architectures != content.architectures or again.notes != content.notes:
        return  # something the codec cannot keep: parse on every start rather than serve it wrong
    if [e.message for e in again.errors] != [e.message for e in content.errors]:
        return
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        write_atomically(path, hashlib.sha256(payload).digest() + payload, durable=False)
        for old in path.parent.glob("*.json"):
            if old != path:
                old.unlink(missing_ok=True)
    except (OSError, ExportError):
        return
