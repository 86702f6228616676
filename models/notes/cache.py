"""Parsed notes and what they say about each architecture, kept between loads and between runs.

Each note is kept under its path with its file's (size, mtime_ns): a reload, or
a restart when the cache has a file, parses again only the notes whose file
changed, and matches again only those (readings are kept per note and per
:class:`~models.notes.matching.TermIndex` fingerprint). The file is compressed
JSON (:mod:`models.notes.stored`); it is read back only when it was written by
the same code (:data:`CODE_VERSION`, a hash of this package's sources), and a
damaged or foreign file is ignored. Readings from the file are rebuilt only
when a matcher asks for them.
"""

from __future__ import annotations

import gc
import hashlib
import json
import os
import tempfile
import threading
import zlib
from collections.abc import Collection, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from models.notes.document import NoteDocument
from models.notes.reading import NoteReadings
from models.notes.stored import decode_document, decode_readings, encode_document, encode_readings

StatKey = tuple[int, int]
"""A note file's (size, mtime_ns): when either changes, the note is read again."""
_Entry = tuple[StatKey, NoteDocument | None, tuple[str, ...]]
_FORMAT = 3


def _code_version() -> str:
    """A hash of the sources that decide how a note is parsed and read ("" when they are not at hand)."""
    digest = hashlib.sha256(str(_FORMAT).encode())
    sources = sorted(Path(__file__).parent.glob("*.py"))
    for source in sources:
        try:
            digest.update(source.read_bytes())
        except OSError:
            return ""
    return digest.hexdigest() if sources else ""


CODE_VERSION = _code_version()


class NotesCache:
    """Notes and readings by path; with a ``path``, also saved to and loaded from that file.

    Safe to share between threads: every lookup and update is one dictionary
    operation, and :meth:`save` copies what it writes first.
    """

    def __init__(self, path: Path | None = None):
        self.path = path
        self._notes: dict[str, _Entry] = {}
        self._readings: dict[str, dict[str, NoteReadings]] = {}
        self._stored: dict[str, dict[str, Any]] = {}  # readings from the file, rebuilt when asked for
        self._from_file: dict[str, NoteDocument] = {}  # the notes those readings were made from
        self._touched: set[str] = set()
        self._saved: tuple[int, set[str], int] = (0, set(), 0)  # changes, notes, readings last written
        self._changes = 0
        self._lock = threading.Lock()
        self._loaded = path is None

    def note(self, source: str, key: StatKey) -> tuple[NoteDocument | None, list[str]] | None:
        """The note read from ``source`` when its file had ``key``; None if it has changed or is new."""
        self._load()
        entry = self._notes.get(source)
        if entry is None or entry[0] != key:
            return None
        self._touched.add(source)
        return entry[1], list(entry[2])

    def keep_note(
        self, source: str, key: StatKey, document: NoteDocument | None, problems: list[str]
    ) -> None:
        self._notes[source] = (key, document, tuple(problems))
        self._touched.add(source)
        self._changes += 1

    def stat_key(self, document: NoteDocument) -> StatKey | None:
        """The (size, mtime_ns) of the file ``document`` was parsed from, when it is the note kept here."""
        entry = self._notes.get(document.source)
        return entry[0] if entry is not None and entry[1] is document else None

    def readings(self, fingerprint: str) -> dict[str, NoteReadings]:
        """The readings by one term index, by note path; the matcher adds to this very dictionary."""
        self._load()
        return self._readings.setdefault(fingerprint, {})

    def stored_readings(self, fingerprint: str, document: NoteDocument) -> NoteReadings | None:
        """What the file says ``document`` says for one term index (None if it does not know)."""
        if self._from_file.get(document.source) is not document:
            return None
        value = self._stored.get(fingerprint, {}).pop(document.source, None)
        try:
            return decode_readings(document, value) if value is not None else None
        except Exception:  # noqa: BLE001 - damaged readings are read again from the note
            return None

    def save(self, fingerprints: Collection[str] | None = None) -> None:
        """Write the notes met since the last save, and their readings, to the file (unless it already
        holds just that); a file that cannot be written only costs parsing at the next start.

        ``fingerprints``: the term indexes still in use (by default all); the readings of the others
        (architectures since changed) are forgotten.
        """
        if fingerprints is not None:
            for stale in (set(self._readings) | set(self._stored)) - set(fingerprints):
                self._readings.pop(stale, None)
                self._stored.pop(stale, None)
        touched, self._touched = self._touched, set()
        held = (self._changes, touched, sum(len(by_note) for by_note in list(self._readings.values())))
        if self.path is None or held == self._saved:
            return
        self._saved = held
        notes = {source: entry for source, entry in list(self._notes.items()) if source in touched}
        try:
            data = zlib.compress(json.dumps(self._state(notes)).encode(), 1)
            _write_atomically(self.path, data)
        except (OSError, ValueError, TypeError, RecursionError):
            return

    def _state(self, notes: dict[str, _Entry]) -> dict[str, Any]:
        encoded = {
            source: [list(key), encode_document(document) if document else None, list(problems)]
            for source, (key, document, problems) in notes.items()
        }
        kept = {
            source for source, entry in encoded.items() if entry[1] is not None or notes[source][1] is None
        }
        readings: dict[str, dict[str, Any]] = {}
        for fingerprint in set(self._readings) | set(self._stored):
            by_note = readings[fingerprint] = {
                source: value
                for source, value in list(self._stored.get(fingerprint, {}).items())
                if source in kept and self._from_file.get(source) is notes[source][1]
            }
            for source, found in list(self._readings.get(fingerprint, {}).items()):
                if source in kept and notes[source][1] is found[0]:
                    by_note[source] = encode_readings(found)
        return {
            "format": _FORMAT,
            "code": CODE_VERSION,
            "notes": {source: encoded[source] for source in kept},
            "readings": readings,
        }

    def _load(self) -> None:
        if self._loaded:
            return
        with self._lock:
            if self._loaded:
                return
            state = _read_state(self.path) if self.path is not None and CODE_VERSION else None
            if state is not None:
                notes, self._stored = state
                self._notes.update(notes)
                self._from_file = {source: entry[1] for source, entry in notes.items() if entry[1]}
            self._loaded = True


