"""A snapshot of the built-in architectures and notes, kept in the cache folder.

Parsing and validating the built-in YAML models and Markdown notes took a fifth of
every start. The snapshot is the already validated result as JSON, under a key
hashed from everything that shapes it (the asset files, the ``models`` package's
source, the Python minor version), so a changed file or a new release is never served
stale. It is written only when it reads back equal to what was parsed, and the
file carries the hash of its payload: a torn or altered file is parsed again and
rewritten, never trusted.

The file paths it records are kept relative to the assets folder (``@assets@/…``)
and made absolute when read, so the same snapshot serves any copy of the app. The
build ships one (:func:`ship`, run by ``python -m explorer.prebuild``) in
``assets/prebuilt/``: a first start reads it instead of parsing, when its key is
current; otherwise the snapshot is parsed and kept in the cache folder as before.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple, TypeVar

from explorer.atomic_write import ExportError, write_atomically
from explorer.digest import digest
from explorer.key_memo import Root, files, memoized_key
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
from models.paths import ARCHITECTURES_DIR, ASSETS_DIR, NOTES_DIR, WALKTHROUGHS_DIR

if TYPE_CHECKING:
    from models.notes.document import NoteDocument
    from models.walkthroughs import Walkthrough

T = TypeVar("T")

SNAPSHOT_VERSION = 6
"""Bump when the snapshot's layout changes."""
_MODELS_SOURCE = Path(__file__).resolve().parent.parent / "models"
SHIPPED_DIR = ASSETS_DIR / "prebuilt"
"""Where the build puts the snapshot of this release's built-in content."""
_ASSETS_TOKEN = b"@assets@"
"""Stands for the assets folder in the file paths a snapshot records."""


class BuiltinContent(NamedTuple):
    """What ``load_catalog(())``, ``load_builtin_notes()`` and the built-in walkthroughs give."""

    architectures: tuple[Architecture, ...]
    errors: tuple[ModelError, ...]
    notes: tuple[NoteDocument, ...]
    walkthroughs: tuple[Walkthrough, ...] = ()
    walkthrough_errors: tuple[ModelError, ...] = ()


def builtin_content(*, notes: bool = True, walkthroughs: bool = True) -> BuiltinContent:
    """The built-in architectures, their load errors and notes, from a snapshot when current.

    With ``notes=False`` a snapshot's notes are left unread (``notes`` is empty; the
    window's start reads them after its first paint with :func:`builtin_notes`), and
    with ``walkthroughs=False`` its walkthroughs (see :func:`builtin_walkthroughs`).
    """
    key = content_key()

    def decode(value: dict[str, Any]) -> BuiltinContent:
        return _decode(value, notes=notes, walkthroughs=walkthroughs)

    cached = _read_either(key, decode, notes=notes, walkthroughs=walkthroughs)
    return cached if cached is not None else _parsed_and_kept(_snapshot_path(key))


def builtin_notes() -> tuple[NoteDocument, ...]:
    """Just the built-in notes (see :func:`builtin_content`)."""
    key = content_key()
    cached = _read_either(key, _decode_notes, notes=True)
    return cached if cached is not None else _parsed_and_kept(_snapshot_path(key)).notes


def builtin_walkthroughs() -> tuple[Walkthrough, ...]:
    """Just the built-in walkthroughs (see :func:`builtin_content`): the first paint shows none, and
    decoding them imports their model (~1.5 ms of the start)."""
    key = content_key()
    cached = _read_either(key, _decode_walkthroughs, walkthroughs=True)
    return cached if cached is not None else _parsed_and_kept(_snapshot_path(key)).walkthroughs


def builtin_architectures() -> tuple[tuple[Architecture, ...], tuple[ModelError, ...]]:
    """Just the built-in architectures and their load errors (what an export needs, not the notes)."""
    key = content_key()
    cached = _read_either(key, _decode_architectures)
    if cached is not None:
        return cached
    content = _parsed_and_kept(_snapshot_path(key))
    return content.architectures, content.errors


def ship(content: BuiltinContent, folder: Path = SHIPPED_DIR) -> Path | None:
    """Writes ``content`` as the shipped snapshot in ``folder`` (the build's step); None if it cannot."""
    path = folder / f"{content_key()}.json"
    return path if _write(path, content) else None


def _read_either(
    key: str, decode: Callable[[dict[str, Any]], T], *, notes: bool = False, walkthroughs: bool = False
) -> T | None:
    """From the cache folder's snapshot, else from the shipped one (a first start)."""
    cached = _read(_snapshot_path(key), decode, notes=notes, walkthroughs=walkthroughs)
    if cached is not None:
        return cached
    return _read(SHIPPED_DIR / f"{key}.json", decode, notes=notes, walkthroughs=walkthroughs)


def _parsed_and_kept(path: Path) -> BuiltinContent:
    """The content parsed from its files, and written to the snapshot at ``path`` for next time."""
    content = parse_builtin_content()
    _write(path, content)
    return content


