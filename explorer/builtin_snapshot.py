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
from typing import TYPE_CHECKING

from explorer.atomic_write import ExportError, write_atomically
from explorer.userdirs import user_cache_dir
from models.catalog import load_catalog
from models.loader import LoadResult
from models.paths import ARCHITECTURES_DIR, NOTES_DIR

if TYPE_CHECKING:
    from models.notes import NoteDocument

SNAPSHOT_VERSION = 1
"""Bump when the snapshot's layout changes."""
_MODELS_SOURCE = Path(__file__).resolve().parent.parent / "models"


def builtin_content() -> tuple[LoadResult, list[NoteDocument]]:
    """The built-in catalog (as ``load_catalog(())``) and notes, from the snapshot when current."""
    key = content_key()
    path = user_cache_dir() / "builtin" / f"{key}.pickle"
    cached = _read(path)
    if cached is not None:
        return cached
    from models.notes import load_builtin_notes

    content = (load_catalog(()), load_builtin_notes())
    _write(path, content)
    return content


def content_key() -> str:
    """A hash of every file the built-in content is made from, and of the code that reads it."""
    digest = hashlib.sha256(f"{SNAPSHOT_VERSION} {sys.version}".encode())
    for root, pattern in ((ARCHITECTURES_DIR, "*"), (NOTES_DIR, "*"), (_MODELS_SOURCE, "*.py")):
        for file in sorted(root.rglob(pattern)) if root.is_dir() else ():
            if file.is_file():
                digest.update(str(file.relative_to(root)).encode() + b"\0")
                digest.update(file.read_bytes() + b"\0")
    return digest.hexdigest()[:32]


def _read(path: Path) -> tuple[LoadResult, list[NoteDocument]] | None:
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
    return content if isinstance(content, tuple) and isinstance(content[0], LoadResult) else None


def _write(path: Path, content: tuple[LoadResult, list[NoteDocument]]) -> None:
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