def _read_state(path: Path) -> tuple[dict[str, _Entry], dict[str, dict[str, Any]]] | None:
    """The notes in the cache file, and its readings still encoded (None when it cannot be used)."""
    try:
        with collector_paused():
            state = json.loads(zlib.decompress(path.read_bytes()))
            if state.get("format") != _FORMAT or state.get("code") != CODE_VERSION:
                return None
            notes: dict[str, _Entry] = {}
            for source, (key, document, problems) in state["notes"].items():
                stamp = (int(key[0]), int(key[1]))
                notes[str(source)] = (stamp, decode_document(document) if document else None, tuple(problems))
            readings = {str(fingerprint): dict(by_note) for fingerprint, by_note in state["readings"].items()}
    except Exception:  # noqa: BLE001 - a missing, damaged or foreign cache only costs a full parse
        return None
    return notes, readings


def settle() -> None:
    """Move every object alive now out of the cyclic garbage collector's sight (``gc.freeze``).

    Called once notes are loaded or matched: a large vault is hundreds of thousands
    of objects that live until the next load, and each full collection would walk
    them all, stopping every thread (the window's too) for a good part of a second,
    many times during the next load. They hold no reference cycles, so they are
    still freed as usual when dropped.
    """
    gc.freeze()


@contextmanager
def collector_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector while a vault is parsed or matched, then :func:`settle`.

    Parsing and matching make no reference cycles (their garbage is freed as it goes), but
    they make so many objects that the collector would walk the growing heap again and again.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        settle()
        if enabled:
            gc.enable()


def _write_atomically(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=path.name, suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(handle, "wb") as file:
            file.write(data)
        os.replace(temporary, path)
    except OSError:
        Path(temporary).unlink(missing_ok=True)
        raise
