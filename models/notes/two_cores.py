"""Parsing a large vault on two cores: this process takes notes from the front of the list, a helper
process (:mod:`models.notes.helper_process`) small batches from the back, until they meet.

Python runs one thread at a time, so the second core needs a second process. It costs about 0.2 s
to start (Python and markdown-it), so only a load of :data:`MIN_NOTES` notes or more starts one,
and meanwhile this process is already parsing. The helper also reads each note for the architecture
on screen, with a matcher equal to the caller's (it says so by the fingerprint; otherwise its readings
are dropped and made here). Whatever goes wrong with the helper (it cannot start, dies, sends
garbage), the notes it held are parsed here: the result is the same, only slower.
"""

from __future__ import annotations

import contextlib
import os
import subprocess
import sys
import threading
from collections import deque
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from models.notes.helper_process import COMMAND, receive, send
from models.notes.stored import decode_document, decode_readings, encode_terms

if TYPE_CHECKING:
    from models.notes.document import NoteDocument
    from models.notes.library import NotesMatcher

LoadFile = Callable[[Path], tuple["NoteDocument | None", list[str]]]
Parsed = tuple["NoteDocument | None", list[str]]

MIN_NOTES = 200
"""Fewer notes to parse are parsed here alone (a second process would cost more than it saves)."""
BATCH = 8
"""Notes per message to the helper at most: about 20 ms of its work. Near the end it gets smaller
batches (a quarter of what is left), so this process waits little for the last ones it holds."""
_IN_FLIGHT = 2  # batches the helper holds, so it never waits for the next
PATIENCE_S = 30.0
"""How long to wait for the batches the helper holds once the rest is done (eight notes take well
under a second: a helper that takes this long is stuck, and its notes are parsed here)."""


def parse_all(
    paths: Sequence[Path],
    load: LoadFile,
    matcher: NotesMatcher | None = None,
    *,
    between: Callable[[], None] | None = None,
    helper: Helper | None = None,
) -> list[Parsed]:
    """``load`` (:func:`~models.notes.loading.load_note_file`) of each path, in order, with ``matcher``'s
    readings made (and kept by it) on the way; with many paths, part of them in a helper process.
    ``between`` is called between notes parsed here and may raise to stop (the helper then ends too).
    ``helper``: one already started for ``matcher`` (:func:`start_helper`); this ends it."""
    results: list[Parsed | None] = [None] * len(paths)
    pending = deque(range(len(paths)))  # this process pops from the left, the helper's feeder from the right
    if helper is None and len(paths) >= MIN_NOTES:
        helper = start_helper(matcher)
    try:
        if helper is not None:
            helper.take(paths, pending, results)
        while pending:
            try:
                index = pending.popleft()
            except IndexError:  # the helper took the last ones
                break
            results[index] = _parse(load, paths[index], matcher)
            if between is not None:
                between()
        if helper is not None:
            helper.finish()
    finally:
        if helper is not None:
            helper.close()
    return [result or _parse(load, path, matcher) for path, result in zip(paths, results, strict=True)]


def start_helper(matcher: NotesMatcher | None) -> Helper | None:
    """A helper process starting now, to read with ``matcher`` (a caller that knows early that many
    notes will be parsed starts it before listing them: its start overlaps the listing); None on one
    core, in a bundled app, or when it cannot start."""
    if _cores() < 2 or not sys.executable or getattr(sys, "frozen", False):  # bundled: no ``python -c``
        return None
    try:
        process = subprocess.Popen(
            [sys.executable, "-c", *COMMAND], stdin=subprocess.PIPE, stdout=subprocess.PIPE
        )
    except OSError:
        return None
    return Helper(process, matcher)


def _parse(load: LoadFile, path: Path, matcher: NotesMatcher | None) -> Parsed:
    document, problems = load(path)
    if matcher is not None and document is not None:
        matcher.read(document)
    return document, problems


def batch_size(left: int) -> int:
    """How many of the ``left`` pending notes the helper's next batch takes (see :data:`BATCH`)."""
    return min(BATCH, max(1, left // 4))


def _cores() -> int:
    affinity = getattr(os, "sched_getaffinity", None)
    return len(affinity(0)) if affinity is not None else os.cpu_count() or 1


class Helper:
    """The helper process and the thread that hands it the term index, then batches, and files its
    answers. The thread starts with the process, so the index is built there while the files are
    still being listed here; the notes come with :meth:`take`."""

    def __init__(self, process: subprocess.Popen[bytes], matcher: NotesMatcher | None):
        self._process, self._matcher = process, matcher
        self._paths: Sequence[Path] = ()
        self._pending: deque[int] = deque()
        self._results: list[Parsed | None] = []
        self._work = threading.Event()  # set once :meth:`take` gave the notes (or :meth:`close` ran)
        self._held: deque[list[int]] = deque()  # the batches sent and not yet answered
        self._thread = threading.Thread(target=self._feed, name="notes-helper", daemon=True)
        self._thread.start()

    def take(self, paths: Sequence[Path], pending: deque[int], results: list[Parsed | None]) -> None:
        """Parse ``paths`` with this process: the helper's feeder pops indexes from the right of
        ``pending`` and puts each note at its index in ``results``."""
        self._paths, self._pending, self._results = paths, pending, results
        self._work.set()

    def finish(self) -> None:
        """Wait for the batches the helper holds (it gets no more: nothing is pending); none when it
        has not started yet, or is stuck."""
        if self._held:
            self._thread.join(PATIENCE_S)

    def close(self) -> None:
        """End the helper (at once when the load is stopped), then its feeder (which then reads the end)."""
        if self._process.poll() is None:
            self._process.kill()
        self._process.wait()
        self._work.set()  # a feeder still waiting for notes ends now
        self._thread.join()
        for stream in (self._process.stdin, self._process.stdout):
            if stream is not None:
                # A batch the killed helper never read may still be buffered: flushing it on
                # close fails with a broken pipe, and the file is closed all the same.
                with contextlib.suppress(OSError):
                    stream.close()

    def _feed(self) -> None:
        stdin, stdout = self._process.stdin, self._process.stdout
        if stdin is None or stdout is None:
            return
        matcher = self._matcher
        try:
            send(stdin, encode_terms(matcher.terms) if matcher is not None else None)
            fingerprint = receive(stdout)  # once it has started
            same_reader = matcher is not None and fingerprint == matcher.fingerprint
            self._work.wait()
            held = self._held
            for _ in range(_IN_FLIGHT):
                self._claim(held, stdin)
            while held:
                parsed: list[Any] = receive(stdout)
                batch = held.popleft()
                self._claim(held, stdin)
                for index, entry in zip(batch, parsed, strict=True):
                    if entry is None:
                        continue  # a note JSON cannot carry: parsed by the caller
                    encoded, problems, readings = entry
                    document = decode_document(encoded) if encoded is not None else None
                    if same_reader and document is not None and readings is not None:
                        matcher.adopt(decode_readings(document, readings))  # type: ignore[union-attr]
                    self._results[index] = (document, [str(problem) for problem in problems])
            send(stdin, None)
        except Exception:  # noqa: BLE001 - the helper is gone or confused: the caller parses what it held
            return

    def _claim(self, held: deque[list[int]], stdin: IO[bytes]) -> None:
        batch: list[int] = []
        size = batch_size(len(self._pending))
        while len(batch) < size:
            try:
                batch.append(self._pending.pop())
            except IndexError:
                break
        if batch:
            batch.reverse()
            held.append(batch)
            send(stdin, [str(self._paths[index]) for index in batch])
