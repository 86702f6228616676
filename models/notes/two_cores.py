"""A large vault on two cores: this process takes notes from the front of the list, a helper process
(:mod:`models.notes.helper_process`) small batches from the back, until they meet.

Python runs one thread at a time, so the second core needs a second process. It costs about 0.1 s
to start (Python and markdown-it), so only :data:`MIN_NOTES` notes or more start one, and meanwhile
this process is already at work. Two kinds of work are shared:

* :func:`parse_all`, a load: each note is parsed, and read for the architecture on screen with a
  matcher equal to the caller's (the helper says so by the fingerprint; otherwise its readings are
  dropped and made here);
* :func:`read_all`, parsed notes read for more architectures (the ones not on screen): the helper
  parses its notes again from their files (sending a note there costs more than parsing it) and
  sends only the readings, which are taken for this process's very notes. A note whose file changed
  since it was loaded is read here.

Whatever goes wrong with the helper (it cannot start, dies, sends garbage), the notes it held are
done here: the result is the same, only slower.
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
    from models.notes.cache import StatKey
    from models.notes.document import NoteDocument
    from models.notes.library import NotesMatcher

LoadFile = Callable[[Path], tuple["NoteDocument | None", list[str]]]
Parsed = tuple["NoteDocument | None", list[str]]
Answer = Callable[[int, Any], None]
"""Files the helper's answer for one note, by its position (one it cannot take is left undone)."""

MIN_NOTES = 200
"""Fewer notes are done here alone (a second process would cost more than it saves)."""
BATCH = 8
"""Notes per message to the helper at most: about 20 ms of its work. Near the end it gets smaller
batches (a quarter of what is left), so this process waits little for the last ones it holds."""
_IN_FLIGHT = 2  # batches the helper holds, so it never waits for the next
PATIENCE_S = 30.0
"""How long to wait for the batches the helper holds once the rest is done (eight notes take well
under a second: a helper that takes this long is stuck, and its notes are done here)."""


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

    def here(index: int) -> None:
        results[index] = _parse(load, paths[index], matcher)

    def answer(index: int, entry: Any) -> None:
        if entry is None:
            return  # a note JSON cannot carry: parsed here
        encoded, problems, readings = entry
        document = decode_document(encoded) if encoded is not None else None
        if matcher is not None and helper is not None and helper.same_readers and document is not None:
            matcher.adopt(decode_readings(document, readings[0]))
        results[index] = (document, [str(problem) for problem in problems])

    if helper is None and len(paths) >= MIN_NOTES:
        helper = start_helper([matcher] if matcher is not None else [])
    _share([str(path) for path in paths], here, answer, helper, between)
    return [result or _parse(load, path, matcher) for path, result in zip(paths, results, strict=True)]


def read_all(
    documents: Sequence[NoteDocument],
    matchers: Sequence[NotesMatcher],
    stat_key: Callable[[NoteDocument], StatKey | None],
) -> None:
    """Have each matcher read each of ``documents`` it has not read yet (they keep the readings), the
    helper process taking part of them when they are many. ``stat_key``: the (size, mtime_ns) of the
    file a note was parsed from (None when unknown: that note is read here)."""
    unread = {id(d) for matcher in matchers for d in matcher.unread(documents)}
    todo = [d for d in documents if id(d) in unread]
    keys = [stat_key(d) for d in todo]
    shared = [(document, key) for document, key in zip(todo, keys, strict=True) if key is not None]
    helper = start_helper(matchers) if len(shared) >= MIN_NOTES else None

    def here(index: int) -> None:
        for matcher in matchers:
            matcher.read(shared[index][0])

    def answer(index: int, entry: Any) -> None:
        if helper is None or not helper.same_readers or entry is None:
            return  # read here after all
        document = shared[index][0]
        for matcher, readings in zip(matchers, entry, strict=True):
            if matcher.keys_read(document) is None:
                matcher.adopt(decode_readings(document, readings))

    _share([[document.source, *key] for document, key in shared], here, answer, helper, None)
    for document in todo:  # what neither did: a note with no key, one the helper could not read
        for matcher in matchers:
            matcher.read(document)  # a look-up for the others


