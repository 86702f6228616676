"""The other core's half of a large load: a Python process that parses notes (and reads them for the
architecture on screen) and sends them back; :mod:`models.notes.two_cores` drives it.

Started as ``python -c`` (:data:`COMMAND`), never forked: the app that starts it runs Qt and several
threads. It speaks length-prefixed JSON on its standard input and output, in the values of the
notes cache file (:mod:`models.notes.stored`: plain values, so nothing received can run code):

* in: the term indexes to read with (:func:`~models.notes.stored.encode_terms` of each), then
  lists of requests; None ends it;
* out: the fingerprint of each index, then, per list of requests, one answer per request:

  * a path (a load): ``[document, problems, readings]``, with ``readings`` the note's for each
    index (None when it could not be parsed), or None for a note whose front matter JSON cannot
    hold (the caller parses it itself);
  * ``[path, size, mtime_ns]`` (a note the caller has parsed, to read for more architectures):
    the note's readings for each index, or None when its file is no longer that size and time
    or cannot be parsed (the caller reads its own note).
"""

from __future__ import annotations

import gc
import json
import os
import struct
import sys
from collections.abc import Callable
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

if TYPE_CHECKING:
    from models.notes.document import NoteDocument
    from models.notes.matching import TermIndex

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
    from models.notes.stored import decode_terms
    from models.notes.term_indexes import fingerprint

    gc.disable()  # no reference cycles here, and the process ends soon: the collector only costs time
    source, sink = stdin or sys.stdin.buffer, stdout or sys.stdout.buffer
    if stdout is None:
        sys.stdout = sys.stderr  # a stray print must never corrupt the channel
    try:
        indexes = [decode_terms(value) for value in receive(source)]
        answer = _answerer(indexes)
        send(sink, [fingerprint(terms) for terms in indexes])
        while (requests := receive(source)) is not None:
            send(sink, [answer(request) for request in requests])
    except (EOFError, BrokenPipeError):
        pass  # the load ended or was stopped: nobody is listening
    if stdout is None:
        os._exit(0)  # skip tearing down thousands of objects: nothing is left to write


def _answerer(indexes: list[TermIndex]) -> Callable[[str | list[Any]], Any]:
    """What :func:`serve` answers to one request (see the module)."""
    from models.notes.loading import load_note_file  # not for the parent, which only imports the protocol
    from models.notes.reading import read_note
    from models.notes.stored import encode_document, encode_readings

    def readings(document: NoteDocument) -> list[Any]:
        return [encode_readings(read_note(terms, document)) for terms in indexes]

    def answer(request: str | list[Any]) -> Any:
        if isinstance(request, str):
            document, problems = load_note_file(Path(request))
            encoded = encode_document(document) if document is not None else None
            if document is None or encoded is None:
                return None if document is not None else [None, problems, None]
            return [encoded, problems, readings(document)]
        path, size, modified = request
        try:
            status = os.stat(path)
        except OSError:
            return None
        if (status.st_size, status.st_mtime_ns) != (size, modified):
            return None
        document = load_note_file(Path(path))[0]
        if document is None:
            return None
        return readings(document)

    return answer
