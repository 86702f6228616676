"""The other core's half of a large load: a Python process that parses notes (and reads them for the
architecture on screen) and sends them back; :mod:`models.notes.two_cores` drives it.

Started as ``python -c`` (:data:`COMMAND`), never forked: the app that starts it runs Qt and several
threads. It speaks length-prefixed messages on its standard input and output:

* in (JSON, plain values): the term index to read with (:func:`~models.notes.stored.encode_terms`) or
  None, then lists of paths; None ends it;
* out: the fingerprint of that index ("" without one, JSON), then, per list of paths, one entry per
  path: ``(document, problems, readings)`` (``readings`` None without an index), pickled.

Pickle, not JSON, for the notes: building and reading JSON and rebuilding the notes from it cost twice
as much, on both sides. Only notes, their parts, readings, dates and plain values are unpickled
(:func:`receive_notes`): nothing received can run code, as with the JSON it replaces.
"""

from __future__ import annotations

import gc
import io
import json
import os
import pickle
import struct
import sys
from pathlib import Path
from typing import IO, Any

_LENGTH = struct.Struct("<Q")
_ROOT = str(Path(__file__).resolve().parents[2])  # the folder holding the ``models`` package
COMMAND = (
    "import sys; sys.path.insert(0, sys.argv[1]); from models.notes.helper_process import serve; serve()",
    _ROOT,
)
"""What follows ``python -c`` to start the helper."""
_UNPICKLED = frozenset(
    {
        ("models.notes.document", "NoteDocument"),
        ("models.notes.document", "Section"),
        ("models.notes.document", "Block"),
        ("models.notes.reading", "Reading"),
        *(("datetime", name) for name in ("date", "datetime", "time", "timedelta", "timezone")),
    }
)
"""The classes a helper's answer may hold (YAML front matter holds dates and times)."""


def send(stream: IO[bytes], value: Any) -> None:
    """``value`` as JSON (plain values only)."""
    _write(stream, json.dumps(value, separators=(",", ":")).encode())


def receive(stream: IO[bytes]) -> Any:
    """The next JSON value on ``stream``; EOFError when it ended (the other side is gone)."""
    return json.loads(_read(stream))


def send_notes(stream: IO[bytes], entries: list[Any]) -> None:
    """Parsed notes with their problems and readings (see the module), pickled."""
    _write(stream, pickle.dumps(entries, protocol=pickle.HIGHEST_PROTOCOL))


def receive_notes(stream: IO[bytes]) -> Any:
    """The next :func:`send_notes` answer; EOFError when the stream ended, ``pickle.UnpicklingError``
    when it holds anything but notes, readings, dates and plain values."""
    return _NotesUnpickler(io.BytesIO(_read(stream))).load()


class _NotesUnpickler(pickle.Unpickler):
    def find_class(self, module: str, name: str) -> Any:
        if (module, name) not in _UNPICKLED:
            raise pickle.UnpicklingError(f"{module}.{name} is not part of a note")
        return super().find_class(module, name)


def _write(stream: IO[bytes], data: bytes) -> None:
    stream.write(_LENGTH.pack(len(data)) + data)
    stream.flush()


def _read(stream: IO[bytes]) -> bytes:
    header = stream.read(_LENGTH.size)
    if len(header) < _LENGTH.size:
        raise EOFError("the other process ended")
    (size,) = _LENGTH.unpack(header)
    data = stream.read(size)
    if len(data) < size:
        raise EOFError("the other process ended mid-message")
    return data


def serve(stdin: IO[bytes] | None = None, stdout: IO[bytes] | None = None) -> None:
    """The helper's loop (see the module)."""
    from models.notes.library import read_note  # not for the parent, which only imports the protocol
    from models.notes.loading import load_note_file
    from models.notes.stored import decode_terms
    from models.notes.term_indexes import fingerprint

    gc.disable()  # no reference cycles here, and the process ends soon: the collector only costs time
    source, sink = stdin or sys.stdin.buffer, stdout or sys.stdout.buffer
    if stdout is None:
        sys.stdout = sys.stderr  # a stray print must never corrupt the channel
    try:
        setup = receive(source)
        terms = decode_terms(setup) if setup is not None else None
        send(sink, fingerprint(terms) if terms is not None else "")
        while (paths := receive(source)) is not None:
            parsed: list[Any] = []
            for path in paths:
                document, problems = load_note_file(Path(path))
                readings = read_note(terms, document) if terms is not None and document is not None else None
                parsed.append((document, problems, readings))
            send_notes(sink, parsed)
    except (EOFError, BrokenPipeError):
        pass  # the load ended or was stopped: nobody is listening
    if stdout is None:
        os._exit(0)  # skip tearing down thousands of objects: nothing is left to write