def _share(
    requests: Sequence[Any],
    here: Callable[[int], None],
    answer: Answer,
    helper: Helper | None,
    between: Callable[[], None] | None,
) -> None:
    """Do each request, here from the front (``here``) and by the helper from the back (``answer``
    files its answers; what it leaves undone is the caller's to do). Ends the helper."""
    pending = deque(range(len(requests)))  # popped here from the left, by the helper's feeder from the right
    try:
        if helper is not None:
            helper.take(requests, pending, answer)
        while pending:
            try:
                index = pending.popleft()
            except IndexError:  # the helper took the last ones
                break
            here(index)
            if between is not None:
                between()
        if helper is not None:
            helper.finish()
    finally:
        if helper is not None:
            helper.close()


def _parse(load: LoadFile, path: Path, matcher: NotesMatcher | None) -> Parsed:
    document, problems = load(path)
    if matcher is not None and document is not None:
        matcher.read(document)
    return document, problems


def start_helper(matchers: Sequence[NotesMatcher]) -> Helper | None:
    """A helper process starting now, to read with ``matchers`` (a load that knows early that many
    notes will be parsed starts it before listing them all: its start overlaps the listing); None on
    one core, in a bundled app, or when it cannot start."""
    if _cores() < 2 or not sys.executable or getattr(sys, "frozen", False):  # bundled: no ``python -c``
        return None
    try:
        process = subprocess.Popen(
            [sys.executable, "-c", *COMMAND], stdin=subprocess.PIPE, stdout=subprocess.PIPE
        )
    except OSError:
        return None
    return Helper(process, matchers)


def batch_size(left: int) -> int:
    """How many of the ``left`` pending notes the helper's next batch takes (see :data:`BATCH`)."""
    return min(BATCH, max(1, left // 4))


def _cores() -> int:
    affinity = getattr(os, "sched_getaffinity", None)
    return len(affinity(0)) if affinity is not None else os.cpu_count() or 1


class Helper:
    """The helper process and the thread that hands it the term indexes, then batches, and files its
    answers. The thread starts with the process, so the indexes are rebuilt there while the caller
    still lists the files; the work comes with :meth:`take`."""

    def __init__(self, process: subprocess.Popen[bytes], matchers: Sequence[NotesMatcher]):
        self._process, self._matchers = process, matchers
        self.same_readers = False
        """True once the helper said its term indexes are the matchers' (the same fingerprints)."""
        self._requests: Sequence[Any] = ()
        self._pending: deque[int] = deque()
        self._answer: Answer = lambda index, entry: None
        self._work = threading.Event()  # set once :meth:`take` gave the work (or :meth:`close` ran)
        self._held: deque[list[int]] = deque()  # the batches sent and not yet answered
        self._thread = threading.Thread(target=self._feed, name="notes-helper", daemon=True)
        self._thread.start()

    def take(self, requests: Sequence[Any], pending: deque[int], answer: Answer) -> None:
        """Do ``requests`` (see :mod:`~models.notes.helper_process`): the feeder pops their positions
        from the right of ``pending`` and files each answer with ``answer``."""
        self._requests, self._pending, self._answer = requests, pending, answer
        self._work.set()

    def finish(self) -> None:
        """Wait for the batches the helper holds (it gets no more: nothing is pending); none when it
        has not started yet, or is stuck."""
        if self._held:
            self._thread.join(PATIENCE_S)

    def close(self) -> None:
        """End the helper (at once when the work is stopped), then its feeder (which then reads the end)."""
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
        try:
            send(stdin, [encode_terms(matcher.terms) for matcher in self._matchers])
            fingerprints = receive(stdout)  # once it has started
            self.same_readers = fingerprints == [matcher.fingerprint for matcher in self._matchers]
            self._work.wait()
            held = self._held
            for _ in range(_IN_FLIGHT):
                self._claim(held, stdin)
            while held:
                answers: list[Any] = receive(stdout)
                batch = held.popleft()
                self._claim(held, stdin)
                for index, entry in zip(batch, answers, strict=True):
                    self._answer(index, entry)
            send(stdin, None)
        except Exception:  # noqa: BLE001 - the helper is gone or confused: the caller does what it held
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
            send(stdin, [self._requests[index] for index in batch])
