"""A snapshot of the built-in architectures and notes, kept in the cache folder.

Parsing and validating the built-in YAML models and Markdown notes took a fifth of
every start. The snapshot is the already validated result, pickled, under a key
hashed from everything that shapes it (the asset files, the ``models`` package's
source, the Python version), so a changed file or a new release is never served
stale. The file carries the hash of its payload, checked before it is unpickled:
a torn or altered file is parsed again and rewritten, never trusted.
"""

from __future__ import annotations

import hashlib
import pickle
import sys
from pathlib import Path
from typing import NamedTuple

from explorer.atomic_write import ExportError, write_atomically
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
    path = user_cache_dir() / "builtin" / f"{key}.pickle"
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
        content = pickle.loads(payload)  # noqa: S301 (our own file, its hash checked above)
    except Exception:  # noqa: BLE001 (an unreadable snapshot is parsed again)
        return None
    return content if isinstance(content, BuiltinContent) else None


def _write(path: Path, content: BuiltinContent) -> None:
    """Best effort: a start that cannot write the snapshot just parses again next time."""
    try:
        payload = pickle.dumps(content, protocol=pickle.HIGHEST_PROTOCOL)
        path.parent.mkdir(parents=True, exist_ok=True)
        write_atomically(path, hashlib.sha256(payload).digest() + payload, durable=False)
        for old in path.parent.glob("*.pickle"):
            if old != path:
                old.unlink(missing_ok=True)
    except (OSError, ExportError, pickle.PicklingError, TypeError, AttributeError):
        return