def _snapshot_path(key: str) -> Path:
    return user_cache_dir() / "builtin" / f"{key}.json"


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

    The folders count by name, not by where they are: the paths the content records are
    relative to the assets folder until read, so a moved copy of the app reads its own.
    The key is kept in the cache folder while the files' names, sizes and times are
    unchanged (:mod:`explorer.key_memo`).
    """
    # Python's minor version, not its build: the shipped snapshot serves every 3.11.x.
    salt = f"{SNAPSHOT_VERSION} {sys.version_info[0]}.{sys.version_info[1]}"
    roots = (
        ("architectures", ARCHITECTURES_DIR, "*"),
        ("notes", NOTES_DIR, "*"),
        ("walkthroughs", WALKTHROUGHS_DIR, "*"),
        ("models", _MODELS_SOURCE, "*.py"),
    )
    # One memo per copy of the app, so that copies used in turn do not hash again each time.
    where = digest("\0".join(str(root) for _, root, _ in roots).encode()).hexdigest()[:16]
    memo = user_cache_dir() / f"builtin-key-{where}.txt"
    return memoized_key(salt, roots, lambda: hashed_key(salt, roots), memo)


def hashed_key(salt: str, roots: Sequence[Root]) -> str:
    """The key itself: every matching file under ``roots``, by path relative to its root, hashed."""
    hashed = digest(salt.encode())
    for name, root, pattern in roots:
        hashed.update(name.encode() + b"\0")
        for relative in files(root, pattern):
            hashed.update(relative.encode() + b"\0")
            hashed.update((root / relative).read_bytes() + b"\0")
    return hashed.hexdigest()[:32]


def _read(path: Path, decode: Callable[[dict[str, Any]], T], *, notes: bool, walkthroughs: bool) -> T | None:
    try:
        data = path.read_bytes()
    except OSError:
        return None
    check, payload = data[:32], data[32:]
    if digest(payload).digest() != check:
        return None
    try:
        return decode(_parse(payload, notes=notes, walkthroughs=walkthroughs))
    except (ValueError, TypeError, KeyError, AttributeError):  # parsed again, and rewritten
        return None


def _parse(payload: bytes, *, notes: bool, walkthroughs: bool) -> dict[str, Any]:
    """The payload's JSON: the architectures and the errors, then the notes and the walkthroughs,
    each on a line of its own.

    Without ``notes`` their half (the larger) is not parsed: an export or a first paint
    has no use for it; nor are the walkthroughs without ``walkthroughs`` (``[]`` stands
    for either). JSON written without indenting has no line break inside.
    """
    content, notes_part, walkthroughs_part = payload.split(b"\n")
    value: dict[str, Any] = json.loads(content.replace(_ASSETS_TOKEN, _assets_json()))
    value["notes"] = json.loads(notes_part.replace(_ASSETS_TOKEN, _assets_json())) if notes else []
    value["walkthroughs"] = (
        json.loads(walkthroughs_part.replace(_ASSETS_TOKEN, _assets_json())) if walkthroughs else []
    )
    return value


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


def _decode(value: dict[str, Any], *, notes: bool = True, walkthroughs: bool = True) -> BuiltinContent:
    return BuiltinContent(
        tuple(decode_architecture(a) for a in value["architectures"]),
        tuple(decode_error(e) for e in value["errors"]),
        _decode_notes(value) if notes else (),
        _decode_walkthroughs(value) if walkthroughs else (),
        tuple(decode_error(e) for e in value["walkthrough_errors"]),
    )


def _decode_notes(value: dict[str, Any]) -> tuple[NoteDocument, ...]:
    return tuple(decode_note(n) for n in value["notes"])


def _decode_walkthroughs(value: dict[str, Any]) -> tuple[Walkthrough, ...]:
    return tuple(decode_walkthrough(w) for w in value["walkthroughs"])


def _decode_architectures(value: dict[str, Any]) -> tuple[tuple[Architecture, ...], tuple[ModelError, ...]]:
    return (
        tuple(decode_architecture(a) for a in value["architectures"]),
        tuple(decode_error(e) for e in value["errors"]),
    )


def _assets_json() -> bytes:
    """The assets folder as it appears inside a JSON string."""
    return json.dumps(str(ASSETS_DIR))[1:-1].encode()


def _write(path: Path, content: BuiltinContent) -> bool:
    """Best effort: a start that cannot write the snapshot just parses again next time."""
    encoded = _encode(content)
    if encoded is None:
        return False
    lines = (encoded, encoded.pop("notes"), encoded.pop("walkthroughs"))
    parts = (json.dumps(part, separators=(",", ":")).encode() for part in lines)
    payload = b"\n".join(parts).replace(_assets_json(), _ASSETS_TOKEN)
    again = _decode(_parse(payload, notes=True, walkthroughs=True))
    if (again.architectures, again.notes, again.walkthroughs) != (
        content.architectures,
        content.notes,
        content.walkthroughs,
    ):
        return False  # something the codec cannot keep: parse on every start rather than serve it wrong
    errors = [*content.errors, *content.walkthrough_errors]
    if [e.message for e in (*again.errors, *again.walkthrough_errors)] != [e.message for e in errors]:
        return False
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        write_atomically(path, digest(payload).digest() + payload, durable=False)
        for old in path.parent.glob("*.json"):
            if old != path:
                old.unlink(missing_ok=True)
    except (OSError, ExportError):
        return False
    return True
