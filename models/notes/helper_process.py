"""The other core's half of a large load: a Python process that parses notes (and reads them for the
architecture on screen) and sends them back; :mod:`models.notes.two_cores` drives it.

Started as ``python -c`` (:data:`COMMAND`), never forked: the app that starts it runs Qt and several
threads. It speaks length-prefixed JSON on its standard input and output, in the values of the
notes cache file (:mod:`models.notes.stored`: plain values, so nothing received can run code):

* in: the term index to read with (:func:`~models.notes.stored.encode_terms`) or None, then lists
  of paths; None ends it;
* out: the fingerprint of that index ("" without one), then, per list of paths, one entry per path:
  ``[document, problems, readings]`` (``readings`` None without an index), or None for a note whose
  front matter JSON cannot hold (the caller parses it itself).
"""

from __future__ import annotations

import gc
import json
import os
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


def send(stream: IO[bytes], value: Any) -> None:
    data = json.dumps(value, separators=(",", ":")).encode()
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
    return json.loads(data)


def serve(stdin: IO[bytes] | None = None, stdout: IO[bytes] | None = None) -> None:
    """The helper's loop (see the module)."""
    from models.notes.loading import load_note_file  # not for the parent, which only imports the protocol
    from models.notes.reading import read_note
    from models.notes.stored import decode_terms, encode_document, encode_readings
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
                encoded = encode_document(document) if document is not None else None
                if document is not None and encoded is None:
                    parsed.append(None)
                    continue
                readings = read_note(terms, document) if terms is not None and document is not None else None
                parsed.append([encoded, problems, encode_readings(readings) if readings else None])
            send(sink, parsed)
    except (EOFError, BrokenPipeError):
        pass  # the load ended or was stopped: nobody is listening
    if stdout is None:
        os._exit(0)  # skip tearing down thousands of objects: nothing is left to write
