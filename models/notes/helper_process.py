"""The other core's half of a large load: a Python process that parses notes (and reads them for the
architecture on screen) and sends them back; :mod:`models.notes.two_cores` drives it.

Started as ``python -c`` (:data:`COMMAND`), never forked: the app that starts it runs Qt and several
threads. It speaks length-prefixed pickles on its standard input and output (pickle, because
sending a note and its readings in one keeps the objects they share shared):

* in: ``(architecture, others)`` or None, then lists of paths; None ends it;
* out: the fingerprint of the term index it reads with ("" without one), then, per list of paths, one
  ``(document, problems, readings)`` per path (``readings`` None when there is no architecture).
"""

from __future__ import annotations

import gc
import os
import pickle
import struct
import sys
from pathlib import Path
from typing import IO, Any

from models.notes.document import NoteDocument
from models.notes.reading import NoteReadings

_LENGTH = struct.Struct("<Q")
_ROOT = str(Path(__file__).resolve().parents[2])  # the folder holding the ``models`` package
COMMAND = (
    "import sys; sys.path.insert(0, sys.argv[1]); from models.notes.helper_process import serve; serve()",
    _ROOT,
)
"""What follows ``python -c`` to start the helper."""

Parsed = tuple[NoteDocument | None, list[str], NoteReadings | None]
"""One note as the helper sends it back: the document, its problems, its readings."""


def send(stream: IO[bytes], value: Any) -> None:
    data = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
    stream.write(_LENGTH.pack(len(data)) + data)
    stream.flush()


def receive(stream: IO[bytes]) -> Any:
    """The next value on ``stream``; EOFError when it ended (the other side is gone)."""
    header = stream.read(_LENGTH.size)
    if len(header) < _LENGTH.size:
        raise EOFError("the other process ended")
    (size,) = _LENGTH.unpack(header)
    data = stream.read(size)
    if len(data) < size:
        raise EOFError("the other process ended mid-message")
    return pickle.loads(data)


def serve(stdin: IO[bytes] | None = None, stdout: IO[bytes] | None = None) -> None:
    """The helper's loop (see the module)."""
    from models.notes.library import NotesMatcher  # not for the parent, which only imports the protocol
    from models.notes.loading import load_note_file

    gc.disable()  # no reference cycles here, and the process ends soon: the collector only costs time
    source, sink = stdin or sys.stdin.buffer, stdout or sys.stdout.buffer
    if stdout is None:
        sys.stdout = sys.stderr  # a stray print must never corrupt the channel
    try:
        setup = receive(source)
        matcher = NotesMatcher(*setup) if setup is not None else None
        send(sink, matcher.fingerprint if matcher else "")
        while (paths := receive(source)) is not None:
            parsed: list[Parsed] = []
            for path in paths:
                document, problems = load_note_file(Path(path))
                readings = matcher.read(document) if matcher is not None and document is not None else None
                parsed.append((document, problems, readings))
            send(sink, parsed)
    except (EOFError, BrokenPipeError):
        pass  # the load ended or was stopped: nobody is listening
    if stdout is None:
        os._exit(0)  # skip tearing down thousands of objects: nothing is left to write
